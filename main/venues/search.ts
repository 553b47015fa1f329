import type { VenuePage, VenueQueryValue } from '../../shared/domain/venue';
import { foldedWords } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { QUEUED_VENUES_SQL } from '../posters/queue';
import { toVenue, VENUE_COLUMNS, type VenueRow } from './rows';
import { statement } from '../db/statements';

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

/** Filters as SQL conditions with their parameters; only fixed column names, never user text. */
function filtersOf(query: VenueQueryValue): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('v.commune_id', query.communeId);
  equal('v.village_id', query.villageId);
  equal('v.type', query.type);
  equal('v.status', query.status);
  if (query.poster === 'none') where.push('NOT EXISTS (SELECT 1 FROM prints p WHERE p.venue_id = v.id)');
  if (query.poster === 'older') {
    where.push(`(SELECT max(p.printed_at) FROM prints p WHERE p.venue_id = v.id) < ?`);
    params.push(monthsAgo(query.posterMonths));
  }
  if (query.poster === 'queued') where.push(`v.id IN (${QUEUED_VENUES_SQL})`);
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
function planOf(query: VenueQueryValue): Plan {
  const { where, params } = filtersOf(query);
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
  const plan = planOf(query);
  const whereSql = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
  const rows = statement<unknown[], VenueRow>(db, 
      `SELECT ${VENUE_COLUMNS} FROM ${plan.from} ${whereSql} ORDER BY ${plan.order} LIMIT ? OFFSET ?`,
    )
    .all(...plan.params, ...plan.orderParams, query.limit, query.offset);
  const { total } = statement<unknown[], { total: number }>(db, plan.count.sql).get(...plan.count.params)!;
  return { items: rows.map(toVenue), total };
}
