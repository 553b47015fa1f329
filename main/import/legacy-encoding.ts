import iconv from 'iconv-lite';

/**
 * Vietnamese typed with the legacy fonts of the 1990s–2000s, as found in commune
 * offices' Excel files.
 *
 * Before Unicode, Vietnamese Windows had no code page for all 134 accented letters, so
 * keyboard drivers (ABC, VNI) typed ordinary Windows-1252 characters and special fonts
 * drew Vietnamese glyphs in their place. The file stores only the characters; the font
 * gives them their look. Opened with any Unicode font, or read by a program, the text
 * shows as the Windows-1252 characters it is made of:
 *
 * - TCVN3 (ABC; fonts .VnTime, .VnArial…): one byte per letter. "Chợ Kỳ Bắc" is stored
 *   as the bytes that Windows-1252 shows as "Chî Kú B¾c". The all-caps fonts (.VnTimeH)
 *   draw the lowercase codes as capitals, because the common ABC layout has no codes for
 *   accented capitals.
 * - VNI-Windows (VNI-Times…): a base letter followed by a character drawn as the marks,
 *   e.g. "Chôï Kyø Baéc": "ô" is drawn as ơ, "ï" as the dot below, "ø" as the grave
 *   accent; "Ñöôøng" is "Đường".
 *
 * Inside an .xlsx the cells hold Unicode strings, but of those Windows-1252 characters,
 * so converting is: take each character back to its Windows-1252 byte (TCVN3) or its
 * VNI key, and read it as the Vietnamese letter the legacy font would draw.
 */

export type LegacyEncoding = 'unicode' | 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------------------
// Windows-1252: character ↔ byte
// ---------------------------------------------------------------------------------------

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);

/**
 * Windows-1252's glyphs for 0x80–0x9F (€ ‚ ƒ „ … – — ‘ ’ “ ” ™ …). Five bytes have no
 * glyph; Windows maps them to the C1 control characters U+0081, U+008D…, and so do we.
 */
const CP1252_HIGH_CONTROLS: string[] = (() => {
  const text = iconv.decode(ALL_BYTES.subarray(0x80, 0xa0), 'cp1252');
  return Array.from(text, (char, index) => (char === '\uFFFD' ? String.fromCharCode(0x80 + index) : char));
})();

/** The Windows-1252 character a legacy font re-drew, for each byte. */
const BYTE_TO_CP1252_CHAR: string[] = Array.from(ALL_BYTES, (byte) =>
  byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH_CONTROLS[byte - 0x80] : String.fromCharCode(byte),
);

/**
 * Character → byte. A byte in 0x80–0x9F may reach us as its Windows-1252 glyph ("‚") or
 * as the C1 control character of the same number (U+0082), depending on the program that
 * once converted the file: both are accepted.
 */
const CP1252_CHAR_TO_BYTE = new Map<string, number>();
for (let byte = 0; byte < 256; byte++) {
  CP1252_CHAR_TO_BYTE.set(String.fromCharCode(byte), byte);
  CP1252_CHAR_TO_BYTE.set(BYTE_TO_CP1252_CHAR[byte], byte);
}

/** Characters a legacy-font text can be made of: all Windows-1252 characters. */
const isCp1252Char = (char: string) => CP1252_CHAR_TO_BYTE.has(char);

// ---------------------------------------------------------------------------------------
// Vietnamese syllables: used to judge how "Vietnamese" a decoding looks
// ---------------------------------------------------------------------------------------

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const TONE_MARKS = new Set([ACUTE, GRAVE, HOOK, TILDE, DOT]);

const INITIALS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'ch', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
/** Vowel groups (without tone) and whether they end a syllable ("open"), take a final consonant ("closed"), or both. */
const OPEN_ONLY = ['y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi', 'ưu', 'uơ', 'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu'];
const CLOSED_ONLY = ['ă', 'â', 'iê', 'yê', 'uô', 'ươ', 'oă', 'oo', 'uâ', 'uyê'];
const OPEN_OR_CLOSED = ['a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'oa', 'oe', 'uê', 'uy'];
const NUCLEI = new Map<string, { open: boolean; closed: boolean }>([
  ...OPEN_ONLY.map((nucleus) => [nucleus, { open: true, closed: false }] as const),
  ...CLOSED_ONLY.map((nucleus) => [nucleus, { open: false, closed: true }] as const),
  ...OPEN_OR_CLOSED.map((nucleus) => [nucleus, { open: true, closed: true }] as const),
]);
const FRONT_VOWEL = /^[ieêy]/;

function fitsSpelling(initial: string, nucleus: string, final: string, tone: string | null): boolean {
  const shape = NUCLEI.get(nucleus);
  if (!shape || (final === '' ? !shape.open : !shape.closed)) return false;
  // k, gh, ngh before i e ê y; c, g, ng elsewhere ("gi" is its own initial).
  if ((initial === 'k' || initial === 'gh' || initial === 'ngh') && !FRONT_VOWEL.test(nucleus)) return false;
  if ((initial === 'c' || initial === 'g' || initial === 'ng') && /^[eêy]/.test(nucleus)) return false;
  if (initial === 'c' && nucleus.startsWith('i')) return false;
  if (initial === 'qu' && nucleus.startsWith('u')) return false;
  if ((final === 'ch' || final === 'nh') && !/[aêiy]$/.test(nucleus)) return false;
  if ((final === 'c' || final === 'ng') && /^[iy]$/.test(nucleus)) return false;
  // Syllables ending in a stop take only the rising (sắc) or the heavy (nặng) tone.
  if (/^(c|ch|p|t)$/.test(final) && tone !== null && tone !== ACUTE && tone !== DOT) return false;
  return true;
}

/**
 * Whether a word is a well-spelt Vietnamese syllable ("Bắc", "NGUYỄN", "Thuý", "Thúy"),
 * in any case and either tone placement. Letters only: "B¾c" or "Chôï" are not.
 */
export function isVietnameseSyllable(word: string): boolean {
  let tone: string | null = null;
  let rest = '';
  for (const char of word.normalize('NFD').toLowerCase()) {
    if (TONE_MARKS.has(char)) {
      if (tone !== null) return false;
      tone = char;
    } else {
      rest += char;
    }
  }
  const base = rest.normalize('NFC');
  if (!/^[a-zăâđêôơư]+$/.test(base)) return false;
  for (const initial of INITIALS) {
    if (!base.startsWith(initial)) continue;
    for (const final of FINALS) {
      if (base.length - initial.length - final.length < 1 || !base.endsWith(final)) continue;
      if (fitsSpelling(initial, base.slice(initial.length, base.length - final.length), final, tone)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// TCVN3 (ABC)
// ---------------------------------------------------------------------------------------

/**
 * iconv-lite's 'tcvn' is TCVN 5712 in full (VN1): the common ABC layout (VN3) plus the
 * accented capitals, which VN1 puts in 0x01–0x17 and 0x80–0x9F, where ABC fonts keep
 * Windows' punctuation, and five standalone tone marks at 0xB0–0xB4.
 */
const TCVN3_BYTE_TO_UNICODE: string[] = Array.from(iconv.decode(ALL_BYTES, 'tcvn'));
const UNICODE_TO_TCVN3_BYTE = new Map<string, number>();
for (let byte = 255; byte >= 0; byte--) UNICODE_TO_TCVN3_BYTE.set(TCVN3_BYTE_TO_UNICODE[byte], byte);

const isLetterOrMark = (char: string) => /[\p{L}\p{M}]/u.test(char);
const isVowel = (char: string) => /^[aeiouy]/i.test(char.normalize('NFD'));

/**
 * Bytes 0x80–0x9F drawn by Windows as punctuation (– — ‘ ’ “ ” … • € ™): TCVN 5712 puts
 * accented capitals there ("–" is Ọ), but ABC fonts, and the people typing, mostly used
 * them as the dashes and quotes they look like.
 */
const PUNCTUATION_OR_LETTER = new Set(
  CP1252_HIGH_CONTROLS.filter((char) => char.charCodeAt(0) > 0xff && !isLetterOrMark(char)),
);

/** 0xB0–0xB4 (° ± ² ³ ´): standalone tone marks in TCVN 5712, meaningful only after a vowel. */
const isStandaloneToneByte = (byte: number) => byte >= 0xb0 && byte <= 0xb4;

/**
 * Typed in an all-caps font (.VnTimeH): the ABC layout has no accented capitals, so the
 * font draws lowercase codes as capitals, and the cell holds "Uû BAN NH¢N D¢N". A text
 * with no lowercase ASCII letter but two ASCII capitals in a row was such a text ("Kú",
 * one capital, is "Kỳ" in title case).
 */
const typedInCapsFont = (text: string) => !/[a-z]/.test(text) && /[A-Z]{2}/.test(text);

/** Text typed with a TCVN3 (ABC, .VnTime) font, as Unicode NFC: "Chî Kú B¾c" → "Chợ Kỳ Bắc". */
export function tcvn3ToUnicode(text: string): string {
  const raw = Array.from(text);
  const out: string[] = [];
  const doubtful = new Set<number>();
  raw.forEach((char, index) => {
    const byte = CP1252_CHAR_TO_BYTE.get(char);
    if (byte === undefined) {
      out.push(char);
    } else if (PUNCTUATION_OR_LETTER.has(char)) {
      out.push(char);
      doubtful.add(index);
    } else if (isStandaloneToneByte(byte)) {
      const previous = out[index - 1];
      out.push(previous !== undefined && isVowel(previous) ? TCVN3_BYTE_TO_UNICODE[byte] : char);
    } else {
      out.push(TCVN3_BYTE_TO_UNICODE[byte]);
    }
  });
  // A dash or quote mark is read as a capital letter only inside a word: "X‚" is "XÃ",
  // but " – " stays a dash and "‘Hoa’" keeps its quotes.
  const asLetter = (index: number) => TCVN3_BYTE_TO_UNICODE[CP1252_CHAR_TO_BYTE.get(raw[index]) ?? 0];
  const isLetterAt = (index: number) => index >= 0 && index < out.length && isLetterOrMark(out[index]);
  const inWord = (index: number) => isLetterAt(index) || doubtful.has(index);
  for (const index of doubtful) {
    let start = index;
    let end = index + 1;
    while (inWord(start - 1)) start--;
    while (inWord(end)) end++;
    if (end - start < 2) continue;
    let word = '';
    for (let at = start; at < end; at++) word += doubtful.has(at) ? asLetter(at) : out[at];
    if ((isLetterAt(index - 1) && isLetterAt(index + 1)) || isVietnameseSyllable(word)) out[index] = asLetter(index);
  }
  const result = out.join('').normalize('NFC');
  return typedInCapsFont(text) ? result.toUpperCase() : result;
}

/**
 * Unicode → the Windows-1252 characters an .xlsx cell holds when typed with a TCVN3 font
 * ("Chợ Kỳ Bắc" → "Chî Kú B¾c"). For test fixtures. Accented capitals use TCVN 5712's
 * codes, as iconv-lite does; a character TCVN3 cannot hold is kept as it is.
 */
export function unicodeToTcvn3Chars(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    const byte = UNICODE_TO_TCVN3_BYTE.get(char);
    return byte === undefined ? char : BYTE_TO_CP1252_CHAR[byte];
  }).join('');
}

// ---------------------------------------------------------------------------------------
// VNI-Windows
// ---------------------------------------------------------------------------------------

type Tone = 'none' | 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';
const TONES: Tone[] = ['none', 'acute', 'grave', 'hook', 'tilde', 'dot'];
const COMBINING: Record<Tone, string> = { none: '', acute: ACUTE, grave: GRAVE, hook: HOOK, tilde: TILDE, dot: DOT };

/** The characters VNI fonts draw as marks, after the letter they go on. */
const VNI_TONE: Record<Tone, string> = { none: '', acute: 'ù', grave: 'ø', hook: 'û', tilde: 'õ', dot: 'ï' };
const VNI_CIRCUMFLEX: Record<Tone, string> = { none: 'â', acute: 'á', grave: 'à', hook: 'å', tilde: 'ã', dot: 'ä' };
const VNI_BREVE: Record<Tone, string> = { none: 'ê', acute: 'é', grave: 'è', hook: 'ú', tilde: 'ü', dot: 'ë' };
/** i has its own one-character forms; ỵ too. */
const VNI_I: Record<Tone, string> = { none: 'i', acute: 'í', grave: 'ì', hook: 'æ', tilde: 'ó', dot: 'ò' };

/** Every lowercase Vietnamese vowel (base letter with its modifier) and how VNI spells it with a tone. */
const VNI_VOWELS: Array<[string, (tone: Tone) => string]> = [
  ['a', (tone) => `a${VNI_TONE[tone]}`],
  ['â', (tone) => `a${VNI_CIRCUMFLEX[tone]}`],
  ['ă', (tone) => `a${VNI_BREVE[tone]}`],
  ['e', (tone) => `e${VNI_TONE[tone]}`],
  ['ê', (tone) => `e${VNI_CIRCUMFLEX[tone]}`],
  ['i', (tone) => VNI_I[tone]],
  ['o', (tone) => `o${VNI_TONE[tone]}`],
  ['ô', (tone) => `o${VNI_CIRCUMFLEX[tone]}`],
  ['ơ', (tone) => `ô${VNI_TONE[tone]}`],
  ['u', (tone) => `u${VNI_TONE[tone]}`],
  ['ư', (tone) => `ö${VNI_TONE[tone]}`],
  ['y', (tone) => (tone === 'dot' ? 'î' : `y${VNI_TONE[tone]}`)],
];

/** Unicode letter → VNI spelling: the 134 accented letters, both cases. */
const UNICODE_TO_VNI = new Map<string, string>([
  ['đ', 'ñ'],
  ['Đ', 'Ñ'],
]);
for (const [vowel, spell] of VNI_VOWELS) {
  for (const tone of TONES) {
    const letter = (vowel + COMBINING[tone]).normalize('NFC');
    if (letter === vowel && tone === 'none' && /^[a-z]$/.test(vowel)) continue; // plain ASCII stays
    UNICODE_TO_VNI.set(letter, spell(tone));
    UNICODE_TO_VNI.set(letter.toUpperCase(), spell(tone).toUpperCase());
  }
}

/**
 * VNI spelling → Unicode letter. Beyond the exact spellings, accepts what hand-typed or
 * converted files also hold: a mark of the other case ("Aù" is Á: the letter decides the
 * case), "i"/"y" with a separate tone mark, and a modifier followed by a separate tone
 * ("aâù" for ấ). Marks and base letters are distinct characters, so reading the longest
 * spelling first is never ambiguous.
 */
const VNI_TO_UNICODE = new Map<string, string>();
const addVni = (spelling: string, letter: string) => {
  if (!VNI_TO_UNICODE.has(spelling)) VNI_TO_UNICODE.set(spelling, letter);
};
for (const [letter, spelling] of UNICODE_TO_VNI) addVni(spelling, letter);
for (const [letter, spelling] of UNICODE_TO_VNI) {
  if (spelling.length !== 2) continue;
  const [base, mark] = spelling;
  addVni(base + mark.toLowerCase(), letter);
  addVni(base + mark.toUpperCase(), letter);
}
for (const base of ['i', 'y']) {
  for (const tone of TONES.slice(1)) {
    const letter = (base + COMBINING[tone]).normalize('NFC');
    for (const mark of [VNI_TONE[tone], VNI_TONE[tone].toUpperCase()]) {
      addVni(base + mark, letter);
      addVni(base.toUpperCase() + mark, letter.toUpperCase());
    }
  }
}
for (const [vowel, modifier] of [
  ['â', VNI_CIRCUMFLEX.none],
  ['ê', VNI_CIRCUMFLEX.none],
  ['ô', VNI_CIRCUMFLEX.none],
  ['ă', VNI_BREVE.none],
] as const) {
  const base = vowel.normalize('NFD')[0];
  for (const tone of TONES.slice(1)) {
    const letter = (vowel + COMBINING[tone]).normalize('NFC');
    for (const upper of [false, true]) {
      const cased = (char: string) => (upper ? char.toUpperCase() : char);
      addVni(cased(base) + cased(modifier) + cased(VNI_TONE[tone]), cased(letter));
    }
  }
}

/** Text typed with a VNI-Windows font, as Unicode NFC: "Chôï Kyø Baéc" → "Chợ Kỳ Bắc". */
export function vniToUnicode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; ) {
    let length = 3;
    while (length > 0 && !VNI_TO_UNICODE.has(text.slice(index, index + length))) length--;
    if (length === 0) {
      out += text[index];
      index += 1;
    } else {
      out += VNI_TO_UNICODE.get(text.slice(index, index + length));
      index += length;
    }
  }
  return out.normalize('NFC');
}

/** Unicode → VNI-Windows spelling ("Đường" → "Ñöôøng"). For test fixtures. */
export function unicodeToVni(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => UNICODE_TO_VNI.get(char) ?? char).join('');
}

// ---------------------------------------------------------------------------------------
// Detection and conversion of a column
// ---------------------------------------------------------------------------------------

/**
 * Letters no legacy-font text contains: Vietnamese letters beyond Latin-1 and combining
 * marks. A cell holding one was typed in Unicode (with Unikey, say), even in a column
 * otherwise typed with a legacy font.
 */
const UNICODE_ONLY_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{M}/u;

/**
 * A cell in the given encoding, as Unicode NFC. A cell that already holds Unicode
 * Vietnamese is only normalized: re-reading it as a legacy font would garble it.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'unicode' || UNICODE_ONLY_VIETNAMESE.test(text)) return text.normalize('NFC');
  return encoding === 'tcvn3' ? tcvn3ToUnicode(text) : vniToUnicode(text);
}

/** Split on white space and ASCII punctuation; legacy letters ("¾", "­", "ø") stay inside words. */
const WORD_SEPARATORS = /[\s!-/:-@[-`{-~]+/;

/** TCVN3 letters drawn by Windows as symbols (¾ ® § ­ ¸ µ ª «…): never inside ordinary words. */
const TCVN3_TELLTALE = /[\u00a1-\u00af\u00b5-\u00bf]/;
/** A VNI mark right after a vowel ("aø", "oâ", "eá"). */
const VNI_TELLTALE = /[aeiouyôö][ùøûõïâáàåãäêéèúüë]/i;

interface Evidence {
  good: number;
  telltales: number;
}

/**
 * The encoding a column was typed in, judged from a sample of its cells: each word with a
 * non-ASCII character is read as Unicode, TCVN3 and VNI, and a reading scores for each
 * word it makes a well-spelt Vietnamese syllable. A legacy reading wins only when it
 * clearly beats Unicode, so Unicode Vietnamese, ASCII and Western text ("Café Müller")
 * stay 'unicode'.
 */
export function detectLegacyEncoding(samples: string[]): LegacyEncoding {
  const evidence: Record<LegacyEncoding, Evidence> = {
    unicode: { good: 0, telltales: 0 },
    tcvn3: { good: 0, telltales: 0 },
    vni: { good: 0, telltales: 0 },
  };
  let marked = 0;
  for (const sample of samples) {
    for (const word of sample.split(WORD_SEPARATORS)) {
      if (!/[^\p{ASCII}]/u.test(word) || /[0-9]/.test(word)) continue;
      marked++;
      if (isVietnameseSyllable(word.normalize('NFC'))) evidence.unicode.good++;
      if (!Array.from(word).every(isCp1252Char)) continue;
      if (isVietnameseSyllable(tcvn3ToUnicode(word))) evidence.tcvn3.good++;
      if (isVietnameseSyllable(vniToUnicode(word))) evidence.vni.good++;
      if (TCVN3_TELLTALE.test(word)) evidence.tcvn3.telltales++;
      if (VNI_TELLTALE.test(word)) evidence.vni.telltales++;
    }
  }
  const ranked = (['tcvn3', 'vni'] as const)
    .map((encoding) => ({ encoding, ...evidence[encoding] }))
    .sort((a, b) => b.good - a.good || b.telltales - a.telltales);
  const [best, other] = ranked;
  if (best.good === other.good && best.telltales === other.telltales) return 'unicode';
  const gain = best.good - evidence.unicode.good;
  const clear = gain >= 2 || (gain >= 1 && best.telltales >= 1);
  return clear && best.good >= 0.6 * marked ? best.encoding : 'unicode';
}
