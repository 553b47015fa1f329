import type { Page } from '@playwright/test';
import { expect, test } from '../support/browser-fixtures';
import { addVenueThroughForm, listedNames as rowNames } from '../support/venue-pages';

const addVenue = (page: Page, name: string, type?: string) => addVenueThroughForm(page, { name, type });

test('a clerk adds venues, sees them listed and finds them without tone marks', async ({ page, signedInUrl: appUrl }) => {
  await page.goto(`${appUrl}#/venues`);
  await expect(page.getByRole('heading', { name: 'Danh sách cơ sở' })).toBeVisible();
  await expect(page.getByText('Chưa có cơ sở nào')).toBeVisible();

  await addVenue(page, 'Chợ Kỳ Bắc', 'Chợ');
  await addVenue(page, 'Quán cà phê Đường Sắt', 'Quán cà phê, giải khát');
  await addVenue(page, 'Nhà nghỉ Hoà Bình', 'Khách sạn, nhà nghỉ');

  // Listed in Vietnamese order, with their codes and types.
  await expect(rowNames(page)).toHaveText(['Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình', 'Quán cà phê Đường Sắt']);
  await expect(page.getByText('3 cơ sở')).toBeVisible();
  const firstRow = page.locator('.venue-scroller [role="row"]').first();
  await expect(firstRow).toContainText('CS-0001');
  await expect(firstRow).toContainText('Chợ');

  const search = page.getByLabel('Tìm cơ sở');
  for (const [typed, expected] of [
    ['cho ky bac', 'Chợ Kỳ Bắc'],
    ['duong sat', 'Quán cà phê Đường Sắt'],
    ['hòa bình', 'Nhà nghỉ Hoà Bình'],
  ] as const) {
    await search.fill(typed);
    await expect(rowNames(page)).toHaveText([expected]);
  }

  // Answers while typing, one key at a time.
  await search.fill('');
  await search.pressSequentially('cho k', { delay: 30 });
  await expect(rowNames(page)).toHaveText(['Chợ Kỳ Bắc']);

  await search.fill('khong co dau nay');
  await expect(page.getByText('Không tìm thấy cơ sở nào')).toBeVisible();

  // Survives a reload: it is in the database, not in the page.
  await page.reload();
  await expect(rowNames(page)).toHaveCount(3);
});

test('an empty name shows a Vietnamese message on the field and saves nothing', async ({ page, signedInUrl: appUrl }) => {
  await page.goto(`${appUrl}#/venues`);
  await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
  await page.getByLabel('Tên cơ sở').fill('    ');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Tên cơ sở không được để trống.')).toBeVisible();
  await expect(page.getByLabel('Tên cơ sở')).toHaveAttribute('aria-invalid', 'true');

  const list = await page.request.post(`${appUrl}api/venues.list`, { data: {} });
  expect((await list.json()).value.total).toBe(0);
});

test('the back end refuses an empty name too, whatever the page does', async ({ page, signedInUrl: appUrl }) => {
  await page.goto(appUrl);
  const answer = await page.evaluate(async () => {
    const response = await fetch('api/venues.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    return response.json();
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name', reason: 'required' } });
});

test('a name with markup is shown as text, never run', async ({ page, signedInUrl: appUrl }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto(`${appUrl}#/venues`);
  await addVenue(page, hostile);
  await expect(rowNames(page)).toHaveText([hostile]);
  await expect(page.locator('.venue-scroller img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('the interface switches to English and back', async ({ page, signedInUrl: appUrl }) => {
  await page.goto(`${appUrl}#/venues`);
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Venues' })).toBeVisible();
  await page.getByRole('link', { name: 'Add venue' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Venue name is required.')).toBeVisible();
  await page.getByLabel('Language').selectOption('vi');
  await expect(page.getByRole('button', { name: 'Lưu' })).toBeVisible();
});

test('the app frame navigates between sections and shows where data lives', async ({ page, signedInUrl: appUrl, dataDir }) => {
  await page.goto(appUrl);
  for (const section of ['Mã QR & áp phích', 'Kiểm tra', 'Báo cáo']) {
    await page.getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { name: section }).first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByText(dataDir)).toBeVisible();
  await expect(page.getByText('Phiên bản dữ liệu')).toBeVisible();
});

test('the page runs under a CSP that forbids inline script', async ({ page, signedInUrl: appUrl }) => {
  const response = await page.goto(appUrl);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.body.append(script);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
});
