import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { InputOf, OperationName } from '../../shared/api/contract';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { FIGURE_COLUMNS, formatCount, formatRate } from '../../shared/domain/report-layout';
import type { TestCore } from '../support/core';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { checkScansAsGuessed, commitScans, scanCsv } from '../support/scan-fixtures';
import { makeTempDir } from '../support/temp-dir';

/**
 * The monthly report as a clerk issues it: data made through the API (venues, codes, a
 * round with findings, last month's scan file), then the Reports page: the form, its
 * preview, "Ban hành", the report's own page, and its PDF (read with pdftotext), .docx
 * and .xlsx (read with jszip and exceljs) downloaded from its buttons, each compared
 * with the dashboard's figures for the same month.
 */

const run = promisify(execFile);

/** Last month in Vietnam, as the form's "Tháng trước" takes it. */
function lastMonth(): { from: string; to: string; days: string[] } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const days = Array.from({ length: last.getUTCDate() }, (_, index) => iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), index + 1))));
  return { from: iso(first), to: iso(last), days };
}

const dmy = (day: string) => day.split('-').reverse().join('/');

async function pdfText(bytes: Buffer): Promise<string> {
  const temp = makeTempDir('diemqr-report-');
  try {
    const file = path.join(temp.dir, 'report.pdf');
    fs.writeFileSync(file, bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout.normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    temp.remove();
  }
}

async function downloaded(page: Page, button: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.doc-toolbar').getByRole('button', { name: button, exact: true }).click()]);
  return { file, bytes: fs.readFileSync((await file.path())!) };
}

test('the monthly report: issued from the Reports page, its PDF, .docx and .xlsx carry the dashboard\'s figures', async ({ page, signedInUrl: url, request }) => {
  test.setTimeout(180_000);
  const month = lastMonth();
  const api = <N extends OperationName>(name: N, input: InputOf<N>) => call(request, url, name, input);
  await api('units.seedExample', {});
  const units = await api('units.list', {});
  const unit = (name: string) => units.find((candidate) => candidate.name === name)!.id;
  await api('settings.update', { homeCommuneId: unit('Xã Kỳ Bắc'), officeName: 'UBND xã Kỳ Bắc' });
  const venue = (name: string, village: string, type: 'household_business' | 'market' | 'restaurant' | 'cafe') =>
    api('venues.create', { name, type, communeId: unit('Xã Kỳ Bắc'), villageId: unit(village), acknowledgeDuplicates: true });
  const household = await venue('Hộ kinh doanh Bà Lan', 'Thôn Tân Thượng', 'household_business');
  const market = await venue('Chợ Kỳ Bắc', 'Thôn Tân Thượng', 'market');
  const restaurant = await venue('Quán ăn Hoa Sen', 'Thôn Hoà Bình', 'restaurant');
  const cafe = await venue('Quán cà phê Ga', 'Xóm Ga', 'cafe');
  for (const each of [household, market, restaurant, cafe]) await api('codes.ensure', { venueId: each.id });

  const round = await api('rounds.create', {
    name: 'Kiểm tra niêm yết',
    startsOn: month.days[9],
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [household.id, market.id, restaurant.id],
  });
  const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));
  for (const [visited, category] of [
    [household, 'damaged'],
    [market, 'too_small'],
    [restaurant, 'hidden'],
  ] as const) {
    const point = (await api('venues.get', { id: visited.id })).postingPoints[0].id;
    await api('visits.save', {
      roundId: round.id,
      venueId: visited.id,
      visitedOn: month.days[9],
      points: [{ postingPointId: point, results: allGood }],
      findings: [{ postingPointId: point, category, action: null }],
    });
  }
  // Last month's scan file: per day 1 scan at the household, 2 at the market, 10 and 12 at the others.
  const perDay: Array<[{ code: string }, number]> = [
    [household, 1],
    [market, 2],
    [restaurant, 10],
    [cafe, 12],
  ];
  const file = scanCsv('luot-quet.csv', [['Mã cơ sở', 'Ngày', 'Số lượt quét'], ...perDay.flatMap(([each, scans]) => month.days.map((day) => [each.code, dmy(day), String(scans)]))]);
  // The scan import's steps through the same API the page uses.
  const core = { call: api } as unknown as TestCore;
  await commitScans(core, (await checkScansAsGuessed(core, file)).importId);
  const figures = await api('dashboard.figures', { from: month.from, to: month.to });
  const totalScans = month.days.length * 25;
  expect(figures.totals.scans).toBe(totalScans);

  // The Reports page: the form, a preview, then issue.
  await page.goto(`${url}#/reports`);
  await expect(page.getByText('Chưa ban hành báo cáo nào.')).toBeVisible();
  await page.getByRole('button', { name: 'Lập báo cáo' }).click();
  await page.getByRole('radio', { name: 'Tháng trước' }).check();
  await expect(page.locator('.report-form')).toContainText(`${dmy(month.from)} – ${dmy(month.to)}`);
  await page.getByLabel('Số, ký hiệu').fill('15/BC-UBND');
  await expect(page.getByLabel('Kính gửi')).toHaveValue('UBND huyện Kỳ Anh');
  await page.getByLabel('Họ tên người ký').fill('Trần Văn Bình');
  await page.getByRole('button', { name: 'Xem trước' }).click();
  const preview = page.locator('.report-preview');
  await expect(preview).toContainText('1 cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại');
  await page.getByRole('button', { name: 'Điền đề xuất gợi ý từ số liệu' }).click();
  await expect(page.getByLabel('IV. Đề xuất, kiến nghị')).toHaveValue(/Tuyên truyền, hướng dẫn người dân quét mã QR/);

  // On screen each counted figure links to its venue list.
  const damaged = preview.locator('.report-item').first().getByRole('link', { name: '1' });
  await expect(damaged).toHaveAttribute('href', /#\/venues\?.*findings=open&findingCategory=damaged/);

  await page.getByRole('button', { name: 'Ban hành' }).click();
  await expect(page).toHaveURL(/#\/documents\/report\//);
  await expect(page.getByRole('heading', { name: 'BÁO CÁO' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
  const sheet = page.locator('.doc-sheet');
  await expect(sheet).toContainText('Số: 15/BC-UBND');

  const rate = formatRate(figures.totals.scansPerVenueDay!);
  const monthText = `tháng ${Number(month.from.slice(5, 7))} năm ${month.from.slice(0, 4)}`;
  const sentences = [
    `Trên địa bàn có 4 cơ sở đã đăng ký niêm yết mã QR, trong đó 4 cơ sở đang hoạt động, 4 cơ sở có mã QR còn hiệu lực.`,
    `ghi nhận ${formatCount(totalScans)} lượt quét mã QR, bình quân ${rate} lượt/cơ sở/ngày.`,
    'Trong kỳ đã kiểm tra 3 cơ sở, phát hiện 3 tồn tại.',
    '1 cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại;',
    '1 cơ sở niêm yết mã khá nhỏ;',
    '1 cơ sở đặt ở vị trí khuất;',
    `tỷ lệ quét ở hộ kinh doanh và chợ còn hạn chế: 1,0 và 2,0 lượt/cơ sở/ngày so với ${rate} bình quân`,
  ];

  // The PDF, from the toolbar: A4, the heading, the sentences and the tables' figures.
  const pdf = await downloaded(page, 'PDF');
  expect(pdf.file.suggestedFilename()).toMatch(/^bao-cao-15-BC-UBND-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(pdf.bytes);
  for (const expected of [
    'UBND XÃ KỲ BẮC',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 15/BC-UBND',
    'BÁO CÁO',
    `Tình hình niêm yết và quét mã QR ${monthText}`,
    'Kính gửi: UBND huyện Kỳ Anh',
    'I. TÌNH HÌNH CHUNG',
    'Bảng 1. Kết quả theo thôn, tổ dân phố',
    'Thôn Tân Thượng',
    'Bảng 2. Kết quả theo loại hình cơ sở',
    'III. TỒN TẠI, HẠN CHẾ',
    'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    'Nơi nhận:',
    'TM. ỦY BAN NHÂN DÂN',
    'Trần Văn Bình',
    ...sentences,
  ]) {
    expect(text, expected).toContain(expected);
  }
  // The total row of the table by village: registered, coded, …, the month's scans and rate.
  expect(text).toMatch(new RegExp(`Tổng cộng 4 4 0 3 3 ${formatCount(totalScans).replace('.', '\\.')} ${rate}`));

  // The .docx: the same sentences.
  const docx = await downloaded(page, 'Word');
  expect(docx.file.suggestedFilename()).toMatch(/\.docx$/);
  const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, part]) => part).join(' ');
  for (const expected of sentences) expect(docxText, expected).toContain(expected);

  // The .xlsx: every figure of the area, equal to the dashboard's.
  const xlsx = await downloaded(page, 'Excel');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const summary = new Map<unknown, unknown>();
  workbook.getWorksheet('Tổng hợp')!.eachRow((row) => summary.set(row.getCell(1).value, row.getCell(2).value));
  for (const column of FIGURE_COLUMNS) expect(summary.get(column.header), column.header).toBe(column.value(figures.totals));
  const byType = new Map<unknown, unknown>();
  workbook.getWorksheet('Theo loại hình')!.eachRow((row) => byType.set(row.getCell(2).value, row.getCell(3).value));
  expect(Object.fromEntries(byType)).toMatchObject({ 'Hộ kinh doanh': 1, Chợ: 1, 'Nhà hàng, quán ăn': 1, 'Quán cà phê, giải khát': 1, 'Tổng cộng': 4 });

  // Back on the Reports page the report is listed, with who issued it.
  await page.goto(`${url}#/reports`);
  const listed = page.locator('.reports-table tbody tr');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('15/BC-UBND');
  await expect(listed).toContainText(`${dmy(month.from)} – ${dmy(month.to)}`);
  await expect(listed).toContainText('Nguyễn Thị Lan');
});
