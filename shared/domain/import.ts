import { z } from 'zod';
import { FIELD_REASONS } from '../api/result';
import { Id } from './fields';

/**
 * The biggest file an office list can be: stated to the user, checked before parsing. The
 * other caps keep a hostile file (a zip bomb, a cell at row 1,048,576, a sheet 16,384
 * columns wide) from costing more memory than its real content: rows count every row up to
 * the last one with data, across sheets; cells count every cell up to each row's last.
 */
export const IMPORT_LIMITS = {
  bytes: 50 * 1024 * 1024,
  rows: 200_000,
  sheets: 50,
  /** A scan-count sheet of a whole year has a column a day. */
  columns: 400,
  cells: 6_000_000,
  /** Excel's own limit for the text of one cell. */
  cellChars: 32_767,
  /** All the parts of an .xlsx once unpacked, and its shared strings alone. */
  unpackedBytes: 400 * 1024 * 1024,
  sharedStringBytes: 100 * 1024 * 1024,
} as const;

/** Venue fields a spreadsheet column can fill. */
export const IMPORT_FIELDS = [
  'code',
  'name',
  'type',
  'ownerName',
  'phones',
  'address',
  'village',
  'commune',
  'businessRegNo',
  'status',
  'notes',
  'latitude',
  'longitude',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const TEXT_ENCODINGS = ['unicode', 'tcvn3', 'vni'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const ImportOpen = z.object({
  fileName: z.string().min(1).max(260),
  // Base64 of at most IMPORT_LIMITS.bytes, plus a little: the size itself is checked with a clear message.
  bytesBase64: z.string().max(Math.ceil((IMPORT_LIMITS.bytes * 4) / 3) + 1024),
});

export const IMPORT_PHASES = ['reading', 'read', 'checking', 'checked', 'committing', 'committed', 'failed', 'cancelled'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  samples: z.array(z.string()),
  guess: z.enum(IMPORT_FIELDS).nullable(),
  encoding: z.enum(TEXT_ENCODINGS),
  /** The samples after converting from the detected encoding: the before/after the user checks. */
  converted: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

export const ImportSheet = z.object({
  name: z.string(),
  rowCount: z.number().int(),
  /** 1-based row of the header; null when no row looks like one. */
  headerRow: z.number().int().nullable(),
  columns: z.array(ImportColumn),
});
export type ImportSheet = z.infer<typeof ImportSheet>;

export const ROW_STATUSES = ['ready', 'error', 'duplicate_existing', 'duplicate_in_file', 'update_by_code'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const ImportCounts = z.object({
  ready: z.number().int(),
  error: z.number().int(),
  duplicate_existing: z.number().int(),
  duplicate_in_file: z.number().int(),
  update_by_code: z.number().int(),
  /** Rows that import, but with something the clerk should know (a phone cell saying "không có"). */
  withWarnings: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** How many villages the clerk sees listed before writing; the rest are counted. */
export const NEW_VILLAGES_LISTED = 20;

/**
 * Villages the checked rows name that their commune lacks: the import would add them to
 * the units list, so the clerk sees them before writing. In file order, the first
 * NEW_VILLAGES_LISTED of them, with the total.
 */
export const NewVillages = z.object({
  total: z.number().int(),
  first: z.array(z.object({ name: z.string(), communeName: z.string(), rows: z.number().int() })),
});
export type NewVillages = z.infer<typeof NewVillages>;

export const ImportSummary = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  villagesCreated: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/**
 * Why a running step failed: main's Vietnamese sentence and, for a refusal the pages word
 * in English too (a file too big, imports.refusals), its key and values.
 */
export const StepError = z.object({
  code: z.string(),
  message: z.string(),
  sentence: z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
});
export type StepError = z.infer<typeof StepError>;

export const ImportStatus = z.object({
  importId: Id,
  fileName: z.string(),
  phase: z.enum(IMPORT_PHASES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Why reading or committing failed, as a Vietnamese sentence (code in errorCode). */
  error: StepError.nullable(),
  sheets: z.array(ImportSheet),
  counts: ImportCounts.nullable(),
  /** Known once the rows are checked. */
  newVillages: NewVillages.nullable(),
  summary: ImportSummary.nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ColumnChoice = z.object({
  index: z.number().int().min(0),
  field: z.enum(IMPORT_FIELDS).nullable(),
  encoding: z.enum(TEXT_ENCODINGS),
});

export const ImportCheck = z.object({
  importId: Id,
  sheet: z.string(),
  headerRow: z.number().int().min(1),
  columns: z.array(ColumnChoice).max(200),
  /** Create villages named in the file that the commune does not have yet. */
  createMissingVillages: z.boolean().default(true),
});
export type ImportCheckInput = z.input<typeof ImportCheck>;

export const DUPLICATE_DECISIONS = ['skip', 'update', 'import'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

export const ImportRow = z.object({
  rowNumber: z.number().int(),
  status: z.enum(ROW_STATUSES),
  values: z.record(z.string(), z.string()),
  errors: z.array(z.object({ field: z.string(), reason: z.enum(FIELD_REASONS), message: z.string() })),
  /** What was read differently from what the cell says; unlike an error, the row still imports. */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
  /** The existing venue or the earlier row this one repeats. */
  duplicateOf: z
    .object({ venueId: Id.nullable(), code: z.string().nullable(), name: z.string(), rowNumber: z.number().int().nullable() })
    .nullable(),
  decision: z.enum(DUPLICATE_DECISIONS).nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportRowsQuery = z.object({
  importId: Id,
  status: z.enum(ROW_STATUSES).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ImportCommit = z.object({
  importId: Id,
  /** What to do with rows that repeat an existing venue (without a code) and rows that repeat an earlier row. */
  duplicateExisting: z.enum(DUPLICATE_DECISIONS).default('skip'),
  duplicateInFile: z.enum(['skip', 'import']).default('skip'),
  /** Per-row choices that override the defaults above, by row number. */
  overrides: z.array(z.object({ rowNumber: z.number().int(), decision: z.enum(DUPLICATE_DECISIONS) })).max(200_000).default([]),
});
export type ImportCommitInput = z.input<typeof ImportCommit>;
