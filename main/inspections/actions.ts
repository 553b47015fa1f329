import { AppError } from '../../shared/api/result';
import type { Action, ActionStatus, FindingCategory } from '../../shared/domain/inspections';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { requireStaff, type Session } from '../session/session';
import { ACTION_COLUMNS, todayInVietnam, toAction, type ActionRow } from './rows';

type ListedAction = Action & { venueName: string; shortCode: string; category: FindingCategory };

export function listActions(db: Db, filter: { status?: ActionStatus; overdueOnly: boolean }): ListedAction[] {
  const rows = statement<{ status: string | null; overdue: number; today: string }, ActionRow & { venue_name: string; short_code: string; category: FindingCategory }>(
    db,
    `SELECT ${ACTION_COLUMNS}, v.name AS venue_name, v.code AS short_code, f.category
     FROM corrective_actions a JOIN venues v ON v.id = a.venue_id JOIN findings f ON f.id = a.finding_id
     WHERE (@status IS NULL OR a.status = @status) AND (@overdue = 0 OR (a.status = 'open' AND a.due_on < @today))
     ORDER BY a.status, a.due_on, v.sort_key`,
  ).all({ status: filter.status ?? null, overdue: filter.overdueOnly ? 1 : 0, today: todayInVietnam() });
  return rows.map((row) => ({ ...toAction(row), venueName: row.venue_name, shortCode: row.short_code, category: row.category }));
}

/**
 * Marks an action done (the owner relocated or laminated the poster, say). A reprint is
 * done by printing the replacement, which records itself; a later visit verifies either.
 */
export function markActionDone(db: Db, session: Session, id: string): Action {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const row = statement<[string], ActionRow>(db, `SELECT ${ACTION_COLUMNS} FROM corrective_actions a WHERE a.id = ?`).get(id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy biện pháp khắc phục.');
    if (row.status !== 'open') throw new AppError('CONFLICT', 'Biện pháp này đã được đánh dấu xong.');
    if (row.kind === 'reprint') throw new AppError('CONFLICT', 'Việc in lại được ghi khi in áp phích thay thế.');
    statement(db, "UPDATE corrective_actions SET status = 'done', done_at = ? WHERE id = ?").run(nowIso(), id);
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: row.venue_id, action: 'action_done', after: { kind: row.kind } });
    return toAction(statement<[string], ActionRow>(db, `SELECT ${ACTION_COLUMNS} FROM corrective_actions a WHERE a.id = ?`).get(id)!);
  });
}

/** A replacement poster was printed for a posting point: that point's open reprint actions are done. Runs in the print's transaction. */
export function reprintActionsDone(db: Db, postingPointId: string, printId: string, at: string): void {
  statement(
    db,
    `UPDATE corrective_actions SET status = 'done', done_at = ?, done_by_print = ?
     WHERE kind = 'reprint' AND status = 'open' AND finding_id IN (SELECT id FROM findings WHERE posting_point_id = ?)`,
  ).run(at, printId, postingPointId);
}
