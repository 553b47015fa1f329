import { AppError } from '../../shared/api/result';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * At an upper office a commune's records that came in its packages belong to that
 * commune: the next package replaces them, so an edit here would be lost and must be
 * made by the commune. Every service that changes a venue, its posting points or its
 * codes asks here first.
 */
export function requireOwnVenue(db: Db, venueId: string): void {
  const row = statement<[string], { code: string; owner: string | null }>(
    db,
    `SELECT venue.code, unit.name AS owner FROM venues venue LEFT JOIN admin_units unit ON unit.id = venue.received_from
     WHERE venue.id = ? AND venue.received_from IS NOT NULL`,
  ).get(venueId);
  if (row) {
    throw new AppError('FORBIDDEN', `Cơ sở ${row.code} thuộc dữ liệu của ${row.owner ?? 'xã đã gửi'}, chỉ xã đó sửa được.`);
  }
}

/**
 * A round another office made (the upper office's, returned to a commune; a commune's, at
 * the upper office) is that office's: here its findings and actions are acted on, but no
 * venue is added, no visit recorded and it is not closed, as its owner would never see it.
 */
export function requireOwnRound(db: Db, roundId: string): void {
  const row = statement<[string], { name: string; owner: string | null }>(
    db,
    `SELECT round.name, unit.name AS owner FROM inspection_rounds round LEFT JOIN admin_units unit ON unit.id = round.received_from
     WHERE round.id = ? AND round.received_from IS NOT NULL`,
  ).get(roundId);
  if (row) {
    throw new AppError('FORBIDDEN', `Đợt "${row.name}" là của ${row.owner ?? 'văn phòng khác'}, chỉ văn phòng đó thêm cơ sở, ghi kết quả hay kết thúc đợt.`, 'roundId', 'invalid');
  }
}
