import { foldVietnamese } from '../../shared/text/fold';

/** The columns of the statistics office's unit list that the import reads. */
export type Column =
  | 'provinceName'
  | 'provinceCode'
  | 'districtName'
  | 'districtCode'
  | 'communeName'
  | 'communeCode'
  | 'kind';

/** A header as it is compared: folded, letters and digits only ("Tỉnh /\nThành phố" → "tinhthanhpho"). */
export const compactHeader = (text: string): string => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

/**
 * Header spellings seen in the office's downloads (before and after the 2025 reorganisation),
 * compacted. Exact matches only: "Tên tiếng Anh" or "Mã" alone must not be mistaken for a column.
 */
const SPELLINGS: Record<Column, readonly string[]> = {
  provinceName: ['tinhthanhpho', 'tinhtp', 'tinh', 'tentinh', 'tentinhthanhpho', 'tentinhtp', 'tinhthanh'],
  provinceCode: ['matp', 'matinh', 'matinhtp', 'matinhthanhpho', 'matinhthanh'],
  districtName: ['quanhuyen', 'tenquanhuyen', 'huyen', 'tenhuyen', 'quanhuyenthixa', 'huyenquan'],
  districtCode: ['maqh', 'mahuyen', 'maquanhuyen', 'maqhuyen'],
  communeName: ['phuongxa', 'xaphuong', 'tenphuongxa', 'tenxaphuong', 'xa', 'tenxa', 'phuongxathitran', 'xaphuongthitran'],
  communeCode: ['mapx', 'maxa', 'maphuongxa', 'maxaphuong'],
  kind: ['cap', 'loai', 'capxa'],
};

const COLUMN_OF = new Map(
  (Object.entries(SPELLINGS) as [Column, readonly string[]][]).flatMap(([column, spellings]) =>
    spellings.map((spelling) => [spelling, column] as const),
  ),
);

/** Without these a row cannot be placed; districts are optional (lists since 2025 have none). */
const REQUIRED: readonly Column[] = ['provinceName', 'provinceCode', 'communeName', 'communeCode'];

export type HeaderColumns = Partial<Record<Column, number>>;

/**
 * Reads one row's cells as a header: which column number holds which field, or null
 * when the required columns are not all there. The first spelling found for a field wins.
 */
export function matchHeader(cells: ReadonlyArray<{ column: number; text: string }>): HeaderColumns | null {
  const columns: HeaderColumns = {};
  for (const { column, text } of cells) {
    const field = COLUMN_OF.get(compactHeader(text));
    if (field !== undefined && columns[field] === undefined) columns[field] = column;
  }
  if (!REQUIRED.every((field) => columns[field] !== undefined)) return null;
  // A district name without its code (or the reverse) cannot be upserted by code: read none.
  if (columns.districtName === undefined || columns.districtCode === undefined) {
    delete columns.districtName;
    delete columns.districtCode;
  }
  return columns;
}
