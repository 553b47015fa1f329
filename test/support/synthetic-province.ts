import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../main/db/open';
import { dayNumber, dayOf } from '../../main/scans/days';
import { FINDING_CATEGORIES, type ActionKind, type FindingCategory } from '../../shared/domain/inspections';
import { foldVietnamese } from '../../shared/text/fold';
import { createPrng, seedVenues } from './synthetic-venues';

/**
 * A province office's data at scale, for `npm run bench`: ~150 communes with their villages,
 * the venues of synthetic-venues.ts spread unevenly over them, codes (a few revoked and
 * reissued), poster prints, inspection rounds with visits, door counts, findings and
 * corrective actions for a few thousand venues, and a million daily scan counts from
 * monthly files. Deterministic for a seed and a last scan day.
 *
 * Like seedVenues, it writes the tables directly (no services, no audit rows) because a
 * million service calls would take an hour; the rows are the ones the services write.
 * The scan counts are made by one INSERT … SELECT over a recursive CTE of days, in the
 * order of the table's primary key.
 */
export interface ProvinceOptions {
  venues: number;
  /** Daily scan_counts rows, spread over `scanDays` days ending on `lastScanDay`. */
  scanRows: number;
  /** yyyy-MM-dd: the last day the scan files cover. */
  lastScanDay: string;
  scanDays?: number;
  communes?: number;
  villagesPerCommune?: number;
  /** Venues visited by inspection rounds (findings and actions come from these visits). */
  inspectedVenues?: number;
  /** Staff recorded as creator of codes, prints, rounds and imports. */
  actorId: string | null;
  seed?: number;
}

export interface SyntheticCommune {
  id: string;
  name: string;
  villageIds: string[];
}

export interface SyntheticProvince {
  provinceId: string;
  communes: SyntheticCommune[];
  /** The days the scan files cover, both included. */
  scanPeriod: { from: string; to: string };
  rows: { venues: number; codes: number; prints: number; visits: number; findings: number; actions: number; scanCounts: number };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Syllables of commune and village names in the style of the north-central provinces. */
const FIRST_SYLLABLES = ['Thạch', 'Cẩm', 'Kỳ', 'Đức', 'Hương', 'Xuân', 'Sơn', 'Tân', 'Phú', 'Hồng', 'Thiên', 'Gia', 'Quỳnh', 'Diễn', 'Nghi'];
const SECOND_SYLLABLES = ['Hà', 'Bình', 'Lâm', 'Long', 'Thịnh', 'An', 'Phong', 'Hải', 'Tiến', 'Trung', 'Lộc', 'Mỹ', 'Hưng', 'Thủy', 'Yên', 'Đông', 'Hoà'];
const VILLAGE_NAMES = ['Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Thượng', 'Hạ', 'Tân Lập', 'Hòa Bình', 'Quyết Tiến', 'Đồng Tâm', 'Phú Sơn'];

/** How common each finding is in the field report: damaged and unlaminated posters first. */
const FINDING_WEIGHTS: Record<FindingCategory, number> = {
  damaged: 25, not_laminated: 20, too_small: 15, hidden: 15, low_scanning: 10, missing: 8, wrong_code: 4, other: 3,
};
const ACTION_FOR: Record<FindingCategory, ActionKind> = {
  damaged: 'reprint', not_laminated: 'laminate', too_small: 'reprint', hidden: 'relocate', low_scanning: 'remind_owner',
  missing: 'reprint', wrong_code: 'reregister_code', other: 'remind_owner',
};
const CHECK_OF: Partial<Record<FindingCategory, string>> = {
  missing: 'poster_present', damaged: 'intact', too_small: 'large_enough', hidden: 'placed_well', not_laminated: 'laminated',
  wrong_code: 'current_code', low_scanning: 'staff_remind',
};

function weighted<K extends string>(random: Random, weights: Record<K, number>, keys: readonly K[]): K {
  let roll = random() * keys.reduce((sum, key) => sum + weights[key], 0);
  return keys.find((key) => (roll -= weights[key]) < 0) ?? keys[keys.length - 1];
}

const addDays = (day: string, days: number) => dayOf(dayNumber(day) + days);
const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function seedUnits(db: Db, random: Random, communes: number, villagesPerCommune: number): { provinceId: string; communes: SyntheticCommune[] } {
  const insert = db.prepare(
    `INSERT INTO admin_units (id, parent_id, level, name, name_folded, official_code, code_prefix, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const now = new Date().toISOString();
  const unit = (parentId: string | null, level: string, name: string, officialCode: string) => {
    const id = uuidv7();
    insert.run(id, parentId, level, name, foldVietnamese(name), officialCode, now, now);
    return id;
  };
  const provinceId = unit(null, 'province', 'Tỉnh Hà Tĩnh', '42');
  const names = FIRST_SYLLABLES.flatMap((first) => SECOND_SYLLABLES.map((second) => `${first} ${second}`));
  const made: SyntheticCommune[] = [];
  for (let index = 0; index < communes; index++) {
    // Walk the name grid with a stride coprime to its size, so neighbours differ in both syllables.
    const base = names[(index * 37) % names.length];
    const round = Math.floor(index / names.length);
    const ward = random() < 0.12;
    const name = `${ward ? 'Phường' : 'Xã'} ${base}${round > 0 ? ` ${round + 1}` : ''}`;
    const id = unit(provinceId, 'commune', name, String(18_000 + index));
    const villageIds = Array.from({ length: villagesPerCommune }, (_, v) =>
      unit(id, 'village', ward ? `Tổ dân phố ${v + 1}` : `Thôn ${VILLAGE_NAMES[(v + index) % VILLAGE_NAMES.length]}${v >= VILLAGE_NAMES.length ? ` ${v}` : ''}`, `${18_000 + index}-${v + 1}`),
    );
    made.push({ id, name, villageIds });
  }
  return { provinceId, communes: made };
}

/** Spreads the venues over communes and villages unevenly (towns are bigger), closes or suspends a few. */
function placeVenues(db: Db, random: Random, communes: readonly SyntheticCommune[]): void {
  const places = communes.flatMap((commune) => {
    const size = 0.3 + random() * random() * 4;
    return commune.villageIds.map((villageId) => ({ communeId: commune.id, villageId, weight: size * (0.4 + random()) }));
  });
  const total = places.reduce((sum, place) => sum + place.weight, 0);
  const cumulative: number[] = [];
  places.reduce((sum, place) => (cumulative.push((sum += place.weight / total)), sum), 0);
  const update = db.prepare('UPDATE venues SET commune_id = ?, village_id = ?, status = ? WHERE rowid = ?');
  for (const { rowid } of db.prepare<[], { rowid: number }>('SELECT rowid FROM venues ORDER BY rowid').all()) {
    const roll = random();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < roll) low = middle + 1;
      else high = middle;
    }
    const status = random() < 0.03 ? 'closed' : random() < 0.02 ? 'suspended' : 'active';
    update.run(places[low].communeId, places[low].villageId, status, rowid);
  }
}

interface CodedVenue {
  venueId: string;
  pointId: string;
  codeId: string;
  revision: number;
}

/** Codes as the national system issued them (official, kept byte for byte); 2% revoked and reissued. */
function seedCodes(db: Db, random: Random, actorId: string | null, issuedOn: string): CodedVenue[] {
  const insert = db.prepare(
    `INSERT INTO venue_codes (id, venue_id, revision, source, payload, key_id, issued_at, issued_by, revoked_at, revoked_by, revoke_reason)
     VALUES (?, ?, ?, 'official', ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const venues = db
    .prepare<[], { id: string; code: string; status: string; point_id: string }>(
      `SELECT v.id, v.code, v.status, p.id AS point_id FROM venues v JOIN posting_points p ON p.venue_id = v.id AND p.is_main = 1 ORDER BY v.rowid`,
    )
    .all();
  const coded: CodedVenue[] = [];
  for (const venue of venues) {
    if (random() > (venue.status === 'closed' ? 0.5 : 0.93)) continue;
    const payload = (revision: number) => `https://qr.tokhaiyte.vn/dd/${venue.code.replace('-', '')}${revision}${Math.floor(random() * 1e8).toString(36)}`;
    let revision = 1;
    if (random() < 0.02) {
      insert.run(uuidv7(), venue.id, 1, payload(1), at(issuedOn), actorId, at(addDays(issuedOn, 200)), actorId, 'Cơ sở chuyển địa điểm');
      revision = 2;
    }
    const codeId = uuidv7();
    insert.run(codeId, venue.id, revision, payload(revision), at(issuedOn), actorId, null, null, null);
    coded.push({ venueId: venue.id, pointId: venue.point_id, codeId, revision });
  }
  return coded;
}

/** Three posters in four venues printed over the last 30 months, some twice; 60% laminated. */
function seedPrints(db: Db, random: Random, actorId: string | null, coded: readonly CodedVenue[], lastDay: string): number {
  const insert = db.prepare(
    `INSERT INTO prints (id, venue_id, posting_point_id, code_id, revision, template, copies, reason, laminated, output, printed_at, printed_by)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  let prints = 0;
  for (const venue of coded) {
    if (random() > 0.75) continue;
    const first = addDays(lastDay, -Math.floor(random() * 900));
    const days = random() < 0.2 ? [first, addDays(first, Math.floor(random() * Math.max(1, dayNumber(lastDay) - dayNumber(first))))] : [first];
    days.forEach((day, index) => {
      insert.run(uuidv7(), venue.venueId, venue.pointId, venue.codeId, venue.revision, random() < 0.8 ? 'a4' : 'a5', index === 0 ? 'new' : pick(random, ['damaged', 'faded', 'lost'] as const), random() < 0.6 ? 1 : 0, random() < 0.7 ? 'printer' : 'pdf', at(day, 8), actorId);
      prints++;
    });
  }
  return prints;
}

/**
 * Rounds of about 100 venues each in one commune, over the eight months before the last scan
 * day: a visit per venue with the checklist of its main entrance, a door count at one in three,
 * findings at 45% of them, and an action for four findings in five, older ones further along.
 */
function seedInspections(db: Db, random: Random, actorId: string | null, coded: readonly CodedVenue[], communes: readonly SyntheticCommune[], inspected: number, lastDay: string) {
  const insertRound = db.prepare(
    `INSERT INTO inspection_rounds (id, name, purpose, starts_on, ends_on, commune_id, village_ids, team, status, created_at, created_by, closed_at)
     VALUES (?, ?, '', ?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  const insertPlanned = db.prepare('INSERT INTO round_venues (round_id, venue_id) VALUES (?, ?)');
  const insertVisit = db.prepare('INSERT INTO visits (id, round_id, venue_id, visited_on, note, points, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertFinding = db.prepare('INSERT INTO findings (id, visit_id, venue_id, posting_point_id, category, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertAction = db.prepare(
    `INSERT INTO corrective_actions (id, finding_id, venue_id, kind, due_on, responsible, status, done_at, verified_at, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const venuesOf = db.prepare<[string], { id: string }>("SELECT id FROM venues WHERE commune_id = ? AND status = 'active'");
  const byVenue = new Map(coded.map((venue) => [venue.venueId, venue]));
  const team = JSON.stringify([{ staffId: actorId, name: 'Tổ kiểm tra liên ngành' }]);
  const counts = { visits: 0, findings: 0, actions: 0 };
  for (let round = 0; counts.visits < inspected; round++) {
    const commune = communes[(round * 7) % communes.length];
    const candidates = venuesOf.all(commune.id).map((row) => byVenue.get(row.id)).filter((venue) => venue !== undefined);
    const chosen = candidates.filter(() => random() < 0.5).slice(0, Math.min(100, inspected - counts.visits));
    if (chosen.length === 0 && round > communes.length) break;
    const startsOn = addDays(lastDay, -10 - Math.floor(random() * 240));
    const endsOn = addDays(startsOn, 14);
    const closed = dayNumber(endsOn) < dayNumber(lastDay);
    const roundId = uuidv7();
    insertRound.run(roundId, `Kiểm tra niêm yết mã QR ${commune.name} đợt ${round + 1}`, startsOn, endsOn, commune.id, team, closed ? 'closed' : 'open', at(startsOn, 7), actorId, closed ? at(endsOn, 17) : null);
    for (const venue of chosen) {
      insertPlanned.run(roundId, venue.venueId);
      const visitedOn = addDays(startsOn, Math.floor(random() * 14));
      const categories = random() < 0.45 ? [...new Set([weighted(random, FINDING_WEIGHTS, FINDING_CATEGORIES), weighted(random, FINDING_WEIGHTS, FINDING_CATEGORIES)].slice(0, random() < 0.3 ? 2 : 1))] : [];
      const results = Object.fromEntries(Object.values(CHECK_OF).map((check) => [check, !categories.some((category) => CHECK_OF[category] === check)]));
      const entering = 10 + Math.floor(random() * 60);
      const observation = random() < 0.33 ? { minutes: 30, peopleEntering: entering, scans: Math.floor(entering * random() * 0.8) } : null;
      const visitId = uuidv7();
      insertVisit.run(visitId, roundId, venue.venueId, visitedOn, '', JSON.stringify([{ postingPointId: venue.pointId, results, observation }]), at(visitedOn, 10), actorId);
      counts.visits++;
      for (const category of categories) {
        const findingId = uuidv7();
        insertFinding.run(findingId, visitId, venue.venueId, venue.pointId, category, '', at(visitedOn, 10), actorId);
        counts.findings++;
        if (random() > 0.8) continue;
        const age = dayNumber(lastDay) - dayNumber(visitedOn);
        const roll = random();
        const status = age > 60 ? (roll < 0.5 ? 'verified' : roll < 0.8 ? 'done' : 'open') : roll < 0.6 ? 'open' : roll < 0.9 ? 'done' : 'verified';
        const doneOn = addDays(visitedOn, 3 + Math.floor(random() * Math.max(1, age - 3)));
        insertAction.run(
          uuidv7(), findingId, venue.venueId, ACTION_FOR[category], addDays(visitedOn, 14), 'Chủ cơ sở', status,
          status === 'open' ? null : at(doneOn, 15), status === 'verified' ? at(doneOn, 16) : null, at(visitedOn, 10), actorId,
        );
        counts.actions++;
      }
    }
  }
  return counts;
}

/** One scan file per calendar month of the period, as a clerk imports them. */
function seedScanSources(db: Db, actorId: string | null, from: string, to: string): void {
  const insert = db.prepare(
    `INSERT INTO scan_sources (id, kind, file_name, first_day, last_day, row_count, created_at, created_by)
     VALUES (?, 'file', ?, ?, ?, 0, ?, ?)`,
  );
  for (let first = from; first <= to; ) {
    const monthEnd = dayOf(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0) / 86_400_000);
    const last = monthEnd < to ? monthEnd : to;
    insert.run(uuidv7(), `luot-quet-${first.slice(0, 7)}.xlsx`, first, last, at(addDays(last, 1), 8), actorId);
    first = addDays(last, 1);
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * `rows` daily counts over the period, the same number each day (give or take one), at venues
 * with a current code: on day n the venues whose position p has (p·a + n·b) mod K below that
 * day's number. With a coprime to K this picks distinct venues each day, scattered over the
 * register and different from one day to the next. Household businesses, markets and stalls
 * scan far less than the rest, as the field report says.
 */
function seedScanCounts(db: Db, rows: number, from: string, days: number): number {
  const venues = db.prepare<[], { k: number }>(
    `SELECT count(*) AS k FROM venues v WHERE v.status = 'active' AND EXISTS (SELECT 1 FROM venue_codes c WHERE c.venue_id = v.id AND c.revoked_at IS NULL)`,
  ).get()!.k;
  if (rows > venues * days) throw new Error(`seedProvince: ${rows} scan rows do not fit ${venues} coded venues × ${days} days`);
  let stride = 7919;
  while (gcd(stride, venues) !== 1) stride += 2;
  const info = db
    .prepare(
      `INSERT INTO scan_counts (venue_id, first_day, last_day, scans, source_id)
       WITH RECURSIVE days(n, day) AS (SELECT 0, @from UNION ALL SELECT n + 1, date(day, '+1 day') FROM days WHERE n + 1 < @days),
       sourced AS (SELECT d.n, d.day, s.id AS source_id FROM days d JOIN scan_sources s ON d.day BETWEEN s.first_day AND s.last_day),
       coded AS (
         SELECT v.id, v.type, row_number() OVER (ORDER BY v.rowid) - 1 AS p FROM venues v
         WHERE v.status = 'active' AND EXISTS (SELECT 1 FROM venue_codes c WHERE c.venue_id = v.id AND c.revoked_at IS NULL))
       SELECT c.id, d.day, d.day,
              CASE WHEN c.type IN ('household_business', 'market', 'market_stall') THEN (c.p * 13 + d.n * 7) % 4
                   ELSE (c.p * 31 + d.n * 17) % 40 END,
              d.source_id
       FROM coded c, sourced d
       WHERE (c.p * @stride + d.n * 104729) % @venues < @perDay + (d.n < @extra)
       ORDER BY c.id, d.day`,
    )
    .run({ from, days, stride, venues, perDay: Math.floor(rows / days), extra: rows % days });
  db.prepare('UPDATE scan_sources SET row_count = (SELECT count(*) FROM scan_counts WHERE source_id = scan_sources.id)').run();
  return info.changes;
}

/** Seeds everything in one transaction per table family, in the order the foreign keys need. */
export function seedProvince(db: Db, options: ProvinceOptions): SyntheticProvince {
  const { venues, scanRows, lastScanDay, scanDays = 91, communes = 150, villagesPerCommune = 6, inspectedVenues = 3_000, actorId, seed = 42 } = options;
  const random = createPrng(seed);
  const from = addDays(lastScanDay, -(scanDays - 1));
  const units = db.transaction(() => seedUnits(db, random, communes, villagesPerCommune)).immediate();
  seedVenues(db, venues, { prefix: 'HT', seed, actorId, until: new Date(at(addDays(from, -400))) });
  return db.transaction((): SyntheticProvince => {
    placeVenues(db, random, units.communes);
    const coded = seedCodes(db, random, actorId, addDays(from, -380));
    const prints = seedPrints(db, random, actorId, coded, lastScanDay);
    const inspections = seedInspections(db, random, actorId, coded, units.communes, inspectedVenues, lastScanDay);
    seedScanSources(db, actorId, from, lastScanDay);
    const scanCounts = seedScanCounts(db, scanRows, from, scanDays);
    return { ...units, scanPeriod: { from, to: lastScanDay }, rows: { venues, codes: coded.length, prints, ...inspections, scanCounts } };
  }).immediate();
}
