import { expect, test } from '../support/browser-fixtures';

/**
 * Issue 11, trap 2: on a fresh install the first import failed on every row because no office
 * commune was chosen, and nothing said so. The first run now leads the clerk from "who is
 * working" to what the office is and its commune (units imported first when the list is
 * empty), then to the optional venue import, offered only once the commune is chosen.
 */
test('first run: who is working → the office and its commune, units loaded first → the venue import, and only then', async ({ page, appUrl: url }) => {
  test.setTimeout(60_000);
  await page.goto(url);
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Bắt đầu làm việc' }).click();

  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu', level: 1 })).toBeVisible();
  await expect(page.getByText('Đang làm việc: Nguyễn Thị Lan.')).toBeVisible();
  // One numbering: the list's own markers, or numbers in the headings, never both ("1. 1. Ai đang làm việc").
  const stepTitles = await page.locator('.setup-steps > li').evaluateAll((items) =>
    items.map((item, at) => {
      const numbered = getComputedStyle(item).display === 'list-item' && getComputedStyle(item).listStyleType !== 'none';
      return `${numbered ? `${at + 1}. ` : ''}${(item as HTMLElement).innerText}`;
    }),
  );
  expect(stepTitles).toHaveLength(3);
  for (const title of stepTitles) expect(title).not.toMatch(/^\d+\.\s*\d+\./);
  // No commune yet: the import is not offered, and the page says why.
  await expect(page.getByRole('link', { name: 'Nhập danh sách cơ sở từ Excel hoặc CSV' })).toHaveCount(0);
  await expect(page.getByText('Hãy chọn xã/phường của văn phòng ở bước 2 trước')).toBeVisible();
  await expect(page.getByText('Danh mục đơn vị hành chính chưa có xã/phường nào')).toBeVisible();

  // A restart before choosing comes back to the setup.
  await page.goto(`${url}#/`);
  await expect(page).toHaveURL(/#\/setup$/);

  // The units list first (the example here; the statistics office's .xlsx goes through the same button row), then the commune.
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  await expect(page.getByRole('status')).toContainText('đơn vị mẫu');
  await expect(page.getByText('Danh mục đơn vị hành chính chưa có xã/phường nào')).toHaveCount(0);
  await page.getByLabel('Xã/phường của văn phòng').selectOption({ label: 'Xã Kỳ Bắc' });

  // Now the venue import is offered, and its page starts (the file field, no refusal).
  const importLink = page.getByRole('link', { name: 'Nhập danh sách cơ sở từ Excel hoặc CSV' });
  await expect(importLink).toBeVisible();
  await importLink.click();
  await expect(page).toHaveURL(/#\/venues\/import$/);
  await expect(page.getByRole('heading', { name: 'Nhập danh sách cơ sở từ Excel hoặc CSV', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Set up, the next start goes to the dashboard.
  await page.goto(`${url}#/`);
  await expect(page).toHaveURL(/#\/dashboard$/);
});
