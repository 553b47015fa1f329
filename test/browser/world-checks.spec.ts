import type { APIRequestContext } from '@playwright/test';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/**
 * Issue 11, traps 6 and 7: checks that match the world (no visit in the future, more scans
 * than people entering confirmed, a day that does not exist and a number out of range each in
 * their own words, a person's name on the first-run screen) and the history in sentences.
 */

/** An admin (who may inspect and print) working, a venue, and an open round that plans it. */
async function roundWithVenue(request: APIRequestContext, url: string) {
  const lan = await call(request, url, 'staff.create', { name: 'Nguyễn Thị Lan', role: 'admin' });
  await call(request, url, 'session.start', { staffId: lan.id });
  const venue = await call(request, url, 'venues.create', { name: 'Tạp hoá Bà Hương', type: 'shop' });
  const round = await call(request, url, 'rounds.create', {
    name: 'Đợt kiểm tra tháng 11',
    startsOn: vietnamIsoDay(-30),
    team: [{ staffId: lan.id, name: lan.name }],
    venueIds: [venue.id],
  });
  return { venue, round };
}

/** yyyy-MM-dd of the day `days` after today in Vietnam (UTC+7, no summer time). */
const vietnamIsoDay = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The same day as the clerk types it, dd/MM/yyyy. */
const vietnamDay = (days: number) => vietnamIsoDay(days).split('-').reverse().join('/');

const visitsOf = async (request: APIRequestContext, url: string, id: string) => (await call(request, url, 'rounds.get', { id })).visits;

test('a visit dated tomorrow is refused on its date field and nothing is saved', async ({ page, appUrl, request }) => {
  const { venue, round } = await roundWithVenue(request, appUrl);
  await page.goto(`${appUrl}#/inspections/${round.id}/visit/${venue.id}`);
  const day = page.getByLabel('Ngày kiểm tra');
  await day.fill(vietnamDay(1));
  await expect(page.locator('.visit-day .field-error')).toHaveText('Ngày kiểm tra không được sau ngày hôm nay.');
  await page.locator('form.visit-form button[type="submit"]').click();
  await expect(page.locator('form.visit-form p.error')).toHaveText('Ngày kiểm tra không được sau ngày hôm nay.');
  expect(await visitsOf(request, appUrl, round.id)).toEqual([]);
  // The back end refuses it too, whoever sends it.
  const answer = await (await request.post(`${appUrl}api/visits.save`, { data: { roundId: round.id, venueId: venue.id, visitedOn: '2099-01-01', points: [] } })).json();
  expect(answer.error).toMatchObject({ field: 'visitedOn', reason: 'in_future' });
});

test('more scans than people entering asks for confirmation instead of showing 100 %', async ({ page, appUrl, request }) => {
  const { venue, round } = await roundWithVenue(request, appUrl);
  await page.goto(`${appUrl}#/inspections/${round.id}/visit/${venue.id}`);
  await page.getByLabel('Ngày kiểm tra').fill(vietnamDay(0));
  await page.getByLabel('Số phút').fill('15');
  await page.getByLabel('Người vào').fill('10');
  await page.getByLabel('Lượt quét').fill('50');
  await expect(page.locator('.door-count output')).toHaveText('Lượt quét nhiều hơn người vào: kiểm tra lại hai số');
  await page.locator('form.visit-form button[type="submit"]').click();
  const confirm = page.getByRole('alert').filter({ hasText: 'số lượt quét (50) nhiều hơn số người vào (10)' });
  await expect(confirm).toBeVisible();
  expect(await visitsOf(request, appUrl, round.id)).toEqual([]);

  await confirm.getByRole('button', { name: 'Đúng như vậy, vẫn lưu' }).click();
  await expect.poll(async () => (await visitsOf(request, appUrl, round.id)).length).toBe(1);
  expect((await visitsOf(request, appUrl, round.id))[0].points[0].observation).toMatchObject({ peopleEntering: 10, scans: 50 });
});

test('31/02/2026 is a date that does not exist and latitude 200 is out of range', async ({ page, appUrl, request }) => {
  const { venue, round } = await roundWithVenue(request, appUrl);
  await page.goto(`${appUrl}#/inspections/${round.id}/visit/${venue.id}`);
  await page.getByLabel('Ngày kiểm tra').fill('31/02/2026');
  await expect(page.getByText('Ngày kiểm tra: ngày không có thật.')).toBeVisible();
  await expect(page.getByText('Hãy nhập ngày dạng ngày/tháng/năm')).toHaveCount(0);

  await page.goto(`${appUrl}#/venues/new`);
  await page.getByLabel('Tên cơ sở').fill('Quán ở cực');
  await page.getByLabel('Vĩ độ').fill('200');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Vĩ độ nằm ngoài giới hạn cho phép.')).toBeVisible();
  await expect(page.getByText('Vĩ độ quá dài.')).toHaveCount(0);
});

test('the first-run name error names a person’s name, not a venue’s', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Bắt đầu làm việc' }).click();
  await expect(page.getByRole('alert')).toHaveText('Họ và tên không được để trống.');
});

test('the change history reads in sentences with names: a revoked code, a new one, an inspection', async ({ page, appUrl, request }) => {
  const { venue, round } = await roundWithVenue(request, appUrl);
  await call(request, appUrl, 'codes.ensure', { venueId: venue.id });
  await call(request, appUrl, 'codes.revoke', { venueId: venue.id, reason: 'lost' });
  await call(request, appUrl, 'visits.save', { roundId: round.id, venueId: venue.id, visitedOn: vietnamIsoDay(0), points: [] });
  await page.goto(`${appUrl}#/venues/${venue.id}`);
  const history = page.locator('.audit > li');
  await expect(history.filter({ hasText: 'Nguyễn Thị Lan ghi kết quả kiểm tra trong đợt “Đợt kiểm tra tháng 11”: không có tồn tại' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'Nguyễn Thị Lan cấp mã lần 2 (mã do xã cấp)' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'Nguyễn Thị Lan thu hồi mã lần 1 — lý do: bị mất' })).toHaveCount(1);
  await expect(page.locator('.audit')).not.toContainText(round.id);
  await expect(page.locator('.audit')).not.toContainText('code_issued');
  await expect(page.locator('.audit')).not.toContainText('reason');
});
