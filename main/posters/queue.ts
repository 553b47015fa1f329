import { newId } from '../core/ids';
import type { QueueEntry } from '../../shared/domain/prints';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Ids of the venues in the queue, for the venue list's "in queue" filter. */
export const QUEUED_VENUES_SQL = `
  SELECT v.id FROM venues v WHERE v.status = 'active' AND v.received_from IS NULL AND (
    NOT EXISTS (SELECT 1 FROM prints p WHERE p.venue_id = v.id)
    OR (SELECT max(revision) FROM venue_codes c WHERE c.venue_id = v.id AND c.revoked_at IS NULL)
       > (SELECT max(revision) FROM prints p WHERE p.venue_id = v.id)
    OR EXISTS (SELECT 1 FROM reprint_requests r WHERE r.venue_id = v.id AND r.cleared_at IS NULL))`;

/**
 * What must be (re)printed, found from the records rather than kept in step by hand:
 * active venues never printed, venues whose current code is newer than their last print
 * (a revoked code), and open requests (findings that ask for a new poster). Only this
 * office's own venues: a received commune's venues are printed by that commune (the upper
 * office's reprint requests go back to it).
 */
const QUEUE_SQL = `
  WITH last_print AS (SELECT venue_id, max(revision) AS revision FROM prints GROUP BY venue_id),
       current AS (SELECT venue_id, max(revision) AS revision FROM venue_codes WHERE revoked_at IS NULL GROUP BY venue_id),
       requests AS (SELECT venue_id, group_concat(reason, '|') AS reasons FROM reprint_requests WHERE cleared_at IS NULL GROUP BY venue_id)
  SELECT v.id AS venue_id, v.code, v.name, v.village_id,
         lp.venue_id IS NULL AS never_printed,
         lp.revision IS NOT NULL AND c.revision > lp.revision AS code_revoked,
         r.reasons AS request_reasons
  FROM venues v
  LEFT JOIN last_print lp ON lp.venue_id = v.id
  LEFT JOIN current c ON c.venue_id = v.id
  LEFT JOIN requests r ON r.venue_id = v.id
  WHERE v.status = 'active' AND v.received_from IS NULL
    AND (lp.venue_id IS NULL OR (c.revision > lp.revision) OR r.venue_id IS NOT NULL)
  ORDER BY v.sort_key, v.code`;

interface QueueRow {
  venue_id: string;
  code: string;
  name: string;
  village_id: string | null;
  never_printed: number;
  code_revoked: number;
  request_reasons: string | null;
}

export function listQueue(db: Db): QueueEntry[] {
  return statement<[], QueueRow>(db, QUEUE_SQL)
    .all()
    .map((row) => ({
      venueId: row.venue_id,
      shortCode: row.code,
      venueName: row.name,
      villageId: row.village_id,
      reasons: [
        ...(row.never_printed ? (['never_printed'] as const) : []),
        ...(row.code_revoked ? (['code_revoked'] as const) : []),
        ...(row.request_reasons ? (['requested'] as const) : []),
      ],
      requestReasons: row.request_reasons ? [...new Set(row.request_reasons.split('|'))] : [],
    }));
}

/** Puts a venue in the queue for a new poster (a finding asked for one); runs in the caller's transaction. */
export function requestReprint(db: Db, actor: string, input: { venueId: string; postingPointId: string | null; reason: string; note: string; sourceId: string | null }): string {
  const id = newId();
  statement(
    db,
    `INSERT INTO reprint_requests (id, venue_id, posting_point_id, reason, note, source_id, requested_at, requested_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.venueId, input.postingPointId, input.reason, input.note, input.sourceId, nowIso(), actor);
  return id;
}
