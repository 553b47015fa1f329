import type { VenuePage, VenueQueryValue } from '../../shared/domain/venue';
import { foldedWords } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { QUEUED_VENUES_SQL } from '../posters/queue';
import { rankedPage, type MatchSource } from './ranked-search';
import { toVenue, VENUE_COLUMNS, type VenueRow } from './rows';
import { statement } from '../db/statements';
import { OPEN_FINDING } from '../dashboard/figure-sql';
import { flaggedVenues, scopeOfArea } from '../dashboard/flagged-venues';
import { overdueBefore, printWindow } from '../dashboard/period';
import { todayInVietnam } from '../inspections/rows';
import { dayNumber, dayOf } from '../scans/days';

/** A run of digit groups this long is a phone number typed as shown ("0904 092 233"). */
const PHONE_DIGITS = 7;

/** Joins consecutive digit groups that together look like a phone number; they are indexed as one word. */
function joinPhoneGroups(words: string[]): string[] {
  const joined: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const digits = run.join('');
    joined.push(...(run.length > 1 && digits.length >= PHONE_DIGITS ? [digits] : run));
    run = [];
  };
  for (const word of words) {
    if (/^\d+$/.test(word)) run.push(word);
    else {
      flush();
      joined.push(word);
    }
  }
  flush();
  return joined;
}

/** Each typed word matches the start of a word, so "cho ky b" already finds "Chợ Kỳ Bắc". */
export function ftsQueryOf(search: string): string | null {
  const words = joinPhoneGroups(foldedWords(search));
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

/** Words this short match a third of a commune's venues: ranking them all is slow and says little. */
const isShortPrefix = (search: string) => foldedWords(search).every((word) => word.length <= 2);

const ORDER_BY = {
  name: 'v.sort_key, v.code',
  code: 'v.code',
  updated: 'v.updated_at DESC, v.code DESC',
} as const;

/** The same day N months back, the month's last day when it has fewer days (31 March − 1 month = 28/29 February). */
const monthsAgo = (months: number) => {
  const now = new Date();
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1, now.getUTCHours(), now.getUTCMinutes()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target.toISOString();
};

/** The days a filter on scans looks at: the period given, else the 30 days up to its end or today. */
function scanWindowOf(query: Pick<VenueQueryValue, 'from' | 'to'>, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  return { from: query.from ?? dayOf(dayNumber(to) - 29), to };
}

const ANY_DAY = { from: '0000-01-01', to: '9999-12-31' };

/**
 * Filters as SQL conditions with their parameters; only fixed column names, never user text.
 * The dashboard's click-through filters ask, one venue at a time, what its figures count in
 * bulk (main/dashboard/figure-sql.ts): the same rules, held to the same counts by
 * test/unit/dashboard.test.ts.
 */
function filtersOf(db: Db, query: VenueQueryValue): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) add(`${column} = ?`, value);
  };
  equal('v.commune_id', query.communeId);
  equal('v.village_id', query.villageId);
  equal('v.type', query.type);
  equal('v.status', query.status);
  if (query.missingUnit === 'commune') add('v.commune_id IS NULL');
  if (query.missingUnit === 'village') add('v.village_id IS NULL');
  if (query.code === 'current') add('EXISTS (SELECT 1 FROM venue_codes c WHERE c.venue_id = v.id AND c.revoked_at IS NULL)');
  if (query.poster === 'none') add('NOT EXISTS (SELECT 1 FROM prints p WHERE p.venue_id = v.id)');
  if (query.poster === 'older') add(`(SELECT max(p.printed_at) FROM prints p WHERE p.venue_id = v.id) < ?`, monthsAgo(query.posterMonths));
  if (query.poster === 'queued') add(`v.id IN (${QUEUED_VENUES_SQL})`);
  if (query.poster === 'printed') add('EXISTS (SELECT 1 FROM prints p WHERE p.venue_id = v.id)');
  if (query.poster === 'recent') {
    const { since, before } = query.to ? printWindow(query.to, query.posterMonths) : { since: monthsAgo(query.posterMonths), before: '9999' };
    add('EXISTS (SELECT 1 FROM prints p WHERE p.venue_id = v.id AND p.printed_at >= ? AND p.printed_at < ?)', since, before);
  }
  if (query.poster === 'laminated') add('(SELECT p.laminated FROM prints p WHERE p.venue_id = v.id ORDER BY p.printed_at DESC LIMIT 1) = 1');
  const period = { from: query.from ?? ANY_DAY.from, to: query.to ?? ANY_DAY.to };
  if (query.inspected) add('EXISTS (SELECT 1 FROM visits x WHERE x.venue_id = v.id AND x.visited_on BETWEEN ? AND ?)', period.from, period.to);
  const category = query.findingCategory ? { sql: 'AND f.category = ?', params: [query.findingCategory] } : { sql: '', params: [] };
  if (query.findings === 'open') add(`EXISTS (SELECT 1 FROM findings f WHERE f.venue_id = v.id ${category.sql} AND ${OPEN_FINDING})`, ...category.params);
  if (query.findings === 'recorded' || (query.findings === undefined && query.findingCategory)) {
    add(
      `EXISTS (SELECT 1 FROM findings f JOIN visits x ON x.id = f.visit_id WHERE f.venue_id = v.id ${category.sql} AND x.visited_on BETWEEN ? AND ?)`,
      ...category.params,
      period.from,
      period.to,
    );
  }
  const today = todayInVietnam();
  if (query.overdueActions) {
    // "status != 'verified'" lets SQLite use the partial index of unverified actions by venue (4 s → 0.3 s at 100,000 venues).
    add(
      "EXISTS (SELECT 1 FROM corrective_actions a WHERE a.venue_id = v.id AND a.status != 'verified' AND a.status = 'open' AND a.due_on < ?)",
      overdueBefore(query.to ?? today, today),
    );
  }
  if (query.scanning) {
    const flagged = [...flaggedVenues(db, scanWindowOf(query, today), scopeOfArea(db, query)).values()].filter((venue) => venue.flag === query.scanning);
    add('v.id IN (SELECT value FROM json_each(?))', JSON.stringify(flagged.map((venue) => venue.venueId)));
  }
  return { where, params };
}

type Filters = ReturnType<typeof filtersOf>;

const whereOf = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

/** Without search text: walk an index in the chosen order, and count exactly (the dashboard's figures click through to these totals). */
function browse(db: Db, query: VenueQueryValue, filters: Filters): VenuePage {
  const where = whereOf(filters.where);
  const rows = statement<unknown[], VenueRow>(db, `SELECT ${VENUE_COLUMNS} FROM venues v ${where} ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`).all(
    ...filters.params,
    query.limit,
    query.offset,
  );
  const { total } = statement<unknown[], { total: number }>(db, `SELECT count(*) AS total FROM venues v ${where}`).get(...filters.params)!;
  return { items: rows.map(toVenue), total, totalCapped: false };
}

/** FTS5 finds the matches; the filters, when there are any, need the venue's own columns. */
const matchSourceOf = (match: string, filters: Filters): MatchSource =>
  filters.where.length === 0
    ? { sql: 'venues_fts f WHERE venues_fts MATCH ?', params: [match] }
    : { sql: `venues_fts f JOIN venues v ON v.rowid = f.rowid WHERE venues_fts MATCH ? AND ${filters.where.join(' AND ')}`, params: [match, ...filters.params] };

/**
 * A search counts its matches up to the next multiple of this past the page asked for and
 * says "more than" beyond: counting every match of "c" at 100,000 venues costs 8–12 ms,
 * counting to 1,001 a quarter of a millisecond. Scrolling past a thousand counts further.
 */
export const COUNT_STEP = 1000;

function cappedCount(db: Db, source: MatchSource, page: { limit: number; offset: number }): Pick<VenuePage, 'total' | 'totalCapped'> {
  const enough = COUNT_STEP * Math.ceil((page.offset + page.limit + 1) / COUNT_STEP);
  const { counted } = statement<unknown[], { counted: number }>(db, `SELECT count(*) AS counted FROM (SELECT 1 FROM ${source.sql} LIMIT ?)`).get(
    ...source.params,
    enough + 1,
  )!;
  return counted > enough ? { total: enough, totalCapped: true } : { total: counted, totalCapped: false };
}

/**
 * One or two letters match a third of the register: ranking them says little, so they come
 * in name order. Many matches: walk the name index and keep the matches ("c" at 100,000
 * venues: 123 → 15 ms); a few: look them up and sort them (a walk would cross the whole
 * index to find that "zz" matches nothing).
 */
function nameOrderRows(db: Db, query: VenueQueryValue, match: string, filters: Filters, manyMatches: boolean): VenueRow[] {
  // The unary + keeps SQLite from driving the query by the list of matches.
  const matching = `${manyMatches ? '+v.rowid' : 'v.rowid'} IN (SELECT rowid FROM venues_fts WHERE venues_fts MATCH ?)`;
  return statement<unknown[], VenueRow>(
    db,
    `SELECT ${VENUE_COLUMNS} FROM venues v ${whereOf([matching, ...filters.where])} ORDER BY ${ORDER_BY.name} LIMIT ? OFFSET ?`,
  ).all(match, ...filters.params, query.limit, query.offset);
}

/**
 * With search text, FTS5 finds the matches: a venue whose code is exactly what was typed
 * comes first, then the best matches (a hit in the name weighing ten times one in the
 * details), then Vietnamese order. One or two letters are answered in name order.
 */
function search(db: Db, query: VenueQueryValue, match: string, filters: Filters): VenuePage {
  const source = matchSourceOf(match, filters);
  const count = cappedCount(db, source, query);
  const rows = isShortPrefix(query.search)
    ? nameOrderRows(db, query, match, filters, count.totalCapped)
    : rankedPage(db, source, query.search.trim().toUpperCase(), query);
  return { items: rows.map(toVenue), ...count };
}

/** One page of the venue list and the size of the whole result, read from one snapshot of the database. */
export function listVenues(db: Db, query: VenueQueryValue): VenuePage {
  return db
    .transaction(() => {
      const filters = filtersOf(db, query);
      const match = ftsQueryOf(query.search);
      return match === null ? browse(db, query, filters) : search(db, query, match, filters);
    })
    .deferred();
}
