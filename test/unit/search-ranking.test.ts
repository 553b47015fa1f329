import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { VenueQuery, type VenueQueryInput } from '../../shared/domain/venue';
import { foldVietnamese } from '../../shared/text/fold';
import { vietnameseSortKey } from '../../shared/text/sort-key';
import { openDatabase, type Db } from '../../main/db/open';
import { COUNT_STEP, ftsQueryOf, listVenues } from '../../main/venues/search';
import { venueSearchColumns } from '../../main/venues/search-text';
import { seedVenues, syntheticVenues } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';

/**
 * The search ranks inside FTS5 and reads only the page's venues (main/venues/ranked-search.ts).
 * It must answer exactly what ranking and sorting every match in one query answered: the
 * queries below are that plan, kept here as the oracle, on a fixed corpus.
 */
const SYNTHETIC = 4_000;
/** More venues tied on rank than the ranked search keeps room for past a page: its second pass must run. */
const TWINS = 700;
const TWIN_NAME = 'Quán nước mía Tư Hiền';

/** The one-query plan the optimised search replaced, plus the code as the last tie-break (it left equal names in any order). */
const ORACLE_RANKED = (filters: string) => `SELECT v.code FROM venues_fts f JOIN venues v ON v.rowid = f.rowid
  WHERE venues_fts MATCH ? ${filters} ORDER BY v.code = ? DESC, bm25(venues_fts, 10.0, 1.0), v.sort_key, v.code LIMIT ? OFFSET ?`;
const ORACLE_NAME_ORDER = (filters: string) => `SELECT v.code FROM venues v
  WHERE v.rowid IN (SELECT rowid FROM venues_fts WHERE venues_fts MATCH ?) ${filters} ORDER BY v.sort_key, v.code LIMIT ? OFFSET ?`;

let temp: ReturnType<typeof makeTempDir>;
let db: Db;

/** Venues alike in every searched column but the code, all of one length: bm25 cannot tell them apart. */
function insertTwins(count: number) {
  const insert = db.prepare(
    `INSERT INTO venues (id, code, name, sort_key, type, status, name_folded, details_folded, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'cafe', 'active', ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let n = 1; n <= count; n++) {
      const code = `TW-${String(n).padStart(4, '0')}`;
      const { nameFolded, detailsFolded } = venueSearchColumns({ code, name: TWIN_NAME, ownerName: '', address: 'Chợ Hà Tĩnh', phones: [] });
      insert.run(uuidv7(), code, TWIN_NAME, vietnameseSortKey(TWIN_NAME), nameFolded, detailsFolded);
    }
  })();
}

beforeAll(() => {
  temp = makeTempDir('diemqr-ranking-');
  db = openDatabase(path.join(temp.dir, 'ranking.sqlite3'));
  seedVenues(db, SYNTHETIC, { prefix: 'TT' });
  insertTwins(TWINS);
  // Some closed venues, so a status filter removes matches from the middle of a ranking.
  db.exec("UPDATE venues SET status = 'closed' WHERE rowid % 7 = 0");
}, 60_000);

afterAll(() => {
  db?.close();
  temp?.remove();
});

const FILTERS: ReadonlyArray<{ input: Partial<VenueQueryInput>; sql: string; params: unknown[] }> = [
  { input: {}, sql: '', params: [] },
  { input: { status: 'active' }, sql: 'AND v.status = ?', params: ['active'] },
  { input: { type: 'shop', status: 'closed' }, sql: 'AND v.type = ? AND v.status = ?', params: ['shop', 'closed'] },
];

const PAGES = [
  { limit: 100, offset: 0 },
  { limit: 50, offset: 75 },
  { limit: 200, offset: 600 },
  { limit: 100, offset: 3_950 },
];

/** What clerks type, drawn from the corpus: names, owners, addresses, codes and phones, whole and cut short. */
function typedQueries(): string[] {
  const register = syntheticVenues(SYNTHETIC);
  const picks = Array.from({ length: 12 }, (_, i) => register[(i * 337) % SYNTHETIC]);
  const words = (text: string) => foldVietnamese(text).split(/\s+/).filter(Boolean);
  return [
    ...picks.map((venue) => venue.name),
    ...picks.map((venue) => words(venue.name).slice(0, 2).join(' ')),
    ...picks.flatMap((venue) => (venue.ownerName ? [venue.ownerName, words(venue.ownerName)[0].slice(0, 3)] : [])),
    ...picks.flatMap((venue) => venue.phones.slice(0, 1).map((phone) => phone.replace(/\s/g, '').slice(0, 6))),
    ...['tap', 'tap hoa', 'quan', 'cua hang', 'thon', 'xom', 'nguyen van', 'nuoc mia', 'quan nuoc mia tu hien', 'ha tinh'],
    ...['TT-0042', 'tt-0421', 'TT-1', 'TW-0007', 'tw 0001', 'c', 'ch', 'q', 'tt 4', 'zz', 'xyz khong co'],
  ];
}

describe('the ranked search gives the one-query plan’s order', () => {
  const queries = typedQueries();

  it.each(FILTERS.map((filter) => [JSON.stringify(filter.input), filter] as const))('with filters %s, for every query and page', (_, filter) => {
    const ranked = db.prepare(ORACLE_RANKED(filter.sql)).pluck();
    const nameOrder = db.prepare(ORACLE_NAME_ORDER(filter.sql)).pluck();
    let compared = 0;
    for (const search of queries) {
      const match = ftsQueryOf(search)!;
      const short = foldVietnamese(search).split(/[^a-z0-9]+/).filter(Boolean).every((word) => word.length <= 2);
      for (const page of PAGES) {
        const expected = short
          ? nameOrder.all(match, ...filter.params, page.limit, page.offset)
          : ranked.all(match, ...filter.params, search.trim().toUpperCase(), page.limit, page.offset);
        const answer = listVenues(db, VenueQuery.parse({ ...filter.input, search, ...page }));
        expect(answer.items.map((venue) => venue.code), `${search} ${JSON.stringify(page)}`).toEqual(expected);
        compared += expected.length;
      }
    }
    // Not vacuous: pages full of venues were compared.
    expect(compared).toBeGreaterThan(500);
  }, 60_000);

  it('breaks a tie longer than its room past the page in Vietnamese order, then by code', () => {
    const codes = (offset: number) => listVenues(db, VenueQuery.parse({ search: 'nuoc mia tu hien', limit: 100, offset })).items.map((venue) => venue.code);
    const twins = (from: number) => Array.from({ length: 100 }, (_, i) => `TW-${String(from + i).padStart(4, '0')}`);
    expect(codes(0)).toEqual(twins(1));
    expect(codes(550)).toEqual(twins(551));
  });
});

describe('counting matches', () => {
  const count = (input: VenueQueryInput) => {
    const { total, totalCapped } = listVenues(db, VenueQuery.parse(input));
    return { total, totalCapped };
  };
  const exactly = (search: string) => db.prepare('SELECT count(*) FROM venues_fts WHERE venues_fts MATCH ?').pluck().get(ftsQueryOf(search)) as number;

  it('stops at a thousand for a broad search and says there are more', () => {
    expect(exactly('c')).toBeGreaterThan(COUNT_STEP);
    expect(count({ search: 'c' })).toEqual({ total: COUNT_STEP, totalCapped: true });
    expect(count({ search: 'c', status: 'active' })).toEqual({ total: COUNT_STEP, totalCapped: true });
  });

  it('counts further for a page further down, so scrolling finds out there is more', () => {
    expect(count({ search: 'c', limit: 200, offset: 800 })).toEqual({ total: 2 * COUNT_STEP, totalCapped: true });
    const all = exactly('c');
    expect(count({ search: 'c', limit: 100, offset: all - 10 })).toEqual({ total: all, totalCapped: false });
  });

  it('counts exactly below the cap, with filters, and without search text', () => {
    expect(count({ search: 'tu hien' })).toEqual({ total: TWINS, totalCapped: false });
    expect(count({ search: 'tu hien', type: 'shop' })).toEqual({ total: 0, totalCapped: false });
    expect(count({})).toEqual({ total: SYNTHETIC + TWINS, totalCapped: false });
    expect(count({ status: 'closed' }).total).toBe(db.prepare("SELECT count(*) FROM venues WHERE status = 'closed'").pluck().get());
  });
});
