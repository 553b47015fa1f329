import { z } from 'zod';
import { Id } from './fields';
import { IMPORT_PHASES, StepError, TEXT_ENCODINGS } from './import';
import { Day } from './inspections';

/** Longest period one count may cover: a year. */
export const MAX_PERIOD_DAYS = 366;
/** Largest count accepted in one cell: beyond it, a typing slip. */
export const MAX_SCANS = 10_000_000;

/**
 * What a column of a scan file holds. Identifiers: the venue's short code ("Mã cơ sở"),
 * the string inside its QR ("Mã QR"), its name, its village. Then either one period column
 * and one count column (long layout), or one count column per day, week or month, whose
 * header says which (wide layout).
 */
export const SCAN_COLUMN_ROLES = ['code', 'payload', 'name', 'village', 'period', 'scans'] as const;
export type ScanColumnRole = (typeof SCAN_COLUMN_ROLES)[number];

export const SCAN_LAYOUTS = ['long', 'wide'] as const;
export type ScanLayout = (typeof SCAN_LAYOUTS)[number];

export const PERIOD_KINDS = ['day', 'week', 'month', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period of scan counts: calendar days in Vietnam, both ends included. */
export const ScanPeriod = z.object({ kind: z.enum(PERIOD_KINDS), firstDay: Day, lastDay: Day });
export type ScanPeriod = z.infer<typeof ScanPeriod>;

/** Why a row (or one of its cells) was refused; the UI words it from the reason and params. */
export const SCAN_ROW_REASONS = [
  'no_identifier',
  'no_count',
  'no_period',
  'not_a_number',
  'negative',
  'fractional',
  'too_large',
  'not_a_period',
  'no_such_day',
  'future',
  'too_long_period',
  'venue_received',
  'venue_closed',
  'overlaps_stored',
  'repeated_in_file',
  'overlaps_in_file',
] as const;
export type ScanRowReason = (typeof SCAN_ROW_REASONS)[number];

export const ScanRowError = z.object({
  /** The file's column header (or "Cột N"): where to look. */
  column: z.string(),
  reason: z.enum(SCAN_ROW_REASONS),
  /** Values the sentence needs: the cell text, a day, a period, another row. */
  params: z.record(z.string(), z.string()),
  /** A Vietnamese sentence naming the row and the column, for the log and the error report. */
  message: z.string(),
});
export type ScanRowError = z.infer<typeof ScanRowError>;

export const ScanColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  samples: z.array(z.string()),
  guess: z.enum(SCAN_COLUMN_ROLES).nullable(),
  /** The period the header names, as read with the default year (wide layout): shown so the clerk sees the year. */
  period: ScanPeriod.nullable(),
  encoding: z.enum(TEXT_ENCODINGS),
});
export type ScanColumn = z.infer<typeof ScanColumn>;

export const ScanSheet = z.object({
  name: z.string(),
  rowCount: z.number().int(),
  /** 1-based; null when no row looks like a header. */
  headerRow: z.number().int().nullable(),
  /** Wide when some headers are days, weeks or months; long otherwise. */
  layout: z.enum(SCAN_LAYOUTS),
  columns: z.array(ScanColumn),
});
export type ScanSheet = z.infer<typeof ScanSheet>;

/**
 * - new: counts for periods not stored yet;
 * - replace: at least one of its periods is stored already and will be replaced (same venue, same days);
 * - ambiguous: several venues fit; unmatched: none does (the clerk assigns or skips);
 * - error: not written, with the reasons; skipped: the clerk chose not to import it.
 */
export const SCAN_ROW_STATUSES = ['new', 'replace', 'ambiguous', 'unmatched', 'error', 'skipped'] as const;
export type ScanRowStatus = (typeof SCAN_ROW_STATUSES)[number];

export const ScanRowCounts = z.object(Object.fromEntries(SCAN_ROW_STATUSES.map((status) => [status, z.number().int()])) as Record<ScanRowStatus, z.ZodNumber>);
export type ScanRowCounts = z.infer<typeof ScanRowCounts>;

export const SCAN_MATCHES = ['payload', 'minted', 'code', 'alias', 'name', 'assigned'] as const;
export type ScanMatch = (typeof SCAN_MATCHES)[number];

export const ScanVenueChoice = z.object({ id: Id, code: z.string(), name: z.string(), villageId: Id.nullable(), status: z.string() });
export type ScanVenueChoice = z.infer<typeof ScanVenueChoice>;

export const ScanCheckSummary = z.object({
  layout: z.enum(SCAN_LAYOUTS),
  /** The year given to days and weeks written without one; null: the most recent that is not in the future. */
  year: z.number().int().nullable(),
  /** The periods of the file (each count column's, or each distinct one of the period column), first 400. */
  periods: z.array(ScanPeriod),
  periodCount: z.number().int(),
  firstDay: Day.nullable(),
  lastDay: Day.nullable(),
  rows: ScanRowCounts,
  /** Counts the commit will write, and how many of them replace a stored count. */
  countsToWrite: z.number().int(),
  countsReplaced: z.number().int(),
});
export type ScanCheckSummary = z.infer<typeof ScanCheckSummary>;

export const ScanImportSummary = z.object({
  sourceId: Id,
  written: z.number().int(),
  replaced: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsWithErrors: z.number().int(),
  aliasesSaved: z.number().int(),
  firstDay: Day,
  lastDay: Day,
});
export type ScanImportSummary = z.infer<typeof ScanImportSummary>;

export const ScanImportStatus = z.object({
  importId: Id,
  fileName: z.string(),
  phase: z.enum(IMPORT_PHASES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  error: StepError.nullable(),
  sheets: z.array(ScanSheet),
  check: ScanCheckSummary.nullable(),
  summary: ScanImportSummary.nullable(),
});
export type ScanImportStatus = z.infer<typeof ScanImportStatus>;

export const ScanColumnChoice = z.object({
  index: z.number().int().min(0),
  role: z.enum(SCAN_COLUMN_ROLES).nullable(),
  encoding: z.enum(TEXT_ENCODINGS).default('unicode'),
});

export const ScanImportCheck = z.object({
  importId: Id,
  sheet: z.string().max(200),
  headerRow: z.number().int().min(1),
  layout: z.enum(SCAN_LAYOUTS),
  columns: z.array(ScanColumnChoice).max(1000),
  /** The year of days and weeks written without one ("01/12", "Tuần 48"); left out: the most recent not in the future. */
  year: z.number().int().min(2000).max(2100).nullable().default(null),
});
export type ScanImportCheckInput = z.input<typeof ScanImportCheck>;

export const ScanRow = z.object({
  rowNumber: z.number().int(),
  status: z.enum(SCAN_ROW_STATUSES),
  /** The identifying cells as read (legacy fonts converted). */
  identifier: z.object({ code: z.string(), name: z.string(), village: z.string() }),
  venue: ScanVenueChoice.nullable(),
  match: z.enum(SCAN_MATCHES).nullable(),
  /** Periods with a count in this row, their total, and their span. */
  periods: z.number().int(),
  scans: z.number().int(),
  firstDay: Day.nullable(),
  lastDay: Day.nullable(),
  /** Stored counts this row replaces: same venue, same days. */
  replaces: z.array(ScanPeriod.extend({ before: z.number().int(), after: z.number().int() })),
  errors: z.array(ScanRowError),
  /** Ambiguous: the venues that fit; unmatched: up to 5 with a similar name. */
  suggestions: z.array(ScanVenueChoice),
});
export type ScanRow = z.infer<typeof ScanRow>;

export const ScanRowsQuery = z.object({
  importId: Id,
  status: z.enum(SCAN_ROW_STATUSES).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ScanAssign = z.object({
  importId: Id,
  rowNumber: z.number().int().min(1),
  /** The venue the row's identifier means; null skips it (and every row with the same identifier). */
  venueId: Id.nullable(),
});

export const ScanImportCommit = z.object({
  importId: Id,
  /** Rows still ambiguous or unmatched are skipped only when the clerk says so. */
  skipUnresolved: z.boolean().default(false),
});

/** A count typed by hand on a venue page. */
export const ScanRecord = z
  .object({ venueId: Id, firstDay: Day, lastDay: Day, scans: z.number().int().min(0).max(MAX_SCANS) })
  .refine((input) => input.firstDay <= input.lastDay, { path: ['lastDay'], message: 'The period ends before it starts' });
export type ScanRecordInput = z.input<typeof ScanRecord>;

export const ScanCount = z.object({
  firstDay: Day,
  lastDay: Day,
  scans: z.number().int(),
  source: z.object({ id: Id, kind: z.enum(['file', 'manual']), fileName: z.string(), createdAt: z.string(), createdBy: z.string().nullable() }),
});
export type ScanCount = z.infer<typeof ScanCount>;

export const VenueScans = z.object({
  /** Oldest first. */
  counts: z.array(ScanCount),
  /** The last 30 days up to today, in which the flag is computed. */
  window: z.object({ from: Day, to: Day }),
  /** Days of that window that imported files cover (0: no data, nothing can be said). */
  coveredDays: z.number().int(),
  /** Scans per covered day in the window; null without data. */
  perDay: z.number().nullable(),
  lowScanning: z
    .object({
      flag: z.enum(['zero', 'low']),
      perDay: z.number(),
      groupMedian: z.number().nullable(),
      doorRate: z.number().nullable(),
    })
    .nullable(),
});
export type VenueScans = z.infer<typeof VenueScans>;
