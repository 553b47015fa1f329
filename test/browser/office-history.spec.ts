import { call, exampleOffice } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/** An admin reads, in Settings, who changed what across the office, and narrows it to one person. */

test('the admin reads the office history in sentences and narrows it to one person', async ({ page, appUrl }) => {
  const request = page.request;
  const admin = await call(request, appUrl, 'staff.create', { name: 'Nguyễn Thị Lan', role: 'admin' });
  await call(request, appUrl, 'session.start', { staffId: admin.id });
  await exampleOffice(request, appUrl);
  await call(request, appUrl, 'settings.update', { idleLockSeconds: 300 });
  const clerk = await call(request, appUrl, 'staff.create', { name: 'Trần Văn Bình', role: 'clerk' });
  await call(request, appUrl, 'session.start', { staffId: clerk.id });
  const venue = await call(request, appUrl, 'venues.create', { name: 'Chợ Kỳ Bắc', acknowledgeDuplicates: true });
  // The first revoke gives the venue its first code; the second revokes revision 1.
  await call(request, appUrl, 'codes.revoke', { venueId: venue.id, reason: 'lost' });
  await call(request, appUrl, 'codes.revoke', { venueId: venue.id, reason: 'lost' });

  // A clerk is not offered the office's history.
  await page.goto(`${appUrl}#/settings`);
  await expect(page.getByRole('heading', { name: 'Cài đặt', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lịch sử thay đổi của văn phòng' })).toHaveCount(0);

  await call(request, appUrl, 'session.start', { staffId: admin.id });
  await page.reload();
  await page.getByRole('link', { name: 'Lịch sử thay đổi của văn phòng' }).click();
  await expect(page.getByRole('heading', { name: 'Lịch sử thay đổi của văn phòng' })).toBeVisible();
  const rows = page.locator('table.office-history tbody tr');
  await expect(rows.filter({ hasText: 'Trần Văn Bình thu hồi mã lần 1 — lý do: bị mất' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Trần Văn Bình thu hồi mã khi cơ sở chưa có mã — lý do: bị mất' })).toHaveCount(1);
  // Records other than venues read with their own field names, values in words.
  const newClerk = rows.filter({ hasText: 'Nguyễn Thị Lan thêm mới' }).filter({ hasText: 'Trần Văn Bình' });
  await expect(newClerk).toContainText('Họ tên: Trần Văn Bình');
  await expect(newClerk).toContainText('Vai trò: Cán bộ văn phòng');
  await expect(rows.filter({ hasText: 'Xã/phường của văn phòng: — → Xã Kỳ Bắc' })).toHaveCount(1);
  // The idle lock reads in minutes, as it is chosen.
  await expect(rows.filter({ hasText: 'Tự khóa sau: 15 phút → 5 phút' })).toHaveCount(1);
  await expect(page.locator('table.office-history')).not.toContainText('Tên cơ sở: Thôn');

  await page.getByLabel('Người').selectOption({ label: 'Trần Văn Bình' });
  await expect(rows.filter({ hasText: 'Nguyễn Thị Lan' })).toHaveCount(0);
  await expect(rows.first()).toContainText('Trần Văn Bình');

  await page.getByLabel('Từ ngày').fill('31/02/2026');
  await expect(page.getByText('Từ ngày: ngày không có thật.')).toBeVisible();
  await page.getByLabel('Từ ngày').fill('01/01/2099');
  await expect(page.getByText('Không có thay đổi nào khớp bộ lọc.')).toBeVisible();
  await page.getByLabel('Từ ngày').fill('');

  await rows.filter({ hasText: 'thu hồi mã lần 1' }).getByRole('link', { name: 'Chợ Kỳ Bắc' }).click();
  await expect(page.getByRole('heading', { name: /Chợ Kỳ Bắc/ })).toBeVisible();
});
