import type { VenueFigures } from './dashboard';
import { CATEGORY_VI } from './documents-vi';
import { FINDING_CATEGORIES } from './inspections';
import { VENUE_TYPE_LABELS_VI } from './labels-vi';
import type { ReportContent, ReportSentence } from './reports';

/**
 * How the report reads, whichever file carries it: the screen and its PDF (renderer), the
 * .docx and the .xlsx (main) all take their headings, their tables and the way they write
 * numbers from here, so the four say the same thing in the same words.
 */

export const REPORT_TITLE = 'BÁO CÁO';
export const REPORT_SUBJECT = 'Tình hình niêm yết và quét mã QR';
export const REPORT_SECTIONS = {
  overview: 'I. TÌNH HÌNH CHUNG',
  results: 'II. KẾT QUẢ THỰC HIỆN',
  shortcomings: 'III. TỒN TẠI, HẠN CHẾ',
  proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
} as const;
export const NO_PROPOSALS = 'Không có đề xuất, kiến nghị.';

/** The subject line under the title: "Tình hình niêm yết và quét mã QR tháng 11 năm 2026". */
export const reportSubject = (content: ReportContent) => `${REPORT_SUBJECT} ${content.periodText}`;

/** A list item's end: ";" between items, "." after the last, as listed lines in a document end. */
export const itemEnd = (index: number, count: number) => (index === count - 1 ? '.' : ';');

/** The text of a sentence, its figures included. */
export const sentenceText = (sentence: ReportSentence) => sentence.parts.map((part) => part.text).join('');

const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const RATE_SMALL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const RATE = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "2.242": whole numbers as Vietnamese write them (scans prorated over a period's ends are rounded). */
export const formatCount = (value: number) => COUNT.format(Math.round(value));

/** "3,5" lượt/cơ sở/ngày; below one, two decimals ("0,35"), else a low rate would read "0,0" or "0,4" alike. */
export const formatRate = (value: number) => (value < 1 ? RATE_SMALL : RATE).format(value);

// ---- Tables ----

/** A cell: text, a number, or null where there is no data (written "–", never 0). */
export type ReportCell = string | number | null;

export interface ReportColumn {
  header: string;
  kind: 'index' | 'text' | 'count' | 'rate';
  /** In characters, as a spreadsheet counts column widths. */
  width: number;
  /** Only in the .xlsx: the page keeps to the columns an A4 portrait sheet holds. */
  sheetOnly?: boolean;
}

export interface ReportTable {
  title: string;
  sheetName: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** "Tổng cộng", or null when the rows do not add up to anything. */
  total: ReportCell[] | null;
}

/** A cell as the page and the .docx print it. */
export function cellText(cell: ReportCell, column: ReportColumn): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  return column.kind === 'rate' ? formatRate(cell) : formatCount(cell);
}

export interface FigureColumn extends ReportColumn {
  value(figures: VenueFigures): number | null;
}

/** Scans were counted in the period (a file covers it, or counts typed by hand): else the scan columns say "no data". */
const hasScans = (figures: VenueFigures) => figures.scansPerVenueDay !== null || figures.scans > 0;

/** The figures of one slice (the area, a village or commune, a venue type), in the dashboard's order. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { header: 'Cơ sở đăng ký', kind: 'count', width: 10, value: (f) => f.registered },
  { header: 'Đang hoạt động', kind: 'count', width: 10, sheetOnly: true, value: (f) => f.active },
  { header: 'Có mã QR còn hiệu lực', kind: 'count', width: 11, value: (f) => f.withCurrentCode },
  { header: 'Đã in áp phích', kind: 'count', width: 10, value: (f) => f.posterPrinted },
  { header: 'In áp phích trong 12 tháng', kind: 'count', width: 12, sheetOnly: true, value: (f) => f.posterRecent },
  { header: 'Áp phích đã ép plastic', kind: 'count', width: 11, sheetOnly: true, value: (f) => f.laminated },
  { header: 'Kiểm tra trong kỳ', kind: 'count', width: 10, value: (f) => f.inspected },
  { header: 'Còn tồn tại chưa khắc phục', kind: 'count', width: 12, value: (f) => f.withOpenFindings },
  { header: 'Quá hạn khắc phục', kind: 'count', width: 10, sheetOnly: true, value: (f) => f.withOverdueActions },
  { header: 'Lượt quét trong kỳ', kind: 'count', width: 11, value: (f) => (hasScans(f) ? f.scans : null) },
  { header: 'Lượt quét/cơ sở/ngày', kind: 'rate', width: 11, value: (f) => f.scansPerVenueDay },
  { header: 'Có mã nhưng không có lượt quét', kind: 'count', width: 13, sheetOnly: true, value: (f) => (hasScans(f) ? f.zeroScans : null) },
  { header: 'Quét thấp (¼ thấp nhất cùng loại hình)', kind: 'count', width: 14, sheetOnly: true, value: (f) => (hasScans(f) ? f.lowScanning : null) },
];

const INDEX: ReportColumn = { header: 'STT', kind: 'index', width: 5 };
const TOTAL = 'Tổng cộng';

function figureTable(title: string, sheetName: string, nameHeader: string, slices: Array<{ name: string; figures: VenueFigures }>, totals: VenueFigures): ReportTable {
  return {
    title,
    sheetName,
    columns: [INDEX, { header: nameHeader, kind: 'text', width: 28 }, ...FIGURE_COLUMNS],
    rows: slices.map((slice, index) => [index + 1, slice.name, ...FIGURE_COLUMNS.map((column) => column.value(slice.figures))]),
    total: ['', TOTAL, ...FIGURE_COLUMNS.map((column) => column.value(totals))],
  };
}

function findingsTable(content: ReportContent): ReportTable | null {
  const { findingsByCategory, openFindingsByCategory } = content.figures;
  const recorded = new Map(findingsByCategory.map((row) => [row.category, row]));
  const open = new Map(openFindingsByCategory.map((row) => [row.category, row.venues]));
  const categories = FINDING_CATEGORIES.filter((category) => (recorded.get(category)?.findings ?? 0) > 0 || (open.get(category) ?? 0) > 0);
  if (categories.length === 0) return null;
  return {
    title: 'Tồn tại phát hiện qua kiểm tra',
    sheetName: 'Theo loại tồn tại',
    columns: [
      INDEX,
      { header: 'Loại tồn tại', kind: 'text', width: 36 },
      { header: 'Tồn tại phát hiện trong kỳ', kind: 'count', width: 12 },
      { header: 'Cơ sở có tồn tại phát hiện trong kỳ', kind: 'count', width: 14 },
      { header: 'Cơ sở còn tồn tại chưa khắc phục', kind: 'count', width: 14 },
    ],
    rows: categories.map((category, index) => [
      index + 1,
      CATEGORY_VI[category],
      recorded.get(category)?.findings ?? 0,
      recorded.get(category)?.venues ?? 0,
      open.get(category) ?? 0,
    ]),
    // A venue may have findings of two categories: only the findings add up.
    total: ['', TOTAL, findingsByCategory.reduce((sum, row) => sum + row.findings, 0), '', ''],
  };
}

/**
 * The report's tables (II. Kết quả thực hiện), numbered as the page numbers them: by
 * village or commune, by venue type, findings by category. None for an empty report:
 * a table of zeros would read as findings.
 */
export function reportTables(content: ReportContent): ReportTable[] {
  if (content.empty) return [];
  const { figures } = content;
  const byVillage = figures.areaLevel === 'village';
  const tables = [
    figureTable(
      byVillage ? 'Kết quả theo thôn, tổ dân phố' : 'Kết quả theo xã, phường',
      byVillage ? 'Theo thôn' : 'Theo xã',
      byVillage ? 'Thôn, tổ dân phố' : 'Xã, phường',
      figures.byArea.map((row) => ({ name: row.unitName, figures: row })),
      figures.totals,
    ),
    figureTable(
      'Kết quả theo loại hình cơ sở',
      'Theo loại hình',
      'Loại hình cơ sở',
      figures.byType.map((row) => ({ name: VENUE_TYPE_LABELS_VI[row.type], figures: row })),
      figures.totals,
    ),
    findingsTable(content),
  ].filter((table): table is ReportTable => table !== null);
  return tables.map((table, index) => ({ ...table, title: `Bảng ${index + 1}. ${table.title}` }));
}

/** The columns a sheet of paper prints (the .xlsx has them all). */
export const paperColumns = (table: ReportTable) => table.columns.flatMap((column, index) => (column.sheetOnly ? [] : [{ column, index }]));

/** 210 mm less the 30 mm left and 15 mm right margins of Nghị định 30/2020. */
export const TEXT_WIDTH_MM = 165;

/** Column widths on paper (mm), the page's and the .docx's alike: the number and the name fixed, the figures sharing what is left. */
export function paperWidthsMm(table: ReportTable): number[] {
  const columns = paperColumns(table).map(({ column }) => column);
  const fixed: number[] = columns.map((column) => (column.kind === 'index' ? 11 : column.kind === 'text' ? (columns.length > 5 ? 38 : 70) : 0));
  const figureCount = fixed.filter((width) => width === 0).length;
  const figureMm = (TEXT_WIDTH_MM - fixed.reduce((sum, width) => sum + width, 0)) / Math.max(1, figureCount);
  return fixed.map((width) => (width === 0 ? figureMm : width));
}
