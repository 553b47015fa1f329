import type { Page } from '@playwright/test';
import { exampleOffice } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { HOSTILE_FILES } from '../support/hostile-files';
import { exporterXlsx, legacyXlsx, messyCommuneXlsx, noPhoneXlsx, type FixtureFile } from '../support/import-fixtures';
import { listedNames } from '../support/venue-pages';

async function upload(page: Page, file: FixtureFile) {
  await page.getByLabel('Chọn tệp (.xlsx hoặc .csv)').setInputFiles({
    name: file.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(file.bytesBase64, 'base64'),
  });
}

test('import a messy commune list: map, check, resolve a duplicate, commit, find the venues', async ({ page, signedInUrl, request }) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues`);
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  await upload(page, await messyCommuneXlsx());

  await expect(page.getByRole('heading', { name: /Ghép cột của tệp/ })).toBeVisible();
  await expect(page.getByLabel('Dòng tiêu đề')).toHaveValue('4');
  await expect(page.getByLabel('Ghép cột Tên cơ sở vào')).toHaveValue('name');
  // The clerk corrects a guess: the address column is not wanted this time.
  await page.getByLabel('Ghép cột Địa chỉ vào').selectOption({ label: '— Bỏ qua —' });
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();

  await expect(page.getByRole('tab', { name: 'Sẵn sàng (3)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Lỗi (2)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.checked-rows')).toContainText('Tên cơ sở: không được để trống');
  await expect(page.locator('.checked-rows')).toContainText('Số điện thoại: không hợp lệ');

  const errorReport = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp các dòng lỗi (.xlsx)' }).click();
  expect((await errorReport).suggestedFilename()).toMatch(/^loi-nhap-.*\.xlsx$/);

  await page.getByRole('tab', { name: /Trùng dòng khác trong tệp \(1\)/ }).click();
  await expect(page.locator('.checked-rows')).toContainText('giống dòng 8');
  await page.getByLabel('Cách xử lý dòng 9').selectOption({ label: 'Vẫn nhập thành cơ sở mới' });
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();

  await expect(page.getByRole('heading', { name: 'Đã nhập xong' })).toBeVisible();
  await expect(page.getByText('Thêm mới 4, cập nhật 0, bỏ qua 0, lỗi 2')).toBeVisible();
  await page.getByRole('link', { name: 'Về danh sách cơ sở' }).click();
  await page.getByLabel('Tìm cơ sở').fill('duong sat');
  await expect(listedNames(page)).toHaveText(['Quán cà phê Đường Sắt', 'Quán cà phê Đường Sắt']);
  // The address column was left out, so no address was imported.
  const venues = (await (await request.post(`${signedInUrl}api/venues.list`, { data: { search: 'cho ky bac' } })).json()).value.items;
  expect(venues[0].address).toBe('');
});

test('a TCVN3 list is shown before/after, converted, and found without tone marks', async ({ page, signedInUrl, request }) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues/import`);
  await upload(page, await legacyXlsx('tcvn3'));
  await expect(page.getByLabel('Bảng mã của cột Tên cơ sở')).toHaveValue('tcvn3');
  const row = page.locator('.mapping tbody tr').filter({ has: page.getByLabel('Bảng mã của cột Tên cơ sở') });
  await expect(row.locator('ins').first()).toHaveText('Chợ Kỳ Bắc');
  await expect(row.locator('del').first()).not.toHaveText('Chợ Kỳ Bắc');
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
  await expect(page.getByRole('tab', { name: 'Sẵn sàng (3)' })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nhập xong' })).toBeVisible();
  await page.getByRole('link', { name: 'Về danh sách cơ sở' }).click();
  await page.getByLabel('Tìm cơ sở').fill('ngu binh');
  await expect(listedNames(page)).toHaveText(['Quán bún bò Ngự Bình']);
});

test('a file that is not a spreadsheet gets a clear message and nothing is written', async ({ page, signedInUrl, request }) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues/import`);
  await upload(page, { fileName: 'anh.png', bytesBase64: Buffer.from('not a sheet').toString('base64') });
  await expect(page.getByRole('alert')).toContainText('không phải bảng tính');
  const list = await (await page.request.post(`${signedInUrl}api/venues.list`, { data: {} })).json();
  expect(list.value.total).toBe(0);
});

test('without the office commune the import page does not start and sends the clerk to Settings', async ({ page, signedInUrl, request }) => {
  await request.post(`${signedInUrl}api/units.seedExample`, { data: {} });
  await page.goto(`${signedInUrl}#/venues/import`);
  await expect(page.getByRole('alert')).toContainText('Chưa chọn xã/phường của văn phòng');
  await expect(page.getByLabel('Chọn tệp (.xlsx hoặc .csv)')).toHaveCount(0);
  // Main refuses too, whatever the page shows.
  const refused = await (await request.post(`${signedInUrl}api/imports.open`, { data: await noPhoneXlsx() })).json();
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  await page.getByRole('link', { name: 'Chọn xã/phường trong Cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues/import`);
  await expect(page.getByLabel('Chọn tệp (.xlsx hoặc .csv)')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a row whose phone says "không có" imports, with its warning shown and the words kept in the notes', async ({ page, signedInUrl, request }) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues/import`);
  await upload(page, await noPhoneXlsx());
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();

  await expect(page.getByRole('tab', { name: 'Sẵn sàng (4)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Lỗi (0)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'cảnh báo' })).toHaveText(
    '3 dòng có cảnh báo nhưng vẫn được nhập; xem cảnh báo ở từng dòng.',
  );
  const row = page.locator('.checked-rows tbody tr').filter({ hasText: 'Tạp hoá Cô Ba' });
  await expect(row).toContainText('Cảnh báo: Số điện thoại: “không có” được hiểu là không có số; ghi vào ghi chú');

  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByText('Thêm mới 4, cập nhật 0, bỏ qua 0, lỗi 0')).toBeVisible();
  const [listed] = (await (await request.post(`${signedInUrl}api/venues.list`, { data: { search: 'tap hoa co ba' } })).json()).value.items;
  const venue = (await (await request.post(`${signedInUrl}api/venues.get`, { data: { id: listed.id } })).json()).value.venue;
  expect(venue).toMatchObject({ phones: [], notes: 'Số điện thoại: không có' });
});

test("a valid .xlsx from another program's export, which the streaming reader fails on, is read and imported", async ({ page, signedInUrl, request }) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues/import`);
  await upload(page, await exporterXlsx([['Tên cơ sở', 'Số điện thoại'], ['Quán phở Bà Năm', '0905 222 333'], ['Tạp hoá Cô Ba', '']]));
  await expect(page.getByRole('heading', { name: /Ghép cột của tệp/ })).toBeVisible();
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
  await expect(page.getByRole('tab', { name: 'Sẵn sàng (2)' })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByText('Thêm mới 2, cập nhật 0, bỏ qua 0, lỗi 0')).toBeVisible();
});

test('a 0.76 MB file of 150,000 rows with a cell in the last column is refused naming the sheet, in Vietnamese and English, nothing written', async ({
  page,
  signedInUrl,
  request,
}) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues`);
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  const hostile = HOSTILE_FILES.find((file) => file.name === 'last-column-rows')!;
  // Before issue 12 this file made a row 16,384 cells wide each and took the engine down (4.2 GB).
  await upload(page, { fileName: hostile.fileName, bytesBase64: (await hostile.make()).toString('base64') });
  await expect(page.getByText('Trang tính "Trang1" có hơn 400 cột, quá giới hạn một lần nhập. Hãy xoá các cột không dùng.')).toBeVisible();
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(page.getByText('Sheet "Trang1" has more than 400 columns, over the limit for one import. Delete the columns not used.')).toBeVisible();
  const venues = (await (await request.post(`${signedInUrl}api/venues.list`, { data: { search: '' } })).json()).value.items;
  expect(venues).toEqual([]);
});

test('the villages an import would add are listed before it writes, and a row naming another commune carries a warning', async ({
  page,
  signedInUrl,
  request,
}) => {
  await exampleOffice(request, signedInUrl);
  await page.goto(`${signedInUrl}#/venues/import`);
  await upload(
    page,
    await exporterXlsx([
      ['Tên cơ sở', 'Địa chỉ', 'Thôn'],
      ['Quán cơm Lan', 'Gần cầu', 'Thôn Đồng Lạc'],
      ['Tạp hoá Hùng', '', 'thôn đồng lạc'],
      ['Tiệm may Thu', 'Thôn 3, xã Kỳ Phong', 'Thôn Tân Thượng'],
      ['Nhà nghỉ Sơn', 'Ngã ba xã Kỳ Bắc', 'Xóm Bàu'],
    ]),
  );
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();

  // Listed before "Nhập vào sổ", with their commune and rows; nothing is in the units list yet.
  const villages = page.getByRole('region', { name: 'Sẽ thêm 2 thôn/xóm mới vào danh mục:' });
  await expect(villages.getByRole('listitem')).toHaveText(['Thôn Đồng Lạc (Xã Kỳ Bắc) — 2 dòng', 'Xóm Bàu (Xã Kỳ Bắc) — 1 dòng']);
  const commitButton = page.getByRole('button', { name: 'Nhập vào sổ' });
  expect((await villages.boundingBox())!.y).toBeLessThan((await commitButton.boundingBox())!.y);
  const unitNames = async () => ((await (await request.post(`${signedInUrl}api/units.list`, { data: {} })).json()).value as Array<{ name: string }>).map((unit) => unit.name);
  expect(await unitNames()).not.toContain('Xóm Bàu');

  // The row whose address names Kỳ Phong imports, with its warning; naming its own commune is no warning.
  await expect(page.getByRole('status').filter({ hasText: 'cảnh báo' })).toHaveText('1 dòng có cảnh báo nhưng vẫn được nhập; xem cảnh báo ở từng dòng.');
  const row = page.locator('.checked-rows tbody tr').filter({ hasText: 'Tiệm may Thu' });
  await expect(row).toContainText('Cảnh báo: Địa chỉ: ghi “xã Kỳ Phong”, khác xã của dòng này (Xã Kỳ Bắc)');
  await expect(page.locator('.checked-rows tbody tr').filter({ hasText: 'Nhà nghỉ Sơn' })).not.toContainText('Cảnh báo');

  await commitButton.click();
  await expect(page.getByText('Thêm mới 4, cập nhật 0, bỏ qua 0, lỗi 0')).toBeVisible();
  expect(await unitNames()).toEqual(expect.arrayContaining(['Thôn Đồng Lạc', 'Xóm Bàu']));
});
