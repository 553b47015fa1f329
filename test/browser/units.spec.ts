import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, signInThroughApi, test } from '../support/browser-fixtures';

/** A unit's row in the tree: a group named after the unit, holding its labels and buttons. */
const unitRow = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const notice = (page: Page) => page.locator('.units-page').getByRole('status');

async function post<T>(page: Page, appUrl: string, operation: string, data: unknown): Promise<T> {
  const answer = await (await page.request.post(`${appUrl}api/${operation}`, { data })).json();
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return answer.value as T;
}

test('the example units, a village added by hand, and a merge that takes its venue along', async ({ page, appUrl }) => {
  await signInThroughApi(page.request, appUrl, 'Nguyễn Văn An');
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
  await expect(page.getByRole('heading', { name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(page.getByText('Chưa có đơn vị hành chính nào')).toBeVisible();

  // The example, labelled as one, as an indented tree; a second press adds nothing.
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  await expect(notice(page)).toHaveText('Đã thêm 9 đơn vị mẫu, ghi rõ “Ví dụ”.');
  await expect(unitRow(page, 'Tỉnh Hà Tĩnh')).toContainText('Ví dụ');
  await expect(unitRow(page, 'Xóm Ga')).toContainText('Thôn/xóm/tổ dân phố');
  const commune = (await unitRow(page, 'Xã Kỳ Bắc').getByText('Xã Kỳ Bắc').boundingBox())!;
  const village = (await unitRow(page, 'Xóm Ga').getByText('Xóm Ga').boundingBox())!;
  expect(village.x).toBeGreaterThan(commune.x);
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  await expect(notice(page)).toHaveText('Dữ liệu mẫu đã có sẵn.');

  // A village added by hand under Kỳ Phong.
  await unitRow(page, 'Xã Kỳ Phong').getByRole('button', { name: 'Thêm thôn/xóm' }).click();
  const addForm = page.getByRole('form', { name: 'Thêm thôn/xóm vào Xã Kỳ Phong' });
  await addForm.getByLabel('Tên').fill('  Thôn Nam Phong ');
  await addForm.getByRole('button', { name: 'Lưu' }).click();
  await expect(notice(page)).toHaveText('Đã thêm “Thôn Nam Phong”.');
  await expect(unitRow(page, 'Thôn Nam Phong')).toBeVisible();
  const units = await post<{ id: string; name: string; parentId: string }[]>(page, appUrl, 'units.list', {});
  const ids = Object.fromEntries(units.map((unit) => [unit.name, unit.id]));
  expect(units.find((unit) => unit.name === 'Thôn Nam Phong')?.parentId).toBe(ids['Xã Kỳ Phong']);

  // A venue in Kỳ Bắc, then Kỳ Bắc merged into Kỳ Phong.
  const venue = await post<{ id: string }>(page, appUrl, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market', communeId: ids['Xã Kỳ Bắc'] });
  await page.reload();
  await expect(unitRow(page, 'Xã Kỳ Bắc')).toContainText('1 cơ sở');
  await unitRow(page, 'Xã Kỳ Bắc').getByRole('button', { name: 'Gộp vào…' }).click();
  const mergeForm = page.getByRole('form', { name: 'Gộp Xã Kỳ Bắc vào đơn vị khác' });
  await mergeForm.getByLabel('Gộp vào').selectOption({ label: 'Xã Kỳ Phong (Huyện Kỳ Anh)' });
  await expect(mergeForm).toContainText('1 cơ sở sẽ chuyển sang Xã Kỳ Phong.');
  await expect(mergeForm).toContainText('3 đơn vị trực thuộc sẽ chuyển sang Xã Kỳ Phong.');
  await mergeForm.getByRole('button', { name: 'Gộp', exact: true }).click();
  await expect(notice(page)).toHaveText('Đã gộp Xã Kỳ Bắc vào Xã Kỳ Phong; 1 cơ sở đã chuyển.');

  // The venue and the villages are now under Kỳ Phong; Kỳ Bắc stays on record, merged.
  await expect(unitRow(page, 'Xã Kỳ Bắc')).toHaveCount(0);
  await expect(unitRow(page, 'Xã Kỳ Phong')).toContainText('1 cơ sở');
  const kyPhong = page.getByRole('listitem').filter({ has: unitRow(page, 'Xã Kỳ Phong') }).last();
  await expect(kyPhong.getByRole('group', { name: 'Xóm Ga', exact: true })).toBeVisible();
  await page.getByLabel('Hiện cả đơn vị đã thôi dùng').check();
  await expect(unitRow(page, 'Xã Kỳ Bắc')).toContainText('Đã gộp vào Xã Kỳ Phong');

  const moved = await post<{ venue: { communeId: string } }>(page, appUrl, 'venues.get', { id: venue.id });
  expect(moved.venue.communeId).toBe(ids['Xã Kỳ Phong']);
  const history = await post<{ action: string; staffName: string }[]>(page, appUrl, 'audit.list', { entity: 'venue', entityId: venue.id });
  expect(history.map((entry) => entry.action)).toEqual(['unit_merge', 'create']);
  expect(history[0].staffName).toBe('Nguyễn Văn An');
});

test('the official list is imported from an .xlsx the clerk picks; a wrong file is refused, nothing imported', async ({ page, appUrl }) => {
  await signInThroughApi(page.request, appUrl, 'Nguyễn Văn An');
  await page.goto(`${appUrl}#/settings/units`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of [
    ['DANH MỤC ĐƠN VỊ HÀNH CHÍNH'],
    [],
    ['Mã TP', 'Tỉnh / Thành phố', 'Mã PX', 'Phường Xã', 'Cấp'],
    ['42', 'Tỉnh Hà Tĩnh', '18070', 'Kỳ Bắc', 'Xã'],
    ['42', 'Tỉnh Hà Tĩnh', '18073', 'Kỳ Phong', 'Xã'],
  ]) {
    sheet.addRow(row);
  }
  const picker = page.getByLabel('Nhập danh mục từ Excel (.xlsx)…');
  const xlsx = { name: 'danh-muc.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

  await picker.setInputFiles({ ...xlsx, buffer: Buffer.from('Tỉnh;Mã TP\nHà Tĩnh;42\n') });
  await expect(page.locator('.units-page').getByRole('alert')).toContainText('Chưa có gì được nhập.');
  await expect(page.getByText('Chưa có đơn vị hành chính nào')).toBeVisible();

  await picker.setInputFiles({ ...xlsx, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
  await expect(notice(page)).toHaveText('Đã nhập 1 tỉnh/thành phố, 0 quận/huyện, 2 xã/phường: thêm mới 3, cập nhật 0.');
  await expect(unitRow(page, 'Xã Kỳ Bắc')).toContainText('Mã 18070');
  await expect(page.locator('.units-page').getByRole('alert')).toHaveCount(0);
});
