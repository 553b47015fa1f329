import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { VENUE_COLUMNS, type VenueRow } from './rows';

/** The FTS5 matches of a search as a FROM … WHERE clause: venues_fts f, joined to venues v only when filters need its columns. */
export interface MatchSource {
  sql: string;
  params: unknown[];
}

/** A match's place in the ranking: the venue whose code was typed, then bm25 with the name weighing ten times the details. */
interface Ranked {
  id: number;
  isCode: 0 | 1;
  score: number;
}

/**
 * Room past the page for venues tied with its last one: bm25 gives a broad search few
 * distinct scores, and Vietnamese order decides among the tied. The bench's 191 queries
 * at 100,000 venues tie at most 353 at the first page's end; more falls back to a second pass.
 */
const TIE_ROOM = 500;

const sameRank = (a: Ranked, b: Ranked) => a.isCode === b.isCode && a.score === b.score;

const rankedSql = (source: MatchSource) => `SELECT f.rowid AS id, f.rowid IS ? AS isCode, bm25(venues_fts, 10.0, 1.0) AS score FROM ${source.sql}`;

/**
 * The matches that can be on a page ending at `end`, best first: every match ranked at
 * or above the one at `end`. FTS5 ranks all matches and keeps only the top in its sorter;
 * no venue row is read for the others.
 */
function candidatesOf(db: Db, source: MatchSource, codeRowid: number | null, end: number): Ranked[] {
  const ranked = rankedSql(source);
  const top = statement<unknown[], Ranked>(db, `${ranked} ORDER BY isCode DESC, score LIMIT ?`).all(codeRowid, ...source.params, end + TIE_ROOM);
  const last = top[end - 1];
  if (last === undefined) return top;
  const tiedToTheEnd = top.length === end + TIE_ROOM && sameRank(top[top.length - 1], last);
  const candidates = tiedToTheEnd
    ? statement<unknown[], Ranked>(db, `SELECT * FROM (${ranked}) WHERE isCode OR score <= ? ORDER BY isCode DESC, score`).all(codeRowid, ...source.params, last.score)
    : top;
  const beyond = candidates.findIndex((candidate, index) => index >= end && !sameRank(candidate, last));
  return beyond === -1 ? candidates : candidates.slice(0, beyond);
}

/** Equal places share a number, so SQL orders by it and then by name exactly as ranking and sorting in one query did. */
function placesOf(candidates: readonly Ranked[]): Array<[number, number]> {
  let place = 0;
  return candidates.map((candidate, index) => {
    if (index > 0 && !sameRank(candidate, candidates[index - 1])) place++;
    return [candidate.id, place];
  });
}

/**
 * One page of a ranked search: the exact code first, then bm25, then Vietnamese order.
 * Ranking inside FTS5 and reading only the page's venues is what makes 100,000 venues
 * fast: the one-query plan read and sorted every match's whole row.
 */
export function rankedPage(db: Db, source: MatchSource, typedCode: string, page: { limit: number; offset: number }): VenueRow[] {
  const codeRowid = statement<[string], { id: number }>(db, 'SELECT rowid AS id FROM venues WHERE code = ?').get(typedCode)?.id ?? null;
  const candidates = candidatesOf(db, source, codeRowid, page.offset + page.limit);
  if (candidates.length <= page.offset) return [];
  return statement<unknown[], VenueRow>(
    db,
    `SELECT ${VENUE_COLUMNS} FROM json_each(?) j JOIN venues v ON v.rowid = j.value ->> 0 ORDER BY j.value ->> 1, v.sort_key, v.code LIMIT ? OFFSET ?`,
  ).all(JSON.stringify(placesOf(candidates)), page.limit, page.offset);
}
