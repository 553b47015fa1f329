import { newId } from '../core/ids';
import type { z } from 'zod';
import { AppError } from '../../shared/api/result';
import { CHECK_KEYS, NEEDS_NEW_POSTER, type PointCheck, type Visit, type VisitSave } from '../../shared/domain/inspections';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { listPostingPoints } from '../posting-points/service';
import { requestReprint } from '../posters/queue';
import { requireStaff, type Session } from '../session/session';
import { getVenue } from '../venues/rows';
import { removePhotos, storePhoto, type StoredPhoto } from './photos';
import { requireOpenRound } from './rounds';
import { findingsWhere, todayInVietnam } from './rows';

type Points = Array<z.output<typeof PointCheck>>;

const scanRate = (point: Points[number]) =>
  point.observation && point.observation.peopleEntering > 0 ? Math.min(1, point.observation.scans / point.observation.peopleEntering) : null;

interface VisitRow {
  id: string;
  round_id: string;
  venue_id: string;
  venue_name: string;
  short_code: string;
  visited_on: string;
  note: string;
  points: string;
}

const VISIT_SQL = `SELECT x.id, x.round_id, x.venue_id, v.name AS venue_name, v.code AS short_code, x.visited_on, x.note, x.points
  FROM visits x JOIN venues v ON v.id = x.venue_id`;

function toVisit(db: Db, row: VisitRow): Visit {
  const labels = new Map(listPostingPoints(db, row.venue_id).map((point) => [point.id, point.label]));
  const points = JSON.parse(row.points) as Points;
  return {
    id: row.id,
    roundId: row.round_id,
    venueId: row.venue_id,
    venueName: row.venue_name,
    shortCode: row.short_code,
    visitedOn: row.visited_on,
    note: row.note,
    points: points.map((point) => ({ ...point, postingPointLabel: labels.get(point.postingPointId) ?? '', scanRate: scanRate(point) })),
    findings: findingsWhere(db, 'f.visit_id = ?', row.id),
  };
}

export const visitsOfRound = (db: Db, roundId: string): Visit[] =>
  statement<[string], VisitRow>(db, `${VISIT_SQL} WHERE x.round_id = ? ORDER BY v.sort_key`)
    .all(roundId)
    .map((row) => toVisit(db, row));

/**
 * A visit is recorded after it happened: a day after today in Vietnam is a typing slip (its
 * findings would be dated then too). More scans than people entering can happen (a phone
 * scanning twice) but usually means the two numbers were swapped, so it needs the team's word.
 */
function refuseWhatCannotHaveHappened(input: z.output<typeof VisitSave>) {
  const today = todayInVietnam();
  if (input.visitedOn > today) {
    throw new AppError('INVALID_INPUT', `Ngày kiểm tra ${input.visitedOn} ở sau hôm nay (${today}); không ghi kết quả cho ngày chưa tới.`, 'visitedOn', 'in_future');
  }
  if (input.acknowledgeScansAboveEntering) return;
  const index = input.points.findIndex((point) => point.observation !== null && point.observation.scans > point.observation.peopleEntering);
  if (index >= 0) {
    const { scans, peopleEntering } = input.points[index].observation!;
    throw new AppError(
      'INVALID_INPUT',
      `Số lượt quét (${scans}) nhiều hơn số người vào (${peopleEntering}); kiểm tra lại hoặc xác nhận lưu.`,
      `points.${index}.observation.scans`,
      'out_of_range',
    );
  }
}

/** A point whose every check passed: the problems found there earlier are fixed. */
const allPassed = (point: Points[number]) => CHECK_KEYS.every((key) => point.results[key] === true);

/**
 * Records a visit in one go: the checklist of each posting point, the findings with their
 * photos (copied into the data folder), their actions and reprint requests. A visit that
 * finds every check passing verifies the venue's earlier actions. All or nothing; a
 * refused save removes the photo files it had copied.
 */
export function saveVisit(db: Db, session: Session, dataDir: string, input: z.output<typeof VisitSave>): Visit {
  const stored: StoredPhoto[] = [];
  try {
    return writeTransaction(db, () => {
      const actor = requireStaff(session);
      requireOpenRound(db, input.roundId);
      const venue = getVenue(db, input.venueId);
      if (venue.status === 'closed') {
        throw new AppError('INVALID_INPUT', `Cơ sở ${venue.code} đã đóng; mở lại cơ sở trước khi ghi kết quả kiểm tra.`, 'venueId', 'invalid');
      }
      const points = new Set(listPostingPoints(db, venue.id).map((point) => point.id));
      const unknown = [...input.points, ...input.findings].find((item) => !points.has(item.postingPointId));
      if (unknown) throw new AppError('INVALID_INPUT', 'Vị trí niêm yết không thuộc cơ sở này.', 'postingPointId', 'unknown_reference');
      refuseWhatCannotHaveHappened(input);
      input.findings.forEach((finding, index) => {
        if (finding.action && finding.action.dueOn < input.visitedOn) {
          throw new AppError('INVALID_INPUT', 'Hạn khắc phục trước ngày kiểm tra.', `findings.${index}.action.dueOn`, 'invalid');
        }
      });

      const planned = statement<[string, string], { venue_id: string }>(db, 'SELECT venue_id FROM round_venues WHERE round_id = ? AND venue_id = ?').get(input.roundId, venue.id);
      if (!planned) throw new AppError('INVALID_INPUT', `Cơ sở ${venue.code} chưa có trong đợt này; thêm vào đợt trước khi ghi kết quả.`, 'venueId', 'invalid');
      const existing = statement<[string, string], { id: string }>(db, 'SELECT id FROM visits WHERE round_id = ? AND venue_id = ?').get(input.roundId, venue.id);
      if (existing) throw new AppError('CONFLICT', `Đã ghi kết quả cho ${venue.code} trong đợt này.`);
      const visitId = newId();
      const now = nowIso();
      statement(db, 'INSERT INTO visits (id, round_id, venue_id, visited_on, note, points, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        visitId,
        input.roundId,
        venue.id,
        input.visitedOn,
        input.note,
        JSON.stringify(input.points),
        now,
        actor,
      );

      input.findings.forEach((finding, index) => {
        const findingId = newId();
        statement(db, 'INSERT INTO findings (id, visit_id, venue_id, posting_point_id, category, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          findingId,
          visitId,
          venue.id,
          finding.postingPointId,
          finding.category,
          finding.note,
          now,
          actor,
        );
        finding.photos.forEach((upload, photoIndex) => {
          const photo = storePhoto(dataDir, upload, `findings.${index}.photos.${photoIndex}`);
          stored.push(photo);
          statement(db, 'INSERT INTO finding_photos (id, finding_id, file_name, stored_as, thumbnail, mime_type, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
            photo.id,
            findingId,
            photo.fileName,
            photo.storedAs,
            photo.thumbnail,
            photo.mimeType,
            photo.bytes,
            now,
          );
        });
        if (finding.action) {
          statement(
            db,
            `INSERT INTO corrective_actions (id, finding_id, venue_id, kind, due_on, responsible, status, created_at, created_by)
             VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
          ).run(newId(), findingId, venue.id, finding.action.kind, finding.action.dueOn, finding.action.responsible, now, actor);
        }
        if (finding.requestReprint && NEEDS_NEW_POSTER.has(finding.category)) {
          requestReprint(db, actor, { venueId: venue.id, postingPointId: finding.postingPointId, reason: finding.category, note: finding.note, sourceId: findingId });
        }
      });

      // A point where every check passed now had its problems fixed: the actions of findings
      // made there before (in an earlier visit, up to this day) are verified. Other points, and
      // findings dated after this visit, are not.
      const verify = statement(
        db,
        `UPDATE corrective_actions SET status = 'verified', verified_at = ?, verified_by_visit = ?
         WHERE status != 'verified' AND finding_id IN (
           SELECT f.id FROM findings f JOIN visits x ON x.id = f.visit_id
           WHERE f.posting_point_id = ? AND x.visited_on <= ? AND f.visit_id != ?)`,
      );
      for (const point of input.points.filter(allPassed)) verify.run(now, visitId, point.postingPointId, input.visitedOn, visitId);
      recordAudit(db, { staffId: actor, entity: 'venue', entityId: venue.id, action: 'inspected', after: { roundId: input.roundId, findings: input.findings.length } });
      const row = statement<[string], VisitRow>(db, `${VISIT_SQL} WHERE x.id = ?`).get(visitId)!;
      return toVisit(db, row);
    });
  } catch (error) {
    removePhotos(dataDir, stored);
    throw error;
  }
}
