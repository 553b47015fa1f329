import type { APIRequestContext, Page } from '@playwright/test';
import type { StaffRole } from '../../shared/domain/staff';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/**
 * What a role may not do is not offered: the pages hide the buttons, links and sections
 * main would refuse with FORBIDDEN. An inspector and an admin look at the same pages of
 * the same install.
 */

/** A new install: its first person (an admin) adds the units, the office's commune and a venue; then `role` says they are working. */
async function workAs(request: APIRequestContext, url: string, role: StaffRole): Promise<{ venueId: string }> {
  const admin = await call(request, url, 'staff.create', { name: 'Trần Văn Quản', role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  await call(request, url, 'units.seedExample', {});
  const commune = (await call(request, url, 'units.list', {})).find((unit) => unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: commune.id });
  const venue = await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc' });
  if (role !== 'admin') {
    const person = await call(request, url, 'staff.create', { name: 'Lê Thị Kiểm', role });
    await call(request, url, 'session.start', { staffId: person.id });
  }
  return { venueId: venue.id };
}

const nav = (page: Page) => page.getByRole('navigation');

test('an inspector is not offered what only clerks, leaders or admins may do', async ({ page, appUrl }) => {
  const { venueId } = await workAs(page.request, appUrl, 'inspector');

  await page.goto(`${appUrl}#/venues`);
  await expect(page.getByRole('heading', { name: 'Danh sách cơ sở' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Kiểm tra' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Mã QR & áp phích' })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Gửi lên cấp trên' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Thêm cơ sở' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nhập từ Excel' })).toHaveCount(0);

  await page.goto(`${appUrl}#/venues/${venueId}`);
  await expect(page.getByRole('heading', { name: /Chợ Kỳ Bắc/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sửa', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Thêm vị trí' })).toHaveCount(0);

  await page.goto(`${appUrl}#/inspections`);
  await expect(page.getByRole('link', { name: 'Mở đợt kiểm tra mới' })).toBeVisible();

  await page.goto(`${appUrl}#/reports`);
  await expect(page.getByRole('heading', { name: 'Báo cáo', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lập báo cáo' })).toHaveCount(0);

  await page.goto(`${appUrl}#/settings`);
  await expect(page.getByRole('heading', { name: 'Cài đặt', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cán bộ' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Tin khoá của văn phòng khác' })).toHaveCount(0);
  await expect(page.getByLabel('Xã/phường của văn phòng')).toHaveCount(0);
});

test('an admin is offered all of it', async ({ page, appUrl }) => {
  const { venueId } = await workAs(page.request, appUrl, 'admin');

  await page.goto(`${appUrl}#/venues`);
  await expect(nav(page).getByRole('link', { name: 'Mã QR & áp phích' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Gửi lên cấp trên' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Thêm cơ sở' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nhập từ Excel' })).toBeVisible();

  await page.goto(`${appUrl}#/venues/${venueId}`);
  await expect(page.getByRole('link', { name: 'Sửa', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm vị trí' })).toBeVisible();

  await page.goto(`${appUrl}#/reports`);
  await expect(page.getByRole('button', { name: 'Lập báo cáo' })).toBeVisible();

  await page.goto(`${appUrl}#/settings`);
  await expect(page.getByRole('link', { name: 'Cán bộ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tin khoá của văn phòng khác' })).toBeVisible();
  await expect(page.getByLabel('Xã/phường của văn phòng')).toBeVisible();
  await page.getByRole('link', { name: 'Cán bộ' }).click();
  await expect(page.getByRole('button', { name: 'Thêm cán bộ' })).toBeVisible();
});
