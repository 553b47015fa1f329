import type { RecordTable } from './package-tables';

/**
 * The upper office's own records (`received_from IS NULL`) about one commune's venues
 * (those received from it, `@commune`): its rounds there, their visits, findings, photos,
 * actions and reprint requests. They travel down in a return package, come back up in
 * the commune's next package, and there are matched to these rows, not added twice.
 * Each entry is a condition on the row aliased `alias`; tables not listed never travel down.
 */
const communeVenues = 'SELECT id FROM main.venues WHERE received_from = @commune';

export const RETURNED: Partial<Record<RecordTable, (alias: string) => string>> = {
  inspection_rounds: (a) => `${a}.id IN (SELECT round_id FROM main.round_venues WHERE received_from IS NULL AND venue_id IN (${communeVenues}))`,
  round_venues: (a) => `${a}.venue_id IN (${communeVenues})`,
  visits: (a) => `${a}.venue_id IN (${communeVenues})`,
  findings: (a) => `${a}.venue_id IN (${communeVenues})`,
  finding_photos: (a) => `${a}.finding_id IN (SELECT id FROM main.findings WHERE received_from IS NULL AND venue_id IN (${communeVenues}))`,
  corrective_actions: (a) => `${a}.venue_id IN (${communeVenues})`,
  reprint_requests: (a) => `${a}.venue_id IN (${communeVenues})`,
};

/** A row of `table` the upper office made about the commune's venues. */
export const returnedRow = (table: RecordTable, alias: string): string | undefined => {
  const condition = RETURNED[table];
  return condition && `${alias}.received_from IS NULL AND (${condition(alias)})`;
};

/**
 * What the commune does about them, which the upper office takes back from its package:
 * an action marked done or verified, a reprint request cleared by a print.
 */
export const OUTCOME_COLUMNS: Partial<Record<RecordTable, readonly string[]>> = {
  corrective_actions: ['status', 'done_at', 'done_by_print', 'verified_at', 'verified_by_visit'],
  reprint_requests: ['cleared_at', 'cleared_by_print'],
};
