import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract';
import { VENUE_TYPES, type Venue, type VenueCreateInput, type VenueType } from '../../shared/domain/venue';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase, type Db } from '../../main/db/open';
import { COUNT_STEP } from '../../main/venues/search';
import { venueSearchColumns } from '../../main/venues/search-text';
import { foldedWords } from '../../shared/text/fold';
import { OperationFailed } from '../support/core';
import { seedVenues, syntheticVenues, type SeedResult, type SyntheticVenue } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';

/**
 * The scale test: 100,000 synthetic venues in a real database file, searched
 * through the production dispatcher. Correctness only; speed is measured by `npm run bench`.
 */
const SYNTHETIC = 100_000;
const PREFIX = 'TT';
const SEED_TIMEOUT = 120_000;
/** Tests that scan the whole register (18 counts by type, folding every synthetic venue): seconds on a loaded 2-core machine. */
const SCAN_TIMEOUT = 30_000;

// Needles: words the generator never produces (see synthetic-venues.ts), so only they can come first.
const NEEDLES = {
  market: { name: 'Chợ Kỳ Bắc', type: 'market', address: 'Thôn Tân Thượng', ownerName: 'Ban quản lý chợ' },
  cafe: { name: 'Quán cà phê Đường Sắt', type: 'cafe', ownerName: 'Nguyễn Văn Đức', phones: ['0239 3861 234'] },
  hotel: { name: 'Nhà nghỉ Hoà Bình Gành Đỏ', type: 'hotel', address: 'Xóm Gành, xã Thạch Kim' },
} satisfies Record<string, VenueCreateInput>;

let temp: ReturnType<typeof makeTempDir>;
let core: AppCore;
/** A second connection to the same file (WAL), for the bulk seed and for checking pages against plain SQL. */
let db: Db;
let seeded: SeedResult;
/** The same venues the seed wrote, in code order (TT-0001 is synthetic[0]). */
let synthetic: SyntheticVenue[];
const needles = {} as Record<keyof typeof NEEDLES, Venue>;

async function call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new OperationFailed(result.error);
  return result.value as OutputOf<N>;
}

const list = (input: InputOf<'venues.list'>) => call('venues.list', input);
const firstCodes = async (search: string, count = 1) => (await list({ search, limit: count })).items.map((v) => v.code);

beforeAll(async () => {
  temp = makeTempDir('diemqr-100k-');
  core = openAppCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
  const staff = await call('staff.create', { name: 'Nguyễn Thị Lan', role: 'clerk' });
  await call('session.start', { staffId: staff.id });
  // One needle before the bulk load (the FTS rebuild must keep it), two after (the insert trigger must be back).
  needles.market = await call('venues.create', { ...NEEDLES.market, acknowledgeDuplicates: true });
  db = openDatabase(path.join(temp.dir, DATABASE_FILE));
  seeded = seedVenues(db, SYNTHETIC, { prefix: PREFIX, actorId: staff.id });
  synthetic = syntheticVenues(SYNTHETIC);
  needles.cafe = await call('venues.create', { ...NEEDLES.cafe, acknowledgeDuplicates: true });
  needles.hotel = await call('venues.create', { ...NEEDLES.hotel, acknowledgeDuplicates: true });
}, SEED_TIMEOUT);

afterAll(() => {
  db?.close();
  core?.close();
  temp?.remove();
});

describe('the synthetic register', () => {
  it('holds 100,000 venues plus the needles, each with its phones and main entrance, and a sound FTS index', async () => {
    expect(seeded).toMatchObject({ count: SYNTHETIC, firstCode: 'TT-0001', lastCode: 'TT-100000' });
    expect((await list({ limit: 1 })).total).toBe(SYNTHETIC + 3);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM posting_points WHERE is_main = 1')).toBe(SYNTHETIC + 3);
    const phones = synthetic.reduce((sum, venue) => sum + new Set(venue.phones).size, 0);
    expect(count(`SELECT count(*) AS n FROM venue_phones p JOIN venues v ON v.id = p.venue_id WHERE v.code LIKE '${PREFIX}-%'`)).toBe(phones);
    expect(count("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'venues_fts_insert'")).toBe(1);
    // Throws SQLITE_CORRUPT_VTAB if the index and the venues table disagree.
    db.exec("INSERT INTO venues_fts(venues_fts) VALUES ('integrity-check')");
  });

  it('is the same for the same seed', () => {
    expect(syntheticVenues(50)).toEqual(syntheticVenues(50));
    expect(syntheticVenues(50, 7)).not.toEqual(syntheticVenues(50));
  });

  it('continues the code counter: the next venue gets the next number', async () => {
    const venue = await call('venues.get', { id: needles.hotel.id });
    expect(venue.venue.code).toBe('CS-0003');
    const counter = db.prepare("SELECT last_number AS n FROM venue_code_counters WHERE prefix = 'TT'").get() as { n: number };
    expect(counter.n).toBe(SYNTHETIC);
  });
});

describe('search at 100,000 venues, through the dispatcher', () => {
  it.each([
    ['cho ky bac', 'market'],
    ['cho ky b', 'market'],
    ['Chợ Kỳ Bắc', 'market'],
    ['CHỢ KỲ BẮC', 'market'],
    ['duong sat', 'cafe'],
    ['Đường Sắt', 'cafe'],
    ['quan ca phe duong', 'cafe'],
    ['hòa bình gành', 'hotel'],
    ['hoà binh ganh do', 'hotel'],
    ['02393861234', 'cafe'],
    ['2393861234', 'cafe'],
    ['CS-0001', 'market'],
    ['cs 0003', 'hotel'],
  ] as const)('%j finds the %s needle first', async (text, needle) => {
    const expected = needles[needle].code;
    expect(await firstCodes(text)).toEqual([expected]);
    expect(await firstCodes(text.normalize('NFD'))).toEqual([expected]);
  });

  it('counts only the needle when a word is unique to it', async () => {
    expect((await list({ search: 'hòa bình gành' })).total).toBe(1);
    expect((await list({ search: 'duong sat' })).total).toBe(1);
  });

  it('finds a synthetic venue by its owner, its phone digits and its own code', async () => {
    const index = synthetic.findIndex((venue, i) => i > 60_000 && venue.phones.length === 1 && venue.ownerName !== '');
    const venue = synthetic[index];
    const code = `${PREFIX}-${index + 1}`;
    const digits = venue.phones[0].replace(/\s/g, '');
    expect(await firstCodes(digits)).toEqual([code]);
    expect(await firstCodes(digits.slice(1))).toEqual([code]);
    expect(await firstCodes(`${venue.ownerName} ${digits.slice(0, 6)}`)).toEqual([code]);
    // Five-digit codes have no longer code that starts with them.
    expect(await firstCodes(code)).toEqual([code]);
  });

  it('applies the type filter to the whole register and to a search', async () => {
    const needleTypes: VenueType[] = Object.values(NEEDLES).map((needle) => needle.type);
    for (const type of VENUE_TYPES) {
      const expected = (seeded.byType[type] ?? 0) + needleTypes.filter((t) => t === type).length;
      expect((await list({ type, limit: 1 })).total, type).toBe(expected);
    }
    expect((await list({ type: 'market', search: 'cho ky bac' })).items.map((v) => v.code)).toEqual([needles.market.code]);
    expect((await list({ type: 'cafe', search: 'cho ky bac' })).total).toBe(0);
    const cafes = await list({ type: 'cafe', search: 'duong sat', limit: 500 });
    expect(cafes.items[0].code).toBe(needles.cafe.code);
    expect(cafes.items.every((v) => v.type === 'cafe')).toBe(true);
  }, SCAN_TIMEOUT);
});

describe('paging deep into 100,000 venues', () => {
  const plainPage = (orderBy: string, offset: number) =>
    db.prepare(`SELECT code FROM venues ORDER BY ${orderBy} LIMIT 100 OFFSET ?`).pluck().all(offset) as string[];

  it('serves the page at offset 99,900 in Vietnamese order, and the tail after it', async () => {
    const page = await list({ limit: 100, offset: 99_900 });
    expect(page.total).toBe(SYNTHETIC + 3);
    expect(page.items.map((v) => v.code)).toEqual(plainPage('sort_key, code', 99_900));
    const tail = await list({ limit: 100, offset: 100_000 });
    expect(tail.items).toHaveLength(3);
    const before = await list({ limit: 100, offset: 99_800 });
    const seen = new Set(before.items.map((v) => v.id));
    expect(page.items.some((v) => seen.has(v.id))).toBe(false);
  });

  it('pages deep by code and through a search result', async () => {
    const byCode = await list({ sort: 'code', limit: 100, offset: 99_900 });
    expect(byCode.items.map((v) => v.code)).toEqual(plainPage('code', 99_900));
    const search = await list({ search: 'tap hoa', limit: 100 });
    // Every typed word must start a word of the venue's folded text.
    const matches = synthetic.filter((venue, index) => {
      const { nameFolded, detailsFolded } = venueSearchColumns({ ...venue, code: `${PREFIX}-${index + 1}` });
      const words = foldedWords(`${nameFolded} ${detailsFolded}`);
      return ['tap', 'hoa'].every((typed) => words.some((word) => word.startsWith(typed)));
    });
    expect(search).toMatchObject({ total: COUNT_STEP, totalCapped: true });
    // A page at the end counts to it: the exact number.
    const last = await list({ search: 'tap hoa', limit: 100, offset: matches.length - 40 });
    expect(last).toMatchObject({ total: matches.length, totalCapped: false });
    expect(last.items).toHaveLength(40);
    expect(last.items.every((v) => v.name.normalize('NFD').toLowerCase().includes('ta\u0323p'))).toBe(true);
  }, SCAN_TIMEOUT);
});

describe('searches that clerks type at scale', () => {
  it('finds a phone typed as it is shown, in groups', async () => {
    const index = synthetic.findIndex((venue, i) => i > 70_000 && venue.phones.length === 1);
    const shown = synthetic[index].phones[0];
    expect(shown).toMatch(/^\d{4} \d{3} \d{3}$/);
    expect(await firstCodes(shown)).toEqual([`${PREFIX}-${index + 1}`]);
  });

  it('puts an exact code before the longer codes it prefixes', async () => {
    const codes = await firstCodes('TT-4217', 11);
    expect(codes[0]).toBe('TT-4217');
    expect(codes.slice(1).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `TT-4217${n}`));
    expect((await firstCodes('tt-4217'))[0]).toBe('TT-4217');
  });

  it('answers one or two letters in name order, counting to a thousand', async () => {
    const page = await list({ search: 'c', limit: 100 });
    const names = page.items.map((v) => v.name);
    const collator = new Intl.Collator('vi');
    expect([...names].sort(collator.compare)).toEqual(names);
    expect(page).toMatchObject({ total: COUNT_STEP, totalCapped: true });
    // The walk of the name index gives the page that sorting every match gave.
    const sorted = db
      .prepare("SELECT code FROM venues WHERE rowid IN (SELECT rowid FROM venues_fts WHERE venues_fts MATCH '\"c\"*') ORDER BY sort_key, code LIMIT 100 OFFSET 5000")
      .pluck()
      .all();
    expect((await list({ search: 'c', limit: 100, offset: 5_000 })).items.map((v) => v.code)).toEqual(sorted);
  });
});
