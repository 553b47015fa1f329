import type { VenuePage, VenueQueryValue } from '../../shared/domain/venue';
import { foldedWords } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { QUEUED_VENUES_SQL } from '../posters/queue';
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

interface Plan {
  from: string;
  where: string[];
  params: unknown[];
  order: string;
  orderParams: unknown[];
  /** FTS5 counts its own matches far faster than a join can (1.5 ms vs 20 ms for "c" at 100k). */
  count: { sql: string; params: unknown[] };
}

const countOf = (from: string, where: string[], params: unknown[]) => ({
  sql: `SELECT count(*) AS total FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
  params,
});

/**
 * How to answer: without search text, walk an index in the chosen order. With it, FTS5
 * finds the matches; a venue whose code is exactly what was typed comes first, then the
 * best matches (a hit in the name weighing ten times one in the details), then
 * Vietnamese order. One or two letters are answered in name order, walking the index.
 */
function planOf(db: Db, query: VenueQueryValue): Plan {
  const { where, params } = filtersOf(db, query);
  const match = ftsQueryOf(query.search);
  if (match === null) {
    return { from: 'venues v', where, params, order: ORDER_BY[query.sort], orderParams: [], count: countOf('venues v', where, params) };
  }
  const count =
    where.length === 0
      ? countOf('venues_fts', ['venues_fts MATCH ?'], [match])
      : countOf('venues_fts f JOIN venues v ON v.rowid = f.rowid', ['venues_fts MATCH ?', ...where], [match, ...params]);
  if (isShortPrefix(query.search)) {
    return {
      from: 'venues v',
      where: ['v.rowid IN (SELECT rowid FROM venues_fts WHERE venues_fts MATCH ?)', ...where],
      params: [match, ...params],
      order: ORDER_BY.name,
      orderParams: [],
      count,
    };
  }
  return {
    from: 'venues_fts f JOIN venues v ON v.rowid = f.rowid',
    where: ['venues_fts MATCH ?', ...where],
    params: [match, ...params],
    order: 'v.code = ? DESC, bm25(venues_fts, 10.0, 1.0), v.sort_key',
    orderParams: [query.search.trim().toUpperCase()],
    count,
  };
}

/** One page of the venue list and the size of the whole result. */
export function listVenues(db: Db, query: VenueQueryValue): VenuePage {
  const plan = planOf(db, query);
  const whereSql = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
  const rows = statement<unknown[], VenueRow>(db, 
      `SELECT ${VENUE_COLUMNS} FROM ${plan.from} ${whereSql} ORDER BY ${plan.order} LIMIT ? OFFSET ?`,
    )
    .all(...plan.params, ...plan.orderParams, query.limit, query.offset);
  const { total } = statement<unknown[], { total: number }>(db, plan.count.sql).get(...plan.count.params)!;
  return { items: rows.map(toVenue), total };
}
