import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from '../support/browser-fixtures';

const HOSTILE_NAME = "=cmd|' /C calc'!A0";
const VENUES = [
  { name: 'Chợ Kỳ Bắc', type: 'market', phones: ['0912 345 678'], ownerName: 'Ban quản lý chợ', businessRegNo: '0101234567' },
  { name: HOSTILE_NAME, type: 'shop', notes: '-' },
  { name: 'Quán cà phê Đường Sắt', type: 'cafe', phones: ['0904092233'] },
];

/** Clicks an export button and returns the file the browser downloaded. */
async function download(page: Page, button: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const bytes = fs.readFileSync((await file.path())!);
  return { file, bytes };
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook.worksheets[0];
}

test('the clerk exports the filtered venue list to Excel and CSV', async ({ page, signedInUrl }) => {
  for (const venue of VENUES) {
    const answer = await page.request.post(`${signedInUrl}api/venues.create`, { data: { ...venue, acknowledgeDuplicates: true } });
    expect((await answer.json()).ok).toBe(true);
  }
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });

  await page.goto(`${signedInUrl}#/venues`);
  await expect(page.getByText('3 cơ sở', { exact: true })).toBeVisible();

  // The whole list to .xlsx: a download, not a navigation, through a blob: URL.
  const listUrl = page.url();
  const excel = await download(page, 'Xuất Excel');
  expect(excel.file.suggestedFilename()).toMatch(/^danh-sach-co-so-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText(/Đã xuất 3 cơ sở ra tệp danh-sach-co-so-.*\.xlsx/)).toBeVisible();
  expect(page.url()).toBe(listUrl);
  const sheet = await sheetOf(excel.bytes);
  expect(sheet.getRow(1).getCell(1).text).toBe('Mã cơ sở');
  expect(sheet.getRow(1).getCell(2).text).toBe('Tên cơ sở');
  expect(sheet.rowCount).toBe(4);
  const names: string[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) names.push(row.getCell(2).text);
    row.eachCell((cell) => expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula));
  });
  expect(names.sort()).toEqual(VENUES.map((venue) => venue.name).sort());
  let market: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).text === 'Chợ Kỳ Bắc') market = row;
  });
  expect(market!.getCell(3).text).toBe('Chợ');
  expect(market!.getCell(5).value).toBe('0912 345 678');
  expect(market!.getCell(5).numFmt).toBe('@');
  expect(market!.getCell(9).value).toBe('0101234567');

  // Filtered to markets, to .csv: only what the list shows.
  await page.locator('.filters').getByLabel('Loại hình').selectOption({ label: 'Chợ' });
  await expect(page.getByText('1 cơ sở', { exact: true })).toBeVisible();
  const csv = await download(page, 'Xuất CSV');
  expect(csv.file.suggestedFilename()).toMatch(/^danh-sach-co-so-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0].startsWith('Mã cơ sở,Tên cơ sở,Loại hình,')).toBe(true);
  expect(lines).toHaveLength(3); // header, one venue, and the empty string after the last CRLF
  expect(lines[1]).toContain(',Chợ Kỳ Bắc,Chợ,Ban quản lý chợ,0912 345 678,');
  expect(lines[2]).toBe('');
  // The same list with ";" for Excel on a PC set to the Vietnamese format.
  const semicolon = await download(page, 'CSV (;) cho Excel');
  expect(semicolon.file.suggestedFilename()).toMatch(/\.csv$/);
  const semicolonLines = semicolon.bytes.subarray(3).toString('utf8').split('\r\n');
  expect(semicolonLines[0].startsWith('Mã cơ sở;Tên cơ sở;Loại hình;')).toBe(true);
  expect(semicolonLines[1]).toContain(';Chợ Kỳ Bắc;Chợ;Ban quản lý chợ;0912 345 678;');

  // And the hostile name alone, searched: neutralised in the CSV.
  await page.locator('.filters').getByLabel('Loại hình').selectOption({ label: 'Tất cả' });
  await page.getByLabel('Tìm cơ sở').fill('calc');
  await expect(page.getByText('1 cơ sở', { exact: true })).toBeVisible();
  const hostile = await download(page, 'Xuất CSV');
  const hostileLine = hostile.bytes.subarray(3).toString('utf8').split('\r\n')[1];
  expect(hostileLine).toContain(`,'${HOSTILE_NAME},`);
  expect(hostileLine).toContain(",'-,");

  expect(blocked).toEqual([]);
});

test('nothing to export: the buttons wait for a list', async ({ page, signedInUrl }) => {
  await page.goto(`${signedInUrl}#/venues`);
  await expect(page.getByText('Chưa có cơ sở nào')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất Excel' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Xuất CSV' })).toBeDisabled();
});
