import { z } from 'zod';
import { foldVietnamese } from '../text/fold';
import { Id, requiredText, text, Version } from './fields';

/**
 * Administrative units are data, not schema: province → optional district → commune →
 * village. Vietnam reorganised its units in 2025 (districts abolished, communes merged).
 */
export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const AdminUnit = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  level: z.enum(UNIT_LEVELS),
  name: z.string(),
  officialCode: z.string().nullable(),
  codePrefix: z.string().nullable(),
  /** Part of the labelled example seed, not the office's real list. */
  isExample: z.boolean(),
  mergedIntoId: z.string().uuid().nullable(),
  retired: z.boolean(),
  version: z.number().int(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

/**
 * Which levels a unit may sit under. A commune may hang straight under its province:
 * the 2025 reorganisation abolished districts, and lists since then skip them.
 */
export const PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  province: [],
  district: ['province'],
  commune: ['district', 'province'],
  village: ['commune'],
};

export const childLevelsOf = (level: UnitLevel): UnitLevel[] =>
  UNIT_LEVELS.filter((child) => PARENT_LEVELS[child].includes(level));

export const UNIT_LIMITS = { name: 120, officialCode: 20, codePrefix: 6 } as const;

/** Optional text: blank means "none" and is stored as null. */
const OfficialCode = text(UNIT_LIMITS.officialCode)
  .nullable()
  .optional()
  .transform((value) => value || null);

/** Letters before the number of a commune's venue codes (KB → KB-0042): read over the phone, so A–Z and digits only. */
const CodePrefix = z
  .string()
  .transform((value) => foldVietnamese(value).replace(/\s/g, '').toUpperCase())
  .pipe(z.string().max(UNIT_LIMITS.codePrefix).regex(/^[A-Z0-9]*$/))
  .nullable()
  .optional()
  .transform((value) => value || null);

const UnitFields = z.object({
  name: requiredText(UNIT_LIMITS.name),
  officialCode: OfficialCode,
  codePrefix: CodePrefix,
});

export const UnitCreate = UnitFields.extend({
  parentId: Id.nullable().optional().default(null),
  level: z.enum(UNIT_LEVELS),
});
export type UnitCreateInput = z.input<typeof UnitCreate>;
export type UnitCreateValue = z.output<typeof UnitCreate>;

export const UnitUpdate = UnitFields.extend({ id: Id, version: Version });
export type UnitUpdateInput = z.input<typeof UnitUpdate>;
export type UnitUpdateValue = z.output<typeof UnitUpdate>;

export const UnitMerge = z.object({ fromId: Id, intoId: Id });
export const UnitMergeResult = z.object({
  into: AdminUnit,
  venuesMoved: z.number().int(),
  unitsMoved: z.number().int(),
});

/** An .xlsx of the statistics office's list, sent as base64 (the renderer never handles a path). */
export const UNIT_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const UnitImport = z.object({
  fileName: requiredText(255),
  bytesBase64: z.base64().max(Math.ceil(UNIT_IMPORT_MAX_BYTES / 3) * 4),
});
export const UnitImportSummary = z.object({
  provinces: z.number().int(),
  districts: z.number().int(),
  communes: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
});
export type UnitImportSummary = z.infer<typeof UnitImportSummary>;
