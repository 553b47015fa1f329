import type { Db } from '../db/open';

const DEFAULT_PREFIX = 'CS';

/**
 * Hands out the next short venue code, e.g. "CS-0042": short enough to read over the
 * phone, never reused because the counter only grows (deleted venues keep their number).
 * Must run inside the caller's write transaction.
 */
export function nextVenueCode(db: Db, prefix: string = DEFAULT_PREFIX): string {
  const row = db
    .prepare<[string], { last_number: number }>(
      `INSERT INTO venue_code_counters (prefix, last_number) VALUES (?, 1)
       ON CONFLICT (prefix) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
    )
    .get(prefix);
  const number = row?.last_number ?? 1;
  return `${prefix}-${String(number).padStart(4, '0')}`;
}
