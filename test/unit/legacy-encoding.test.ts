import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  detectLegacyEncoding,
  isVietnameseSyllable,
  tcvn3ToUnicode,
  unicodeToTcvn3Chars,
  unicodeToVni,
  vniToUnicode,
} from '../../main/import/legacy-encoding';

/**
 * Real names from commune lists: [Unicode, as an .xlsx cell holds it when typed with a
 * TCVN3 (.VnTime) font, with a VNI-Windows font]. The legacy spellings were checked
 * against published TCVN3 and VNI-Windows tables, not only produced by our encoders.
 */
const NAMES: Array<[string, string, string]> = [
  ['Chợ Kỳ Bắc', 'Chî Kú B¾c', 'Chôï Kyø Baéc'],
  ['Đường', '§\u00adêng', 'Ñöôøng'],
  ['Nguyễn Thị Thuý', 'NguyÔn ThÞ Thuý', 'Nguyeãn Thò Thuyù'],
  ['Hoà Bình', 'Hoµ B×nh', 'Hoaø Bình'],
  ['Hòa Bình', 'Hßa B×nh', 'Hoøa Bình'],
  ['Xóm Ngụ Quế', 'Xãm Ngô QuÕ', 'Xoùm Nguï Queá'],
  ['Trường THCS Lê Quý Đôn', 'Tr\u00adêng THCS Lª Quý §«n', 'Tröôøng THCS Leâ Quyù Ñoân'],
  ['UỶ BAN NHÂN DÂN XÃ KỲ BẮC', 'U\u0014 BAN NH¢N D¢N X‚ K\u0013 BÀC', 'UYÛ BAN NHAÂN DAÂN XAÕ KYØ BAÉC'],
  ['Quán cà phê Đường Sắt', 'Qu¸n cµ phª §\u00adêng S¾t', 'Quaùn caø pheâ Ñöôøng Saét'],
  ['Đặng Thị Ngọc Ánh', '§Æng ThÞ Ngäc ƒnh', 'Ñaëng Thò Ngoïc AÙnh'],
  ['Nguyễn Văn Đức', 'NguyÔn V¨n §øc', 'Nguyeãn Vaên Ñöùc'],
  ['Phường Đông Hà', 'Ph\u00adêng §«ng Hµ', 'Phöôøng Ñoâng Haø'],
  ['Thôn Tân Thượng', 'Th«n T©n Th\u00adîng', 'Thoân Taân Thöôïng'],
  ['Tổ dân phố Hưng Hoà', 'Tæ d©n phè H\u00adng Hoµ', 'Toå daân phoá Höng Hoaø'],
  ['Tạp hoá Bà Hương', 'T¹p ho¸ Bµ H\u00ad¬ng', 'Taïp hoaù Baø Höông'],
  ['Karaoke Ước Mơ', 'Karaoke ¦íc M¬', 'Karaoke Öôùc Mô'],
  ['Cửa hàng xăng dầu Kỳ Anh', 'Cöa hµng x¨ng dÇu Kú Anh', 'Cöûa haøng xaêng daàu Kyø Anh'],
  ['Trạm Y tế xã Kỳ Tiến', 'Tr¹m Y tÕ x· Kú TiÕn', 'Traïm Y teá xaõ Kyø Tieán'],
  ['Bưu điện văn hoá xã', 'B\u00adu ®iÖn v¨n ho¸ x·', 'Böu ñieän vaên hoaù xaõ'],
  ['Chùa Phước Hậu', 'Chïa Ph\u00adíc HËu', 'Chuøa Phöôùc Haäu'],
  ['Nhà thờ Giáo xứ Xuân Hải', 'Nhµ thê Gi¸o xø Xu©n H¶i', 'Nhaø thôø Giaùo xöù Xuaân Haûi'],
  ['Bến xe Hồng Lĩnh', 'BÕn xe Hång LÜnh', 'Beán xe Hoàng Lónh'],
  ['Quán bún bò Huế Ngự Bình', 'Qu¸n bón bß HuÕ Ngù B×nh', 'Quaùn buùn boø Hueá Ngöï Bình'],
  ['Xưởng mộc Phúc Lộc', 'X\u00adëng méc Phóc Léc', 'Xöôûng moäc Phuùc Loäc'],
  ['Khách sạn Mường Thanh', 'Kh¸ch s¹n M\u00adêng Thanh', 'Khaùch saïn Möôøng Thanh'],
  ['Hợp tác xã Thuỷ sản', 'Hîp t¸c x· Thuû s¶n', 'Hôïp taùc xaõ Thuyû saûn'],
  ['Quầy thuốc Khỏe', 'QuÇy thuèc Kháe', 'Quaày thuoác Khoûe'],
  ['Lê Thị Mỹ Duyên', 'Lª ThÞ Mü Duyªn', 'Leâ Thò Myõ Duyeân'],
  ['Trần Quốc Toản', 'TrÇn Quèc To¶n', 'Traàn Quoác Toaûn'],
  ['Huỳnh Tấn Phát', 'Huúnh TÊn Ph¸t', 'Huyønh Taán Phaùt'],
  ['Võ Thị Sáu', 'Vâ ThÞ S¸u', 'Voõ Thò Saùu'],
  ['Tiệm vàng Kim Quý', 'TiÖm vµng Kim Quý', 'Tieäm vaøng Kim Quyù'],
  ['Lò rèn Ông Ẩn', 'Lß rÌn ¤ng Ân', 'Loø reøn OÂng AÅn'],
  ['ĐƯỜNG TRẦN PHÚ', '§¦˜NG TRÁN PH\u0001', 'ÑÖÔØNG TRAÀN PHUÙ'],
  ['Ủy ban Mặt trận Tổ quốc', 'žy ban MÆt trËn Tæ quèc', 'UÛy ban Maët traän Toå quoác'],
  ['Quán Ốc Ếch', 'Qu¸n ÿc Úch', 'Quaùn OÁc EÁch'],
  ['Chùa Ỷ Lan', 'Chïa \u0014 Lan', 'Chuøa YÛ Lan'],
  ['Nhà văn hoá thôn Yên Thượng', 'Nhµ v¨n ho¸ th«n Yªn Th\u00adîng', 'Nhaø vaên hoaù thoân Yeân Thöôïng'],
  ['Tiệm may Ngọc Diệp', 'TiÖm may Ngäc DiÖp', 'Tieäm may Ngoïc Dieäp'],
  ['Đồng Khởi', '§ång Khëi', 'Ñoàng Khôûi'],
  ['Kỳ Thịnh, Kỳ Anh, Hà Tĩnh', 'Kú ThÞnh, Kú Anh, Hµ TÜnh', 'Kyø Thònh, Kyø Anh, Haø Tónh'],
  ['Lữ quán Khuya', 'L÷ qu¸n Khuya', 'Löõ quaùn Khuya'],
];

const UNICODE = NAMES.map(([unicode]) => unicode);
const TCVN3 = NAMES.map(([, tcvn3]) => tcvn3);
const VNI = NAMES.map(([, , vni]) => vni);

/** The fixture recipe, independent of our code: iconv-lite's TCVN3 bytes, shown as Windows-1252 characters. */
function tcvn3CellText(text: string): string {
  return Array.from(iconv.encode(text, 'tcvn'), (byte) => {
    const char = iconv.decode(Uint8Array.of(byte), 'cp1252');
    return char === '\uFFFD' ? String.fromCharCode(byte) : char;
  }).join('');
}

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** The 134 letters Vietnamese adds to ASCII: 66 toned or modified vowels and đ, in both cases. */
const LETTERS = (() => {
  const lower = VOWELS.flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC'))).filter((letter) => !/^[a-z]$/.test(letter));
  lower.push('đ');
  return [...lower, ...lower.map((letter) => letter.toUpperCase())];
})();

/** Every spelling shape: initials × vowel groups × finals × a tone on each vowel of the group, kept when well spelt. */
function syllables(): string[] {
  const initials = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
  const groups = [
    ...VOWELS,
    ...['ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê'],
    ...['iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu'],
  ];
  const finals = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
  const found = new Set<string>();
  for (const initial of initials) {
    for (const group of groups) {
      for (const final of finals) {
        for (let position = 0; position < group.length; position++) {
          for (const tone of TONES) {
            const syllable = (initial + group.slice(0, position + 1) + tone + group.slice(position + 1) + final).normalize('NFC');
            if (isVietnameseSyllable(syllable)) found.add(syllable);
          }
        }
      }
    }
  }
  return [...found];
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

describe('TCVN3 (ABC, .VnTime)', () => {
  it('reads the example of the issue byte for byte', () => {
    const bytes = [0x43, 0x68, 0xee, 0x20, 0x4b, 0xfa, 0x20, 0x42, 0xbe, 0x63];
    expect(iconv.decode(Buffer.from(bytes), 'tcvn')).toBe('Chợ Kỳ Bắc');
    expect(tcvn3ToUnicode(String.fromCharCode(...bytes))).toBe('Chợ Kỳ Bắc');
  });

  it.each(NAMES)('reads %j from %j', (unicode, tcvn3) => {
    expect(tcvn3ToUnicode(tcvn3)).toBe(unicode);
  });

  it.each(NAMES)('writes %j as %j', (unicode, tcvn3) => {
    expect(unicodeToTcvn3Chars(unicode)).toBe(tcvn3);
    expect(tcvn3CellText(unicode)).toBe(tcvn3);
  });

  it('gives NFC, even from decomposed input of the encoder', () => {
    for (const [unicode, tcvn3] of NAMES) {
      expect(unicodeToTcvn3Chars(unicode.normalize('NFD'))).toBe(tcvn3);
      expect(tcvn3ToUnicode(tcvn3)).toBe(tcvn3ToUnicode(tcvn3).normalize('NFC'));
    }
  });

  it('reads bytes 0x80–0x9F given as C1 control characters as well as Windows-1252 glyphs', () => {
    expect(tcvn3ToUnicode('X\u0082')).toBe('XÃ');
    expect(tcvn3ToUnicode('X‚')).toBe('XÃ');
    expect(tcvn3ToUnicode('\u0083o')).toBe('Áo');
    expect(tcvn3ToUnicode('ƒo')).toBe('Áo');
  });

  it('keeps dashes and quote marks that are punctuation, not capitals', () => {
    expect(tcvn3ToUnicode('Hå Kú – B¾c')).toBe('Hồ Kỳ – Bắc');
    expect(tcvn3ToUnicode('Qu¸n ‘Hoa Sen’')).toBe('Quán ‘Hoa Sen’');
    expect(tcvn3ToUnicode('“Nhµ nghØ”…')).toBe('“Nhà nghỉ”…');
    expect(tcvn3ToUnicode('H–C – H–')).toBe('HỌC – HỌ');
  });

  it('attaches the standalone tone marks (0xB0–0xB4) to a vowel only', () => {
    expect(tcvn3ToUnicode('Ho°')).toBe('Hò');
    expect(tcvn3ToUnicode('Ca³')).toBe('Cá');
    expect(tcvn3ToUnicode('Nhiệt độ 25°C')).toBe('Nhiệt độ 25°C');
    expect(tcvn3ToUnicode('25°C ± 2')).toBe('25°C ± 2');
  });

  it('reads text typed in the all-caps font (.VnTimeH) with lowercase codes as capitals', () => {
    expect(tcvn3ToUnicode('Uû BAN NH©N D©N X· Kú B¾C')).toBe('UỶ BAN NHÂN DÂN XÃ KỲ BẮC');
    expect(tcvn3ToUnicode('§¦êNG TRÇN PHó')).toBe('ĐƯỜNG TRẦN PHÚ');
    expect(tcvn3ToUnicode('DANH S¸CH C¥ Së')).toBe('DANH SÁCH CƠ SỞ');
    // One capital is a name in title case, not a caps font.
    expect(tcvn3ToUnicode('Kú')).toBe('Kỳ');
    expect(tcvn3ToUnicode('Hå Kú')).toBe('Hồ Kỳ');
  });

  it('leaves ASCII, digits and characters outside Windows-1252 alone', () => {
    expect(tcvn3ToUnicode('Karaoke 123 - UBND')).toBe('Karaoke 123 - UBND');
    expect(tcvn3ToUnicode('Kiốt số 12A')).toBe('Kiốt số 12A');
    expect(tcvn3ToUnicode('')).toBe('');
  });

  it('round-trips every well-spelt syllable, in lower, title and upper case', () => {
    const all = syllables();
    expect(all.length).toBeGreaterThan(10_000);
    const failures: string[] = [];
    for (const syllable of all) {
      for (const word of [syllable, titleCase(syllable), syllable.toUpperCase()]) {
        const cell = unicodeToTcvn3Chars(word);
        // A one-letter capital whose code Windows draws as a dash or quote ("Ọ" as "–")
        // stays punctuation when it stands alone; inside a text it is read as the letter.
        const loneMark = cell.length === 1 && cell.charCodeAt(0) > 0xff && !/\p{L}/u.test(cell);
        const expected = loneMark ? cell : word;
        if (tcvn3ToUnicode(cell) !== expected) failures.push(word);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('round-trips all 134 Vietnamese letters inside a word', () => {
    expect(new Set(LETTERS).size).toBe(134);
    for (const letter of LETTERS) {
      const word = `X${letter}n`;
      expect(tcvn3ToUnicode(unicodeToTcvn3Chars(word))).toBe(word);
    }
  });
});

describe('VNI-Windows', () => {
  it.each(NAMES)('reads %j from %j', (unicode, _tcvn3, vni) => {
    expect(vniToUnicode(vni)).toBe(unicode);
  });

  it.each(NAMES)('writes %j as %j', (unicode, _tcvn3, vni) => {
    expect(unicodeToVni(unicode)).toBe(vni);
    expect(unicodeToVni(unicode.normalize('NFD'))).toBe(vni);
  });

  it('spells the letters as the VNI-Windows table does', () => {
    const table: Array<[string, string]> = [
      ['á à ả ã ạ', 'aù aø aû aõ aï'],
      ['â ấ ầ ẩ ẫ ậ', 'aâ aá aà aå aã aä'],
      ['ă ắ ằ ẳ ẵ ặ', 'aê aé aè aú aü aë'],
      ['é è ẻ ẽ ẹ ê ế ề ể ễ ệ', 'eù eø eû eõ eï eâ eá eà eå eã eä'],
      ['í ì ỉ ĩ ị', 'í ì æ ó ò'],
      ['ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ', 'où oø oû oõ oï oâ oá oà oå oã oä'],
      ['ơ ớ ờ ở ỡ ợ', 'ô ôù ôø ôû ôõ ôï'],
      ['ú ù ủ ũ ụ ư ứ ừ ử ữ ự', 'uù uø uû uõ uï ö öù öø öû öõ öï'],
      ['ý ỳ ỷ ỹ ỵ đ', 'yù yø yû yõ î ñ'],
      ['Á Ầ Ặ Ế Ị Ộ Ợ Ừ Ỵ Đ', 'AÙ AÀ AË EÁ Ò OÄ ÔÏ ÖØ Î Ñ'],
    ];
    for (const [unicode, vni] of table) {
      expect(unicodeToVni(unicode)).toBe(vni);
      expect(vniToUnicode(vni)).toBe(unicode);
    }
  });

  it('round-trips all 134 Vietnamese letters, alone and inside a word', () => {
    expect(new Set(LETTERS).size).toBe(134);
    const spellings = new Set(LETTERS.map(unicodeToVni));
    expect(spellings.size).toBe(134);
    for (const letter of LETTERS) {
      expect(vniToUnicode(unicodeToVni(letter))).toBe(letter);
      expect(vniToUnicode(unicodeToVni(`Ng${letter}${letter}n`))).toBe(`Ng${letter}${letter}n`);
    }
  });

  it('round-trips every well-spelt syllable, in lower, title and upper case', () => {
    const all = syllables();
    const failures: string[] = [];
    for (const syllable of all) {
      for (const word of [syllable, titleCase(syllable), syllable.toUpperCase()]) {
        if (vniToUnicode(unicodeToVni(word)) !== word) failures.push(word);
      }
    }
    expect(failures).toEqual([]);
    expect(vniToUnicode(unicodeToVni(all.join(' ')))).toBe(all.join(' '));
  }, 60_000);

  it('accepts marks of the other case, i and y with a separate tone, and a separate tone after a modifier', () => {
    expect(vniToUnicode('Aùo AØ')).toBe('Áo À');
    expect(vniToUnicode('Kiù Kyï')).toBe('Kí Kỵ');
    expect(vniToUnicode('Vieât Nam, Ñaâù')).toBe('Viêt Nam, Đấ');
  });

  it('leaves a mark that follows no vowel as it is', () => {
    expect(vniToUnicode('Phoøng 12ø')).toBe('Phòng 12ø');
    expect(vniToUnicode('Karaoke 123')).toBe('Karaoke 123');
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['Bắc', 'NGUYỄN', 'Thuý', 'Thúy', 'Hoà', 'Hòa', 'khuya', 'khuỷu', 'nghiêng', 'giếng', 'gì', 'quốc', 'Đường', 'xoong', 'ạ', 'uỵch'])('accepts %j', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each(['B¾c', 'Chôï', 'Kyø', 'kú', 'Bàc', 'Café', 'Müller', 'cia', 'ce', 'ghá', 'ngế', 'ă', 'iê', 'anhs', 'xyz', '', '123'])('rejects %j', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});

describe('detectLegacyEncoding', () => {
  it('finds a TCVN3 column', () => {
    expect(detectLegacyEncoding(TCVN3)).toBe('tcvn3');
    expect(detectLegacyEncoding(TCVN3.slice(0, 3))).toBe('tcvn3');
  });

  it('finds a VNI column', () => {
    expect(detectLegacyEncoding(VNI)).toBe('vni');
    expect(detectLegacyEncoding(VNI.slice(0, 3))).toBe('vni');
  });

  it('keeps a Unicode column, composed or decomposed', () => {
    expect(detectLegacyEncoding(UNICODE)).toBe('unicode');
    expect(detectLegacyEncoding(UNICODE.map((text) => text.normalize('NFD')))).toBe('unicode');
    expect(detectLegacyEncoding(['Chợ Kỳ Bắc', 'Nguyễn Văn Đức'])).toBe('unicode');
  });

  it('keeps Unicode words made only of Latin-1 letters', () => {
    expect(detectLegacyEncoding(['Cà Mau', 'Bé Na', 'Hà Nam', 'Mè xửng', 'Tô Hiến Thành'])).toBe('unicode');
  });

  it('keeps an ASCII column', () => {
    expect(detectLegacyEncoding(['Karaoke 123', 'UBND', 'Cafe 24h', 'Shop ABC', 'Thon 3'])).toBe('unicode');
  });

  it('keeps Western text with an occasional accented letter', () => {
    expect(detectLegacyEncoding(['Café Müller', 'Crème brûlée', 'Hôtel de Ville', 'José Pérez', 'Zoë', 'São Paulo'])).toBe('unicode');
    expect(detectLegacyEncoding(['Café', 'Noël', 'Señor', 'Ché', 'Fiancée', 'Björk', 'Ångström', 'naïve'])).toBe('unicode');
  });

  it('gives unicode for no text at all', () => {
    expect(detectLegacyEncoding([])).toBe('unicode');
    expect(detectLegacyEncoding(['', '  ', '123', '0912 345 678'])).toBe('unicode');
  });

  it('finds the legacy font in a column with empty cells and ASCII-only cells', () => {
    expect(detectLegacyEncoding(['Chî Kú B¾c', '', '  ', 'Karaoke 123', 'Nhµ nghØ Hoµ B×nh', '', 'Thon 3'])).toBe('tcvn3');
    expect(detectLegacyEncoding(['Chôï Kyø Baéc', '', 'Karaoke 123', ' ', 'Nhaø nghæ Hoaø Bình'])).toBe('vni');
  });

  it('finds TCVN3 typed in the all-caps font', () => {
    expect(detectLegacyEncoding(['Uû BAN NH©N D©N X· Kú B¾C', '§¦êNG TRÇN PHó', 'DANH S¸CH C¥ Së'])).toBe('tcvn3');
  });

  it('takes one telltale TCVN3 letter as enough in a tiny sample', () => {
    expect(detectLegacyEncoding(['B¾c'])).toBe('tcvn3');
  });

  it('keeps a Unicode column that has a couple of legacy cells', () => {
    expect(detectLegacyEncoding([...UNICODE.slice(0, 10), ...TCVN3.slice(10, 12)])).toBe('unicode');
  });
});

describe('convertLegacy', () => {
  it('converts each encoding and normalizes Unicode', () => {
    expect(convertLegacy('Chî Kú B¾c', 'tcvn3')).toBe('Chợ Kỳ Bắc');
    expect(convertLegacy('Chôï Kyø Baéc', 'vni')).toBe('Chợ Kỳ Bắc');
    expect(convertLegacy('Chợ Kỳ Bắc'.normalize('NFD'), 'unicode')).toBe('Chợ Kỳ Bắc');
  });

  it('converts the whole table', () => {
    expect(TCVN3.map((text) => convertLegacy(text, 'tcvn3'))).toEqual(UNICODE);
    expect(VNI.map((text) => convertLegacy(text, 'vni'))).toEqual(UNICODE);
  });

  it('leaves cells already typed in Unicode Vietnamese in a legacy column', () => {
    expect(convertLegacy('Chợ Cà Mau', 'tcvn3')).toBe('Chợ Cà Mau');
    expect(convertLegacy('Nhà nghỉ Hoà Bình', 'vni')).toBe('Nhà nghỉ Hoà Bình');
    // Only Latin-1 letters: "Hoà" is also how VNI spells "Hồ", so the column decides.
    expect(convertLegacy('Hoà Bình', 'vni')).toBe('Hồ Bình');
    expect(convertLegacy('Đồng Khởi'.normalize('NFD'), 'tcvn3')).toBe('Đồng Khởi');
  });

  it('leaves ASCII as it is', () => {
    for (const encoding of ['unicode', 'tcvn3', 'vni'] as const) {
      expect(convertLegacy('Karaoke 123 (UBND)', encoding)).toBe('Karaoke 123 (UBND)');
    }
  });
});
