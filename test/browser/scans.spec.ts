import type { APIRequestContext, Page } from '@playwright/test';
import { call, exampleOffice } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import type { FixtureFile } from '../support/import-fixtures';
import { scanXlsx } from '../support/scan-fixtures';

/**
 * Scan counts through the screens: a wide file (a column per day, "01/11" headers, the
 * year chosen), then a long file (a row per venue and day) naming two namesakes in one
 * village, the ambiguous row assigned by hand; then the counts on the venue pages, with
 * the trend chart and its table, and a count typed by hand.
 */

async function office(request: APIRequestContext, url: string) {
  const { units } = await exampleOffice(request, url);
  const unit = (name: string) => units.find((candidate) => candidate.name === name)!.id;
  const create = (name: string, village: string, type: 'market' | 'shop') =>
    call(request, url, 'venues.create', { name, type, communeId: unit('Xã Kỳ Bắc'), villageId: unit(village), acknowledgeDuplicates: true });
  const market = await create('Chợ Kỳ Bắc', 'Thôn Tân Thượng', 'market');
  const grocery = await create('Tạp hoá Bà Hương', 'Thôn Tân Thượng', 'shop');
  const twinA = await create('Tạp hoá Minh Anh', 'Thôn Hoà Bình', 'shop');
  const twinB = await create('Tạp hoá Minh Anh', 'Thôn Hoà Bình', 'shop');
  for (const venue of [market, grocery, twinA, twinB]) await call(request, url, 'codes.ensure', { venueId: venue.id });
  return { market, grocery, twinA, twinB };
}

async function upload(page: Page, file: FixtureFile) {
  await page.getByLabel('Chọn tệp số lượt quét (.xlsx hoặc .csv)').setInputFiles({
    name: file.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(file.bytesBase64, 'base64'),
  });
}

test('import a wide and a long scan file, assign the ambiguous row, see the counts on the venue pages', async ({ page, signedInUrl, request }) => {
  const { market, grocery, twinA, twinB } = await office(request, signedInUrl);
  const lastYear = String(new Date().getFullYear() - 1);

  await page.goto(`${signedInUrl}#/venues`);
  await page.getByRole('link', { name: 'Nhập số lượt quét' }).click();
  await upload(
    page,
    await scanXlsx('luot-quet-thang-11.xlsx', [
      ['STT', 'Mã cơ sở', 'Tên cơ sở', '01/11', '02/11', '03/11'],
      [1, market.code, 'Chợ Kỳ Bắc', 120, 98, 101],
      [2, grocery.code, 'Tạp hoá Bà Hương', 3, 0, 5],
    ], ['SỐ LƯỢT QUÉT MÃ QR THÁNG 11']),
  );
  await expect(page.getByRole('heading', { name: 'Các cột của tệp “luot-quet-thang-11.xlsx”' })).toBeVisible();
  await expect(page.getByLabel('Dòng tiêu đề')).toHaveValue('2');
  await expect(page.getByLabel('Dạng bảng')).toHaveValue('wide');
  await expect(page.getByLabel('Cột Mã cơ sở là')).toHaveValue('code');
  await expect(page.getByLabel('Cột 01/11 là')).toHaveValue('scans');
  await page.getByLabel('Năm của ngày, tuần viết không kèm năm').selectOption(lastYear);
  await expect(page.locator('.scan-columns')).toContainText(`Số lượt quét của 01/11/${lastYear}`);
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();

  await expect(page.getByRole('tab', { name: 'Mới (2)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(`Ngày, tuần viết không kèm năm được tính vào năm ${lastYear}.`)).toBeVisible();
  await expect(page.getByText('Sẽ ghi 6 số lượt quét; 0 số trong đó thay cho số đã nhập trước')).toBeVisible();
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhập xong' })).toBeVisible();
  await expect(page.getByText(`Đã ghi 6 số lượt quét (01/11/${lastYear} – 03/11/${lastYear})`)).toBeVisible();

  // The long file: the national system's export, a row per venue and day; it repeats 03/11 for the market.
  await page.getByRole('link', { name: 'Về danh sách cơ sở' }).click();
  await page.getByRole('link', { name: 'Nhập số lượt quét' }).click();
  await upload(
    page,
    await scanXlsx('xuat-quoc-gia.xlsx', [
      ['Tên cơ sở', 'Thôn', 'Ngày', 'Số lượt quét'],
      ['Chợ Kỳ Bắc', 'Tân Thượng', `03/11/${lastYear}`, 105],
      ['Chợ Kỳ Bắc', 'Tân Thượng', `04/11/${lastYear}`, 99],
      ['Tạp hoá Minh Anh', 'Hoà Bình', `04/11/${lastYear}`, 7],
    ]),
  );
  await expect(page.getByLabel('Dạng bảng')).toHaveValue('long');
  await expect(page.getByLabel('Cột Ngày là')).toHaveValue('period');
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();

  await expect(page.getByRole('tab', { name: 'Nhiều cơ sở khớp (1)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Thay số đã nhập (1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập vào sổ' })).toBeDisabled();
  await page.getByLabel('Cơ sở cho dòng 4').selectOption({ label: `Tạp hoá Minh Anh — ${twinB.code} — Thôn Hoà Bình` });
  // Nothing waits for the clerk any more: what will be replaced is shown first.
  await expect(page.getByRole('tab', { name: 'Thay số đã nhập (1)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.scan-rows')).toContainText(`Thay 03/11/${lastYear}: 101 → 105 lượt`);
  await page.getByRole('tab', { name: 'Mới (2)' }).click();
  await expect(page.locator('.scan-rows')).toContainText('do cán bộ chọn');
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhập xong' })).toBeVisible();
  await expect(page.getByText('Nhớ 1 cách ghép cho lần nhập sau.')).toBeVisible();

  // The market's page: four days, the replaced one once, as a chart and a table.
  await page.goto(`${signedInUrl}#/venues/${market.id}`);
  const section = page.locator('.venue-scans');
  await expect(section.getByRole('heading', { name: 'Lượt quét mã QR' })).toBeVisible();
  await expect(section.getByRole('img', { name: 'Biểu đồ lượt quét mỗi ngày theo từng kỳ' })).toBeVisible();
  await expect(section.locator('.scan-counts tbody tr')).toHaveCount(4);
  await expect(section.locator('.scan-counts tbody tr').nth(1)).toContainText(`03/11/${lastYear}`);
  await expect(section.locator('.scan-counts tbody tr').nth(1)).toContainText('105');
  await expect(section.locator('.scan-counts tbody tr').first()).toContainText('Tệp xuat-quoc-gia.xlsx');

  // The namesake assigned by hand got its count; the other did not.
  await page.goto(`${signedInUrl}#/venues/${twinB.id}`);
  await expect(page.locator('.venue-scans .scan-counts tbody tr')).toHaveCount(1);
  await page.goto(`${signedInUrl}#/venues/${twinA.id}`);
  await expect(page.locator('.venue-scans')).toContainText('Chưa có số lượt quét nào');

  // A count typed by hand on the venue page.
  await page.getByLabel('Từ ngày').fill(`01/10/${lastYear}`);
  await page.getByLabel('Đến ngày').fill(`31/10/${lastYear}`);
  await page.getByRole('textbox', { name: 'Số lượt quét', exact: true }).fill('42');
  await page.getByRole('button', { name: 'Ghi số lượt quét' }).click();
  await expect(page.getByRole('status')).toContainText(`Đã ghi 42 lượt cho 01/10/${lastYear}–31/10/${lastYear}.`);
  await expect(page.locator('.venue-scans .scan-counts tbody tr')).toHaveCount(1);
  await expect(page.locator('.venue-scans .scan-counts')).toContainText('Nhập tay (Nguyễn Thị Lan)');
});
