import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate } from '../../shared/text/date';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/** Issue 12: Settings shows the newest good backup, backs up on request, and an admin restores one after a confirmation. */

test('backing up from Settings, then restoring it after the dialog names what is lost', async ({ page, request, appUrl: url }) => {
  const admin = await call(request, url, 'staff.create', { name: 'Lê Văn Quản', role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  // An office already set up, so the first page is the dashboard, not the first-run set-up.
  await call(request, url, 'units.seedExample', {});
  const commune = (await call(request, url, 'units.list', {})).find((unit) => unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: commune.id });
  await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await page.goto(`${url}#/`);
  await expect(page.getByText('Chưa có bản sao lưu nào của dữ liệu. Hãy sao lưu trong Cài đặt.')).toBeVisible();

  await page.goto(`${url}#/settings`);
  const section = page.getByRole('region', { name: 'Sao lưu dữ liệu' });
  await expect(section.getByText('Chưa có bản sao lưu nào. Hãy bấm “Sao lưu ngay”.')).toBeVisible();
  await section.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(section.getByText('Đã sao lưu và kiểm tra bản sao lưu.')).toBeVisible();
  await expect(section.getByText(/^Bản sao lưu tốt gần nhất: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: 'Sao lưu ngay' });
  await expect(row.getByRole('cell')).toHaveText([/\d{2}\/\d{2}\/\d{4}/, 'Sao lưu ngay', '1', '1', '0', 'Khôi phục…']);
  // The list to restore from belongs to the backups proper, before the second place's own sub-section.
  const secondPlace = section.getByRole('region', { name: 'Nơi sao lưu thứ hai' });
  await expect(secondPlace).toBeVisible();
  await expect(secondPlace.getByRole('button', { name: 'Khôi phục…' })).toHaveCount(0);
  const restoreFirst = await row.getByRole('button', { name: 'Khôi phục…' }).evaluate(
    (button, region) => (button.compareDocumentPosition(region!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    await secondPlace.elementHandle(),
  );
  expect(restoreFirst).toBe(true);

  await call(request, url, 'venues.create', { name: 'Quán Gió', type: 'shop' });
  await row.getByRole('button', { name: 'Khôi phục…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Khôi phục bản sao lưu / });
  await expect(dialog).toContainText('Dữ liệu hiện tại được sao lưu trước');
  await expect(dialog.getByRole('button', { name: 'Không, quay lại' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Khôi phục bản sao lưu này' }).click();
  // As after a restart: nobody is working.
  await expect(page.getByRole('heading', { name: 'Ai đang làm việc?' })).toBeVisible();
  await call(request, url, 'session.start', { staffId: admin.id });
  expect((await call(request, url, 'venues.list', { limit: 10 })).items.map((venue) => venue.name)).toEqual(['Chợ Kỳ Bắc']);
  const reasons = (await call(request, url, 'backups.list', {})).backups.map((backup) => backup.reason);
  expect(reasons).toEqual(['before-restore', 'manual']);
});

test('a clerk sees the backups but no restore', async ({ page, request, appUrl: url }) => {
  const admin = await call(request, url, 'staff.create', { name: 'Lê Văn Quản', role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  await call(request, url, 'backups.make', {});
  const clerk = await call(request, url, 'staff.create', { name: 'Trần Thị Thư', role: 'clerk' });
  await call(request, url, 'session.start', { staffId: clerk.id });
  await page.goto(`${url}#/settings`);
  const section = page.getByRole('region', { name: 'Sao lưu dữ liệu' });
  await expect(section.getByRole('row')).toHaveCount(2);
  await expect(section.getByRole('button', { name: 'Khôi phục…' })).toHaveCount(0);
});

test('choosing a second place: backups are copied there, and the dashboard warns when it is unplugged', async ({ page, request, appUrl: url }) => {
  const admin = await call(request, url, 'staff.create', { name: 'Lê Văn Quản', role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  await call(request, url, 'units.seedExample', {});
  const commune = (await call(request, url, 'units.list', {})).find((unit) => unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: commune.id });
  const made = await call(request, url, 'backups.make', {});
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'diemqr-stick-'));
  try {
    await page.goto(`${url}#/settings`);
    const section = page.getByRole('region', { name: 'Sao lưu dữ liệu' });
    await expect(section.getByText(/^Chưa chọn nơi thứ hai/)).toBeVisible();
    const folder = section.getByRole('textbox', { name: 'Thư mục nơi thứ hai' });
    await folder.fill(path.join(stick, 'not-there'));
    await section.getByRole('button', { name: 'Chọn nơi này' }).click();
    await expect(section.getByText('Không thấy thư mục này. Hãy cắm USB hoặc chọn thư mục khác.')).toBeVisible();
    await folder.fill(stick);
    await section.getByRole('button', { name: 'Chọn nơi này' }).click();
    await expect(section.getByText('Đã chọn nơi thứ hai và chép bản sao lưu mới nhất sang đó.')).toBeVisible();
    await expect(section.getByText(`Mỗi bản sao lưu tốt được chép sang: ${stick}`)).toBeVisible();
    expect(fs.existsSync(path.join(stick, 'DiemQR-backups', made.id, 'manifest.json'))).toBe(true);

    // The stick unplugged: the dashboard and Settings say since when the second place has had nothing.
    fs.rmSync(stick, { recursive: true });
    const warning = `Chưa sao lưu được sang nơi thứ hai (${stick}) từ ${formatDate(made.createdAt)}. Hãy cắm USB hoặc kiểm tra ổ đĩa đó, rồi bấm “Sao lưu ngay”.`;
    await page.goto(`${url}#/`);
    await expect(page.getByText(warning)).toBeVisible();
    await page.goto(`${url}#/settings`);
    await section.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect(section.getByText('Đã sao lưu và kiểm tra bản sao lưu.')).toBeVisible();
    await expect(section.getByText(warning)).toBeVisible();
  } finally {
    fs.rmSync(stick, { recursive: true, force: true });
  }
});

test('a full copy exported from Settings opens again after the confirmation; a damaged one is refused; the first-run set-up offers it', async ({ page, request, appUrl: url }) => {
  const admin = await call(request, url, 'staff.create', { name: 'Lê Văn Quản', role: 'admin' });
  await call(request, url, 'session.start', { staffId: admin.id });
  // A new PC: the set-up page offers to open the old one's full copy.
  await page.goto(`${url}#/`);
  await expect(page.getByText('Mở bản sao đầy đủ…')).toBeVisible();

  await call(request, url, 'units.seedExample', {});
  const commune = (await call(request, url, 'units.list', {})).find((unit) => unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: commune.id });
  await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await page.goto(`${url}#/settings`);
  const section = page.getByRole('region', { name: 'Sao lưu dữ liệu' });
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Xuất bản sao đầy đủ' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^DiemQR-ban-sao-day-du-\d{4}-\d{2}-\d{2}\.diemqr-backup$/);
  const bytes = fs.readFileSync(await download.path());
  await expect(section.getByText(/^Đã tạo bản sao đầy đủ/)).toBeVisible();

  const chooser = section.locator('input[type=file][accept=".diemqr-backup"]');
  const damaged = Buffer.from(bytes);
  damaged[Math.floor(damaged.length / 2)] ^= 0xff;
  await chooser.setInputFiles({ name: 'hong.diemqr-backup', mimeType: 'application/zip', buffer: damaged });
  await page.getByRole('dialog').getByRole('button', { name: 'Mở bản sao này' }).click();
  await expect(section.getByRole('alert')).toHaveText(/bị hỏng hoặc đã bị sửa|không phải bản sao đầy đủ/);

  await call(request, url, 'venues.create', { name: 'Quán Gió', type: 'shop' });
  await chooser.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: bytes });
  const dialog = page.getByRole('dialog', { name: /^Mở bản sao đầy đủ / });
  await expect(dialog).toContainText('Dữ liệu hiện tại trên máy này được sao lưu trước');
  await dialog.getByRole('button', { name: 'Mở bản sao này' }).click();
  await expect(page.getByRole('heading', { name: 'Ai đang làm việc?' })).toBeVisible();
  await call(request, url, 'session.start', { staffId: admin.id });
  expect((await call(request, url, 'venues.list', { limit: 10 })).items.map((venue) => venue.name)).toEqual(['Chợ Kỳ Bắc']);
  expect((await call(request, url, 'backups.list', {})).backups.map((backup) => backup.reason)).toContain('full-copy');
});
