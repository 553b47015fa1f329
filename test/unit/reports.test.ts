import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/api/contract';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { FIGURE_COLUMNS, reportTables, sentenceText } from '../../shared/domain/report-layout';
import type { ReportRequestInput } from '../../shared/domain/reports';
import { useFreshCore, type TestCore } from '../support/core';
import { checkScansAsGuessed, commitScans, scanCsv } from '../support/scan-fixtures';

/**
 * The monthly report end to end on a real SQLite file, every row made through the real
 * services: venues, codes, poster prints, an inspection round with findings and actions,
 * a scan file. The report's sentences and tables come out of the dashboard's figures; an
 * issued report is a fixed record; its .docx and .xlsx read back with the same figures.
 */

const freshCore = useFreshCore();

type Venue = OutputOf<'venues.create'>;

const NOVEMBER = { from: '2025-11-01', to: '2025-11-30' };
const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

/** Every day of November 2025, dd/MM/yyyy. */
const novemberDays = Array.from({ length: 30 }, (_, index) => `${String(index + 1).padStart(2, '0')}/11/2025`);

async function signInAs(core: TestCore, name: string, role: 'admin' | 'clerk' | 'inspector') {
  const staff = await core.call('staff.create', { name, role });
  await core.call('session.start', { staffId: staff.id });
  return staff;
}

/**
 * Kỳ Bắc in November 2025: a household business and a market that scan little, a
 * restaurant and a café that scan well, a grocery without a code; posters printed (two
 * laminated), a round that found a damaged poster (its reprint overdue), a small one, a
 * hidden and unlaminated one; a scan file for every day of the month.
 */
async function kyBacNovember() {
  const core = freshCore();
  await signInAs(core, 'Nguyễn Thị Lan', 'admin');
  await core.call('units.seedExample', {});
  const units = await core.call('units.list', {});
  const unit = (name: string) => units.find((candidate) => candidate.name === name)!.id;
  await core.call('settings.update', { homeCommuneId: unit('Xã Kỳ Bắc'), officeName: 'UBND xã Kỳ Bắc' });
  const create = (name: string, village: string, type: 'household_business' | 'market' | 'restaurant' | 'cafe' | 'shop') =>
    core.call('venues.create', { name, type, communeId: unit('Xã Kỳ Bắc'), villageId: unit(village), acknowledgeDuplicates: true });
  const household = await create('Hộ kinh doanh Bà Lan', 'Thôn Tân Thượng', 'household_business');
  const market = await create('Chợ Kỳ Bắc', 'Thôn Tân Thượng', 'market');
  const restaurant = await create('Quán ăn Hoa Sen', 'Thôn Hoà Bình', 'restaurant');
  const cafe = await create('Quán cà phê Ga', 'Xóm Ga', 'cafe');
  await create('Tạp hoá Bà Tư', 'Thôn Hoà Bình', 'shop');
  for (const venue of [household, market, restaurant, cafe]) await core.call('codes.ensure', { venueId: venue.id });

  // Posters first: a print recorded after the visits would close their reprint actions.
  const print = async (venues: Venue[], laminated: boolean) => {
    const job = await core.call('posters.createJob', { selection: { kind: 'venues', venueIds: venues.map((venue) => venue.id) }, template: 'a4', laminated });
    await core.call('posters.recordPrinted', { jobId: job.jobId });
  };
  await print([household, market], true);
  await print([restaurant], false);

  const round = await core.call('rounds.create', {
    name: 'Kiểm tra niêm yết tháng 11',
    startsOn: '2025-11-10',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [household.id, market.id, restaurant.id],
  });
  const pointOf = async (venue: Venue) => (await core.call('venues.get', { id: venue.id })).postingPoints[0].id;
  const visit = async (venue: Venue, visitedOn: string, findings: Array<{ category: 'damaged' | 'too_small' | 'hidden' | 'not_laminated'; dueOn?: string }>) => {
    const point = await pointOf(venue);
    await core.call('visits.save', {
      roundId: round.id,
      venueId: venue.id,
      visitedOn,
      points: [{ postingPointId: point, results: allGood }],
      findings: findings.map(({ category, dueOn }) => ({
        postingPointId: point,
        category,
        action: dueOn ? { kind: 'reprint' as const, dueOn, responsible: 'Văn phòng xã' } : null,
      })),
    });
  };
  await visit(household, '2025-11-10', [{ category: 'damaged', dueOn: '2025-11-20' }]);
  await visit(market, '2025-11-11', [{ category: 'too_small' }]);
  await visit(restaurant, '2025-11-12', [{ category: 'hidden' }, { category: 'not_laminated' }]);

  // Per day: the household 1 scan, the market 2, the restaurant and the café 10 each.
  const perDay: Array<[Venue, number]> = [
    [household, 1],
    [market, 2],
    [restaurant, 10],
    [cafe, 10],
  ];
  const file = scanCsv('luot-quet-11-2025.csv', [
    ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
    ...perDay.flatMap(([venue, scans]) => novemberDays.map((day) => [venue.code, day, String(scans)])),
  ]);
  await commitScans(core, (await checkScansAsGuessed(core, file)).importId);
  return { core, unit, household, market, restaurant, cafe, create };
}

const request = (overrides: Partial<ReportRequestInput> = {}): ReportRequestInput => ({
  params: NOVEMBER,
  number: '15/BC-UBND',
  recipients: ['UBND tỉnh Hà Tĩnh'],
  signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  signerName: 'Trần Văn Bình',
  proposals: ['Tiếp tục kiểm tra, in lại áp phích hư hỏng.'],
  ...overrides,
});

describe('the monthly report from the dashboard figures', () => {
  it('writes each sentence from the office\'s real data', { timeout: 60_000 }, async () => {
    const { core } = await kyBacNovember();
    const { content } = await core.call('reports.preview', request());
    const figures = await core.call('dashboard.figures', NOVEMBER);
    expect(content.figures).toEqual(figures);
    expect(content.figures.totals).toMatchObject({ registered: 5, active: 5, withCurrentCode: 4, posterPrinted: 3, laminated: 2, inspected: 3, scans: 690 });

    expect(content.empty).toBe(false);
    expect(content.officeName).toBe('UBND XÃ KỲ BẮC');
    expect(content.place).toBe('Kỳ Bắc');
    expect(content.areaName).toBeNull();
    expect(content.periodText).toBe('tháng 11 năm 2025');
    expect(content.overview.map(sentenceText)).toEqual([
      'Trên địa bàn có 5 cơ sở đã đăng ký niêm yết mã QR, trong đó 5 cơ sở đang hoạt động, 4 cơ sở có mã QR còn hiệu lực.',
      // The posters were printed today, after the period: none within the 12 months before its end.
      '3 cơ sở đã được in áp phích mã QR, trong đó 0 cơ sở in trong 12 tháng gần đây; 2 cơ sở có áp phích đã ép plastic.',
      // 690 scans over 4 coded venues and 30 days.
      'Tháng 11 năm 2025, ghi nhận 690 lượt quét mã QR, bình quân 5,8 lượt/cơ sở/ngày.',
      'Trong kỳ đã kiểm tra 3 cơ sở, phát hiện 4 tồn tại.',
    ]);
    expect(content.shortcomings.map(sentenceText)).toEqual([
      '1 cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại',
      '1 cơ sở niêm yết mã khá nhỏ',
      '1 cơ sở đặt ở vị trí khuất',
      'tỷ lệ quét ở hộ kinh doanh và chợ còn hạn chế: 1,0 và 2,0 lượt/cơ sở/ngày so với 5,8 bình quân',
      '1 cơ sở có áp phích chưa ép plastic',
      '1 cơ sở chưa khắc phục tồn tại đúng thời hạn',
    ]);
    // The table by village: the three villages of Kỳ Bắc, each with its own figures.
    const [byVillage] = reportTables(content);
    expect(byVillage.rows.map((row) => [row[1], row[2]])).toEqual([
      ['Thôn Hoà Bình', 2],
      ['Thôn Tân Thượng', 2],
      ['Xóm Ga', 1],
    ]);
  });

  it('a period without data says so instead of printing zeros', { timeout: 60_000 }, async () => {
    const { core } = await kyBacNovember();
    const { content } = await core.call('reports.preview', request({ params: { from: '2025-06-01', to: '2025-06-30' } }));
    expect(content.empty).toBe(true);
    expect(content.results.map(sentenceText)).toEqual([
      'Trong kỳ báo cáo chưa có số liệu về lượt quét mã QR và chưa có kết quả kiểm tra việc niêm yết mã QR trên địa bàn, nên chưa có cơ sở để đánh giá kết quả thực hiện.',
    ]);
    expect(reportTables(content)).toEqual([]);
    expect(content.overview.map(sentenceText).join(' ')).not.toContain('lượt quét');
  });

  it('names the area of a village with its commune', { timeout: 60_000 }, async () => {
    const { core, unit } = await kyBacNovember();
    const { content } = await core.call('reports.preview', request({ params: { ...NOVEMBER, villageId: unit('Thôn Tân Thượng') } }));
    expect(content.areaName).toBe('thôn Tân Thượng, xã Kỳ Bắc');
    expect(content.params.communeId).toBe(unit('Xã Kỳ Bắc'));
    expect(content.figures.totals.registered).toBe(2);
    expect(sentenceText(content.overview[0])).toContain('Trên địa bàn thôn Tân Thượng, xã Kỳ Bắc có 2 cơ sở');
  });
});

describe('an issued report', () => {
  it('is a fixed record: data added later changes the preview, never the issued report', { timeout: 60_000 }, async () => {
    const { core, create, cafe } = await kyBacNovember();
    const issued = await core.call('reports.issue', request());
    expect(issued.number).toBe('15/BC-UBND');
    expect(issued.issuedBy?.name).toBe('Nguyễn Thị Lan');

    // More data for the same month: a new venue, a count typed by hand, a finding at the café.
    const late = await create('Nhà nghỉ Sao Mai', 'Xóm Ga', 'shop');
    await core.call('codes.ensure', { venueId: late.id });
    const round = await core.call('rounds.create', { name: 'Kiểm tra bổ sung', startsOn: '2025-11-25', team: [{ staffId: null, name: 'Tổ kiểm tra' }], venueIds: [cafe.id] });
    const point = (await core.call('venues.get', { id: cafe.id })).postingPoints[0].id;
    await core.call('visits.save', {
      roundId: round.id,
      venueId: cafe.id,
      visitedOn: '2025-11-25',
      points: [{ postingPointId: point, results: allGood }],
      findings: [{ postingPointId: point, category: 'hidden', action: null }],
    });

    const again = await core.call('reports.get', { id: issued.id });
    expect(again).toEqual(issued);
    const now = (await core.call('reports.preview', request())).content;
    expect(now.figures.totals.registered).toBe(6);
    expect(again.content.figures.totals.registered).toBe(5);
    expect(sentenceText(now.shortcomings[2])).toBe('2 cơ sở đặt ở vị trí khuất');
    expect(sentenceText(again.content.shortcomings[2])).toBe('1 cơ sở đặt ở vị trí khuất');

    // Its files are made from the record: the same figures whenever they are made.
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(Buffer.from((await core.call('reports.xlsx', { id: issued.id })).bytesBase64, 'base64') as unknown as ArrayBuffer);
    const summary = new Map<unknown, unknown>();
    xlsx.getWorksheet('Tổng hợp')!.eachRow((row) => summary.set(row.getCell(1).value, row.getCell(2).value));
    for (const column of FIGURE_COLUMNS) expect(summary.get(column.header), column.header).toBe(column.value(issued.content.figures.totals));
    const byVillage = xlsx.getWorksheet('Theo thôn')!;
    const villages: unknown[][] = [];
    byVillage.eachRow((row, number) => {
      if (number > 1) villages.push([row.getCell(2).value, row.getCell(3).value]);
    });
    expect(villages).toEqual([
      ['Thôn Hoà Bình', 2],
      ['Thôn Tân Thượng', 2],
      ['Xóm Ga', 1],
      ['Tổng cộng', 5],
    ]);

    const docx = await core.call('reports.docx', { id: issued.id });
    expect(docx.fileName).toBe('bao-cao-15-BC-UBND-' + issued.content.issuedOn + '.docx');
    const zip = await JSZip.loadAsync(Buffer.from(docx.bytesBase64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, part]) => part).join('\n');
    expect(text).toContain('Tháng 11 năm 2025, ghi nhận 690 lượt quét mã QR, bình quân 5,8 lượt/cơ sở/ngày.');
    expect(text).toContain('- 1 cơ sở đặt ở vị trí khuất;');
    expect(text).not.toContain('2 cơ sở đặt ở vị trí khuất');

    const list = await core.call('reports.list', {});
    expect(list).toEqual([
      {
        id: issued.id,
        kind: 'qr_posting_scanning',
        number: '15/BC-UBND',
        from: '2025-11-01',
        to: '2025-11-30',
        areaName: null,
        issuedAt: issued.issuedAt,
        issuedByName: 'Nguyễn Thị Lan',
      },
    ]);
  });

  it('refuses bad input with the field named, and writes nothing', { timeout: 60_000 }, async () => {
    const { core, unit } = await kyBacNovember();
    await core.call('reports.issue', request());

    expect(await core.fail('reports.issue', request())).toMatchObject({ code: 'DUPLICATE', field: 'number' });
    expect(await core.fail('reports.issue', request({ params: { from: '2025-11-01', to: '2999-12-31' }, number: '16/BC-UBND' }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'params.to',
    });
    expect(await core.fail('reports.preview', request({ params: { from: '2025-11-30', to: '2025-11-01' } }))).toMatchObject({ code: 'INVALID_INPUT', field: 'params.to' });
    expect(
      await core.fail('reports.issue', request({ params: { ...NOVEMBER, communeId: unit('Xã Kỳ Phong'), villageId: unit('Xóm Ga') }, number: '17/BC-UBND' })),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'params.villageId' });
    expect(await core.fail('reports.issue', request({ recipients: [], number: '18/BC-UBND' }))).toMatchObject({ code: 'INVALID_INPUT', field: 'recipients' });
    expect(await core.fail('reports.get', { id: '0190a0b0-0000-7000-8000-000000000001' })).toMatchObject({ code: 'NOT_FOUND' });

    // A number to be written by hand ("……/BC-UBND") may repeat; a numbered one once a year.
    await core.call('reports.issue', request({ number: '……/BC-UBND' }));
    await core.call('reports.issue', request({ number: '……/BC-UBND' }));
    expect((await core.call('reports.list', {})).map((report) => report.number).sort()).toEqual(['15/BC-UBND', '……/BC-UBND', '……/BC-UBND']);

    // An inspector reads reports but does not issue them.
    await signInAs(core, 'Lê Văn Tổ', 'inspector');
    expect(await core.fail('reports.issue', request({ number: '19/BC-UBND' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.call('reports.list', {})).toHaveLength(3);
  });
});
