import type { APIRequestContext } from '@playwright/test';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/**
 * Issue 11, traps 3 and 8: far-reaching actions ask first, in a modal that names the
 * consequence; revoking sits apart from printing; a round's follow-up is made once.
 */

test('revoking asks in a dialog how many printed posters become outdated; the reason is chosen there, not beside printing', async ({ page, request, signedInUrl: url }) => {
  const venue = await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  const job = await call(request, url, 'posters.createJob', { selection: { kind: 'venues', venueIds: [venue.id] }, template: 'a4' });
  await call(request, url, 'posters.recordPrinted', { jobId: job.jobId });
  await page.goto(`${url}#/venues/${venue.id}`);
  await expect(page.getByText('Mã hiện hành: lần cấp 1')).toBeVisible();
  // Printing's row offers printing only.
  const printRow = page.locator('.actions', { has: page.getByRole('link', { name: 'In áp phích' }) });
  await expect(printRow.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByLabel('Lý do thu hồi')).toHaveCount(0);

  await page.getByRole('button', { name: 'Thu hồi mã…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thu hồi mã và cấp mã mới?' });
  await expect(dialog).toContainText('1 áp phích đã in cho cơ sở này sẽ thành mã cũ');
  // Escape cancels: nothing revoked.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Mã hiện hành: lần cấp 1')).toBeVisible();

  await page.getByRole('button', { name: 'Thu hồi mã…' }).click();
  await dialog.getByLabel('Lý do thu hồi').selectOption({ label: 'Áp phích hỏng' });
  await dialog.getByRole('button', { name: 'Thu hồi và cấp mã mới' }).click();
  await expect(page.getByText('Mã hiện hành: lần cấp 2')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  const queue = await call(request, url, 'posters.queue', {});
  expect(queue.find((entry) => entry.venueId === venue.id)?.reasons).toContain('code_revoked');
});

test('retiring a posting point asks first, naming the point; cancelling keeps it', async ({ page, request, signedInUrl: url }) => {
  const venue = await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await call(request, url, 'postingPoints.add', { venueId: venue.id, label: 'Cổng sau' });
  await page.goto(`${url}#/venues/${venue.id}`);
  const point = page.locator('.points > li').filter({ hasText: 'Cổng sau' });
  await point.getByRole('button', { name: 'Thôi dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thôi dùng vị trí niêm yết?' });
  await expect(dialog).toContainText('Vị trí “Cổng sau” sẽ không còn được in áp phích');
  await expect(dialog.getByRole('button', { name: 'Không, quay lại' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Không, quay lại' }).click();
  await expect(point).not.toContainText('thôi dùng');

  await point.getByRole('button', { name: 'Thôi dùng' }).click();
  await dialog.getByRole('button', { name: 'Thôi dùng vị trí này' }).click();
  await expect(point).toContainText('thôi dùng');
});

async function roundWithFinding(request: APIRequestContext, url: string) {
  const staff = (await call(request, url, 'staff.list', {}))[0];
  const venues = [];
  for (const name of ['Quán phở Hạnh', 'Tạp hoá Minh', 'Chợ Kỳ Bắc']) venues.push(await call(request, url, 'venues.create', { name, acknowledgeDuplicates: true }));
  const round = await call(request, url, 'rounds.create', {
    name: 'Đợt tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: staff.id, name: staff.name }],
    venueIds: venues.map((venue) => venue.id),
  });
  const point = (await call(request, url, 'venues.get', { id: venues[0].id })).postingPoints[0].id;
  await call(request, url, 'visits.save', {
    roundId: round.id,
    venueId: venues[0].id,
    visitedOn: '2026-11-20',
    points: [{ postingPointId: point, results: { ...Object.fromEntries(CHECK_KEYS.map((key) => [key, true])), intact: false } }],
    findings: [{ postingPointId: point, category: 'damaged', action: { kind: 'reprint', dueOn: '2026-11-30', responsible: 'Văn phòng xã' } }],
  });
  return round;
}

test('closing a round with unvisited venues asks in a dialog naming how many; Escape keeps it open', async ({ page, request, signedInUrl: url }) => {
  const round = await roundWithFinding(request, url);
  await page.goto(`${url}#/inspections/${round.id}`);
  await page.getByRole('button', { name: 'Kết thúc đợt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kết thúc đợt kiểm tra?' });
  await expect(dialog).toContainText('Còn 2 cơ sở chưa được kiểm tra.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.status-badge')).toHaveText('Đang kiểm tra');

  await page.getByRole('button', { name: 'Kết thúc đợt' }).click();
  await dialog.getByRole('button', { name: 'Vẫn kết thúc đợt' }).click();
  await expect(page.locator('.status-badge')).toHaveText('Đã kết thúc');
});

test('a round makes one follow-up: a double click makes one, and the round then opens it instead of offering another', async ({ page, request, signedInUrl: url }) => {
  const round = await roundWithFinding(request, url);
  await call(request, url, 'rounds.close', { id: round.id, version: round.version, closeWithUnvisited: true });
  await page.goto(`${url}#/inspections/${round.id}`);
  await page.getByRole('button', { name: 'Đợt kiểm tra lại' }).click();
  await page.getByRole('form', { name: 'Mở đợt kiểm tra lại' }).getByRole('button', { name: 'Mở đợt kiểm tra lại' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kiểm tra lại: Đợt tháng 11');
  const followUps = (await call(request, url, 'rounds.list', {})).filter((other) => other.followUpOf === round.id);
  expect(followUps).toHaveLength(1);

  await page.goto(`${url}#/inspections/${round.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đợt tháng 11');
  await expect(page.getByRole('button', { name: 'Đợt kiểm tra lại' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Mở đợt kiểm tra lại đã tạo' }).click();
  await expect(page).toHaveURL(new RegExp(`#/inspections/${followUps[0].id}$`));
});
