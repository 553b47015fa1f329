import { foldedWords } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

const DEFAULT_PREFIX = 'CS';
const UNIT_WORD = /^\s*(xã|phường|thị trấn|đặc khu)\s+/i;

/**
 * Letters for a commune's codes: its own prefix if set, else the initials of its name
 * without the unit word ("Xã Kỳ Bắc" → "KB"), else "CS" (cơ sở).
 */
export function codePrefixOf(db: Db, communeId: string | null): string {
  if (communeId === null) return DEFAULT_PREFIX;
  const unit = statement<[string], { name: string; code_prefix: string | null }>(db, 'SELECT name, code_prefix FROM admin_units WHERE id = ?').get(
    communeId,
  );
  if (!unit) return DEFAULT_PREFIX;
  if (unit.code_prefix) return unit.code_prefix;
  const words = foldedWords(unit.name.replace(UNIT_WORD, ''));
  const initials = words.map((word) => word[0]).join('').toUpperCase();
  return /^[A-Z]{1,4}$/.test(initials) ? initials : DEFAULT_PREFIX;
}

/**
 * Hands out the next short venue code, e.g. "KB-0042": short enough to read over the
 * phone, never reused because the counter only grows (deleted venues keep their number).
 * Must run inside the caller's write transaction.
 */
export function nextVenueCode(db: Db, prefix: string): string {
  const row = statement<[string], { last_number: number }>(
    db,
    `INSERT INTO venue_code_counters (prefix, last_number) VALUES (?, 1)
     ON CONFLICT (prefix) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  ).get(prefix)!;
  return `${prefix}-${String(row.last_number).padStart(4, '0')}`;
}
