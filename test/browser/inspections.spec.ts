import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';

/**
 * The end-to-end, through the screens: a round over three venues entered venue
 * after venue with the keyboard; a damaged poster logged with a photo and sent to the
 * reprint queue; the queue printed (through the API, as the print page's buttons do);
 * the action done; then a follow-up round whose clean visits verify the actions.
 */

/** A phone-like photo of a torn poster: a grey wall, a white sheet, a dark tear. */
function tornPosterPhoto(width = 640, height = 480): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const sheet = x > 160 && x < 480 && y > 60 && y < 420;
      const tear = sheet && Math.abs(x - 320 - (y - 240) * 0.4) < 6;
      const value = tear ? 40 : sheet ? 240 : 150;
      png.data[offset] = value;
      png.data[offset + 1] = value;
      png.data[offset + 2] = sheet ? value : value - 20;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/**
 * The same photo as a phone saves it when held sideways: JPEG pixels stored landscape, with
 * an EXIF orientation of 6 ("turn 90° clockwise to show"). Encoded by Chromium (no JPEG
 * encoder among the test packages), then an EXIF segment put right after the start marker.
 */
async function sidewaysJpeg(page: Page, png: Buffer): Promise<Buffer> {
  const base64 = await page.evaluate(async (pngBase64) => {
    const bytes = Uint8Array.from(atob(pngBase64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let binary = '';
    for (const byte of jpeg) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, png.toString('base64'));
  const jpeg = Buffer.from(base64, 'base64');
  const exif = Buffer.from([
    0xff, 0xe1, 0x00, 0x22, // APP1, 34 bytes
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, first IFD at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, // Orientation (SHORT) = 6
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]);
}

const naturalSize = (img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight];

/** dd/MM/yyyy of a day counted from today, in Vietnam. */
function vietnamDay(offsetDays: number): string {
  const day = new Date(Date.now() + 7 * 3600 * 1000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

async function openRound(page: Page, name: string) {
  await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test('a round over three venues: a damaged poster with a photo is queued, printed, done, and verified by a follow-up round', async ({
  page,
  signedInUrl: url,
  request,
}) => {
  test.setTimeout(120_000);
  const [pho, tapHoa, cho] = [
    await call(request, url, 'venues.create', { name: 'Quán phở Hạnh', ownerName: 'Lê Thị Hạnh' }),
    await call(request, url, 'venues.create', { name: 'Tạp hoá Minh Khai', ownerName: 'Phạm Văn Minh' }),
    await call(request, url, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' }),
  ];

  // A new round: name, today, the clerk on the team plus someone from the commune police,
  // one venue found by search (Enter adds it), the other two from the suggestions.
  await page.goto(url);
  await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.getByText('Chưa có đợt kiểm tra nào.')).toBeVisible();
  await page.getByRole('link', { name: 'Mở đợt kiểm tra mới' }).click();
  await page.getByLabel('Tên đợt').fill('Kiểm tra niêm yết mã QR tháng 6');
  await expect(page.getByLabel('Từ ngày')).toHaveValue(vietnamDay(0));
  await page.getByLabel('Người của đơn vị khác').fill('Trần Văn An (Công an xã)');
  await page.getByLabel('Người của đơn vị khác').press('Enter');
  const team = page.getByRole('group', { name: 'Đoàn kiểm tra' });
  await expect(team.getByRole('listitem')).toHaveText([/Nguyễn Thị Lan/, /Trần Văn An \(Công an xã\)/]);

  await page.getByLabel('Tìm cơ sở để thêm vào đợt').fill('pho hanh');
  await expect(page.getByRole('region', { name: 'Tìm cơ sở' }).getByRole('button', { name: 'Thêm Quán phở Hạnh' })).toBeVisible();
  await page.getByLabel('Tìm cơ sở để thêm vào đợt').press('Enter');
  await expect(page.getByRole('group', { name: /Cơ sở cần đến \(1\)/ })).toBeVisible();
  const suggested = page.getByRole('region', { name: 'Gợi ý nên kiểm tra' });
  await expect(suggested.getByRole('listitem')).toHaveCount(2);
  await expect(suggested.getByRole('listitem').first()).toContainText('chưa kiểm tra lần nào');
  await suggested.getByRole('button', { name: 'Thêm tất cả (2)' }).click();
  const planned = page.locator('.picked-venues li');
  await expect(planned).toHaveCount(3);
  await page.getByRole('button', { name: 'Mở đợt', exact: true }).click();

  // The round's page: three venues to visit, none visited.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kiểm tra niêm yết mã QR tháng 6');
  await expect(page.getByText('Đã đến 0 / 3 cơ sở · 0 tồn tại')).toBeVisible();
  await expect(page.locator('.round-venues tbody tr')).toHaveCount(3);

  // Closing with venues left asks first; the clerk keeps it open.
  await page.getByRole('button', { name: 'Kết thúc đợt' }).click();
  await expect(page.getByRole('dialog')).toContainText('Còn 3 cơ sở chưa được kiểm tra.');
  await page.getByRole('button', { name: 'Chưa kết thúc' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Venue 1 (by code order, the phở shop): all good, saved with Ctrl+Enter, then Enter goes on.
  await page.getByRole('link', { name: `Ghi kết quả tại ${pho.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pho.name);
  await expect(page.getByText('Cơ sở 1 / 3')).toBeVisible();
  const firstCheck = page.getByRole('checkbox', { name: 'Có niêm yết mã QR' });
  await expect(firstCheck).toBeFocused();
  await expect(page.locator('.checklist input:checked')).toHaveCount(7);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu kết quả tại ${pho.name}: không có tồn tại.` })).toBeVisible();
  const next = page.getByRole('button', { name: `Cơ sở tiếp theo: ${tapHoa.name}` });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');

  // Venue 2: the poster is torn. Key 2 unticks "intact", which proposes a "damaged" finding
  // with a reprint, a due date two weeks on, the owner responsible, and the reprint queue ticked.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(tapHoa.name);
  await expect(firstCheck).toBeFocused();
  await page.keyboard.press('2');
  const intact = page.getByRole('checkbox', { name: 'Còn nguyên vẹn, đọc được (không rách, phai, ướt)' });
  await expect(intact).not.toBeChecked();
  const finding = page.getByRole('group', { name: /Tồn tại 1: Mã bị rách, hỏng, phai/ });
  await expect(finding).toBeVisible();
  await finding.getByLabel('Mô tả').fill('Áp phích rách chéo qua mã, không quét được');
  await expect(finding.getByRole('combobox', { name: /^Biện pháp/ })).toHaveValue('reprint');
  await expect(finding.getByLabel('Người chịu trách nhiệm')).toHaveValue('Phạm Văn Minh');
  await expect(finding.getByLabel('Hạn khắc phục')).toHaveValue(vietnamDay(14));
  await expect(finding.getByRole('checkbox', { name: 'Đưa vào danh sách in lại' })).toBeChecked();

  // A file that is not an image is refused before anything is sent; the photo is taken.
  const photos = finding.getByLabel(/Thêm ảnh — Tồn tại 1/);
  await photos.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') });
  await expect(finding.getByRole('alert')).toHaveText('“ghi-chu.txt” không phải là ảnh, nên không được thêm.');
  await photos.setInputFiles({ name: 'ap-phich-rach.png', mimeType: 'image/png', buffer: tornPosterPhoto() });
  await expect(finding.getByRole('img', { name: 'ap-phich-rach.jpg' })).toBeVisible();
  // A photo taken with the phone held sideways is turned upright before it is sent.
  await photos.setInputFiles({ name: 'chup-doc.jpg', mimeType: 'image/jpeg', buffer: await sidewaysJpeg(page, tornPosterPhoto()) });
  await expect(finding.getByRole('img', { name: 'chup-doc.jpg' })).toBeVisible();
  expect(await finding.getByRole('img', { name: 'chup-doc.jpg' }).evaluate(naturalSize)).toEqual([240, 320]);
  await expect(finding.getByRole('alert')).toHaveCount(0);

  // A due date before the visit is refused by the back end, in Vietnamese, and nothing is saved.
  await finding.getByLabel('Hạn khắc phục').fill(vietnamDay(-1));
  await page.getByRole('button', { name: 'Lưu kết quả (1 tồn tại)' }).click();
  await expect(page.getByRole('alert')).toHaveText('Tồn tại 1: hạn khắc phục không được trước ngày kiểm tra.');
  await finding.getByLabel('Hạn khắc phục').fill(vietnamDay(7));
  await page.getByRole('button', { name: 'Lưu kết quả (1 tồn tại)' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu kết quả tại ${tapHoa.name}: 1 tồn tại.` })).toBeVisible();
  await expect(page.locator('.visit-result')).toContainText('Không đạt: Còn nguyên vẹn, đọc được');
  await page.getByRole('button', { name: `Cơ sở tiếp theo: ${cho.name}` }).click();

  // Venue 3: a photo of the poster holds a code this office never issued; one click makes it a finding.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cho.name);
  const strange = await QRCode.toBuffer('https://example.org/ma-la', { type: 'png', width: 400, margin: 4 });
  await page.getByLabel('Kiểm tra mã từ ảnh').setInputFiles({ name: 'ma-la.png', mimeType: 'image/png', buffer: strange });
  const verdict = page.locator('.verdict');
  await expect(verdict).toContainText('Không nhận ra mã này');
  await page.getByRole('button', { name: 'Ghi thành tồn tại' }).click();
  await expect(page.getByRole('checkbox', { name: 'Đúng mã hiện hành của cơ sở' })).not.toBeChecked();
  const wrongCode = page.getByRole('group', { name: /Tồn tại 1: Sai mã hoặc mã cũ/ });
  await expect(wrongCode.getByLabel('Mô tả')).toHaveValue(/^Không nhận ra mã này/);
  // The team re-registers the code rather than reprinting, and keeps the venue out of the queue.
  await wrongCode.getByRole('combobox', { name: /^Biện pháp/ }).selectOption({ label: 'Đăng ký lại mã' });
  await wrongCode.getByRole('checkbox', { name: 'Đưa vào danh sách in lại' }).uncheck();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu kết quả tại ${cho.name}: 1 tồn tại.` })).toBeVisible();
  await expect(page.getByText('Đã ghi kết quả cho mọi cơ sở của đợt.')).toBeVisible();
  await page.getByRole('link', { name: 'Về đợt kiểm tra' }).click();
  await expect(page.getByText('Đã đến 3 / 3 cơ sở · 2 tồn tại')).toBeVisible();

  // The torn poster waits in the reprint queue, with the finding's reason.
  await page.getByRole('link', { name: 'Mã QR & áp phích' }).click();
  await expect(page.getByRole('row', { name: new RegExp(tapHoa.name) })).toContainText('Thay: bị rách, hỏng');

  // Actions: the reprint is open and has no "done" button (printing does it); the other one does.
  await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
  await page.getByRole('link', { name: 'Biện pháp khắc phục' }).click();
  const reprintRow = page.getByRole('row', { name: new RegExp(tapHoa.name) });
  await expect(reprintRow).toContainText('In lại áp phích');
  await expect(reprintRow).toContainText('Chưa khắc phục');
  await expect(reprintRow.getByRole('button')).toHaveCount(0);
  await expect(reprintRow.getByRole('link', { name: 'Xong khi in áp phích thay thế' })).toBeVisible();

  // The queue is printed (as the print page does: prepare, then the clerk confirms it printed).
  const job = await call(request, url, 'posters.createJob', { selection: { kind: 'queue' }, template: 'a4' });
  expect(job.posters).toBeGreaterThanOrEqual(1);
  await call(request, url, 'posters.recordPrinted', { jobId: job.jobId });

  await page.getByRole('button', { name: 'Đã khắc phục', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(tapHoa.name) })).toContainText(`Đã khắc phục ${vietnamDay(0)}`);
  // The re-registration is marked done by hand.
  await page.getByRole('button', { name: 'Chưa khắc phục' }).click();
  await page.getByRole('button', { name: `Đã khắc phục tại ${cho.name}` }).click();
  await expect(page.getByText('Không có biện pháp nào.')).toBeVisible();

  // The venue page shows the finding, its photo's thumbnail, and the action done.
  await page.goto(`${url}#/venues/${tapHoa.id}`);
  const findings = page.locator('.venue-findings');
  await expect(findings.getByRole('heading', { name: 'Kết quả kiểm tra' })).toBeVisible();
  await expect(findings).toContainText('Mã bị rách, hỏng, phai');
  await expect(findings).toContainText('Áp phích rách chéo qua mã, không quét được');
  const thumbnail = findings.getByRole('img', { name: 'ap-phich-rach.jpg' });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  expect(await thumbnail.evaluate(naturalSize)).toEqual([320, 240]); // the 320 px thumbnail of a 640 × 480 photo
  expect(await findings.getByRole('img', { name: 'chup-doc.jpg' }).evaluate(naturalSize)).toEqual([240, 320]); // stored upright
  // The full photo opens over the page, upright and at most 2400 px.
  await findings.getByRole('button', { name: 'Xem ảnh chup-doc.jpg' }).click();
  const full = page.getByRole('dialog').getByRole('img', { name: 'chup-doc.jpg' });
  await expect(full).toBeVisible();
  expect(await full.evaluate(naturalSize)).toEqual([480, 640]);
  await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(findings).toContainText('Đã khắc phục');

  // The round is closed (every venue visited: no question), and a follow-up round opened.
  await openRound(page, 'Kiểm tra niêm yết mã QR tháng 6');
  await page.getByRole('button', { name: 'Kết thúc đợt' }).click();
  await expect(page.locator('.status-badge')).toHaveText('Đã kết thúc');
  await expect(page.getByRole('link', { name: /Ghi kết quả tại/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Đợt kiểm tra lại' }).click();
  const followUp = page.getByRole('form', { name: 'Mở đợt kiểm tra lại' });
  await expect(followUp.getByRole('listitem')).toHaveText([/Nguyễn Thị Lan/, /Trần Văn An/]);
  await followUp.getByRole('button', { name: 'Mở đợt kiểm tra lại' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kiểm tra lại: Kiểm tra niêm yết mã QR tháng 6');
  await expect(page.getByRole('link', { name: 'Kiểm tra niêm yết mã QR tháng 6' })).toBeVisible();
  // Only the venues with actions left to verify: not the phở shop.
  await expect(page.locator('.round-venues tbody tr')).toHaveCount(2);
  await expect(page.getByRole('link', { name: `Ghi kết quả tại ${pho.name}` })).toHaveCount(0);

  // Both are fixed: every check passes, saved with Ctrl+Enter one after the other.
  await page.getByRole('link', { name: `Ghi kết quả tại ${tapHoa.name}` }).click();
  await expect(firstCheck).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'không có tồn tại' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cho.name);
  await expect(firstCheck).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Đã ghi kết quả cho mọi cơ sở của đợt.')).toBeVisible();

  // The actions are verified.
  await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
  await page.getByRole('link', { name: 'Biện pháp khắc phục' }).click();
  await page.getByRole('button', { name: 'Đã xác minh' }).click();
  await expect(page.locator('.actions-table tbody tr')).toHaveCount(2);
  await expect(page.getByRole('row', { name: new RegExp(tapHoa.name) })).toContainText(`Đã xác minh ${vietnamDay(0)}`);
  await page.goto(`${url}#/venues/${tapHoa.id}`);
  await expect(page.locator('.venue-findings')).toContainText('Đã xác minh');
});
