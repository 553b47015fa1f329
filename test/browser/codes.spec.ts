import { expect, test } from '../support/browser-fixtures';

test('the venue page issues, revokes and records an official code; the queue follows', async ({ page, signedInUrl }) => {
  const venue = (await (await page.request.post(`${signedInUrl}api/venues.create`, { data: { name: 'Chợ Kỳ Bắc', type: 'market' } })).json()).value;
  await page.goto(`${signedInUrl}#/posters`);
  await expect(page.getByRole('heading', { name: 'Cần in hoặc in lại (1)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Danh sách chờ in' })).toContainText('chưa in lần nào');

  await page.goto(`${signedInUrl}#/venues/${venue.id}`);
  await expect(page.getByText('Chưa cấp mã')).toBeVisible();
  await page.request.post(`${signedInUrl}api/codes.ensure`, { data: { venueId: venue.id } });
  await page.reload();
  await expect(page.getByText('Mã hiện hành: lần cấp 1')).toBeVisible();
  await page.getByRole('button', { name: 'Thu hồi mã…' }).click();
  await page.getByRole('dialog').getByLabel('Lý do thu hồi').selectOption({ label: 'Mất áp phích' });
  await page.getByRole('dialog').getByRole('button', { name: 'Thu hồi và cấp mã mới' }).click();
  await expect(page.getByText('Mã hiện hành: lần cấp 2')).toBeVisible();
  await expect(page.locator('.payload')).toContainText('DQR1:CS-0001:2:');

  await page.getByLabel('Mã chính thức').fill('QR-QUOC-GIA-000123');
  await page.getByRole('button', { name: 'Ghi mã chính thức' }).click();
  await expect(page.getByText('Mã hiện hành: lần cấp 3')).toBeVisible();
  await expect(page.locator('.payload')).toHaveText('QR-QUOC-GIA-000123');
  await expect(page.locator('.audit > li').first()).toContainText('Nguyễn Thị Lan');
});

test('settings: the office name and link template are saved, the public key is shown, a bad key is refused', async ({ page, signedInUrl }) => {
  await page.goto(`${signedInUrl}#/settings`);
  await page.getByLabel('Tên cơ quan in ở đầu áp phích').fill('UBND XÃ KỲ BẮC');
  await page.getByLabel('Đường dẫn bọc mã (không bắt buộc)').fill('không phải đường dẫn');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByRole('alert')).toContainText('không hợp lệ');
  // A lowercase link packs 8 bits a character: the codes would not read from the entrance.
  await page.getByLabel('Đường dẫn bọc mã (không bắt buộc)').fill('https://qr.kybac.gov.vn/v?c={code}');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByRole('alert')).toContainText('quá dài');
  await page.getByLabel('Đường dẫn bọc mã (không bắt buộc)').fill('HTTPS://KYBAC.VN/Q/{code}');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByRole('status')).toContainText('Đã lưu.');
  const settings = (await (await page.request.post(`${signedInUrl}api/settings.get`, { data: {} })).json()).value;
  expect(settings).toMatchObject({ officeName: 'UBND XÃ KỲ BẮC', codeUrlTemplate: 'HTTPS://KYBAC.VN/Q/{code}' });

  const key = (await (await page.request.post(`${signedInUrl}api/codes.officeKey`, { data: {} })).json()).value;
  await expect(page.getByLabel('Khoá công khai của văn phòng')).toHaveText(key.publicKey);

  await page.getByLabel('Tên văn phòng').fill('UBND xã Kỳ Phong');
  // 33 bytes: long enough to pass the form's length check, not an Ed25519 key.
  await page.getByLabel('Khoá công khai (base64)').fill(Buffer.alloc(33, 7).toString('base64'));
  await page.getByRole('button', { name: 'Thêm khoá' }).click();
  await expect(page.getByRole('alert')).toContainText('Khoá công khai (base64) không hợp lệ');
});
