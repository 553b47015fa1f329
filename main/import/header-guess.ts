import type { ImportField } from '../../shared/domain/import';
import { foldVietnamese } from '../../shared/text/fold';

/**
 * What offices call each column, folded (no tone marks, đ = d). Typed over years by
 * different people: "Tên cơ sở", "Tên hộ kinh doanh", "SĐT", "Điện thoại", "Chủ hộ"...
 * Longer names are tried first, so "so dien thoai" wins over "dien thoai" and "ma so thue".
 */
const SYNONYMS: Record<ImportField, string[]> = {
  code: ['ma co so', 'ma dia diem', 'ma diem', 'ma so co so', 'ma'],
  // (longer headers below win: "ma so doanh nghiep" is a registration number, "ten chu ho" an owner)
  name: [
    'ten co so', 'ten dia diem', 'ten don vi', 'ten ho kinh doanh', 'ten cua hang', 'ten doanh nghiep',
    'ten co so kinh doanh', 'co so', 'ten',
  ],
  type: ['loai hinh kinh doanh', 'loai hinh', 'nganh nghe kinh doanh', 'nganh nghe', 'linh vuc', 'loai'],
  ownerName: [
    'chu co so', 'nguoi dai dien', 'chu ho kinh doanh', 'ho ten chu ho', 'chu ho', 'nguoi dung dau',
    'ho va ten chu co so', 'chu so huu', 'ten chu co so', 'ten chu ho', 'ten nguoi dai dien', 'ho va ten chu ho',
    'ho va ten', 'ho ten',
  ],
  phones: ['so dien thoai', 'dien thoai lien he', 'dien thoai', 'sdt', 'so dt', 'dt', 'lien he'],
  address: ['dia chi kinh doanh', 'dia chi', 'dia diem', 'ten duong', 'duong'],
  village: [
    'thon/xom/to dan pho', 'thon/to dan pho', 'thon/xom', 'thon, xom', 'to dan pho', 'thon', 'xom', 'ap', 'khu pho', 'ban',
    'ten thon', 'khu dan cu', 'tdp',
  ],
  commune: ['xa/phuong/thi tran', 'xa/phuong', 'phuong/xa', 'xa, phuong', 'xa', 'phuong', 'thi tran'],
  businessRegNo: [
    'so giay chung nhan dkkd', 'so dang ky kinh doanh', 'giay dkkd', 'so dkkd', 'dkkd', 'ma so thue', 'mst', 'ma so doanh nghiep',
  ],
  status: ['tinh trang hoat dong', 'trang thai hoat dong', 'tinh trang', 'trang thai'],
  notes: ['ghi chu', 'ghi chu khac', 'note'],
  latitude: ['vi do', 'latitude', 'lat'],
  longitude: ['kinh do', 'longitude', 'lng', 'long'],
};

/**
 * Headers that are not venue data: row numbers, and columns about the QR itself ("Mã QR",
 * "Tình trạng niêm yết mã QR") that would otherwise pass for the code or the status.
 */
const IGNORED = new Set(['stt', 'so tt', 'tt', 'so thu tu']);
const ABOUT_THE_QR = /\bqr\b|niem yet/;

const normalize = (header: string) => foldVietnamese(header).replace(/[.:*()]/g, '').replace(/\s+/g, ' ').trim();

/** The field a header names, or null. An exact name wins; else the longest synonym the header starts with. */
export function guessField(header: string): ImportField | null {
  const folded = normalize(header);
  if (folded === '' || IGNORED.has(folded) || ABOUT_THE_QR.test(folded)) return null;
  let best: { field: ImportField; length: number } | null = null;
  for (const [field, names] of Object.entries(SYNONYMS) as Array<[ImportField, string[]]>) {
    for (const name of names) {
      const exact = folded === name;
      const starts = folded.startsWith(`${name} `) || folded.startsWith(`${name}/`);
      if (!exact && !starts) continue;
      const length = exact ? name.length + 1000 : name.length;
      if (!best || length > best.length) best = { field, length };
    }
  }
  return best?.field ?? null;
}

/**
 * Finds the header row among the first rows: title rows ("UỶ BAN NHÂN DÂN XÃ...",
 * "DANH SÁCH...") come above it. The header is the row naming the most known columns,
 * one of them the venue's name. Returns a 1-based row number, or null.
 */
export function findHeaderRow(rows: string[][], decode: (text: string) => string = (text) => text): number | null {
  let best: { row: number; score: number } | null = null;
  for (let index = 0; index < Math.min(rows.length, 30); index++) {
    const fields = rows[index].map((cell) => guessField(decode(cell)));
    const score = new Set(fields.filter((field) => field !== null)).size;
    if (!fields.includes('name') || score < 2) continue;
    if (!best || score > best.score) best = { row: index + 1, score };
  }
  return best?.row ?? null;
}
