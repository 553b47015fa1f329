import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { expect, test } from '../support/browser-fixtures';
import { grain, perspectiveSkew } from '../support/damage';
import { bridgeApi, exportPosterPdf, rasterise, readPng, writePng, type ApiCall, type Raster } from '../support/raster';
import { createPrng } from '../support/synthetic-venues';

/**
 * "Kiểm tra mã từ ảnh" on a visit: posters the app itself prints (A6 PDFs through the
 * print-job API, rasterised by poppler), turned into phone photos here, and each read in
 * the page and checked against the register: current, an outdated revision, another
 * venue's, an altered signature, and a sideways photo shot at an angle.
 */

const DPI = 200;

/** What Chromium's fake webcam shows: a QR code this office never issued, in a 640 × 480 Y4M clip. */
const CAMERA_CODE = 'https://example.org/ma-la';
const CAMERA_CLIP = path.join(os.tmpdir(), `diemqr-fake-camera-${process.pid}.y4m`);

function writeCameraClip(file: string): void {
  const [width, height, modulePx] = [640, 480, 10];
  const { modules } = QRCode.create(CAMERA_CODE, { errorCorrectionLevel: 'M' });
  const luma = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - modules.size * modulePx) / 2);
  const top = Math.floor((height - modules.size * modulePx) / 2);
  for (let y = 0; y < modules.size * modulePx; y++) {
    for (let x = 0; x < modules.size * modulePx; x++) {
      if (modules.get(Math.floor(y / modulePx), Math.floor(x / modulePx))) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

test.use({
  launchOptions: [
    async ({ launchOptions }, use) => {
      writeCameraClip(CAMERA_CLIP);
      const args = [...(launchOptions.args ?? []), '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${CAMERA_CLIP}`];
      await use({ ...launchOptions, args });
      fs.rmSync(CAMERA_CLIP, { force: true });
    },
    { scope: 'worker' },
  ],
});

/** A quarter turn clockwise, as a phone held sideways saves a photo. */
function rotate90(image: Raster): Raster {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      out.set(data.subarray(from, from + 4), (x * height + (height - 1 - y)) * 4);
    }
  }
  return { data: out, width: height, height: width };
}

/** The venue's A6 poster as the app prints it, page 1 as a PNG: what a phone pointed straight at it sees. */
async function posterPhoto(call: ApiCall, venueId: string): Promise<Buffer> {
  const { pdf } = await exportPosterPdf(call, { selection: { kind: 'venues', venueIds: [venueId] }, template: 'a6' });
  const [first] = await rasterise(pdf, DPI, { first: 1, last: 1 });
  expect(first).toBeDefined();
  return writePng(grain(readPng(first), createPrng(61)));
}

test('photos of posters the test prints get the right verdict, and a bad one becomes a finding', async ({ page, signedInUrl }) => {
  test.setTimeout(120_000);
  const call = bridgeApi(signedInUrl);
  const venueA = await call('venues.create', { name: 'Quán cà phê Hoa Sữa' });
  const venueB = await call('venues.create', { name: 'Nhà nghỉ Bình An' });
  const round = await call('rounds.create', {
    name: 'Kiểm tra niêm yết tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [venueA.id, venueB.id],
  });

  // The photos, all taken before the revision below: (b) is venue A's poster of revision 1.
  const currentA = await posterPhoto(call, venueA.id);
  const ofB = await posterPhoto(call, venueB.id);
  const sideways = writePng(grain(perspectiveSkew(rotate90(readPng(currentA)), createPrng(7), 15).image, createPrng(8)));
  const oldCode = await call('codes.ensure', { venueId: venueA.id });
  const revoked = await call('codes.revoke', { venueId: venueA.id, reason: 'lost' });
  expect(revoked.revision).toBeGreaterThan(oldCode.revision);
  const newA = await posterPhoto(call, venueA.id);

  // (d) Venue A's current code with one character of its signature changed, as a plain QR image.
  const current = await call('codes.ensure', { venueId: venueA.id });
  expect(current.revision).toBe(revoked.revision);
  const at = current.payload.lastIndexOf(':') + 10;
  const altered = current.payload.slice(0, at) + (current.payload[at] === 'A' ? 'B' : 'A') + current.payload.slice(at + 1);
  const forged = await QRCode.toBuffer(altered, { type: 'png', width: 600, margin: 4 });
  // (e) The current poster again, sideways and at 15°.
  const sidewaysNew = writePng(grain(perspectiveSkew(rotate90(readPng(newA)), createPrng(9), 15).image, createPrng(10)));

  await page.goto(`${signedInUrl}#/inspections/${round.id}/visit/${venueA.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(venueA.name);
  const upload = page.getByLabel('Kiểm tra mã từ ảnh');
  const verdict = page.locator('.verdict');
  const shortA = venueA.code;
  const cases: { name: string; buffer: Buffer; expected: string }[] = [
    { name: 'a-hien-hanh.png', buffer: newA, expected: `Mã thật, đúng mã hiện hành của cơ sở ${shortA}.` },
    {
      name: 'b-ma-cu.png',
      buffer: currentA,
      expected: `Mã cũ: áp phích in mã lần cấp ${oldCode.revision}, mã hiện hành là lần ${revoked.revision}.`,
    },
    { name: 'b-ma-cu-xoay.png', buffer: sideways, expected: `Mã cũ: áp phích in mã lần cấp ${oldCode.revision}, mã hiện hành là lần ${revoked.revision}.` },
    { name: 'c-co-so-khac.png', buffer: ofB, expected: `Mã của cơ sở khác (${venueB.code}), không phải của cơ sở này.` },
    { name: 'd-chu-ky-sua.png', buffer: forged, expected: 'Chữ ký số không hợp lệ: mã đã bị sửa hoặc làm giả.' },
    { name: 'e-xoay-nghieng.png', buffer: sidewaysNew, expected: `Mã thật, đúng mã hiện hành của cơ sở ${shortA}.` },
  ];
  for (const { name, buffer, expected } of cases) {
    await test.step(name, async () => {
      await upload.setInputFiles({ name, mimeType: 'image/png', buffer });
      await expect(verdict).toHaveText(expected, { timeout: 20_000 });
      if (expected.startsWith('Mã thật')) {
        await expect(verdict).toHaveClass(/good/);
        await expect(page.getByRole('button', { name: 'Ghi thành tồn tại' })).toHaveCount(0);
      } else {
        await expect(verdict).toHaveClass(/bad/);
      }
    });
  }

  // The last bad verdict shown (another venue's poster) becomes a finding in one click.
  await upload.setInputFiles({ name: 'c-lan-nua.png', mimeType: 'image/png', buffer: ofB });
  await expect(verdict).toHaveText(`Mã của cơ sở khác (${venueB.code}), không phải của cơ sở này.`, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Ghi thành tồn tại' }).click();
  await expect(page.getByText('Đã ghi thành tồn tại.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Đúng mã hiện hành của cơ sở' })).not.toBeChecked();
  const finding = page.getByRole('group', { name: /Tồn tại 1: Sai mã hoặc mã cũ/ });
  await expect(finding.getByLabel('Mô tả')).toHaveValue(`Mã của cơ sở khác (${venueB.code}), không phải của cơ sở này.`);
});

test('"Dùng camera" reads the code from the webcam and stops the camera', async ({ page, context, signedInUrl }) => {
  await context.grantPermissions(['camera'], { origin: new URL(signedInUrl).origin });
  const call = bridgeApi(signedInUrl);
  const venue = await call('venues.create', { name: 'Tiệm tạp hoá Minh Châu' });
  const round = await call('rounds.create', {
    name: 'Kiểm tra niêm yết tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [venue.id],
  });
  await page.goto(`${signedInUrl}#/inspections/${round.id}/visit/${venue.id}`);
  await page.getByRole('button', { name: 'Dùng camera' }).click();
  await expect(page.getByRole('button', { name: 'Tắt camera' })).toBeVisible();
  await expect(page.locator('.verdict')).toContainText('Không nhận ra mã này', { timeout: 20_000 });
  // Read once, the stream is stopped and the video gone.
  await expect(page.locator('.verify-camera video')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Dùng camera' })).toBeVisible();
});
