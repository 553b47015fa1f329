import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/api/contract';
import {
  findingFilterOf,
  venueFilterOf,
  VENUE_COUNT_FIGURES,
  type DashboardFigures,
  type DashboardQuery,
  type VenueFigures,
  type VenueListFilter,
} from '../../shared/domain/dashboard';
import { CHECK_KEYS, FINDING_CATEGORIES, type FindingCategory } from '../../shared/domain/inspections';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { dashboardFigures } from '../../main/dashboard/figures';
import { openDatabase } from '../../main/db/open';
import { lowScanningVenues } from '../../main/scans/low-scanning';
import { useFreshCore, type TestCore } from '../support/core';
import { checkScansAsGuessed, commitScans, scanCsv } from '../support/scan-fixtures';

/**
 * The dashboard's figures on a small register whose every figure is counted by hand below,
 * made through the real services (units, venues, codes, prints, a scan file, a round with
 * visits, findings and actions) on a real SQLite file. Print times are the clock's; the
 * fixture dates them in March 2025 with SQL, the one thing the services cannot do.
 */

const freshCore = useFreshCore();

type Venue = OutputOf<'venues.create'>;

const MARCH: DashboardQuery = { from: '2025-03-01', to: '2025-03-31' };
const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

/**
 * Two communes, Kỳ Bắc (villages Bắc Sơn, Đông Hà and Ấp Mới, which has no venue) and Kỳ
 * Nam (Tân Phú), and eleven venues:
 *
 *   v1 shop  Bắc Sơn  active  code  printed 10/03/2025 laminated      no scans
 *   v2 shop  Bắc Sơn  active  code  printed 31/03/2024 23:59:59 VN    5 scans on 02/03
 *   v3 shop  Bắc Sơn  active  code  printed 2024 laminated, then 20/01/2025 not   70 over 26/02–04/03 (40 in March) + 60 on 10/03
 *   v4 market Bắc Sơn active  code  never printed                     140 over 25/03–07/04 (70 in March)
 *   v5 shop  Đông Hà  active  code  printed 31/03/2025 23:59 VN laminated  100 on 15/03, 100 on 16/03
 *   v6 shop  Đông Hà  active  code (revoked, reissued)  never printed   10 on 20/03
 *   v7 restaurant Đông Hà  suspended  code  printed 01/04/2025 08:00 VN laminated  30 on 05/03
 *   v8 café  Kỳ Bắc, no village  active  no code                       8 on 03/03
 *   v9 shop  Tân Phú  active  code  printed 01/02/2025                 50 on 01/03
 *   v10 restaurant Tân Phú  closed  code
 *   v11 other, no commune  active  code                                no scans
 *
 * One scan file covers 26/02–07/04/2025. A round visited v5 on 20/02 (too small; action
 * relocate, done), v2 on 05/03 (damaged: reprint due 10/03, overdue; hidden: no action),
 * v3 on 06/03 (not laminated: due 15/04), v9 on 20/03 (all good), v6 on 31/03 (missing:
 * reprint due 05/04).
 */
async function register() {
  const core = freshCore();
  const admin = await core.call('staff.create', { name: 'Nguyễn Thị Lan', role: 'admin' });
  await core.call('session.start', { staffId: admin.id });
  const province = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
  const kyBac = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Bắc', parentId: province.id });
  const kyNam = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Nam', parentId: province.id });
  const village = (name: string, parentId: string) => core.call('units.create', { level: 'village', name, parentId });
  const bacSon = await village('Thôn Bắc Sơn', kyBac.id);
  const dongHa = await village('Thôn Đông Hà', kyBac.id);
  const apMoi = await village('Thôn Ấp Mới', kyBac.id);
  const tanPhu = await village('Thôn Tân Phú', kyNam.id);

  const create = (name: string, type: Venue['type'], communeId: string | null, villageId: string | null) =>
    core.call('venues.create', { name, type, communeId, villageId, acknowledgeDuplicates: true });
  const v1 = await create('Tạp hoá Bà Hai', 'shop', kyBac.id, bacSon.id);
  const v2 = await create('Tạp hoá Minh Đức', 'shop', kyBac.id, bacSon.id);
  const v3 = await create('Cửa hàng Phúc An', 'shop', kyBac.id, bacSon.id);
  const v4 = await create('Chợ Bắc Sơn', 'market', kyBac.id, bacSon.id);
  const v5 = await create('Tạp hoá Hồng Phúc', 'shop', kyBac.id, dongHa.id);
  const v6 = await create('Cửa hàng Thiên Ân', 'shop', kyBac.id, dongHa.id);
  const v7 = await create('Quán cơm Sao Mai', 'restaurant', kyBac.id, dongHa.id);
  const v8 = await create('Cà phê Ga', 'cafe', kyBac.id, null);
  const v9 = await create('Tạp hoá Tân Phú', 'shop', kyNam.id, tanPhu.id);
  const v10 = await create('Quán ăn Bến Đò', 'restaurant', kyNam.id, tanPhu.id);
  const v11 = await create('Điểm bán vé số', 'other', null, null);
  for (const venue of [v1, v2, v3, v4, v5, v6, v7, v9, v10, v11]) await core.call('codes.ensure', { venueId: venue.id });
  await core.call('codes.revoke', { venueId: v6.id, reason: 'damaged' });

  // Prints before the visits: a print closes the open reprint actions of its posting point.
  const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
  const print = async (venue: Venue, laminated: boolean, at: string) => {
    const job = await core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [venue.id] }, template: 'a4', laminated });
    await core.call('posters.recordPrinted', { jobId: job.jobId });
    db.prepare('UPDATE prints SET printed_at = ? WHERE id = (SELECT max(id) FROM prints)').run(at);
  };
  await print(v1, true, '2025-03-10T03:00:00.000Z');
  await print(v2, false, '2024-03-31T16:59:59.000Z');
  await print(v3, true, '2024-06-01T03:00:00.000Z');
  await print(v3, false, '2025-01-20T03:00:00.000Z');
  await print(v5, true, '2025-03-31T16:59:00.000Z');
  await print(v7, true, '2025-04-01T01:00:00.000Z');
  await print(v9, false, '2025-02-01T03:00:00.000Z');
  db.close();

  const file = scanCsv('luot-quet-thang-3.csv', [
    ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
    [v2.code, '02/03/2025', '5'],
    [v3.code, '26/02/2025 - 04/03/2025', '70'],
    [v3.code, '10/03/2025', '60'],
    [v4.code, '25/03/2025 - 07/04/2025', '140'],
    [v5.code, '15/03/2025', '100'],
    [v5.code, '16/03/2025', '100'],
    [v6.code, '20/03/2025', '10'],
    [v7.code, '05/03/2025', '30'],
    [v8.code, '03/03/2025', '8'],
    [v9.code, '01/03/2025', '50'],
  ]);
  const committed = await commitScans(core, (await checkScansAsGuessed(core, file)).importId);
  expect(committed.phase).toBe('committed');

  await core.call('venues.setStatus', { id: v7.id, version: v7.version, status: 'suspended' });
  await core.call('venues.setStatus', { id: v10.id, version: v10.version, status: 'closed' });

  const round = await core.call('rounds.create', {
    name: 'Kiểm tra niêm yết quý I',
    startsOn: '2025-02-20',
    team: [{ staffId: admin.id, name: admin.name }],
    venueIds: [v2.id, v3.id, v5.id, v6.id, v9.id],
  });
  const visit = async (venue: Venue, visitedOn: string, findings: Array<{ category: FindingCategory; action?: { kind: 'reprint' | 'laminate' | 'relocate'; dueOn: string } }>) => {
    const point = (await core.call('venues.get', { id: venue.id })).postingPoints[0].id;
    return core.call('visits.save', {
      roundId: round.id,
      venueId: venue.id,
      visitedOn,
      points: [{ postingPointId: point, results: findings.length === 0 ? allGood : {} }],
      findings: findings.map(({ category, action }) => ({
        postingPointId: point,
        category,
        action: action ? { ...action, responsible: 'Chủ cơ sở' } : null,
      })),
    });
  };
  const early = await visit(v5, '2025-02-20', [{ category: 'too_small', action: { kind: 'relocate', dueOn: '2025-02-28' } }]);
  await core.call('actions.markDone', { id: early.findings[0].action!.id });
  await visit(v2, '2025-03-05', [{ category: 'damaged', action: { kind: 'reprint', dueOn: '2025-03-10' } }, { category: 'hidden' }]);
  await visit(v3, '2025-03-06', [{ category: 'not_laminated', action: { kind: 'laminate', dueOn: '2025-04-15' } }]);
  await visit(v9, '2025-03-20', []);
  await visit(v6, '2025-03-31', [{ category: 'missing', action: { kind: 'reprint', dueOn: '2025-04-05' } }]);

  return { core, units: { kyBac, kyNam, bacSon, dongHa, apMoi, tanPhu }, venues: { v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11 } };
}

const counts = (values: readonly number[]) => Object.fromEntries(VENUE_COUNT_FIGURES.map((figure, index) => [figure, values[index]]));

/** The figures of a slice as counted by hand: the venue counts in VENUE_COUNT_FIGURES order, the scans, the rate. */
function expectFigures(actual: VenueFigures, expected: { counts: number[]; scans: number; perVenueDay: number | null }) {
  expect(Object.fromEntries(VENUE_COUNT_FIGURES.map((figure) => [figure, actual[figure]]))).toEqual(counts(expected.counts));
  expect(actual.scans).toBeCloseTo(expected.scans, 9);
  if (expected.perVenueDay === null) expect(actual.scansPerVenueDay).toBeNull();
  else expect(actual.scansPerVenueDay).toBeCloseTo(expected.perVenueDay, 9);
}

const findingsOf = (figures: DashboardFigures) => Object.fromEntries(figures.findingsByCategory.filter((row) => row.findings > 0).map((row) => [row.category, [row.findings, row.venues]]));
const openOf = (figures: DashboardFigures) => Object.fromEntries(figures.openFindingsByCategory.filter((row) => row.venues > 0).map((row) => [row.category, row.venues]));

describe('dashboard figures', () => {
  it('counts every figure of the office for March 2025, as counted by hand', { timeout: 60_000 }, async () => {
    const { core } = await register();
    const figures = await core.call('dashboard.figures', MARCH);
    expect(figures).toMatchObject({ query: MARCH, days: 31, scanDays: 31, scanData: { firstDay: '2025-02-26', lastDay: '2025-04-07' }, areaLevel: 'commune' });
    //                                 reg act code print recent lam insp open overdue zero low
    expectFigures(figures.totals, { counts: [11, 9, 8, 6, 4, 3, 4, 3, 1, 2, 1], scans: 473, perVenueDay: 473 / (8 * 31) });
    expect(findingsOf(figures)).toEqual({ missing: [1, 1], damaged: [1, 1], hidden: [1, 1], not_laminated: [1, 1] });
    expect(figures.findingsByCategory.map((row) => row.category)).toEqual([...FINDING_CATEGORIES]);
    expect(openOf(figures)).toEqual({ missing: 1, damaged: 1, hidden: 1, not_laminated: 1 });
    expect(figures.actions).toEqual({
      byStatus: [
        { status: 'open', count: 3 },
        { status: 'done', count: 1 },
        { status: 'verified', count: 0 },
      ],
      overdue: 1,
    });
  });

  it('lists communes in Vietnamese order with the venues of no commune last, and types in their order', { timeout: 60_000 }, async () => {
    const { core, units } = await register();
    const figures = await core.call('dashboard.figures', MARCH);
    expect(figures.byArea.map((row) => [row.unitId, row.unitName])).toEqual([
      [units.kyBac.id, 'Xã Kỳ Bắc'],
      [units.kyNam.id, 'Xã Kỳ Nam'],
      [null, 'Chưa ghi xã/phường'],
    ]);
    expectFigures(figures.byArea[0], { counts: [8, 7, 6, 5, 3, 3, 3, 3, 1, 1, 1], scans: 423, perVenueDay: 423 / (6 * 31) });
    expectFigures(figures.byArea[1], { counts: [2, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0], scans: 50, perVenueDay: 50 / 31 });
    expectFigures(figures.byArea[2], { counts: [1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0], scans: 0, perVenueDay: 0 });

    expect(figures.byType.map((row) => row.type)).toEqual(['shop', 'market', 'restaurant', 'cafe', 'other']);
    const [shop, market, restaurant, cafe] = figures.byType;
    expectFigures(shop, { counts: [6, 6, 6, 5, 4, 2, 4, 3, 1, 1, 1], scans: 365, perVenueDay: 365 / (6 * 31) });
    expectFigures(market, { counts: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], scans: 70, perVenueDay: 70 / 31 });
    expectFigures(restaurant, { counts: [2, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0], scans: 30, perVenueDay: null });
    expectFigures(cafe, { counts: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], scans: 8, perVenueDay: null });
  });

  it('lists the villages of a commune, those without venues and the venues of no village too', { timeout: 60_000 }, async () => {
    const { core, units } = await register();
    const figures = await core.call('dashboard.figures', { ...MARCH, communeId: units.kyBac.id });
    expect(figures.areaLevel).toBe('village');
    expect(figures.byArea.map((row) => row.unitName)).toEqual(['Thôn Ấp Mới', 'Thôn Bắc Sơn', 'Thôn Đông Hà', 'Chưa ghi thôn/tổ dân phố']);
    const [apMoi, bacSon, dongHa, none] = figures.byArea;
    expectFigures(apMoi, { counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], scans: 0, perVenueDay: null });
    expectFigures(bacSon, { counts: [4, 4, 4, 3, 2, 1, 2, 2, 1, 1, 1], scans: 175, perVenueDay: 175 / (4 * 31) });
    expectFigures(dongHa, { counts: [3, 2, 2, 2, 1, 2, 1, 1, 0, 0, 0], scans: 240, perVenueDay: 240 / (2 * 31) });
    expectFigures(none, { counts: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], scans: 8, perVenueDay: null });
    expectFigures(figures.totals, { counts: [8, 7, 6, 5, 3, 3, 3, 3, 1, 1, 1], scans: 423, perVenueDay: 423 / (6 * 31) });
    // Findings and actions of the commune's venues only: v9 (Kỳ Nam) had none.
    expect(findingsOf(figures)).toEqual({ missing: [1, 1], damaged: [1, 1], hidden: [1, 1], not_laminated: [1, 1] });

    const village = await core.call('dashboard.figures', { ...MARCH, villageId: units.dongHa.id, type: 'shop' });
    expect(village.byArea.map((row) => row.unitName)).toEqual(['Thôn Đông Hà']);
    expectFigures(village.totals, { counts: [2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0], scans: 210, perVenueDay: 210 / (2 * 31) });
    expect(openOf(village)).toEqual({ missing: 1 });
    expect(village.actions.byStatus).toEqual([
      { status: 'open', count: 1 },
      { status: 'done', count: 1 },
      { status: 'verified', count: 0 },
    ]);
  });

  it('groups by village when the office has a home commune', { timeout: 60_000 }, async () => {
    const { core, units } = await register();
    await core.call('settings.update', { homeCommuneId: units.kyBac.id });
    const figures = await core.call('dashboard.figures', MARCH);
    expect(figures.areaLevel).toBe('village');
    // Kỳ Bắc's villages, Kỳ Nam's village where venues are, and every venue without a village (v8, v11).
    expect(figures.byArea.map((row) => [row.unitName, row.registered])).toEqual([
      ['Thôn Ấp Mới', 0],
      ['Thôn Bắc Sơn', 4],
      ['Thôn Đông Hà', 3],
      ['Thôn Tân Phú', 2],
      ['Chưa ghi thôn/tổ dân phố', 2],
    ]);
  });

  it('prorates counts that straddle the period\'s ends by days', { timeout: 60_000 }, async () => {
    const { core } = await register();
    // 01–02/03: v3's week 26/02–04/03 (70 over 7 days) gives 2 × 10; v9 50 on 01/03; v2 5 on 02/03.
    const start = await core.call('dashboard.figures', { from: '2025-03-01', to: '2025-03-02' });
    expect(start.totals.scans).toBeCloseTo(75, 9);
    expect(start.scanSeries).toEqual([
      { day: '2025-03-01', scans: 60 },
      { day: '2025-03-02', scans: 15 },
    ]);
    // 31/03: one day of v4's 14 (140 → 10).
    const end = await core.call('dashboard.figures', { from: '2025-03-31', to: '2025-03-31' });
    expect(end.totals.scans).toBeCloseTo(10, 9);
    expect(end.totals.scansPerVenueDay).toBeCloseTo(10 / 8, 9);
  });

  it('draws a point per day up to 62 days, per month beyond, and no point where no data exists', { timeout: 60_000 }, async () => {
    const { core } = await register();
    const march = await core.call('dashboard.figures', MARCH);
    expect(march.scanSeries).toHaveLength(31);
    const byDay = Object.fromEntries(march.scanSeries.filter((point) => point.scans !== 0).map((point) => [point.day.slice(8), point.scans]));
    expect(byDay).toEqual({ '01': 60, '02': 15, '03': 18, '04': 10, '05': 30, '10': 60, '15': 100, '16': 100, '20': 10, '25': 10, '26': 10, '27': 10, '28': 10, '29': 10, '30': 10, '31': 10 });

    const quarter = await core.call('dashboard.figures', { from: '2025-01-01', to: '2025-04-30' });
    expect(quarter.scanSeries.map((point) => [point.day, point.scans === null ? null : Math.round(point.scans * 1e9) / 1e9])).toEqual([
      ['2025-01-01', null],
      ['2025-02-01', 30],
      ['2025-03-01', 473],
      ['2025-04-01', 70],
    ]);
    // A file covers 26/02–07/04: 41 days of the 120.
    expect(quarter.scanDays).toBe(41);

    const before = await core.call('dashboard.figures', { from: '2025-01-01', to: '2025-01-31' });
    expect(before.scanDays).toBe(0);
    expect(before.totals).toMatchObject({ scans: 0, scansPerVenueDay: null, zeroScans: 0, lowScanning: 0 });
    expect(before.byArea.every((row) => row.scansPerVenueDay === null)).toBe(true);
    expect(before.scanSeries.every((point) => point.scans === null)).toBe(true);
  });

  it('counts actions overdue before today when the period runs past it', { timeout: 60_000 }, async () => {
    const { core } = await register();
    const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
    try {
      // On 08/03 v2's reprint, due 10/03, is not overdue yet; on 11/03 it is.
      expect(dashboardFigures(db, MARCH, '2025-03-08')).toMatchObject({ totals: { withOverdueActions: 0 }, actions: { overdue: 0 } });
      expect(dashboardFigures(db, MARCH, '2025-03-11')).toMatchObject({ totals: { withOverdueActions: 1 }, actions: { overdue: 1 } });
    } finally {
      db.close();
    }
  });

  it('takes its zero and low-scanning venues from lowScanningVenues', { timeout: 60_000 }, async () => {
    const { core, venues } = await register();
    const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
    try {
      const flagged = lowScanningVenues(db, MARCH);
      expect(new Map([...flagged].map(([id, flag]) => [id, flag.flag]))).toEqual(
        new Map([
          [venues.v1.id, 'zero'],
          [venues.v11.id, 'zero'],
          [venues.v2.id, 'low'],
        ]),
      );
    } finally {
      db.close();
    }
  });

  it('counts again after a write, its own or another connection\'s, though it keeps the low-scanning flags between calls', { timeout: 60_000 }, async () => {
    const { core, venues } = await register();
    expect((await core.call('dashboard.figures', MARCH)).totals.zeroScans).toBe(2);
    // v1 scans after all: a second file, through this connection.
    const file = scanCsv('bo-sung.csv', [
      ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
      [venues.v1.code, '12/03/2025', '7'],
    ]);
    expect((await commitScans(core, (await checkScansAsGuessed(core, file)).importId)).phase).toBe('committed');
    expect((await core.call('dashboard.figures', MARCH)).totals).toMatchObject({ zeroScans: 1, scans: 480 });
    expect((await core.call('venues.list', { scanning: 'zero', ...MARCH })).items.map((venue) => venue.id)).toEqual([venues.v11.id]);
    // v11 closed by another connection (another window of the app, a restore).
    const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
    try {
      db.prepare("UPDATE venues SET status = 'closed' WHERE id = ?").run(venues.v11.id);
    } finally {
      db.close();
    }
    expect((await core.call('dashboard.figures', MARCH)).totals.zeroScans).toBe(0);
    expect((await core.call('venues.list', { scanning: 'zero', ...MARCH })).total).toBe(0);
  });

  it('exports the tables as filtered to an .xlsx with Vietnamese headers', { timeout: 60_000 }, async () => {
    const { core, units } = await register();
    const file = await core.call('dashboard.export', { ...MARCH, communeId: units.kyBac.id });
    expect(file).toMatchObject({ fileName: 'tong-quan-2025-03-01-den-2025-03-31.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytesBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Theo thôn', 'Theo loại hình', 'Lượt quét theo ngày', 'Tồn tại theo loại', 'Biện pháp khắc phục']);
    const rows = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    const summary = rows('Tổng hợp');
    expect(summary.slice(0, 2)).toEqual([['Chỉ tiêu', 'Số liệu'], ['Kỳ: từ ngày 01/03/2025 đến ngày 31/03/2025']]);
    expect(summary).toContainEqual(['Địa bàn: Xã Kỳ Bắc']);
    expect(summary).toContainEqual(['Cơ sở đăng ký', 8]);
    expect(summary).toContainEqual(['Lượt quét trong kỳ', 423]);
    expect(summary).toContainEqual(['Lượt quét/cơ sở/ngày', Math.round((423 / (6 * 31)) * 100) / 100]);
    const villages = rows('Theo thôn');
    expect(villages[0].slice(0, 4)).toEqual(['STT', 'Thôn, tổ dân phố', 'Cơ sở đăng ký', 'Đang hoạt động']);
    expect(villages.map((row) => row[1])).toEqual(['Thôn, tổ dân phố', 'Thôn Ấp Mới', 'Thôn Bắc Sơn', 'Thôn Đông Hà', 'Chưa ghi thôn/tổ dân phố', 'Tổng cộng']);
    expect(villages[2].slice(0, 3)).toEqual([2, 'Thôn Bắc Sơn', 4]);
    // No scan rate where no venue has a code: an empty cell, not 0.
    const rateColumn = villages[0].indexOf('Lượt quét/cơ sở/ngày');
    expect(villages[1][rateColumn]).toBeUndefined();
    expect(rows('Lượt quét theo ngày')[1]).toEqual(['01/03/2025', 10]);
    expect(rows('Tồn tại theo loại')).toContainEqual(['Áp phích rách, hỏng, phai mờ', 1, 1, 1]);
    expect(rows('Biện pháp khắc phục')).toContainEqual(['Trong đó quá hạn', 1]);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const core = freshCore();
    await core.signIn();
    expect(await core.fail('dashboard.figures', { from: '2025-03-31', to: '2025-03-01' })).toMatchObject({ code: 'INVALID_INPUT', field: 'to' });
    expect(await core.fail('dashboard.figures', { from: '2025-02-30', to: '2025-03-01' })).toMatchObject({ code: 'INVALID_INPUT', field: 'from' });
  });
});

/** Every venue figure of every slice (the whole area, each area row, each type row), with the list filter it clicks through to. */
function clickThroughs(figures: DashboardFigures) {
  const { query } = figures;
  return [
    ...VENUE_COUNT_FIGURES.map((figure) => ({ label: `totals ${figure}`, expected: figures.totals[figure], filter: venueFilterOf(query, figure) })),
    ...figures.byArea.flatMap((row) =>
      VENUE_COUNT_FIGURES.map((figure) => ({
        label: `${row.unitName} ${figure}`,
        expected: row[figure],
        filter: venueFilterOf(query, figure, { areaLevel: figures.areaLevel, unitId: row.unitId }),
      })),
    ),
    ...figures.byType.flatMap((row) =>
      VENUE_COUNT_FIGURES.map((figure) => ({ label: `${row.type} ${figure}`, expected: row[figure], filter: venueFilterOf(query, figure, { type: row.type }) })),
    ),
    ...figures.findingsByCategory.map((row) => ({ label: `found ${row.category}`, expected: row.venues, filter: findingFilterOf(query, row.category, 'recorded') })),
    ...figures.openFindingsByCategory.map((row) => ({ label: `open ${row.category}`, expected: row.venues, filter: findingFilterOf(query, row.category, 'open') })),
  ];
}

async function expectListsMatch(core: TestCore, figures: DashboardFigures) {
  const checks = clickThroughs(figures);
  const listed = [];
  for (const check of checks) listed.push({ label: check.label, total: (await core.call('venues.list', { ...check.filter, limit: 1 })).total });
  expect(listed).toEqual(checks.map((check) => ({ label: check.label, total: check.expected })));
  // Not a vacuous match: the register has venues behind every kind of figure.
  for (const figure of VENUE_COUNT_FIGURES) expect(figures.totals[figure], figure).toBeGreaterThan(0);
}

describe('click-through to the venue list', () => {
  it('lists exactly the venues each figure counts, for the office, each commune and each type', { timeout: 90_000 }, async () => {
    const { core } = await register();
    await expectListsMatch(core, await core.call('dashboard.figures', MARCH));
  });

  it('lists exactly the venues each figure counts within a commune, by village', { timeout: 90_000 }, async () => {
    const { core, units } = await register();
    const figures = await core.call('dashboard.figures', { ...MARCH, communeId: units.kyBac.id });
    expect(figures.byArea.some((row) => row.unitId === null && row.registered > 0)).toBe(true);
    await expectListsMatch(core, figures);
  });

  it('keeps the list filters apart: the period, the months of a recent print, a category', { timeout: 60_000 }, async () => {
    const { core, venues } = await register();
    const names = async (filter: VenueListFilter) =>
      (await core.call('venues.list', { ...filter, limit: 50 })).items.map((venue) => venue.name).sort();
    // Visited on 20/02 (v5) is not "inspected in March"; any time, it is.
    expect(await names({ inspected: true, from: '2025-02-01', to: '2025-02-28' })).toEqual([venues.v5.name]);
    expect(await names({ inspected: true })).toHaveLength(5);
    // Printed within the 2 months before 31/03/2025 (from 01/02 in Vietnam): v1, v5, v9 (01/02), not v3 (20/01) nor v7 (01/04).
    expect(await names({ poster: 'recent', posterMonths: 2, to: '2025-03-31' })).toEqual([venues.v9.name, venues.v1.name, venues.v5.name].sort());
    expect(await names({ findings: 'open', findingCategory: 'damaged' })).toEqual([venues.v2.name]);
    expect(await names({ findingCategory: 'too_small' })).toEqual([venues.v5.name]);
    expect(await names({ missingUnit: 'commune' })).toEqual([venues.v11.name]);
  });
});
