import { z } from 'zod';

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
  retired: z.boolean(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;
