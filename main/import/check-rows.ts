import type { FieldReason } from '../../shared/api/result';
import { fieldErrorsOf, parseInput } from '../../shared/api/validation';
import type { ImportField, ImportRow, TextEncoding } from '../../shared/domain/import';
import { VenueFields, type VenueFieldsValue, type VenueStatus, type VenueType } from '../../shared/domain/venue';
import { foldVietnamese } from '../../shared/text/fold';
import { phoneDigits, splitPhones } from '../../shared/text/phone';
import { convertLegacy } from './legacy-encoding';
import type { Job } from '../jobs/job';
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
    values: Object.fromEntries(Object.entries(values).map(([field, text]) => [field, text ?? ''])),
    errors,
    warnings: phones.warnings,
    duplicateOf: null,
    decision: null,
  };
  if (!parsed.success || errors.length > 0) return { row, fields: null, newVillage: null };
  return { row, fields: { ...parsed.data, status: status ?? 'active' }, newVillage: place.newVillage };
}

/** Marks rows that repeat an existing venue (by code: an update; by name or phone: a look-alike) or an earlier row. */
export async function markDuplicates(rows: CheckedRow[], context: CheckContext, job: Job): Promise<void> {
  const seenNames = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  for (const [index, checked] of rows.entries()) {
    // A look-alike query per row: pause now and then, so 200,000 rows never stall the app.
    if (index % 2000 === 0) await job.pause();
    const { row, fields } = checked;
    if (!fields) continue;
    const code = row.values.code?.trim().toUpperCase();
    const byCode = code ? context.venueByCode(code) : undefined;
    if (byCode) {
      checked.checkedVersion = byCode.version;
      Object.assign(row, { status: 'update_by_code', decision: 'update', duplicateOf: { venueId: byCode.id, code: byCode.code, name: byCode.name, rowNumber: null } });
      continue;
    }
    const villageKey = fields.villageId ?? checked.newVillage?.name ?? '';
    const nameKey = `${villageKey}|${foldVietnamese(fields.name)}`;
    const digits = fields.phones.map((phone) => phoneDigits(phone)).filter((value): value is string => value !== null);
    const earlier = (villageKey ? seenNames.get(nameKey) : undefined) ?? digits.map((d) => seenPhones.get(d)).find((n) => n !== undefined);
    const existing = context.lookAlike(fields.name, fields.villageId, fields.phones);
    if (existing) {
      checked.checkedVersion = existing.version;
      Object.assign(row, { status: 'duplicate_existing', decision: 'skip', duplicateOf: { venueId: existing.id, code: existing.code, name: existing.name, rowNumber: null } });
    } else if (earlier !== undefined) {
      Object.assign(row, { status: 'duplicate_in_file', decision: 'skip', duplicateOf: { venueId: null, code: null, name: fields.name, rowNumber: earlier } });
    }
    if (villageKey) seenNames.set(nameKey, seenNames.get(nameKey) ?? row.rowNumber);
    for (const d of digits) seenPhones.set(d, seenPhones.get(d) ?? row.rowNumber);
  }
}

export function dataRows(sheet: RawSheet, headerRow: number): Array<{ rowNumber: number; cells: string[] }> {
  return sheet.rows.slice(headerRow).map((cells, index) => ({ rowNumber: headerRow + index + 1, cells }));
}
