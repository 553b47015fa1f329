import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ScanRowStatus } from '../../shared/domain/scans';
import type { OutputOf } from '../../shared/api/contract';
import type { FixtureFile } from '../support/import-fixtures';
import { useFreshCore, type TestCore } from '../support/core';
import { settleScans } from '../support/import-flow';
import { checkScansAsGuessed, commitScans, excelDate, scanCsv, scanXlsx } from '../support/scan-fixtures';

const freshCore = useFreshCore();

type Venue = OutputOf<'venues.create'>;

/**
 * An office in Kỳ Bắc with the venues a scan file names in every way: by the official
 * code string, by a minted code, by short code, by name and village; two namesakes in one
 * village (ambiguous) and a closed venue.
 */
async function office() {
  const core = freshCore();
  await core.signIn();
  await core.call('units.seedExample', {});
  const units = await core.call('units.list', {});
  const unit = (name: string) => units.find((candidate) => candidate.name === name)!.id;
  await core.call('settings.update', { homeCommuneId: unit('Xã Kỳ Bắc') });
  const create = (name: string, village: string, type: 'market' | 'shop' | 'cafe' | 'hotel' = 'shop') =>
    core.call('venues.create', { name, type, communeId: unit('Xã Kỳ Bắc'), villageId: unit(village), acknowledgeDuplicates: true });
  const market = await create('Chợ Kỳ Bắc', 'Thôn Tân Thượng', 'market');
  const cafe = await create('Quán cà phê Đường Sắt', 'Xóm Ga', 'cafe');
  const grocery = await create('Tạp hoá Bà Hương', 'Thôn Tân Thượng');
  const twinA = await create('Tạp hoá Minh Anh', 'Thôn Hoà Bình');
  const twinB = await create('Tạp hoá Minh Anh', 'Thôn Hoà Bình');
  const inn = await create('Nhà nghỉ Hoà Bình', 'Thôn Hoà Bình', 'hotel');
  await core.call('venues.setStatus', { id: inn.id, version: inn.version, status: 'closed' });
  const minted = await core.call('codes.ensure', { venueId: market.id });
  const official = 'https://qr.tiemchung.gov.vn/checkin?id=7F3A-99K&sig=xyz';
  await core.call('codes.setOfficial', { venueId: cafe.id, payload: official });
  return { core, market, cafe, grocery, twinA, twinB, inn, minted: minted.payload, official };
}

/** The fixtures' counts are of 2025, whatever year the tests run in. */
const checkAsGuessed = (core: TestCore, file: FixtureFile, year: number | null = 2025) => checkScansAsGuessed(core, file, year);

const rowsOf = async (core: TestCore, importId: string, status?: ScanRowStatus) => (await core.call('scans.rows', { importId, status, limit: 500 })).rows;

const countsOf = async (core: TestCore, venue: Venue) =>
  (await core.call('scans.forVenue', { venueId: venue.id })).counts.map((count) => [count.firstDay, count.lastDay, count.scans]);

describe('reading the layouts of scan files', () => {
  it('reads a wide sheet: headers "01/12", Excel date cells, and the year chosen for days written without one', async () => {
    const { core, market, grocery } = await office();
    const file = await scanXlsx(
      'luot-quet-12-2025.xlsx',
      [
        ['STT', 'Mã cơ sở', 'Tên cơ sở', '01/12', '02/12', excelDate('2025-12-03'), 'Tổng lượt quét'],
        [1, market.code, 'Chợ Kỳ Bắc', 120, 98, 101, 319],
        [2, grocery.code, 'Tạp hoá Bà Hương', 3, '', 0, 3],
        ['Tổng cộng', '', '', 123, 98, 101, 322],
      ],
      ['UBND XÃ KỲ BẮC', 'SỐ LƯỢT QUÉT MÃ QR THÁNG 12/2025'],
    );
    const read = await settleScans(core, await core.call('scans.open', file));
    const [sheet] = read.sheets;
    expect(sheet.headerRow).toBe(3);
    expect(sheet.layout).toBe('wide');
    expect(sheet.columns.map((column) => column.guess)).toEqual([null, 'code', 'name', 'scans', 'scans', 'scans', null]);
    expect(sheet.columns[5].period).toEqual({ kind: 'day', firstDay: '2025-12-03', lastDay: '2025-12-03' });

    const checked = await checkAsGuessed(core, file, 2025);
    expect(checked.check).toMatchObject({ layout: 'wide', year: 2025, firstDay: '2025-12-01', lastDay: '2025-12-03', countsToWrite: 5, countsReplaced: 0 });
    expect(checked.check!.rows).toMatchObject({ new: 2, error: 0 });
    const committed = await commitScans(core, checked.importId);
    expect(committed.summary).toMatchObject({ written: 5, replaced: 0, firstDay: '2025-12-01', lastDay: '2025-12-03' });
    expect(await countsOf(core, market)).toEqual([
      ['2025-12-01', '2025-12-01', 120],
      ['2025-12-02', '2025-12-02', 98],
      ['2025-12-03', '2025-12-03', 101],
    ]);
    // A blank cell is no count, not zero; a 0 is a zero.
    expect(await countsOf(core, grocery)).toEqual([
      ['2025-12-01', '2025-12-01', 3],
      ['2025-12-03', '2025-12-03', 0],
    ]);
  });

  it('reads a long sheet by the official code string, a minted code, a link, the short code and the name in its village', async () => {
    const { core, market, cafe, grocery, minted, official } = await office();
    const file = await scanXlsx('quoc-gia.xlsx', [
      ['Mã QR', 'Mã cơ sở', 'Tên cơ sở', 'Thôn', 'Ngày', 'Số lượt quét'],
      [official, '', 'Cà phê ga', '', '01/11/2025', 40],
      [minted, '', '', '', '02/11/2025', 50],
      [`https://diemqr.example/qr?c=${minted.split(':').slice(0, 3).join(':')}:ZZZZZZ:OLD`, '', '', '', '03/11/2025', 51],
      ['', market.code.toLowerCase(), '', '', '04/11/2025', 52],
      ['', '', 'TẠP HOÁ BÀ HƯƠNG', 'Tân Thượng', '2025-11-05', 7],
    ]);
    const checked = await checkAsGuessed(core, file);
    const rows = await rowsOf(core, checked.importId);
    expect(rows.map((row) => [row.rowNumber, row.status, row.venue?.id, row.match])).toEqual([
      [2, 'new', cafe.id, 'payload'],
      [3, 'new', market.id, 'payload'],
      [4, 'new', market.id, 'minted'],
      [5, 'new', market.id, 'code'],
      [6, 'new', grocery.id, 'name'],
    ]);
  });

  it('reads weeks and months: "Tuần 48" Monday to Sunday in the chosen year, "T12/2025", "Tháng 11/2025", a month column of bare numbers', async () => {
    const { core, market, grocery } = await office();
    const wide = await scanXlsx('tuan.xlsx', [
      ['Mã cơ sở', 'Tuần 47', 'Tuần 48', 'T12/2024', 'Tháng 11/2024'],
      [market.code, 700, 710, 3000, 2900],
    ]);
    const checked = await checkAsGuessed(core, wide, 2025);
    expect(checked.check!.periods).toEqual([
      { kind: 'month', firstDay: '2024-11-01', lastDay: '2024-11-30' },
      { kind: 'month', firstDay: '2024-12-01', lastDay: '2024-12-31' },
      { kind: 'week', firstDay: '2025-11-17', lastDay: '2025-11-23' },
      { kind: 'week', firstDay: '2025-11-24', lastDay: '2025-11-30' },
    ]);
    await commitScans(core, checked.importId);

    const long = scanCsv('thang.csv', [
      ['Mã cơ sở', 'Tháng', 'Lượt quét'],
      [grocery.code, '10', '31'],
      [grocery.code, '9', '1.234'],
    ]);
    const months = await checkAsGuessed(core, long, 2025);
    await commitScans(core, months.importId);
    expect(await countsOf(core, grocery)).toEqual([
      ['2025-09-01', '2025-09-30', 1234],
      ['2025-10-01', '2025-10-31', 31],
    ]);
  });
});

describe('matching rows to venues', () => {
  it('lists ambiguous and unmatched rows with suggestions; an assignment covers every row of that name and is remembered next month', async () => {
    const { core, twinA, twinB, grocery } = await office();
    const november = await scanXlsx('thang-11.xlsx', [
      ['Tên cơ sở', 'Thôn', 'Ngày', 'Số lượt quét'],
      ['Tạp hoá Minh Anh', 'Hoà Bình', '01/11/2025', 5],
      ['Tạp hoá Minh Anh', 'Hoà Bình', '02/11/2025', 6],
      ['Tap hoa ba Huong (cong cho)', 'Tân Thượng', '01/11/2025', 9],
      ['Tap hoa ba Huong (cong cho)', 'Tân Thượng', '02/11/2025', 8],
      ['Karaoke Ước Mơ', '', '01/11/2025', 1],
    ]);
    const checked = await checkAsGuessed(core, november);
    expect(checked.check!.rows).toMatchObject({ ambiguous: 2, unmatched: 3, new: 0 });
    const [ambiguous] = await rowsOf(core, checked.importId, 'ambiguous');
    expect(ambiguous.suggestions.map((venue) => venue.id).sort()).toEqual([twinA.id, twinB.id].sort());
    const unmatched = await rowsOf(core, checked.importId, 'unmatched');
    expect(unmatched[0].suggestions[0].id).toBe(grocery.id);
    expect(unmatched[2].identifier.name).toBe('Karaoke Ước Mơ');
    expect(unmatched[2].suggestions).toEqual([]);

    // Committing with rows unresolved is refused, saying how many.
    const refused = await core.fail('scans.commit', { importId: checked.importId });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'skipUnresolved' });
    expect(refused.message).toContain('Còn 5 dòng chưa ghép');

    await core.call('scans.assign', { importId: checked.importId, rowNumber: 2, venueId: twinB.id });
    await core.call('scans.assign', { importId: checked.importId, rowNumber: 4, venueId: grocery.id });
    const status = await core.call('scans.assign', { importId: checked.importId, rowNumber: 6, venueId: null });
    expect(status.check!.rows).toMatchObject({ new: 4, ambiguous: 0, unmatched: 0, skipped: 1 });
    expect((await rowsOf(core, checked.importId, 'new')).map((row) => [row.rowNumber, row.venue!.id, row.match])).toEqual([
      [2, twinB.id, 'assigned'],
      [3, twinB.id, 'assigned'],
      [4, grocery.id, 'assigned'],
      [5, grocery.id, 'assigned'],
    ]);
    const committed = await commitScans(core, checked.importId);
    expect(committed.summary).toMatchObject({ written: 4, aliasesSaved: 2, rowsSkipped: 1 });
    expect(await countsOf(core, twinB)).toEqual([
      ['2025-11-01', '2025-11-01', 5],
      ['2025-11-02', '2025-11-02', 6],
    ]);
    expect(await countsOf(core, twinA)).toEqual([]);

    // December's file names them the same way: matched by the aliases, nobody has to choose again.
    const december = await scanXlsx('thang-12.xlsx', [
      ['Tên cơ sở', 'Thôn', 'Ngày', 'Số lượt quét'],
      ['Tạp hoá Minh Anh', 'Thôn Hoà Bình', '01/12/2025', 7],
      ['TAP HOA BA HUONG (CONG CHO)', 'Tân Thượng', '01/12/2025', 10],
    ]);
    const next = await checkAsGuessed(core, december);
    expect((await rowsOf(core, next.importId)).map((row) => [row.status, row.venue?.id, row.match])).toEqual([
      ['new', twinB.id, 'alias'],
      ['new', grocery.id, 'alias'],
    ]);
  });

  it('skipping leaves unresolved rows out only when the clerk says so', async () => {
    const { core, market } = await office();
    const file = await scanXlsx('mot-phan.xlsx', [
      ['Mã cơ sở', 'Tên cơ sở', 'Ngày', 'Số lượt quét'],
      [market.code, 'Chợ Kỳ Bắc', '01/11/2025', 100],
      ['', 'Cơ sở không có trong sổ', '01/11/2025', 3],
    ]);
    const checked = await checkAsGuessed(core, file);
    const committed = await commitScans(core, checked.importId, true);
    expect(committed.summary).toMatchObject({ written: 1, rowsSkipped: 1 });
    expect(await countsOf(core, market)).toEqual([['2025-11-01', '2025-11-01', 100]]);
  });
});

describe('re-importing a period', () => {
  it('replaces the same venue and days, says so in the preview, and never doubles', async () => {
    const { core, market, grocery } = await office();
    const first = await scanXlsx('t11.xlsx', [
      ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
      [market.code, '01/11/2025', 100],
      [market.code, '02/11/2025', 110],
    ]);
    await commitScans(core, (await checkAsGuessed(core, first)).importId);

    const again = await scanXlsx('t11-sua.xlsx', [
      ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
      [market.code, '02/11/2025', 115],
      [market.code, '03/11/2025', 90],
      [grocery.code, '02/11/2025', 4],
    ]);
    const checked = await checkAsGuessed(core, again);
    expect(checked.check).toMatchObject({ countsToWrite: 3, countsReplaced: 1 });
    expect(checked.check!.rows).toMatchObject({ new: 2, replace: 1 });
    const [replacing] = await rowsOf(core, checked.importId, 'replace');
    expect(replacing).toMatchObject({ rowNumber: 2, replaces: [{ firstDay: '2025-11-02', lastDay: '2025-11-02', before: 110, after: 115 }] });
    await commitScans(core, checked.importId);
    expect(await countsOf(core, market)).toEqual([
      ['2025-11-01', '2025-11-01', 100],
      ['2025-11-02', '2025-11-02', 115],
      ['2025-11-03', '2025-11-03', 90],
    ]);
    const stored = await core.call('scans.forVenue', { venueId: market.id });
    expect(stored.counts.map((count) => count.source.fileName)).toEqual(['t11.xlsx', 't11-sua.xlsx', 't11-sua.xlsx']);
  });
});

describe('bad input', () => {
  it('refuses each bad row with the row, the column and the reason, and writes none of them', async () => {
    const { core, market, grocery, cafe, inn } = await office();
    const file = await scanXlsx('loi.xlsx', [
      ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
      [market.code, '01/11/2025', -5],
      [market.code, '02/11/2025', 2.5],
      [market.code, '03/11/2025', 'mười'],
      [market.code, '31/02/2025', 4],
      [market.code, '01/01/2099', 4],
      [inn.code, '01/11/2025', 4],
      [grocery.code, '01/11/2025', 4],
      [grocery.code, '01/11/2025', 5],
      [cafe.code, 'hôm qua', 6],
      [cafe.code, '04/11/2025', ''],
      ['', '05/11/2025', 7],
      [cafe.code, '06/11/2025', 8],
    ]);
    const checked = await checkAsGuessed(core, file);
    const errors = await rowsOf(core, checked.importId, 'error');
    expect(errors.map((row) => [row.rowNumber, row.errors.map((error) => [error.column, error.reason])])).toEqual([
      [2, [['Số lượt quét', 'negative']]],
      [3, [['Số lượt quét', 'fractional']]],
      [4, [['Số lượt quét', 'not_a_number']]],
      [5, [['Ngày', 'no_such_day']]],
      [6, [['Ngày', 'future']]],
      [7, [['Mã cơ sở', 'venue_closed']]],
      [9, [['Ngày', 'repeated_in_file']]],
      [10, [['Ngày', 'not_a_period']]],
      [11, [['Số lượt quét', 'no_count']]],
      [12, [['Mã cơ sở', 'no_identifier']]],
    ]);
    const messages = errors.flatMap((row) => row.errors.map((error) => error.message));
    expect(messages).toContain('Dòng 2, cột “Số lượt quét”: số lượt quét âm (-5).');
    expect(messages).toContain('Dòng 5, cột “Ngày”: “31/02/2025” không phải một ngày có thật.');
    expect(messages).toContain('Dòng 9, cột “Ngày”: cơ sở này và kỳ 01/11/2025 đã có ở dòng 8.');
    expect(messages.find((message) => message.startsWith('Dòng 7'))).toContain('đã đóng cửa');
    expect(checked.check!.rows).toMatchObject({ new: 2, error: 10 });

    const report = await core.call('scans.errorReport', { importId: checked.importId });
    expect(report.fileName).toBe('loi-luot-quet-loi.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(report.bytesBase64, 'base64')).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Dòng', 'Lý do lỗi', 'Mã cơ sở', 'Ngày', 'Số lượt quét']);
    expect(sheet.getRow(2).getCell(1).value).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Dòng 2, cột “Số lượt quét”: số lượt quét âm (-5).');
    expect(sheet.rowCount).toBe(11);

    await commitScans(core, checked.importId);
    expect(await countsOf(core, market)).toEqual([]);
    expect(await countsOf(core, grocery)).toEqual([['2025-11-01', '2025-11-01', 4]]);
    expect(await countsOf(core, cafe)).toEqual([['2025-11-06', '2025-11-06', 8]]);
    expect(await countsOf(core, inn)).toEqual([]);
  });

  it('refuses a period overlapping a stored one without being the same, in a file and by hand', async () => {
    const { core, market } = await office();
    await core.call('scans.record', { venueId: market.id, firstDay: '2025-11-01', lastDay: '2025-11-30', scans: 3000 });
    const file = await scanXlsx('tuan.xlsx', [
      ['Mã cơ sở', 'Tuần 48'],
      [market.code, 700],
    ]);
    const checked = await checkAsGuessed(core, file, 2025);
    const [row] = await rowsOf(core, checked.importId, 'error');
    expect(row.errors[0]).toMatchObject({ column: 'Tuần 48', reason: 'overlaps_stored' });
    expect(row.errors[0].message).toBe(
      'Dòng 2, cột “Tuần 48”: kỳ 24/11/2025–30/11/2025 trùng một phần với kỳ đã nhập 01/11/2025–30/11/2025; chỉ thay được đúng cùng kỳ.',
    );
    const byHand = await core.fail('scans.record', { venueId: market.id, firstDay: '2025-11-30', lastDay: '2025-12-06', scans: 5 });
    expect(byHand).toMatchObject({ code: 'INVALID_INPUT', field: 'firstDay' });
    expect(await countsOf(core, market)).toEqual([['2025-11-01', '2025-11-30', 3000]]);
  });

  it('refuses a file without an identifier, a count or a period column, naming what is missing', async () => {
    const { core, market } = await office();
    const open = async (file: FixtureFile) => settleScans(core, await core.call('scans.open', file));
    const noIdentifier = await open(scanCsv('a.csv', [['Ghi chú', 'Ngày', 'Số lượt quét'], ['x', '01/11/2025', '3']]));
    const failure = await core.fail('scans.check', {
      importId: noIdentifier.importId,
      sheet: noIdentifier.sheets[0].name,
      headerRow: 1,
      layout: 'long',
      columns: [
        { index: 1, role: 'period' },
        { index: 2, role: 'scans' },
      ],
    });
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', field: 'columns' });
    expect(failure.message).toContain('Không thấy cột nhận diện cơ sở');

    const noCount = await open(scanCsv('b.csv', [['Mã cơ sở', 'Ngày'], [market.code, '01/11/2025']]));
    const sheet = noCount.sheets[0];
    expect((await core.fail('scans.check', { importId: noCount.importId, sheet: sheet.name, headerRow: 1, layout: 'long', columns: [{ index: 0, role: 'code' }, { index: 1, role: 'period' }] })).message).toContain(
      'Không thấy cột số lượt quét',
    );
    const noPeriod = await core.fail('scans.check', { importId: noCount.importId, sheet: sheet.name, headerRow: 1, layout: 'long', columns: [{ index: 0, role: 'code' }, { index: 1, role: 'scans' }] });
    expect(noPeriod.message).toContain('Không thấy cột ngày, tuần hoặc tháng');
    const notAPeriod = await core.fail('scans.check', { importId: noCount.importId, sheet: sheet.name, headerRow: 1, layout: 'wide', columns: [{ index: 0, role: 'code' }, { index: 1, role: 'scans' }] });
    expect(notAPeriod.message).toContain('Cột “Ngày” không phải ngày, tuần hay tháng');
    expect(await countsOf(core, market)).toEqual([]);
  });
});

describe('periods of different lengths in one file', () => {
  it('refuses a row whose days another row (or the row itself) already gave the same venue', async () => {
    const { core, market, grocery } = await office();
    const wide = await scanXlsx('tron.xlsx', [
      ['Mã cơ sở', 'Tuần 45', '03/11', '10/11'],
      [market.code, 700, 100, 90],
      [grocery.code, 70, '', 9],
    ]);
    const checked = await checkAsGuessed(core, wide, 2025);
    const [overlapping] = await rowsOf(core, checked.importId, 'error');
    expect(overlapping.rowNumber).toBe(2);
    expect(overlapping.errors[0]).toMatchObject({ reason: 'overlaps_in_file', params: { period: '03/11/2025', other: '03/11/2025–09/11/2025', row: '2' } });
    expect((await rowsOf(core, checked.importId, 'new')).map((row) => row.rowNumber)).toEqual([3]);

    const long = await scanXlsx('tron-doc.xlsx', [
      ['Mã cơ sở', 'Thời gian', 'Số lượt quét'],
      [market.code, 'T10/2025', 3000],
      [market.code, '05/10/2025', 90],
      [market.code, '01/11/2025 - 07/11/2025', 700],
    ]);
    const mixed = await checkAsGuessed(core, long, 2025);
    const errors = await rowsOf(core, mixed.importId, 'error');
    expect(errors.map((row) => [row.rowNumber, row.errors[0].reason, row.errors[0].params.row])).toEqual([[3, 'overlaps_in_file', '2']]);
    expect(mixed.check!.rows).toMatchObject({ new: 2 });
  });
});

describe('a long scan import', () => {
  it('can be cancelled while committing: nothing is written, and a count typed meanwhile waits and is kept', async () => {
    const { core, market, grocery, cafe } = await office();
    const days = Array.from({ length: 300 }, (_, index) => new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10));
    const header = days.map((day) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`);
    const venues = [market, grocery, cafe];
    const file = await scanXlsx('ca-nam.xlsx', [['Mã cơ sở', ...header], ...venues.map((venue, row) => [venue.code, ...days.map((_, day) => (row * 7 + day) % 40)])]);
    const checked = await checkAsGuessed(core, file);
    expect(checked.check).toMatchObject({ countsToWrite: 900, periodCount: 300 });

    const started = await core.call('scans.commit', { importId: checked.importId, skipUnresolved: false });
    expect(started.phase).toBe('committing');
    const meanwhile = core.call('scans.record', { venueId: market.id, firstDay: '2024-12-01', lastDay: '2024-12-31', scans: 12 });
    const cancelled = await core.call('scans.cancel', { importId: checked.importId });
    expect(['committing', 'cancelled']).toContain(cancelled.phase);
    const final = await settleScans(core, cancelled);
    expect(final.phase).toBe('cancelled');
    expect(final.summary).toBeNull();
    await meanwhile;
    expect(await countsOf(core, market)).toEqual([['2024-12-01', '2024-12-31', 12]]);
    expect(await countsOf(core, grocery)).toEqual([]);
  });
});
