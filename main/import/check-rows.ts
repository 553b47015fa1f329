import { AppError, type FieldReason } from '../../shared/api/result';
import { fieldErrorsOf, parseInput } from '../../shared/api/validation';
import type { ImportField, ImportRow, TextEncoding } from '../../shared/domain/import';
import { VenueFields, type VenueFieldsValue, type VenueStatus, type VenueType } from '../../shared/domain/venue';
import { foldVietnamese } from '../../shared/text/fold';
import { phoneDigits, splitPhones } from '../../shared/text/phone';
import { convertLegacy } from './legacy-encoding';
import { otherCommuneWarnings, outsideOfficeWarnings } from './other-commune';
import type { RawSheet } from './read-file';
import type { UnitLookup } from './unit-lookup';
import { saysNoPhone, venueStatusOf, venueTypeOf } from './venue-values';

export interface ColumnPlan {
  index: number;
  field: ImportField;
  encoding: TextEncoding;
}

/** An existing venue a row may update, with the version the clerk saw when the rows were checked. */
export interface ExistingVenue {
  id: string;
  code: string;
  name: string;
  version: number;
}

/** A checked row and what committing it needs. */
export interface CheckedRow {
  row: ImportRow;
  /** The version of the venue this row repeats, as checked: a later edit must not be overwritten. */
  checkedVersion?: number;
  fields: (VenueFieldsValue & { status: VenueStatus }) | null;
  /** A village named in the file that its commune does not have yet: created on commit. */
  newVillage: { communeId: string; name: string } | null;
  /** A ready row kept compact (compactReadyRow): its fields are read again from its cells at commit. */
  compact?: true;
}

export interface CheckContext {
  lookup: UnitLookup;
  homeCommuneId: string | null;
  createMissingVillages: boolean;
  typeLabels: Record<VenueType, string>;
  fieldLabels: Record<ImportField, string>;
  /** Existing venues by code, and look-alikes by folded name in a village or by phone. */
  venueByCode(code: string): ExistingVenue | undefined;
  lookAlike(name: string, villageId: string | null, phones: string[]): ExistingVenue | undefined;
}

const REASON_VI: Record<FieldReason, string> = {
  required: 'không được để trống',
  too_long: 'quá dài',
  too_short: 'quá ngắn',
  invalid: 'không hợp lệ',
  unknown_reference: 'chưa có trong danh mục',
  out_of_range: 'nằm ngoài giới hạn cho phép',
  not_a_date: 'không phải ngày có thật',
  in_future: 'ở sau ngày hôm nay',
};

/**
 * Lines that are not venues: the total at the bottom ("Tổng cộng", "Cộng: 25", "Tổng số
 * 120 cơ sở") and the column-number line under some headers ("(1) (2) (3)"). A venue whose
 * name merely starts with those words ("Cộng Cà Phê", "Tổng đại lý gas") is kept.
 */
export function isNotAVenue(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  if (filled.every((cell) => /^\(?\d{1,3}\)?$/.test(cell))) return true;
  return /^(tong cong|tong so|tong|cong)\b\s*[:.]?\s*(\d[\d.,]*\s*(co so)?)?$/.test(foldVietnamese(filled[0] ?? ''));
}

const coordinate = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

/** The empty list every clean row shares: 100,000 rows need not hold 200,000 empty arrays. */
const NONE: never[] = [];

/** The cells a row's preview shows, by field. */
const shownValues = (values: Partial<Record<ImportField, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([field, text]) => [field, text ?? '']));

/** Marks a compacted row's values: the same frozen object for every such row. */
const SHOWN_FROM_SHEET: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * A row that will simply be added keeps only its number, status and new village: its
 * preview cells are read again from the sheet when the clerk pages to it (rowWithValues)
 * and its fields when it is committed (fieldsToCommit). 100,000 checked rows then hold
 * a few MB instead of ~90. Rows with an error, a warning or a duplicate keep their detail,
 * which the clerk decides on.
 */
export function compactReadyRow(checked: CheckedRow): void {
  if (checked.row.status !== 'ready' || checked.row.warnings.length > 0) return;
  checked.row.values = SHOWN_FROM_SHEET;
  checked.fields = null;
  checked.compact = true;
}

/**
 * The fields a row is committed with: a compacted row's are checked again from its cells,
 * with the same mapping; if that no longer passes (a unit renamed or removed since the
 * check), the whole commit is refused, naming the row.
 */
export function fieldsToCommit(checked: CheckedRow, cells: string[], columns: readonly ColumnPlan[], context: CheckContext): CheckedRow['fields'] {
  if (!checked.compact) return checked.fields;
  const { rowNumber } = checked.row;
  const again = checkRow(rowNumber, cells, columns, context);
  const sameVillage = again?.newVillage?.name === checked.newVillage?.name && again?.newVillage?.communeId === checked.newVillage?.communeId;
  if (!again?.fields || !sameVillage) {
    throw new AppError('CONFLICT', `Dòng ${rowNumber}: danh mục địa bàn đã thay đổi từ lúc kiểm tra; hãy kiểm tra lại tệp. Chưa ghi gì.`);
  }
  return again.fields;
}

/** The row as the preview shows it, its cells read again from the sheet when they were compacted away. */
export function rowWithValues(row: ImportRow, sheet: RawSheet | null, columns: readonly ColumnPlan[]): ImportRow {
  if (row.values !== SHOWN_FROM_SHEET) return row;
  return { ...row, values: shownValues(valuesOf(sheet?.rows[row.rowNumber - 1] ?? [], columns)) };
}

function valuesOf(cells: string[], columns: readonly ColumnPlan[]): Partial<Record<ImportField, string>> {
  const values: Partial<Record<ImportField, string>> = {};
  for (const column of columns) {
    const text = convertLegacy(cells[column.index] ?? '', column.encoding).trim();
    values[column.field] = values[column.field] ? `${values[column.field]}, ${text}` : text;
  }
  return values;
}

/** Places the row in a commune and village by their names; blank commune means the office's own. */
function placeOf(values: Partial<Record<ImportField, string>>, context: CheckContext) {
  const errors: Array<{ field: ImportField; reason: FieldReason }> = [];
  let communeId = context.homeCommuneId;
  if (values.commune) {
    const commune = context.lookup.commune(values.commune);
    if (commune) communeId = commune.id;
    else errors.push({ field: 'commune', reason: 'unknown_reference' });
  }
  let villageId: string | null = null;
  let newVillage: CheckedRow['newVillage'] = null;
  if (values.village) {
    const village = communeId ? context.lookup.village(communeId, values.village) : undefined;
    if (village) villageId = village.id;
    else if (communeId && context.createMissingVillages) newVillage = { communeId, name: values.village };
    else errors.push({ field: 'village', reason: 'unknown_reference' });
  }
  return { communeId, villageId, newVillage, errors };
}

/** Import field of a venue schema path ("phones.1" → phones). */
const importFieldOf = (path: string): ImportField => {
  const field = path.split('.')[0];
  return (field === 'communeId' ? 'commune' : field === 'villageId' ? 'village' : field) as ImportField;
};

/**
 * A phone cell saying there is none ("không có") is read as no phone, its words kept in
 * the notes ("Số điện thoại: không có") and shown to the clerk as a warning on the row.
 */
function phonesOf(values: Partial<Record<ImportField, string>>, context: CheckContext) {
  const text = values.phones ?? '';
  const notes = values.notes ?? '';
  if (!saysNoPhone(text)) return { phones: splitPhones(text), notes, warnings: [] };
  const label = context.fieldLabels.phones;
  return {
    phones: [],
    notes: [notes, `${label}: ${text}`].filter(Boolean).join('\n'),
    warnings: [{ field: 'phones', message: `${label}: “${text}” được hiểu là không có số; ghi vào ghi chú` }],
  };
}

/** Checks one data row: converts, validates with the venue's own schema, places it. Null for a blank or total row. */
export function checkRow(rowNumber: number, cells: string[], columns: readonly ColumnPlan[], context: CheckContext): CheckedRow | null {
  const values = valuesOf(cells, columns);
  if (Object.values(values).every((value) => !value)) return null;
  if (isNotAVenue(cells)) return null;
  const place = placeOf(values, context);
  const phones = phonesOf(values, context);
  const warnings = [
    ...phones.warnings,
    ...outsideOfficeWarnings(values, place.communeId, context.homeCommuneId, context.lookup, context.fieldLabels),
    ...(place.communeId ? otherCommuneWarnings(values, place.communeId, context.lookup, context.fieldLabels) : NONE),
  ];
  const status = venueStatusOf(values.status ?? '');
  const candidate = {
    name: values.name ?? '',
    type: venueTypeOf(values.type ?? '', context.typeLabels),
    ownerName: values.ownerName ?? '',
    phones: phones.phones,
    address: values.address ?? '',
    communeId: place.communeId,
    villageId: place.villageId,
    businessRegNo: values.businessRegNo ?? '',
    notes: phones.notes,
    latitude: coordinate(values.latitude ?? ''),
    longitude: coordinate(values.longitude ?? ''),
  };
  const parsed = parseInput(VenueFields, candidate);
  const errors = [
    ...(parsed.success ? [] : fieldErrorsOf(parsed.error).map((error) => ({ field: importFieldOf(error.field), reason: error.reason }))),
    ...place.errors,
    ...(status === null ? [{ field: 'status' as const, reason: 'invalid' as const }] : []),
  ].map((error) => ({ ...error, message: `${context.fieldLabels[error.field]}: ${REASON_VI[error.reason]}` }));
  const row: ImportRow = {
    rowNumber,
    status: errors.length > 0 ? 'error' : 'ready',
    values: shownValues(values),
    errors: errors.length > 0 ? errors : NONE,
    warnings: warnings.length > 0 ? warnings : NONE,
    duplicateOf: null,
    decision: null,
  };
  if (!parsed.success || errors.length > 0) return { row, fields: null, newVillage: null };
  return { row, fields: { ...parsed.data, status: status ?? 'active' }, newVillage: place.newVillage };
}

/**
 * Marks rows that repeat an existing venue (by code: an update; by name or phone: a
 * look-alike) or an earlier row. Rows are marked one by one in file order as they are
 * checked, so each can be compacted at once (compactReadyRow) and the full detail of
 * 100,000 rows is never held together.
 */
export class DuplicateMarker {
  private readonly seenNames = new Map<string, number>();
  private readonly seenPhones = new Map<string, number>();

  constructor(private readonly context: CheckContext) {}

  mark(checked: CheckedRow): void {
    const { row, fields } = checked;
    if (!fields) return;
    const code = row.values.code?.trim().toUpperCase();
    const byCode = code ? this.context.venueByCode(code) : undefined;
    if (byCode) {
      checked.checkedVersion = byCode.version;
      Object.assign(row, { status: 'update_by_code', decision: 'update', duplicateOf: { venueId: byCode.id, code: byCode.code, name: byCode.name, rowNumber: null } });
      return;
    }
    const villageKey = fields.villageId ?? checked.newVillage?.name ?? '';
    const nameKey = `${villageKey}|${foldVietnamese(fields.name)}`;
    const digits = fields.phones.map((phone) => phoneDigits(phone)).filter((value): value is string => value !== null);
    const earlier = (villageKey ? this.seenNames.get(nameKey) : undefined) ?? digits.map((d) => this.seenPhones.get(d)).find((n) => n !== undefined);
    const existing = this.context.lookAlike(fields.name, fields.villageId, fields.phones);
    if (existing) {
      checked.checkedVersion = existing.version;
      Object.assign(row, { status: 'duplicate_existing', decision: 'skip', duplicateOf: { venueId: existing.id, code: existing.code, name: existing.name, rowNumber: null } });
    } else if (earlier !== undefined) {
      Object.assign(row, { status: 'duplicate_in_file', decision: 'skip', duplicateOf: { venueId: null, code: null, name: fields.name, rowNumber: earlier } });
    }
    if (villageKey) this.seenNames.set(nameKey, this.seenNames.get(nameKey) ?? row.rowNumber);
    for (const d of digits) this.seenPhones.set(d, this.seenPhones.get(d) ?? row.rowNumber);
  }
}

export function dataRows(sheet: RawSheet, headerRow: number): Array<{ rowNumber: number; cells: string[] }> {
  return sheet.rows.slice(headerRow).map((cells, index) => ({ rowNumber: headerRow + index + 1, cells }));
}
