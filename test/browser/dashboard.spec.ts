import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { InputOf, OperationName } from '../../shared/api/contract';
import type { TestCore } from '../support/core';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { checkScansAsGuessed, commitScans, scanCsv } from '../support/scan-fixtures';

/**
 * Tổng quan as a clerk meets it: the first page after saying who is working; its figures
 * open the venue list with the same count (and the actions list with that status); the
 * period changes the figures; the tables download as .xlsx; it fits 1024×768 and its
 * charts print. Data made through the API the pages use.
 */

/** Last month in Vietnam, every day of it, as "Tháng trước" takes it. */
function lastMonth(): { from: string; to: string; days: string[] } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const [year, month] = today.split('-').map(Number);
  const count = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  const days = Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month - 2, index + 1)).toISOString().slice(0, 10));
  return { from: days[0], to: days[count - 1], days };
}

const dmy = (day: string) => day.split('-').reverse().join('/');

/** A figure card by its label: the link around it, whose text is the figure. */
const card = (page: Page, label: string) => page.locator('.figure-card').filter({ has: page.locator('.figure-label', { hasText: new RegExp(`^${label}$`) }) });

/**
 * Kỳ Bắc: a shop with a laminated poster and a market, both with codes, in Tân Thượng;
 * a café without a code in Hoà Bình. Last month: a scan file (3 a day at the shop, 1 at
 * the market) and a visit that found the market's poster damaged, its reprint overdue.
 */
async function register(request: APIRequestContext, url: string) {
  const api = <N extends OperationName>(name: N, input: InputOf<N>) => call(request, url, name, input);
  const month = lastMonth();
  await api('units.seedExample', {});
  const units = await api('units.list', {});
  const unit = (name: string) => units.find((candidate) => candidate.name === name)!.id;
  const venue = (name: string, village: string, type: 'shop' | 'market' | 'cafe') =>
    api('venues.create', { name, type, communeId: unit('Xã Kỳ Bắc'), villageId: unit(village), acknowledgeDuplicates: true });
  const shop = await venue('Tạp hoá Bà Hương', 'Thôn Tân Thượng', 'shop');
  const market = await venue('Chợ Kỳ Bắc', 'Thôn Tân Thượng', 'market');
  await venue('Quán cà phê Ga', 'Thôn Hoà Bình', 'cafe');
  for (const each of [shop, market]) await api('codes.ensure', { venueId: each.id });
  const job = await api('posters.createJob', { selection: { kind: 'venues', venueIds: [shop.id] }, template: 'a4', laminated: true });
  await api('posters.recordPrinted', { jobId: job.jobId });

  const round = await api('rounds.create', { name: 'Kiểm tra tháng trước', startsOn: month.days[4], team: [{ staffId: null, name: 'Tổ kiểm tra' }], venueIds: [market.id] });
  const point = (await api('venues.get', { id: market.id })).postingPoints[0].id;
  await api('visits.save', {
    roundId: round.id,
    venueId: market.id,
    visitedOn: month.days[4],
    points: [{ postingPointId: point, results: { intact: false } }],
    findings: [{ postingPointId: point, category: 'damaged', action: { kind: 'reprint', dueOn: month.days[9], responsible: 'Văn phòng xã' } }],
  });

  const file = scanCsv('luot-quet.csv', [
    ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
    ...month.days.flatMap((day) => [
      [shop.code, dmy(day), '3'],
      [market.code, dmy(day), '1'],
    ]),
  ]);
  const core = { call: api } as unknown as TestCore;
  await commitScans(core, (await checkScansAsGuessed(core, file)).importId);
  return { month, api };
}

test('Tổng quan: first page, figures that open their lists, period, Excel, 1024×768 and print', async ({ page, appUrl: url, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(url);
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Bắt đầu làm việc' }).click();
  // A fresh install leads to its setup first (first-run.spec.ts); left for later, the dashboard.
  await expect(page).toHaveURL(/#\/setup/);
  await page.getByRole('link', { name: 'Bỏ qua lúc này, vào trang Tổng quan' }).click();
  await expect(page).toHaveURL(/#\/dashboard/);
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tổng quan' })).toHaveClass(/active/);

  const { month, api } = await register(request, url);
  await page.reload();
  await expect(card(page, 'Cơ sở đăng ký').locator('.figure-value')).toHaveText('3');
  await expect(card(page, 'Có mã QR còn hiệu lực').locator('.figure-value')).toHaveText('2');
  await expect(card(page, 'Áp phích đã ép plastic').locator('.figure-value')).toHaveText('1');

  // A figure opens the venue list with its filter, and the list counts the same.
  await card(page, 'Có mã QR còn hiệu lực').click();
  await expect(page).toHaveURL(/#\/venues\?.*status=active.*code=current/);
  await expect(page.getByText('2 cơ sở', { exact: true })).toBeVisible();
  const chip = page.getByRole('list', { name: 'Đang lọc theo số liệu tổng quan' });
  await expect(chip).toContainText('Có mã QR còn hiệu lực');
  await chip.getByRole('button', { name: 'Bỏ lọc: Có mã QR còn hiệu lực' }).click();
  await expect(page.getByText('3 cơ sở', { exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/dashboard/);

  // Last month: the scan file and the round's overdue reprint.
  await page.getByRole('button', { name: 'Tháng trước' }).click();
  await expect(page).toHaveURL(/period=lastMonth/);
  const scans = month.days.length * 4;
  await expect(card(page, 'Lượt quét trong kỳ').locator('.figure-value')).toHaveText(scans.toLocaleString('vi-VN'));
  await expect(card(page, 'Lượt quét/cơ sở/ngày').locator('.figure-value')).toHaveText('2,0');
  await expect(page.locator('.dashboard-page')).toContainText(`${dmy(month.from)} đến ${dmy(month.to)}`);
  const figures = await api('dashboard.figures', { from: month.from, to: month.to });
  expect(figures.totals).toMatchObject({ registered: 3, inspected: 1, withOpenFindings: 1, withOverdueActions: 1, scans });

  await card(page, 'Quá hạn khắc phục').click();
  await expect(page).toHaveURL(new RegExp(`#/venues\\?.*to=${month.to}.*overdueActions=1`));
  await expect(page.getByText('1 cơ sở', { exact: true })).toBeVisible();
  await expect(page.locator('.venue-row', { hasText: 'Chợ Kỳ Bắc' })).toBeVisible();
  await page.goBack();
  await card(page, 'Biện pháp khắc phục: Quá hạn').click();
  await expect(page).toHaveURL(/#\/inspections\/actions\?overdue=1/);
  await expect(page.getByRole('button', { name: 'Quá hạn', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.actions-table tbody tr')).toHaveCount(1);
  await page.goBack();

  // A commune: its villages, each figure of a village opens that village's list.
  await page.locator('.dashboard-area').getByLabel('Xã/phường').selectOption({ label: 'Xã Kỳ Bắc' });
  const byVillage = page.locator('table.figure-table').filter({ hasText: 'Theo thôn/tổ dân phố' });
  const tanThuong = byVillage.getByRole('row', { name: /Thôn Tân Thượng/ });
  await expect(tanThuong.getByRole('link', { name: 'Cơ sở đăng ký: 2' })).toBeVisible();
  await tanThuong.getByRole('link', { name: 'Cơ sở đăng ký: 2' }).click();
  await expect(page).toHaveURL(/#\/venues\?.*villageId=/);
  await expect(page.getByText('2 cơ sở', { exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/dashboard\?.*communeId=/);

  // Charts are drawn, each with its table; the page fits the screen.
  await expect(page.locator('.chart-figure')).toHaveCount(4);
  await expect(page.locator('.chart-figure').first().locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

  // The tables as they are filtered, to Excel.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
  expect(download.suggestedFilename()).toBe(`tong-quan-${month.from}-den-${month.to}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync((await download.path())!)).buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Theo thôn', 'Theo loại hình', 'Lượt quét theo ngày', 'Tồn tại theo loại', 'Biện pháp khắc phục']);
  const summary = new Map<string, unknown>();
  workbook.getWorksheet('Tổng hợp')!.eachRow((row) => summary.set(row.getCell(1).text, row.getCell(2).value));
  expect(summary.get('Địa bàn: Xã Kỳ Bắc')).toBeNull();
  expect(summary.get('Cơ sở đăng ký')).toBe(3);
  expect(summary.get('Lượt quét trong kỳ')).toBe(scans);
  expect(workbook.getWorksheet('Lượt quét theo ngày')!.rowCount).toBe(month.days.length + 1);

  // Printed: no app around it, the charts still drawn at their size.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.frame-nav')).toBeHidden();
  const drawing = page.locator('.chart-figure .recharts-surface').first();
  await expect(drawing).toBeVisible();
  expect((await drawing.boundingBox())!.width).toBe(340);
});
