import type { VenuePage, VenueQueryValue } from '../../shared/domain/venue';
import { foldedWords } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { toVenue, VENUE_COLUMNS, type VenueRow } from './rows';

/** Each typed word matches the start of a word, so "cho ky b" already finds "Chợ Kỳ Bắc". */
export function ftsQueryOf(search: string): string | null {
  const words = foldedWords(search);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

const ORDER_BY = {
  name: 'v.sort_key, v.code',
  code: 'v.code',
  updated: 'v.updated_at DESC, v.code',
} as const;

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
  return { where, params };
}

/**
 * One page of the venue list. Without search text it walks an index in the chosen order;
 * with it, FTS5 answers and the best matches (a hit in the name weighing ten times one in
 * the details) come first, Vietnamese order among equals.
 */
export function listVenues(db: Db, query: VenueQueryValue): VenuePage {
  const { where, params } = filtersOf(query);
  const match = ftsQueryOf(query.search);
  const from = match === null ? 'venues v' : 'venues_fts f JOIN venues v ON v.rowid = f.rowid';
  if (match !== null) {
    where.unshift('venues_fts MATCH ?');
    params.unshift(match);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const orderSql = match === null ? ORDER_BY[query.sort] : 'bm25(venues_fts, 10.0, 1.0), v.sort_key';
  const rows = db
    .prepare<unknown[], VenueRow>(`SELECT ${VENUE_COLUMNS} FROM ${from} ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset);
  const { total } = db.prepare<unknown[], { total: number }>(`SELECT count(*) AS total FROM ${from} ${whereSql}`).get(...params)!;
  return { items: rows.map(toVenue), total };
}
