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
