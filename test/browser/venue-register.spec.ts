import { expect, signInThroughApi, test } from '../support/browser-fixtures';
import { addVenueThroughForm, listedNames } from '../support/venue-pages';

test('a new install asks who is working, and the first person becomes admin', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Ai đang làm việc?' })).toBeVisible();
  await page.getByLabel('Họ và tên').fill('Phạm Văn Hùng');
  await page.getByRole('button', { name: 'Bắt đầu làm việc' }).click();
  // The header says who is working (the first-run set-up page below says it too).
  await expect(page.getByRole('banner').getByText('Đang làm việc: Phạm Văn Hùng')).toBeVisible();

  // Hand the PC to a colleague added in Settings → Staff.
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByRole('link', { name: 'Cán bộ' }).click();
  await expect(page.getByRole('row', { name: /Phạm Văn Hùng/ })).toContainText('Quản trị');
  await page.getByPlaceholder('Họ và tên').fill('Lê Thị Mai');
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await expect(page.getByRole('row', { name: /Lê Thị Mai/ })).toBeVisible();
  await page.getByRole('button', { name: 'Đổi người' }).click();
  await page.getByRole('button', { name: /Lê Thị Mai/ }).click();
  await expect(page.getByRole('banner').getByText('Đang làm việc: Lê Thị Mai')).toBeVisible();
});

test('create, edit, close and reopen a venue; the history says who did what', async ({ page, appUrl, request }) => {
  await signInThroughApi(request, appUrl, 'Nguyễn Thị Lan');
  await page.goto(`${appUrl}#/venues`);
  await addVenueThroughForm(page, { name: 'Quán cà phê Đường Sắt', type: 'Quán cà phê, giải khát', phones: '+84 912.345.678' });
  await listedNames(page).filter({ hasText: 'Quán cà phê Đường Sắt' }).click();

  await expect(page.getByRole('heading', { name: /Quán cà phê Đường Sắt/ })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('0912 345 678');
  await expect(page.locator('.points')).toContainText('Cửa chính');

  await page.getByRole('link', { name: 'Sửa' }).click();
  await page.getByLabel('Chủ cơ sở / người đại diện').fill('Lê Văn Tám');
  await page.getByLabel('Số điện thoại').fill('0987 654 321');
  await page.getByLabel('Vĩ độ').fill('mười tám');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Vĩ độ không hợp lệ.')).toBeVisible();
  await page.getByLabel('Vĩ độ').fill('18,0712');
  await page.getByLabel('Kinh độ').fill('106,2921');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.locator('.facts')).toContainText('Lê Văn Tám');
  await expect(page.locator('.facts')).toContainText('18.0712, 106.2921');

  await page.getByRole('button', { name: 'Đóng cơ sở' }).click();
  await expect(page.locator('.status-badge')).toHaveText('Đã đóng');
  await page.getByRole('button', { name: 'Mở lại' }).click();
  await expect(page.locator('.status-badge')).toHaveText('Đang hoạt động');

  const history = page.locator('.audit > li');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('Nguyễn Thị Lan');
  await expect(history.nth(0)).toContainText('đổi trạng thái');
  await expect(history.nth(2)).toContainText('sửa thông tin');
  await expect(history.nth(2)).toContainText('0912 345 678');
  await expect(history.nth(2)).toContainText('0987 654 321');
  await expect(history.nth(3)).toContainText('thêm mới');
});

test('a posting point is added to a market and renamed', async ({ page, signedInUrl }) => {
  await page.goto(`${signedInUrl}#/venues`);
  await addVenueThroughForm(page, { name: 'Chợ Kỳ Bắc', type: 'Chợ' });
  await listedNames(page).first().click();
  await page.getByLabel('Tên vị trí mới').fill('Cổng phía Nam');
  await page.getByRole('button', { name: 'Thêm vị trí' }).click();
  await expect(page.locator('.points li')).toHaveCount(2);
  page.once('dialog', (dialog) => void dialog.accept('Cổng Nam (quầy rau)'));
  await page.locator('.points li').nth(1).getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.locator('.points li').nth(1)).toContainText('Cổng Nam (quầy rau)');
  await expect(page.locator('.audit > li').first()).toContainText('đổi tên vị trí niêm yết');
});

test('the duplicate warning links to the other venue and still lets the clerk save', async ({ page, signedInUrl }) => {
  await page.goto(`${signedInUrl}#/venues`);
  await addVenueThroughForm(page, { name: 'Tạp hoá Bà Hương', phones: '0905 111 222' });

  await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
  await page.getByLabel('Tên cơ sở').fill('Cửa hàng Hương');
  await page.getByLabel('Số điện thoại').fill('905111222');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const warning = page.locator('.warning');
  await expect(warning).toContainText('Có 1 cơ sở giống cơ sở này');
  await expect(warning.getByRole('link', { name: /Tạp hoá Bà Hương/ })).toBeVisible();
  await expect(warning).toContainText('cùng số điện thoại');
  // Nothing saved yet.
  const before = await (await page.request.post(`${signedInUrl}api/venues.list`, { data: {} })).json();
  expect(before.value.total).toBe(1);

  await warning.getByRole('button', { name: 'Vẫn lưu cơ sở mới' }).click();
  await expect(page.getByRole('status')).toContainText('Đã lưu cơ sở “Cửa hàng Hương”');
  await expect(listedNames(page)).toHaveText(['Cửa hàng Hương', 'Tạp hoá Bà Hương']);
});

test('a bad phone number is refused on its field and nothing is saved', async ({ page, signedInUrl }) => {
  await page.goto(`${signedInUrl}#/venues`);
  await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
  await page.getByLabel('Tên cơ sở').fill('Quán bún bò');
  await page.getByLabel('Số điện thoại').fill('0912 345 678, 12345');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Số điện thoại (2) không hợp lệ.')).toBeVisible();
  const list = await (await page.request.post(`${signedInUrl}api/venues.list`, { data: {} })).json();
  expect(list.value.total).toBe(0);
});

test('search while typing, filters and keyboard navigation', async ({ page, signedInUrl }) => {
  for (const [name, type] of [
    ['Chợ Kỳ Bắc', 'market'],
    ['Chợ đêm Kỳ Phong', 'market'],
    ['Quán cà phê Đường Sắt', 'cafe'],
    ['Nhà nghỉ Hoà Bình', 'hotel'],
  ]) {
    await page.request.post(`${signedInUrl}api/venues.create`, { data: { name, type } });
  }
  await page.goto(`${signedInUrl}#/venues`);
  await expect(listedNames(page)).toHaveCount(4);

  await page.getByLabel('Loại hình').selectOption({ label: 'Chợ' });
  await expect(listedNames(page)).toHaveText(['Chợ đêm Kỳ Phong', 'Chợ Kỳ Bắc']);

  await page.keyboard.press('/');
  await page.keyboard.type('ky b', { delay: 40 });
  await expect(listedNames(page)).toHaveText(['Chợ Kỳ Bắc']);

  await page.getByLabel('Loại hình').selectOption({ label: 'Tất cả' });
  await page.getByLabel('Tìm cơ sở').fill('');
  await expect(listedNames(page)).toHaveCount(4);
  await page.getByLabel('Sắp xếp').selectOption({ label: 'Theo mã' });
  await expect(listedNames(page).first()).toHaveText('Chợ Kỳ Bắc');

  // Arrows move the highlight, Enter opens the venue.
  await page.locator('.venue-scroller').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Quán cà phê Đường Sắt/ })).toBeVisible();
});

test('typing sends a search per pause, a late answer to an earlier one never replaces the latest, a broad search says "hơn"', async ({ page, signedInUrl }) => {
  for (const [name, type] of [
    ['Chợ Kỳ Bắc', 'market'],
    ['Chợ đêm Kỳ Phong', 'market'],
    ['Quán cà phê Đường Sắt', 'cafe'],
  ]) {
    await page.request.post(`${signedInUrl}api/venues.create`, { data: { name, type } });
  }
  const searched: string[] = [];
  // The answer to the first word is held back until the answer to the whole name is on screen.
  let releaseLateAnswer = () => {};
  const lateAnswerHeld = new Promise<void>((resolve) => (releaseLateAnswer = resolve));
  await page.route('**/api/venues.list', async (route) => {
    const { search = '' } = route.request().postDataJSON() as { search?: string };
    searched.push(search);
    if (search === 'cho') await lateAnswerHeld;
    if (search !== 'quan') return route.continue();
    // As the engine answers a search matching more venues than it counts.
    const response = await route.fetch();
    const answer = (await response.json()) as { value: object };
    return route.fulfill({ response, json: { ...answer, value: { ...answer.value, total: 1000, totalCapped: true } } });
  });
  await page.goto(`${signedInUrl}#/venues`);
  await expect(listedNames(page)).toHaveCount(3);

  const box = page.getByLabel('Tìm cơ sở');
  const lateAnswer = page.waitForEvent('requestfinished', (request) => request.url().endsWith('/api/venues.list') && request.postDataJSON()?.search === 'cho');
  await box.pressSequentially('cho', { delay: 30 });
  await expect.poll(() => searched).toContain('cho');
  await box.pressSequentially(' ky b', { delay: 30 });
  await expect(listedNames(page)).toHaveText(['Chợ Kỳ Bắc']);
  releaseLateAnswer();
  await lateAnswer;
  // Let the page handle the late answer before looking again.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(listedNames(page)).toHaveText(['Chợ Kỳ Bắc']);
  await expect(page.getByText('1 cơ sở', { exact: true })).toBeVisible();
  // Eight keys, far fewer searches (one per pause; a slow machine may pause more often).
  expect(searched.filter((search) => search !== '').length).toBeLessThan(5);

  await box.fill('quan');
  await expect(page.getByText('hơn 1.000 cơ sở', { exact: true })).toBeVisible();
});
