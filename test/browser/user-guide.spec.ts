import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { messyCommuneXlsx } from '../support/import-fixtures';

/**
 * The user guide's pictures (docs/huong-dan-su-dung.md), made from the real app through the
 * bridge so they stay true: a clerk's day on a fresh install, at an office PC's 1366×768.
 * `npm run guide` writes them into docs/images (the README's picture is one of them); CI
 * runs the same script into test-results/guide and checks that every picture shows
 * something (decoded, of its size, not one flat colour), not how it looks pixel by pixel.
 */
const OUT_DIR = process.env.GUIDE_SCREENSHOTS ? path.resolve(process.env.GUIDE_SCREENSHOTS) : path.resolve('test-results/guide');

/** Saves a picture of the window (or of one part of it) and checks it shows something. */
async function picture(target: Page | Locator, name: string) {
  const file = path.join(OUT_DIR, `${name}.png`);
  await target.screenshot({ path: file, animations: 'disabled' });
  const png = PNG.sync.read(readFileSync(file));
  expect(png.width, name).toBeGreaterThan(300);
  expect(png.height, name).toBeGreaterThan(100);
  const colours = new Set<number>();
  for (let offset = 0; offset < png.data.length && colours.size < 50; offset += 4 * 97) colours.add(png.data.readUInt32BE(offset));
  expect(colours.size, `${name} shows more than a flat colour`).toBeGreaterThanOrEqual(50);
}

const VENUES = [
  { name: 'Chợ Kỳ Bắc', type: 'market', ownerName: 'Ban quản lý chợ', phones: ['0912345678'], village: 'Thôn Đông' },
  { name: 'Quán cà phê Đường Sắt', type: 'cafe', ownerName: 'Lê Văn Tâm', phones: ['0987654321'], village: 'Thôn Đông' },
  { name: 'Tạp hóa Hồng Nhung', type: 'shop', ownerName: 'Phạm Thị Nhung', phones: ['0905111222'], village: 'Thôn Tây' },
  { name: 'Nhà nghỉ Bình An', type: 'hotel', ownerName: 'Hoàng Văn Bình', phones: ['0913222333'], village: 'Thôn Tây' },
  { name: 'Trường Tiểu học Kỳ Bắc', type: 'school', ownerName: 'Nguyễn Văn Hải', phones: ['02393555666'], village: 'Thôn Trung' },
  { name: 'Trạm y tế xã Kỳ Bắc', type: 'health', ownerName: 'Trần Thị Hoa', phones: ['02393777888'], village: 'Thôn Trung' },
  { name: 'Cửa hàng xăng dầu Kỳ Bắc', type: 'fuel_station', ownerName: 'Công ty Xăng dầu Hà Tĩnh', phones: ['02393999000'], village: 'Thôn Đông' },
  { name: 'Quán bún bò Ngự Bình', type: 'restaurant', ownerName: 'Võ Thị Bình', phones: ['0935444555'], village: 'Thôn Tây' },
] as const;

test('the user guide pictures: a clerk\'s day from the first start to a backup', async ({ page, appUrl, request }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  // 1. The first start: who is working.
  await page.goto(appUrl);
  await expect(page.getByLabel('Họ và tên')).toBeVisible();
  await picture(page, '01-ai-dang-lam-viec');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Bắt đầu làm việc' }).click();

  // 2. What the office is, and its commune.
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  await page.getByLabel('Xã/phường của văn phòng').selectOption({ label: 'Xã Kỳ Bắc' });
  await expect(page.getByRole('link', { name: 'Nhập danh sách cơ sở từ Excel hoặc CSV' })).toBeVisible();
  await picture(page, '02-thiet-lap-lan-dau');

  // 3. Importing the office's list: every row checked before anything is written.
  await page.getByRole('link', { name: 'Nhập danh sách cơ sở từ Excel hoặc CSV' }).click();
  const file = await messyCommuneXlsx();
  await page.getByLabel('Chọn tệp (.xlsx hoặc .csv)').setInputFiles({ name: file.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytesBase64, 'base64') });
  await expect(page.getByRole('heading', { name: /Ghép cột của tệp/ })).toBeVisible();
  await picture(page, '03-nhap-ghep-cot');
  await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
  const readyTab = page.getByRole('tab', { name: /Sẵn sàng/ });
  await expect(readyTab).toBeVisible();
  // The checked rows start below the column mapping: the picture starts at their tabs.
  await readyTab.evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
  await picture(page, '04-nhap-kiem-tra-dong');

  // The rest of the register, as it would be after the import (through the same API the pages use).
  const units = await call(request, appUrl, 'units.list', {});
  const commune = units.find((unit) => unit.name === 'Xã Kỳ Bắc')!;
  const villages = units.filter((unit) => unit.parentId === commune.id);
  const villageId = (name: string) => (villages.find((unit) => unit.name === name) ?? villages[0]).id;
  const venues = [];
  for (const venue of VENUES) {
    const { village, ...fields } = venue;
    venues.push(await call(request, appUrl, 'venues.create', { ...fields, phones: [...fields.phones], communeId: commune.id, villageId: villageId(village), acknowledgeDuplicates: true }));
  }

  // 4. The register: search without tone marks.
  await page.goto(`${appUrl}#/venues`);
  await page.getByLabel('Tìm cơ sở').fill('quan');
  await expect(page.locator('.venue-scroller [role="row"] .name').first()).toBeVisible();
  await picture(page, 'venue-list');

  // 5. A venue: its code, posting points and history.
  await page.goto(`${appUrl}#/venues/${venues[0].id}`);
  await expect(page.getByRole('heading', { name: /Chợ Kỳ Bắc/ })).toBeVisible();
  await picture(page, '05-co-so');

  // 6. Posters and the reprint queue.
  await page.goto(`${appUrl}#/posters`);
  await expect(page.getByRole('heading', { name: 'Mã QR & áp phích', level: 1 })).toBeVisible();
  await picture(page, '06-ap-phich');

  // 7. An inspection round with two visits recorded, one finding a damaged poster.
  const lan = (await call(request, appUrl, 'staff.list', {}))[0];
  const round = await call(request, appUrl, 'rounds.create', {
    name: 'Kiểm tra niêm yết mã QR tháng 12',
    startsOn: new Date().toISOString().slice(0, 10),
    communeId: commune.id,
    team: [{ staffId: lan.id, name: lan.name }, { staffId: null, name: 'Trần Văn Bình' }],
    venueIds: venues.slice(0, 5).map((venue) => venue.id),
  });
  for (const [index, venue] of venues.slice(0, 2).entries()) {
    const detail = await call(request, appUrl, 'venues.get', { id: venue.id });
    const point = detail.postingPoints[0].id;
    await call(request, appUrl, 'visits.save', {
      roundId: round.id,
      venueId: venue.id,
      visitedOn: round.startsOn,
      points: [{ postingPointId: point, results: { poster_present: true, intact: index !== 0, large_enough: true, placed_well: true, laminated: true, current_code: true } }],
      findings: index === 0 ? [{ postingPointId: point, category: 'damaged', note: 'Áp phích bị rách góc, mã khó quét', requestReprint: true }] : [],
    });
  }
  await page.goto(`${appUrl}#/inspections/${round.id}`);
  await expect(page.getByRole('heading', { name: /Kiểm tra niêm yết mã QR tháng 12/ })).toBeVisible();
  await picture(page, '07-dot-kiem-tra');

  // 8. Entering a visit: all good by default, each check per posting point.
  await page.goto(`${appUrl}#/inspections/${round.id}/visit/${venues[2].id}`);
  await expect(page.getByRole('heading', { name: /Tạp hóa Hồng Nhung/ })).toBeVisible();
  await picture(page, '08-ghi-ket-qua');

  // 9. The inspection record (biên bản kiểm tra), as it prints.
  await page.goto(`${appUrl}#/documents/round/${round.id}`);
  await expect(page.getByRole('heading', { name: 'BIÊN BẢN' })).toBeVisible();
  await picture(page, '09-bien-ban');

  // 10. The dashboard, and backups in Settings.
  await call(request, appUrl, 'backups.make', {});
  await page.goto(`${appUrl}#/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await picture(page, '10-bang-tong-hop');
  await page.goto(`${appUrl}#/settings`);
  const backups = page.locator('section[aria-labelledby="backups-title"]');
  await expect(backups).toBeVisible();
  await picture(backups, '11-sao-luu');

  // The README shows the register, from this same run.
  if (process.env.GUIDE_SCREENSHOTS) writeFileSync(path.join(OUT_DIR, 'README.txt'), 'Made by `npm run guide` (test/browser/user-guide.spec.ts); do not edit by hand.\n');
});

test('the guide opens inside the app, its pictures bundled, in either language', async ({ page, signedInUrl }) => {
  await page.goto(`${signedInUrl}#/venues`);
  await page.getByRole('link', { name: 'Hướng dẫn' }).click();
  await expect(page.getByRole('heading', { name: 'Hướng dẫn sử dụng Điểm QR', level: 1 })).toBeVisible();
  const pictures = page.locator('.guide article img');
  expect(await pictures.count()).toBeGreaterThanOrEqual(10);
  // Every picture is found and decoded (a wrong path leaves naturalWidth at 0).
  await expect.poll(() => pictures.evaluateAll((images) => images.filter((image) => (image as HTMLImageElement).naturalWidth === 0).length)).toBe(0);
  await page.getByRole('link', { name: 'English summary' }).first().click();
  await expect(page.getByRole('heading', { name: /user guide — English summary/, level: 1 })).toBeVisible();
});
