import { newId } from '../core/ids';
import type { PosterData, PosterTemplate, PrintReason } from '../../shared/domain/posters';
import type { PrintRecord } from '../../shared/domain/prints';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { requireOwnVenue } from '../exchange/ownership';
import { reprintActionsDone } from '../inspections/actions';

export interface PrintDetails {
  template: PosterTemplate;
  copies: number;
  reason: PrintReason;
  laminated: boolean;
  output: 'pdf' | 'printer';
}

/**
 * Records every poster of a print or PDF export, clears the open reprint requests of those
 * venues (the queue empties as its posters are printed) and marks their reprint actions
 * done. Runs in the caller's transaction. A venue whose commune's package arrived since the
 * job was made is refused: the print would be lost with that commune's next package.
 */
export function recordPrints(db: Db, actor: string, posters: readonly PosterData[], details: PrintDetails): number {
  const now = nowIso();
  const insert = statement(
    db,
    `INSERT INTO prints (id, venue_id, posting_point_id, code_id, revision, template, copies, reason, laminated, output, printed_at, printed_by)
     SELECT ?, ?, ?, id, revision, ?, ?, ?, ?, ?, ?, ? FROM venue_codes WHERE venue_id = ? AND revision = ?`,
  );
  // A request for one posting point is met by that point's poster; one for the venue by any.
  const clear = statement(
    db,
    `UPDATE reprint_requests SET cleared_at = ?, cleared_by_print = ?
     WHERE venue_id = ? AND cleared_at IS NULL AND (posting_point_id IS NULL OR posting_point_id = ?)`,
  );
  for (const poster of posters) {
    requireOwnVenue(db, poster.venueId);
    const id = newId();
    insert.run(id, poster.venueId, poster.postingPointId, details.template, details.copies, details.reason, details.laminated ? 1 : 0, details.output, now, actor, poster.venueId, poster.revision);
    clear.run(now, id, poster.venueId, poster.postingPointId);
    reprintActionsDone(db, poster.postingPointId, id, now);
  }
  return posters.length;
}

interface PrintRow {
  id: string;
  label: string;
  revision: number;
  template: string;
  copies: number;
  reason: string;
  laminated: number;
  output: 'pdf' | 'printer';
  printed_at: string;
  staff_name: string | null;
}

/** A venue's print history, newest first, for its page. */
export function printHistory(db: Db, venueId: string): PrintRecord[] {
  return statement<[string], PrintRow>(
    db,
    `SELECT p.id, pp.label, p.revision, p.template, p.copies, p.reason, p.laminated, p.output, p.printed_at, s.name AS staff_name
     FROM prints p JOIN posting_points pp ON pp.id = p.posting_point_id LEFT JOIN staff s ON s.id = p.printed_by
     WHERE p.venue_id = ? ORDER BY p.id DESC`,
  )
    .all(venueId)
    .map((row) => ({
      id: row.id,
      postingPointLabel: row.label,
      revision: row.revision,
      template: row.template,
      copies: row.copies,
      reason: row.reason,
      laminated: row.laminated === 1,
      output: row.output,
      printedAt: row.printed_at,
      printedBy: row.staff_name,
    }));
}
