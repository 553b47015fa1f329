import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import type { z } from 'zod';
import { LOW_SCAN_RATE, type Round, type RoundDetail, type RoundFields, type TeamMember, type VenueSuggestion } from '../../shared/domain/inspections';
import { recordAudit } from '../audit/service';
import { requireOwnRound } from '../exchange/ownership';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { lowScanningVenues } from '../scans/low-scanning';
import { recentWindow } from '../scans/venue-scans';
import { requireStaff, type Session } from '../session/session';
import { findUnit } from '../units/service';
import { getVenue } from '../venues/rows';
import { findRound, listRoundRows, todayInVietnam } from './rows';
import { visitsOfRound } from './visits';

export const listRounds = (db: Db): Round[] => listRoundRows(db);

export function getRound(db: Db, id: string): Round {
  const round = findRound(db, id);
  if (!round) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt kiểm tra.');
  return round;
}

export function requireOpenRound(db: Db, id: string): Round {
  const round = getRound(db, id);
  if (round.status === 'closed') throw new AppError('CONFLICT', `Đợt "${round.name}" đã kết thúc; không sửa được nữa.`, 'roundId', 'invalid');
  requireOwnRound(db, id);
  return round;
}

const plannedVenueIds = (db: Db, roundId: string) =>
  statement<[string], { venue_id: string }>(db, 'SELECT venue_id FROM round_venues WHERE round_id = ?').all(roundId).map((row) => row.venue_id);

export function roundDetail(db: Db, id: string): RoundDetail {
  return { round: getRound(db, id), visits: visitsOfRound(db, id), plannedVenueIds: plannedVenueIds(db, id) };
}

function addPlanned(db: Db, roundId: string, venueIds: readonly string[]) {
  const insert = statement(db, 'INSERT OR IGNORE INTO round_venues (round_id, venue_id) VALUES (?, ?)');
  for (const venueId of venueIds) {
    getVenue(db, venueId);
    insert.run(roundId, venueId);
  }
}

type RoundInput = z.output<typeof RoundFields> & { venueIds: string[]; followUpOf?: string | null };

const staffExists = (db: Db, id: string) => statement<[string], { id: string }>(db, 'SELECT id FROM staff WHERE id = ?').get(id) !== undefined;

/** Every id a round names must exist, else the field that names it is refused (never a foreign-key INTERNAL, never a dangling id stored). */
function requireRoundReferences(db: Db, input: RoundInput): void {
  const missing = (field: string, what: string): never => {
    throw new AppError('NOT_FOUND', `Không tìm thấy ${what} đã chọn; hãy chọn lại.`, field, 'unknown_reference');
  };
  if (input.communeId !== null && findUnit(db, input.communeId)?.level !== 'commune') missing('communeId', 'xã/phường');
  input.villageIds.forEach((villageId, index) => {
    if (findUnit(db, villageId)?.level !== 'village') missing(`villageIds.${index}`, 'thôn/xóm');
  });
  input.team.forEach((member, index) => {
    if (member.staffId !== null && !staffExists(db, member.staffId)) missing(`team.${index}.staffId`, 'cán bộ');
  });
}

export function createRound(db: Db, session: Session, input: RoundInput): Round {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    if (input.endsOn && input.endsOn < input.startsOn) {
      throw new AppError('INVALID_INPUT', 'Ngày kết thúc trước ngày bắt đầu.', 'endsOn', 'invalid');
    }
    requireRoundReferences(db, input);
    const id = newId();
    statement(
      db,
      `INSERT INTO inspection_rounds (id, name, purpose, starts_on, ends_on, commune_id, village_ids, team, status, follow_up_of, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
    ).run(id, input.name, input.purpose, input.startsOn, input.endsOn, input.communeId, JSON.stringify(input.villageIds), JSON.stringify(input.team), input.followUpOf ?? null, nowIso(), actor);
    addPlanned(db, id, input.venueIds);
    recordAudit(db, { staffId: actor, entity: 'round', entityId: id, action: 'round_created', after: { name: input.name, venues: input.venueIds.length } });
    return getRound(db, id);
  });
}

export function addVenuesToRound(db: Db, session: Session, id: string, venueIds: readonly string[]): RoundDetail {
  return writeTransaction(db, () => {
    requireStaff(session);
    requireOpenRound(db, id);
    addPlanned(db, id, venueIds);
    return roundDetail(db, id);
  });
}

/** Closes a round; with venues still unvisited only when the clerk confirmed it. */
export function closeRound(db: Db, session: Session, input: { id: string; version: number; closeWithUnvisited: boolean }): Round {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const round = requireOpenRound(db, input.id);
    if (round.version !== input.version) throw new AppError('CONFLICT', 'Đợt kiểm tra vừa được người khác thay đổi; hãy tải lại.');
    const unvisited = statement<[string], { n: number }>(
      db,
      'SELECT count(*) AS n FROM round_venues rv WHERE rv.round_id = ? AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.round_id = rv.round_id AND v.venue_id = rv.venue_id)',
    ).get(input.id)!.n;
    if (unvisited > 0 && !input.closeWithUnvisited) {
      throw new AppError('CONFLICT', `Còn ${unvisited} cơ sở chưa đến trong đợt này. Vẫn kết thúc đợt?`, 'closeWithUnvisited', 'required');
    }
    statement(db, "UPDATE inspection_rounds SET status = 'closed', closed_at = ?, version = version + 1 WHERE id = ?").run(nowIso(), input.id);
    recordAudit(db, { staffId: actor, entity: 'round', entityId: input.id, action: 'round_closed', after: { unvisited } });
    return getRound(db, input.id);
  });
}

/** Venues of a round with an action not yet verified: what its follow-up round goes back to check. */
const venuesWithOpenActions = (db: Db, roundId: string) =>
  statement<[string], { venue_id: string }>(
    db,
    `SELECT DISTINCT a.venue_id FROM corrective_actions a JOIN findings f ON f.id = a.finding_id JOIN visits x ON x.id = f.visit_id
     WHERE a.status != 'verified' AND x.round_id = ?`,
  )
    .all(roundId)
    .map((row) => row.venue_id);

/** A round's follow-up is made once: a second click or a second clerk gets the one that exists. */
export function startFollowUp(db: Db, session: Session, input: { id: string; startsOn: string; team: Array<z.output<typeof TeamMember>> }): Round {
  return writeTransaction(db, () => {
    const earlier = getRound(db, input.id);
    const existing = statement<[string], { name: string }>(db, 'SELECT name FROM inspection_rounds WHERE follow_up_of = ? LIMIT 1').get(earlier.id);
    if (existing) throw new AppError('CONFLICT', `Đợt "${earlier.name}" đã có đợt kiểm tra lại ("${existing.name}"); hãy mở đợt đó.`, 'followUpOf', 'invalid');
    const venueIds = venuesWithOpenActions(db, earlier.id);
    if (venueIds.length === 0) throw new AppError('CONFLICT', 'Không còn tồn tại nào cần kiểm tra lại.');
    return createRound(db, session, {
      name: `Kiểm tra lại: ${earlier.name}`,
      purpose: 'Kiểm tra việc khắc phục các tồn tại',
      startsOn: input.startsOn,
      endsOn: null,
      communeId: earlier.communeId,
      villageIds: earlier.villageIds,
      team: input.team,
      venueIds,
      followUpOf: earlier.id,
    });
  });
}

/**
 * Venues worth a visit: never inspected, with open findings, with overdue actions, or
 * scanning little (few of the people entering scanned at the last door count, or flagged
 * by the scan counts of the last 30 days).
 */
export function suggestVenues(db: Db, filter: { communeId?: string; villageId?: string }): Array<z.output<typeof VenueSuggestion>> {
  const lowByCounts = [...lowScanningVenues(db, recentWindow()).keys()];
  const rows = statement<{ commune: string | null; village: string | null; today: string; low: number; flagged: string }, { id: string; code: string; name: string; never: number; open: number; overdue: number; low_scanning: number }>(
    db,
    `SELECT v.id, v.code, v.name,
       NOT EXISTS (SELECT 1 FROM visits x WHERE x.venue_id = v.id) AS never,
       EXISTS (SELECT 1 FROM corrective_actions a WHERE a.venue_id = v.id AND a.status = 'open') AS open,
       EXISTS (SELECT 1 FROM corrective_actions a WHERE a.venue_id = v.id AND a.status = 'open' AND a.due_on < @today) AS overdue,
       -- The door counts of the venue's last visit: few of the people entering scanned.
       (EXISTS (SELECT 1 FROM visits x, json_each(x.points) p
               WHERE x.venue_id = v.id AND x.visited_on = (SELECT max(y.visited_on) FROM visits y WHERE y.venue_id = v.id)
                 AND json_extract(p.value, '$.observation.peopleEntering') > 0
                 AND 1.0 * json_extract(p.value, '$.observation.scans') / json_extract(p.value, '$.observation.peopleEntering') < @low)
        OR v.id IN (SELECT value FROM json_each(@flagged))) AS low_scanning
     FROM venues v
     WHERE v.status = 'active' AND (@commune IS NULL OR v.commune_id = @commune) AND (@village IS NULL OR v.village_id = @village)
     ORDER BY overdue DESC, open DESC, low_scanning DESC, never DESC, v.sort_key
     LIMIT 500`,
  ).all({ commune: filter.communeId ?? null, village: filter.villageId ?? null, today: todayInVietnam(), low: LOW_SCAN_RATE, flagged: JSON.stringify(lowByCounts) });
  return rows
    .filter((row) => row.never || row.open || row.overdue || row.low_scanning)
    .map((row) => ({
      venueId: row.id,
      shortCode: row.code,
      venueName: row.name,
      reasons: [
        ...(row.never ? (['never_inspected'] as const) : []),
        ...(row.open ? (['open_findings'] as const) : []),
        ...(row.overdue ? (['overdue_actions'] as const) : []),
        ...(row.low_scanning ? (['low_scanning'] as const) : []),
      ],
    }));
}
