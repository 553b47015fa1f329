import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { expect, test } from '../support/browser-fixtures';
import { createPrng } from '../support/synthetic-venues';

/**
 * "Đọc mã từ ảnh" on the venue page: photos made here, in the test, from a real QR code
 * (qrcode → PNG) and turned into what a phone gives: turned sideways, tilted on a wall with
 * uneven light and sensor noise, saved as JPEG; and a photo with no code at all.
 */

const CODE = 'https://qr.gov.vn/c/ABC-123?x=1';
const NOT_FOUND = 'Không đọc được mã QR trong ảnh này. Hãy chụp lại gần hơn, đủ sáng, không bị loá.';

interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Buffer;
}

function readPng(bytes: Buffer): Image {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

function writePng(image: Image): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  image.data.copy(png.data);
  return PNG.sync.write(png);
}

/** A quarter turn clockwise, as a phone held sideways saves a photo. */
function rotate90(image: Image): Image {
  const { width, height, data } = image;
  const out = Buffer.alloc(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.copy(out, ((x * height) + (height - 1 - y)) * 4, (y * width + x) * 4, (y * width + x) * 4 + 4);
    }
  }
  return { width: height, height: width, data: out };
}

/**
 * A grey wall photographed in light that fades from one corner to the other, with sensor
 * noise; the poster (if any) tilted by `degrees` and lit by the same light.
 */
function photo(poster: Image | null, width: number, height: number, degrees = 0): Image {
  const data = Buffer.alloc(width * height * 4);
  const next = createPrng(20240605);
  const angle = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [centreX, centreY] = [width * 0.45, height * 0.55];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let value = 150 + 30 * Math.sin(x / 97) * Math.cos(y / 131); // the wall's blotches
      if (poster) {
        // Where this pixel falls on the (tilted) poster, sampled nearest-neighbour.
        const px = Math.round(cos * (x - centreX) + sin * (y - centreY) + poster.width / 2);
        const py = Math.round(-sin * (x - centreX) + cos * (y - centreY) + poster.height / 2);
        if (px >= 0 && py >= 0 && px < poster.width && py < poster.height) value = poster.data[(py * poster.width + px) * 4];
      }
      const light = 0.45 + 0.55 * ((x / width) * 0.7 + (y / height) * 0.3); // dim bottom-left, bright top-right
      const noisy = value * light + (next() - 0.5) * 40;
      const offset = (y * width + x) * 4;
      data[offset] = Math.max(0, Math.min(255, noisy + 6)); // a warm cast, as under a shop's light
      data[offset + 1] = Math.max(0, Math.min(255, noisy));
      data[offset + 2] = Math.max(0, Math.min(255, noisy - 8));
      data[offset + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Re-encodes a PNG as a JPEG with Chromium's own encoder (no JPEG encoder among the test packages). */
async function toJpeg(page: Page, png: Buffer, quality: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ pngBase64, quality }) => {
      const bytes = Uint8Array.from(atob(pngBase64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
      let binary = '';
      for (const byte of jpeg) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { pngBase64: png.toString('base64'), quality },
  );
  const jpeg = Buffer.from(base64, 'base64');
  expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // really a JPEG
  return jpeg;
}

test('a QR code read from a photo fills the official code; a photo without one says so in Vietnamese', async ({ page, signedInUrl }) => {
  // Heavy: six photos up to 2600 px decoded by WebAssembly in the page; on a loaded 2-core machine beside the print-fidelity damage runs it took over a minute.
  test.setTimeout(180_000);
  const cspMessages: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspMessages.push(message.text());
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  const venue = (await (await page.request.post(`${signedInUrl}api/venues.create`, { data: { name: 'Chợ Kỳ Bắc' } })).json()).value;
  await page.goto(`${signedInUrl}#/venues/${venue.id}`);
  const official = page.getByLabel('Mã chính thức');
  const fromPhoto = page.getByLabel('Đọc mã từ ảnh');
  await expect(page.getByRole('button', { name: 'Đọc mã từ ảnh' })).toBeVisible();

  const qr = await QRCode.toBuffer(CODE, { type: 'png', width: 600, margin: 4 });
  const samples: { name: string; mimeType: string; buffer: Buffer }[] = [
    { name: 'ma-qr.png', mimeType: 'image/png', buffer: qr },
    { name: 'ma-qr-xoay.png', mimeType: 'image/png', buffer: writePng(rotate90(readPng(qr))) },
    // 2600 px wide: read first shrunk to 2000 px, as a phone photo would be.
    { name: 'ap-phich-tren-tuong.png', mimeType: 'image/png', buffer: writePng(photo(readPng(qr), 2600, 1900, 8)) },
    { name: 'ap-phich-tren-tuong.jpg', mimeType: 'image/jpeg', buffer: await toJpeg(page, writePng(photo(readPng(qr), 1600, 1200, -12)), 0.6) },
  ];

  for (const [index, sample] of samples.entries()) {
    await official.fill('');
    const wasm = index === 0 ? page.waitForResponse((response) => response.url().endsWith('.wasm')) : null;
    await fromPhoto.setInputFiles(sample);
    await expect(official, sample.name).toHaveValue(CODE);
    if (wasm) {
      const response = await wasm;
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/wasm');
    }
  }
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A wall with no poster, and a file that is not an image at all.
  await official.fill('');
  await fromPhoto.setInputFiles({ name: 'tuong-trong.png', mimeType: 'image/png', buffer: writePng(photo(null, 1600, 1200)) });
  await expect(page.getByRole('alert')).toHaveText(NOT_FOUND);
  await expect(official).toHaveValue('');
  await fromPhoto.setInputFiles({ name: 'khong-phai-anh.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
  await expect(page.getByRole('alert')).toHaveText(NOT_FOUND);

  // A good photo again clears the message; the clerk then records the code.
  await fromPhoto.setInputFiles(samples[0]);
  await expect(official).toHaveValue(CODE);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Ghi mã chính thức' }).click();
  await expect(page.locator('.payload')).toHaveText(CODE);

  expect(cspMessages).toEqual([]);
  // Everything, the decoder's WebAssembly included, came from the app itself: no CDN.
  const origin = new URL(signedInUrl).origin;
  expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  expect(requested.some((url) => /\/assets\/zxing_reader-[\w-]+\.wasm$/.test(url))).toBe(true);
});
