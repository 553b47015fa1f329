import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/**
 * Issue 11, trap 1: a half-entered visit no longer vanishes when the clerk clicks the sidebar.
 * Leaving asks in the app's dialog; the visit's draft, photo included, is offered back after
 * navigating and after a restart, and is gone once the visit is saved. Other forms ask too.
 */

/** A small grey photo: enough for the form to prepare a JPEG and its thumbnail. */
function photo(): Buffer {
  const png = new PNG({ width: 200, height: 150 });
  png.data.fill(150);
  return PNG.sync.write(png);
}

/** Today in Vietnam, yyyy-MM-dd: the round must include the visit's default day. */
const vietnamToday = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

const draftsKept = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('diemqr-drafts', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('visits');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('visits').objectStore('visits').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

test('a half-entered visit: the sidebar asks first, and the draft with its photo comes back after navigating and a restart', async ({
  page,
  request,
  signedInUrl: url,
}) => {
  test.setTimeout(90_000);
  const venue = await call(request, url, 'venues.create', { name: 'Tạp hoá Minh Khai', ownerName: 'Phạm Văn Minh' });
  const staff = (await call(request, url, 'staff.list', {}))[0];
  const round = await call(request, url, 'rounds.create', {
    name: 'Đợt tháng 6',
    startsOn: vietnamToday(),
    team: [{ staffId: staff.id, name: staff.name }],
    venueIds: [venue.id],
  });
  const visitUrl = `${url}#/inspections/${round.id}/visit/${venue.id}`;
  await page.goto(visitUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(venue.name);

  // A finding, its description and a photo: the half-entered visit of the issue.
  const intact = page.getByRole('checkbox', { name: 'Còn nguyên vẹn, đọc được (không rách, phai, ướt)' });
  await intact.uncheck();
  const finding = page.getByRole('group', { name: /Tồn tại 1: Mã bị rách, hỏng, phai/ });
  await finding.getByLabel('Mô tả').fill('Áp phích rách chéo qua mã');
  await finding.getByLabel(/Thêm ảnh — Tồn tại 1/).setInputFiles({ name: 'ap-phich.png', mimeType: 'image/png', buffer: photo() });
  await expect(finding.getByRole('img', { name: 'ap-phich.jpg' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Bản nháp đã lưu lúc \d\d:\d\d$/ })).toBeVisible();

  // The sidebar asks, in the app's dialog; staying keeps everything as typed.
  const sidebar = page.getByRole('navigation').getByRole('link', { name: 'Cơ sở', exact: true });
  await sidebar.click();
  const dialog = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(dialog).toContainText('bản nháp (cả ảnh) được giữ lại');
  await expect(dialog.getByRole('button', { name: 'Ở lại trang này' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Ở lại trang này' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(finding.getByLabel('Mô tả')).toHaveValue('Áp phích rách chéo qua mã');
  expect(page.url()).toBe(visitUrl);

  // Leaving keeps the draft; coming back offers it, and carrying on brings back text and photo.
  await sidebar.click();
  await dialog.getByRole('button', { name: 'Rời trang, giữ bản nháp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cơ sở');
  await page.goBack();
  const offer = page.getByRole('region', { name: /^Có bản nháp chưa lưu từ \d\d:\d\d\.$/ });
  await expect(offer).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Có niêm yết mã QR' })).toHaveCount(0);
  await offer.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(finding.getByLabel('Mô tả')).toHaveValue('Áp phích rách chéo qua mã');
  await expect(finding.getByRole('img', { name: 'ap-phich.jpg' })).toBeVisible();
  await expect(intact).not.toBeChecked();

  // A restart (the page loaded afresh) offers it again; saved, the visit has its photo and the draft is gone.
  await page.reload();
  await offer.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(finding.getByRole('img', { name: 'ap-phich.jpg' })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu kết quả (1 tồn tại)' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu kết quả tại ${venue.name}: 1 tồn tại.` })).toBeVisible();
  const saved = await call(request, url, 'rounds.get', { id: round.id });
  expect(saved.visits[0].findings[0].note).toBe('Áp phích rách chéo qua mã');
  expect(saved.visits[0].findings[0].photos).toHaveLength(1);
  await expect.poll(() => draftsKept(page)).toBe(0);
  // Back on the round's list, nothing asks: the saved visit left nothing unsaved.
  await sidebar.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cơ sở');
});

test('a discarded draft is gone: the venue opens on a fresh form', async ({ page, request, signedInUrl: url }) => {
  const venue = await call(request, url, 'venues.create', { name: 'Quán phở Hạnh' });
  const staff = (await call(request, url, 'staff.list', {}))[0];
  const round = await call(request, url, 'rounds.create', {
    name: 'Đợt tháng 7',
    startsOn: vietnamToday(),
    team: [{ staffId: staff.id, name: staff.name }],
    venueIds: [venue.id],
  });
  await page.goto(`${url}#/inspections/${round.id}/visit/${venue.id}`);
  await page.getByLabel('Ghi chú chung').fill('Chủ quán vắng');
  await expect(page.getByRole('status').filter({ hasText: /^Bản nháp đã lưu lúc/ })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await expect(page.getByLabel('Ghi chú chung')).toHaveValue('');
  await expect.poll(() => draftsKept(page)).toBe(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Có niêm yết mã QR' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bỏ bản nháp' })).toHaveCount(0);
});

test('a venue form with changes asks before the sidebar takes the clerk away; a saved one does not', async ({ page, signedInUrl: url }) => {
  await page.goto(`${url}#/venues/new`);
  await page.getByLabel('Tên cơ sở').fill('Nhà thuốc Hoà Bình');
  await page.getByRole('navigation').getByRole('link', { name: 'Kiểm tra', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(dialog).toContainText('chưa được lưu và sẽ mất');
  await dialog.getByRole('button', { name: 'Ở lại trang này' }).click();
  await expect(page.getByLabel('Tên cơ sở')).toHaveValue('Nhà thuốc Hoà Bình');

  // Saved, the form's own navigation to the list goes through without asking.
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cơ sở');
  await expect(dialog).toHaveCount(0);
});

test('a scan count typed on a venue page asks before the sidebar leaves it; a recorded one does not', async ({ page, request, signedInUrl: url }) => {
  const venue = await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await page.goto(`${url}#/venues/${venue.id}`);
  const form = page.getByRole('form', { name: 'Ghi số lượt quét bằng tay' });
  await form.getByLabel('Số lượt quét').fill('120');
  const sidebar = page.getByRole('navigation').getByRole('link', { name: 'Cơ sở', exact: true });
  await sidebar.click();
  const dialog = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await dialog.getByRole('button', { name: 'Rời trang, bỏ thay đổi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cơ sở');

  await page.goBack();
  await form.getByLabel('Từ ngày').fill('01/10/2026');
  await form.getByLabel('Đến ngày').fill('31/10/2026');
  await form.getByLabel('Số lượt quét').fill('120');
  await form.getByRole('button', { name: 'Ghi số lượt quét' }).click();
  await expect(form.getByRole('status')).toContainText('Đã ghi 120 lượt');
  await sidebar.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cơ sở');
  await expect(dialog).toHaveCount(0);
});

/** Types into a form, then the sidebar asks: staying keeps the text, leaving goes. */
async function asksBeforeLeaving(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await field.fill(text);
  const sidebar = page.getByRole('navigation').getByRole('link', { name: 'Kiểm tra', exact: true });
  await sidebar.click();
  const dialog = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(dialog).toContainText('chưa được lưu và sẽ mất');
  await dialog.getByRole('button', { name: 'Ở lại trang này' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(field).toHaveValue(text);
  await sidebar.click();
  await dialog.getByRole('button', { name: 'Rời trang, bỏ thay đổi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đợt kiểm tra');
}

test('a village being added, a posting point typed beside the scan count form, and a staff name: each asks before the sidebar leaves it', async ({
  page,
  request,
  signedInUrl: url,
}) => {
  test.setTimeout(90_000);
  await call(request, url, 'units.seedExample', {});
  await page.goto(`${url}#/settings/units`);
  await page.getByRole('group', { name: 'Xã Kỳ Phong', exact: true }).getByRole('button', { name: 'Thêm thôn/xóm' }).click();
  await asksBeforeLeaving(page, page.getByRole('form', { name: 'Thêm thôn/xóm vào Xã Kỳ Phong' }).getByLabel('Tên'), 'Thôn Nam Phong');

  // The venue page holds several forms: the posting point's guard is asked even though the scan count's came later.
  const venue = await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await page.goto(`${url}#/venues/${venue.id}`);
  await asksBeforeLeaving(page, page.getByLabel('Tên vị trí mới'), 'Cổng phía Đông');

  await page.goto(`${url}#/settings/staff`);
  await asksBeforeLeaving(page, page.getByRole('textbox', { name: 'Họ và tên' }), 'Trần Thị Mai');
});
