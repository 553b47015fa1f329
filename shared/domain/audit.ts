import { z } from 'zod';
import { Id } from './fields';

export const AUDIT_ENTITIES = ['venue', 'posting_point', 'unit', 'staff', 'settings', 'round', 'scan_source'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  action: z.string(),
  /** Only the fields that changed, as they were and as they became. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** Names, as they are now, of the rounds, people and venues the entry refers to by id (roundId → its name). */
  names: z.record(z.string(), z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
