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

/** The office's history for an admin: newest first, a page at a time, narrowed by person, kind of record and time. */
export const AuditSearch = z.object({
  staffId: Id.optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  /** Instants (UTC ISO), so the window's own days decide what "from 01/11 to 30/11" means. */
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  /** The last entry of the previous page: the next page starts below it. */
  before: Id.optional(),
  limit: z.number().int().min(1).max(200).default(100),
});

/** An entry of the office's history, with the record it is about named as it is now. */
export const AuditLogEntry = AuditEntry.extend({
  /** The record's name (a venue, a round, a person, a unit), or null when it has none or is gone. */
  subject: z.string().nullable(),
  /** The venue to open, when the entry is about a venue or one of its posting points. */
  venueId: Id.nullable(),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogPage = z.object({
  entries: z.array(AuditLogEntry),
  /** Where the next page starts, or null at the oldest entry. */
  nextBefore: Id.nullable(),
});
export type AuditLogPage = z.infer<typeof AuditLogPage>;
