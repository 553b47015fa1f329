import type { Venue, VenueQueryValue } from '../../shared/domain/venue';
import { formatDate } from '../../shared/text/date';
import type { Db } from '../db/open';
import { listUnits } from '../units/service';
import { listVenues } from '../venues/search';
import { VENUE_FIELD_LABELS_VI as HEADER, VENUE_STATUS_LABELS_VI, VENUE_TYPE_LABELS_VI } from '../../shared/domain/labels-vi';
import {
  CSV_MIME_TYPE,
  csvBase64,
  type CsvSeparator,
  EXCEL_MAX_ROWS,
  neutralizeFormula,
  tableXlsxBase64,
  XLSX_MIME_TYPE,
  type SheetColumn,
  type SheetValue,
} from './spreadsheet';

/** 'csv' is comma-separated (interchange); 'csv-semicolon' opens as columns in Excel under the Vietnamese regional format. */
export type ExportFormat = 'xlsx' | 'csv' | 'csv-semicolon';
/** The list screen's search and filters; the export takes every matching row, not a page. */
export type VenueExportQuery = Omit<VenueQueryValue, 'limit' | 'offset'>;

export interface VenueExport {
  fileName: string;
  mimeType: string;
  bytesBase64: string;
  rows: number;
}

type UnitName = (id: string | null) => string;

interface ExportColumn extends SheetColumn {
  /** A string for a text column, a number or null for a number column. */
  value(venue: Venue, unitName: UnitName): SheetValue;
}

/**
 * The columns, headed as the office's own lists head them, so that the import recognises
 * them without help and a re-imported file updates the venues by their code.
 */
export const VENUE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: HEADER.code, width: 12, value: (v) => v.code },
  { header: HEADER.name, width: 36, value: (v) => v.name },
  { header: HEADER.type, width: 24, value: (v) => VENUE_TYPE_LABELS_VI[v.type] },
  { header: HEADER.ownerName, width: 24, value: (v) => v.ownerName },
  // Several numbers as the form takes them: "0912 345 678, 0239 3861 234".
  { header: HEADER.phones, width: 16, value: (v) => v.phones.join(', ') },
  { header: HEADER.address, width: 32, value: (v) => v.address },
  { header: HEADER.village, width: 18, value: (v, unitName) => unitName(v.villageId) },
  { header: HEADER.commune, width: 18, value: (v, unitName) => unitName(v.communeId) },
  { header: HEADER.businessRegNo, width: 14, value: (v) => v.businessRegNo },
  { header: HEADER.status, width: 15, value: (v) => VENUE_STATUS_LABELS_VI[v.status] },
  { header: HEADER.notes, width: 40, wrap: true, value: (v) => v.notes },
  { header: HEADER.latitude, width: 11, kind: 'number', value: (v) => v.latitude },
  { header: HEADER.longitude, width: 11, kind: 'number', value: (v) => v.longitude },
  // Text, not an Excel date: dd/MM/yyyy whatever the PC's regional settings.
  { header: 'Ngày cập nhật', width: 13, value: (v) => formatDate(v.updatedAt) },
];

/**
 * Every venue matching the query, in the list's order: the list's own search (same
 * filters, folded search and ranking as the screen), asked once for all rows. Paging it
 * 500 at a time re-ran the search per page: 14 s for the 62,000 venues matching "c".
 * Capped at what one Excel sheet holds, far above any commune's register.
 */
function allMatching(db: Db, query: VenueExportQuery): Venue[] {
  return listVenues(db, { ...query, limit: EXCEL_MAX_ROWS - 1, offset: 0 }).items;
}

const FILE_DATE = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

/** "danh-sach-co-so-2025-07-01.xlsx", dated in Vietnam's time zone. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const part = (type: string) => FILE_DATE.formatToParts(now).find((p) => p.type === type)!.value;
  return `danh-sach-co-so-${part('year')}-${part('month')}-${part('day')}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
}

const FROZEN_COLUMNS = 2; // code and name stay in view while scrolling right

function* valuesOf(venues: Venue[], unitName: UnitName): Generator<SheetValue[]> {
  for (const venue of venues) yield VENUE_EXPORT_COLUMNS.map((column) => column.value(venue, unitName));
}

const toXlsx = (venues: Venue[], unitName: UnitName, now: Date) =>
  tableXlsxBase64({
    sheetName: 'Danh sách cơ sở',
    columns: VENUE_EXPORT_COLUMNS,
    rows: valuesOf(venues, unitName),
    frozenColumns: FROZEN_COLUMNS,
    created: now,
  });

/** Text neutralised against formulas; coordinates as JavaScript writes numbers ("21.0285"), a point whatever the locale. */
const csvValue = (value: SheetValue): string =>
  value === null ? '' : typeof value === 'number' ? String(value) : neutralizeFormula(value);

function toCsv(venues: Venue[], unitName: UnitName, separator: CsvSeparator): string {
  const header = VENUE_EXPORT_COLUMNS.map((column) => column.header);
  return csvBase64([header, ...Array.from(valuesOf(venues, unitName), (row) => row.map(csvValue))], separator);
}

/**
 * The venue list as the clerk sees it filtered, to .xlsx or .csv. Text that starts like a
 * formula is never run: in xlsx it is a string cell formatted as Text and kept exactly,
 * in CSV (which has no types) it gets a leading apostrophe (see spreadsheet.ts).
 */
export async function exportVenues(db: Db, query: VenueExportQuery, format: ExportFormat, now = new Date()): Promise<VenueExport> {
  const venues = allMatching(db, query);
  // Retired and merged units too: a venue may still point at one.
  const names = new Map(listUnits(db, true).map((unit) => [unit.id, unit.name]));
  const unitName = (id: string | null) => (id === null ? '' : (names.get(id) ?? ''));
  const bytesBase64 = format === 'xlsx' ? await toXlsx(venues, unitName, now) : toCsv(venues, unitName, format === 'csv' ? ',' : ';');
  return {
    fileName: exportFileName(format, now),
    mimeType: format === 'xlsx' ? XLSX_MIME_TYPE : CSV_MIME_TYPE,
    bytesBase64,
    rows: venues.length,
  };
}
