import type { APIRequestContext } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract';
import { expect, test } from '../support/browser-fixtures';

/** Issue 12: Settings shows the newest good backup, backs up on request, and an admin restores one after a confirmation. */

async function call<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await (await request.post(`${url}api/${name}`, { data: input })).json();
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as OutputOf<N>;
}

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
