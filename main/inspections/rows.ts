import type { Action, ActionKind, ActionStatus, Finding, FindingCategory, Round } from '../../shared/domain/inspections';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Today in Vietnam, yyyy-MM-dd: due dates and visit days are calendar days there. */
export const todayInVietnam = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

interface RoundRow {
  id: string;
  name: string;
  purpose: string;
  starts_on: string;
  ends_on: string | null;
  commune_id: string | null;
  village_ids: string;
  team: string;
  status: 'open' | 'closed';
  follow_up_of: string | null;
  version: number;
  visits: number;
  findings: number;
}

const ROUND_SQL = `SELECT r.*, (SELECT count(*) FROM visits v WHERE v.round_id = r.id) AS visits,
  (SELECT count(*) FROM findings f JOIN visits v ON v.id = f.visit_id WHERE v.round_id = r.id) AS findings
  FROM inspection_rounds r`;

const toRound = (row: RoundRow): Round => ({
  id: row.id,
  name: row.name,
  purpose: row.purpose,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  communeId: row.commune_id,
  villageIds: JSON.parse(row.village_ids) as string[],
  team: JSON.parse(row.team) as Round['team'],
  status: row.status,
  followUpOf: row.follow_up_of,
  visits: row.visits,
  findings: row.findings,
  version: row.version,
});

export const listRoundRows = (db: Db) => statement<[], RoundRow>(db, `${ROUND_SQL} ORDER BY r.id DESC`).all().map(toRound);

export function findRound(db: Db, id: string): Round | undefined {
  const row = statement<[string], RoundRow>(db, `${ROUND_SQL} WHERE r.id = ?`).get(id);
  return row && toRound(row);
}

interface ActionRow {
  id: string;
  finding_id: string;
  venue_id: string;
  kind: ActionKind;
  due_on: string;
  responsible: string;
  status: ActionStatus;
  done_at: string | null;
  verified_at: string | null;
}

export const toAction = (row: ActionRow): Action => ({
  id: row.id,
  findingId: row.finding_id,
  venueId: row.venue_id,
  kind: row.kind,
  dueOn: row.due_on,
  responsible: row.responsible,
  status: row.status,
  overdue: row.status === 'open' && row.due_on < todayInVietnam(),
  doneAt: row.done_at,
  verifiedAt: row.verified_at,
});

export const ACTION_COLUMNS = 'a.id, a.finding_id, a.venue_id, a.kind, a.due_on, a.responsible, a.status, a.done_at, a.verified_at';
export type { ActionRow };

interface FindingRow {
  id: string;
  visit_id: string;
  venue_id: string;
  venue_name: string;
  short_code: string;
  label: string;
  category: FindingCategory;
  note: string;
  created_at: string;
  received_from: string | null;
  received_from_name: string | null;
}

/** Findings with their photos and action, by a condition on f (findings) — fixed SQL, parameters only. */
export function findingsWhere(db: Db, condition: 'f.visit_id = ?' | 'f.venue_id = ?', value: string): Finding[] {
  const rows = statement<[string], FindingRow>(
    db,
    `SELECT f.id, f.visit_id, f.venue_id, v.name AS venue_name, v.code AS short_code, p.label, f.category, f.note, f.created_at,
       f.received_from, u.name AS received_from_name
     FROM findings f JOIN venues v ON v.id = f.venue_id JOIN posting_points p ON p.id = f.posting_point_id
     LEFT JOIN admin_units u ON u.id = f.received_from
     WHERE ${condition} ORDER BY f.id DESC`,
  ).all(value);
  const photos = statement<[string], { id: string; file_name: string }>(db, 'SELECT id, file_name FROM finding_photos WHERE finding_id = ? ORDER BY id');
  const action = statement<[string], ActionRow>(db, `SELECT ${ACTION_COLUMNS} FROM corrective_actions a WHERE a.finding_id = ?`);
  return rows.map((row) => {
    const actionRow = action.get(row.id);
    return {
      id: row.id,
      visitId: row.visit_id,
      venueId: row.venue_id,
      venueName: row.venue_name,
      shortCode: row.short_code,
      postingPointLabel: row.label,
      category: row.category,
      note: row.note,
      photos: photos.all(row.id).map((photo) => ({ id: photo.id, fileName: photo.file_name })),
      action: actionRow ? toAction(actionRow) : null,
      createdAt: row.created_at,
      receivedFrom: row.received_from === null ? null : { unitId: row.received_from, unitName: row.received_from_name ?? '' },
    };
  });
}
