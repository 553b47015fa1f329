import { describe, expect, it } from 'vitest';
import { cleanText, foldedWords, foldVietnamese } from '../../shared/text/fold';

// Real names from commune venue lists: markets, shops, villages, people.
const TABLE: Array<[string, string]> = [
  ['Chợ Kỳ Bắc', 'cho ky bac'],
  ['Quán cà phê Đường Sắt', 'quan ca phe duong sat'],
  ['Nhà nghỉ Hoà Bình', 'nha nghi hoa binh'],
  ['Nhà nghỉ Hòa Bình', 'nha nghi hoa binh'],
  ['Thuý', 'thuy'],
  ['Thúy', 'thuy'],
  ['ĐƯỜNG', 'duong'],
  ['Đặng Thị Ngọc Ánh', 'dang thi ngoc anh'],
  ['Nguyễn Văn Đức', 'nguyen van duc'],
  ['Phường Đông Hà', 'phuong dong ha'],
  ['Xã Kỳ Phong', 'xa ky phong'],
  ['Thôn Tân Thượng', 'thon tan thuong'],
  ['Xóm Ngụ Quế', 'xom ngu que'],
  ['Tổ dân phố Hưng Hoà', 'to dan pho hung hoa'],
  ['Tạp hoá Bà Hương', 'tap hoa ba huong'],
  ['Karaoke Ước Mơ', 'karaoke uoc mo'],
  ['Cửa hàng xăng dầu Kỳ Anh', 'cua hang xang dau ky anh'],
  ['Trường THCS Lê Quý Đôn', 'truong thcs le quy don'],
  ['Trạm Y tế xã Kỳ Tiến', 'tram y te xa ky tien'],
  ['Bưu điện văn hoá xã', 'buu dien van hoa xa'],
  ['Chùa Phước Hậu', 'chua phuoc hau'],
  ['Nhà thờ Giáo xứ Xuân Hải', 'nha tho giao xu xuan hai'],
  ['Bến xe Hồng Lĩnh', 'ben xe hong linh'],
  ['Siêu thị Co.opmart Hà Tĩnh', 'sieu thi co.opmart ha tinh'],
  ['Quán bún bò Huế Ngự Bình', 'quan bun bo hue ngu binh'],
  ['Xưởng mộc Phúc Lộc', 'xuong moc phuc loc'],
  ['Ngân hàng Nông nghiệp', 'ngan hang nong nghiep'],
  ['Khách sạn Mường Thanh', 'khach san muong thanh'],
  ['Hợp tác xã Thuỷ sản', 'hop tac xa thuy san'],
  ['Hợp tác xã Thủy sản', 'hop tac xa thuy san'],
  ['Quầy thuốc Khoẻ', 'quay thuoc khoe'],
  ['Quầy thuốc Khỏe', 'quay thuoc khoe'],
  ['  Chợ   Đêm  ', 'cho dem'],
  ['UBND XÃ KỲ BẮC', 'ubnd xa ky bac'],
];

describe('foldVietnamese', () => {
  it.each(TABLE)('folds %j to %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input the same as composed (NFC)', () => {
    for (const [input, expected] of TABLE) {
      expect(foldVietnamese(input.normalize('NFD'))).toBe(expected);
    }
  });

  it('keeps digits and plain letters', () => {
    expect(foldVietnamese('Kiốt số 12A')).toBe('kiot so 12a');
  });
});

describe('foldedWords', () => {
  it('splits on punctuation and spaces', () => {
    expect(foldedWords('Chợ Kỳ Bắc, (cổng 2) - 0912.345.678')).toEqual(['cho', 'ky', 'bac', 'cong', '2', '0912', '345', '678']);
  });

  it('gives nothing for blank input', () => {
    expect(foldedWords('  \t ')).toEqual([]);
  });
});

describe('cleanText', () => {
  it('stores NFC, trimmed, single-spaced', () => {
    const cleaned = cleanText('  Chợ\u00a0  Kỳ Bắc '.normalize('NFD'));
    expect(cleaned).toBe('Chợ Kỳ Bắc');
    expect(cleaned).toBe(cleaned.normalize('NFC'));
  });
});
