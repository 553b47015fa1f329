import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import { todayInVietnam } from '../../main/inspections/rows';
import { dayNumber, dayOf } from '../../main/scans/days';
import { lowScanningVenues, scansInWindow } from '../../main/scans/low-scanning';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import type { VenueType } from '../../shared/domain/venue';
import { useFreshCore, type TestCore } from '../support/core';
import { checkScansAsGuessed, commitScans, scanCsv } from '../support/scan-fixtures';

const freshCore = useFreshCore();

/** A second connection to the office's database file, as the dashboard reads it. */
function readDb(core: TestCore) {
  const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
  return { db, [Symbol.dispose]: () => db.close() };
}

interface Known {
  core: TestCore;
  ids: Record<string, string>;
  codes: Record<string, string>;
}

/**
 * Kỳ Bắc's five shops with a code, two markets, a shop without a code and a closed shop;
 * Kỳ Phong's one shop. Counts come from one file covering `from`..`to`.
 */
async function knownOffice(from: string, to: string, scans: Record<string, number>): Promise<Known> {
  const core = freshCore();
  await core.signIn();
  await core.call('units.seedExample', {});
  const units = await core.call('units.list', {});
  const commune = (name: string) => units.find((unit) => unit.name === name)!.id;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  const add = async (key: string, type: VenueType, communeName = 'Xã Kỳ Bắc', coded = true) => {
    const venue = await core.call('venues.create', { name: `Cơ sở ${key}`, type, communeId: commune(communeName), acknowledgeDuplicates: true });
    if (coded) await core.call('codes.ensure', { venueId: venue.id });
    ids[key] = venue.id;
    codes[key] = venue.code;
    return venue;
  };
  for (const key of ['shop0', 'shop1', 'shop2', 'shop3', 'shop10']) await add(key, 'shop');
  await add('marketZero', 'market');
  await add('marketSome', 'market');
  await add('uncoded', 'shop', 'Xã Kỳ Bắc', false);
  const closed = await add('closed', 'shop');
  await core.call('venues.setStatus', { id: closed.id, version: closed.version, status: 'closed' });
  await add('phong', 'shop', 'Xã Kỳ Phong');
  const range = `${from.split('-').reverse().join('/')} - ${to.split('-').reverse().join('/')}`;
  const rows = Object.entries(scans).map(([key, count]) => [codes[key], range, String(count)]);
  const checked = await checkScansAsGuessed(core, scanCsv('thang.csv', [['Mã cơ sở', 'Thời gian', 'Số lượt quét'], ...rows]));
  expect(checked.check!.rows.error).toBe(0);
  await commitScans(core, checked.importId);
  return { core, ids, codes };
}

// Per day over 30 days: shop0 0, shop1 1, shop2 2, shop3 3, shop10 10 — the quartile is 1, the median 2.
const NOVEMBER = { shop1: 30, shop2: 60, shop3: 90, shop10: 300, marketSome: 30, phong: 0 };

describe('low scanning', () => {
  it('flags zero scans and the lowest quartile of a type in a commune, with the group median', async () => {
    const { core, ids } = await knownOffice('2025-11-01', '2025-11-30', NOVEMBER);
    using read = readDb(core);
    const flagged = lowScanningVenues(read.db, { from: '2025-11-01', to: '2025-11-30' });
    const byKey = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, flagged.get(id)]));
    expect(byKey.shop0).toEqual({ venueId: ids.shop0, scans: 0, perDay: 0, groupMedian: 2, flag: 'zero', doorRate: null });
    expect(byKey.shop1).toMatchObject({ scans: 30, perDay: 1, groupMedian: 2, flag: 'low' });
    expect(byKey.shop2).toBeUndefined();
    expect(byKey.shop10).toBeUndefined();
    // Two markets are too few for a quartile: only the one with no scan is flagged, without a median.
    expect(byKey.marketZero).toMatchObject({ flag: 'zero', groupMedian: null });
    expect(byKey.marketSome).toBeUndefined();
    // A zero in a file counts as a zero; no code or a closed venue: nothing is expected of it.
    expect(byKey.phong).toMatchObject({ flag: 'zero' });
    expect(byKey.uncoded).toBeUndefined();
    expect(byKey.closed).toBeUndefined();
    expect(flagged.size).toBe(4);
  });

  it('gives a commune or a type exactly the register-wide flags of its venues', async () => {
    const { core, ids } = await knownOffice('2025-11-01', '2025-11-30', NOVEMBER);
    using read = readDb(core);
    const window = { from: '2025-11-01', to: '2025-11-30' };
    const all = lowScanningVenues(read.db, window);
    const kyBac = read.db.prepare("SELECT id FROM admin_units WHERE name = 'Xã Kỳ Bắc'").pluck().get() as string;
    const inCommune = lowScanningVenues(read.db, window, { communeId: kyBac });
    expect([...inCommune.keys()].sort()).toEqual([ids.shop0, ids.shop1, ids.marketZero].sort());
    for (const [id, verdict] of inCommune) expect(verdict).toEqual(all.get(id));
    const shops = lowScanningVenues(read.db, window, { type: 'shop' });
    expect([...shops.keys()].sort()).toEqual([ids.shop0, ids.shop1, ids.phong].sort());
    for (const [id, verdict] of shops) expect(verdict).toEqual(all.get(id));
  });

  it('says nothing where no file covers the window, and reckons per day only over the days covered', async () => {
    const { core, ids } = await knownOffice('2025-11-01', '2025-11-30', NOVEMBER);
    using read = readDb(core);
    expect(lowScanningVenues(read.db, { from: '2025-10-01', to: '2025-10-31' }).size).toBe(0);
    // A count typed by hand says nothing about the other venues: it makes no coverage.
    await core.call('scans.record', { venueId: ids.shop10, firstDay: '2025-10-01', lastDay: '2025-10-31', scans: 10 });
    expect(lowScanningVenues(read.db, { from: '2025-10-01', to: '2025-10-31' }).size).toBe(0);
    // October is not covered: November's 30 days alone make the denominator.
    const flagged = lowScanningVenues(read.db, { from: '2025-10-01', to: '2025-11-30' });
    expect(flagged.get(ids.shop1)).toMatchObject({ perDay: 1, flag: 'low' });
  });

  it('prorates counts that straddle the window', async () => {
    const { core, ids } = await knownOffice('2025-11-01', '2025-11-30', NOVEMBER);
    using read = readDb(core);
    const scans = scansInWindow(read.db, { from: '2025-11-21', to: '2025-12-31' });
    expect(scans.get(ids.shop10)).toBeCloseTo(100);
    expect(scans.get(ids.shop1)).toBeCloseTo(10);
    expect(scans.has(ids.shop0)).toBe(false);
  });

  it('gives the rate the last door count suggests', async () => {
    const { core, ids } = await knownOffice('2025-11-01', '2025-11-30', NOVEMBER);
    const me = await core.call('session.get', {});
    const round = await core.call('rounds.create', { name: 'Kiểm tra', startsOn: '2025-11-10', team: [{ staffId: me.staff!.id, name: me.staff!.name }], venueIds: [ids.shop1] });
    const point = (await core.call('venues.get', { id: ids.shop1 })).postingPoints[0].id;
    const results = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));
    await core.call('visits.save', {
      roundId: round.id,
      venueId: ids.shop1,
      visitedOn: '2025-11-10',
      points: [{ postingPointId: point, results, observation: { minutes: 30, peopleEntering: 20, scans: 5 } }],
    });
    using read = readDb(core);
    expect(lowScanningVenues(read.db, { from: '2025-11-01', to: '2025-11-30' }).get(ids.shop1)?.doorRate).toBe(0.25);
  });
});

describe('scan counts in the rest of the app', () => {
  it('feeds round suggestions and the venue page with the last 30 days', async () => {
    const today = todayInVietnam();
    const from = dayOf(dayNumber(today) - 29);
    const { core, ids } = await knownOffice(from, today, NOVEMBER);
    const suggestions = await core.call('rounds.suggest', {});
    const reasons = (key: string) => suggestions.find((suggestion) => suggestion.venueId === ids[key])?.reasons ?? [];
    expect(reasons('shop0')).toContain('low_scanning');
    expect(reasons('shop1')).toContain('low_scanning');
    expect(reasons('shop10')).not.toContain('low_scanning');

    const page = await core.call('scans.forVenue', { venueId: ids.shop1 });
    expect(page).toMatchObject({ window: { from, to: today }, coveredDays: 30, lowScanning: { flag: 'low', perDay: 1, groupMedian: 2 } });
    expect(page.perDay).toBeCloseTo(1);
    expect((await core.call('scans.forVenue', { venueId: ids.shop10 })).lowScanning).toBeNull();
  });

  it('records a count typed by hand under the import rules and replaces the same period', async () => {
    const { core, ids } = await knownOffice('2025-11-01', '2025-11-30', NOVEMBER);
    const recorded = await core.call('scans.record', { venueId: ids.shop2, firstDay: '2025-11-01', lastDay: '2025-11-30', scans: 75 });
    expect(recorded).toMatchObject({ scans: 75, source: { kind: 'manual', createdBy: 'Nguyễn Thị Lan' } });
    const counts = (await core.call('scans.forVenue', { venueId: ids.shop2 })).counts;
    expect(counts.map((count) => [count.firstDay, count.lastDay, count.scans])).toEqual([['2025-11-01', '2025-11-30', 75]]);

    const future = dayOf(dayNumber(todayInVietnam()) + 1);
    expect(await core.fail('scans.record', { venueId: ids.shop2, firstDay: future, lastDay: future, scans: 1 })).toMatchObject({ code: 'INVALID_INPUT', field: 'lastDay' });
    expect(await core.fail('scans.record', { venueId: ids.closed, firstDay: '2025-10-01', lastDay: '2025-10-01', scans: 1 })).toMatchObject({ field: 'venueId' });
    expect(await core.fail('scans.record', { venueId: ids.shop2, firstDay: '2025-10-01', lastDay: '2025-10-01', scans: -1 })).toMatchObject({ field: 'scans' });
    expect(await core.fail('scans.record', { venueId: ids.shop2, firstDay: '2025-10-02', lastDay: '2025-10-01', scans: 1 })).toMatchObject({ field: 'lastDay' });
    expect((await core.call('scans.forVenue', { venueId: ids.shop2 })).counts).toHaveLength(1);
  });
});
