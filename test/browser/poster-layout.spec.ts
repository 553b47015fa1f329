import type { Locator, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { moduleMmIn, POSTER_QR, readingDistanceM } from '../../shared/qr/reach';
import { expect, test } from '../support/browser-fixtures';

const PX_PER_MM = 96 / 25.4;
const PX_PER_PT = 96 / 72;
const MM_PER_PDF_POINT = 25.4 / 72;

/** 120 characters of an ordinary (if long) Vietnamese venue name, tone marks and all. */
const LONG_NAME = 'Hợp tác xã dịch vụ nông nghiệp tổng hợp Đông Kỳ Bắc chuyên cung ứng vật tư phân bón giống cây trồng và thức ăn chăn nuôi';
const MARKUP_NAME = '<script>alert(1)</script><b>Quán</b>';
const SHORT_NAME = 'Chợ Kỳ Bắc';
/** The A4 name's readable minimum (POSTER_LAYOUT.a4.name.minPt). */
const A4_NAME_MIN_PT = 16;

async function createVenue(page: Page, url: string, name: string): Promise<string> {
  const answer = await (
    await page.request.post(`${url}api/venues.create`, {
      data: { name, type: 'shop', address: 'Số 12, đường Trần Hưng Đạo, thôn Đông', acknowledgeDuplicates: true },
    })
  ).json();
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.value.id;
}

async function openPrintView(page: Page, url: string, jobId: string, query = ''): Promise<void> {
  await page.goto(`${url}#/print/${jobId}${query}`);
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'element has a layout box').not.toBeNull();
  return found!;
}

test('A4 posters: one sheet a page, long names fitted inside their box, markup as text, a QR over 15 cm', async ({
  page,
  signedInUrl,
}) => {
  expect(LONG_NAME).toHaveLength(120);
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('dialog', (dialog) => {
    cspViolations.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });

  const venueIds = [];
  for (const name of [LONG_NAME, MARKUP_NAME, SHORT_NAME]) venueIds.push(await createVenue(page, signedInUrl, name));
  const job = await (
    await page.request.post(`${signedInUrl}api/posters.createJob`, { data: { selection: { kind: 'venues', venueIds }, template: 'a4' } })
  ).json();
  expect(job.ok, JSON.stringify(job.error)).toBe(true);
  expect(job.value).toMatchObject({ template: 'a4', posters: 3, pages: 3 });

  await openPrintView(page, signedInUrl, job.value.jobId);
  // Bare sheets: no app frame around them.
  await expect(page.locator('.frame-nav')).toHaveCount(0);
  const sheets = page.locator('.poster-sheet');
  await expect(sheets).toHaveCount(3);
  for (const sheet of await sheets.all()) {
    const { width, height } = await box(sheet);
    expect(width / PX_PER_MM).toBeCloseTo(210, 0);
    expect(height / PX_PER_MM).toBeCloseTo(297, 0);
    await expect(sheet.locator('.poster')).toHaveCount(1);
  }

  // One sheet per page, each page exactly A4: the PDF Chromium makes of this view.
  const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pdf.getPageCount()).toBe(3);
  for (const pdfPage of pdf.getPages()) {
    const { width, height } = pdfPage.getSize();
    expect(Math.abs(width * MM_PER_PDF_POINT - 210)).toBeLessThan(0.5);
    expect(Math.abs(height * MM_PER_PDF_POINT - 297)).toBeLessThan(0.5);
  }

  const posterOf = (venueId: string) => page.locator(`.poster[data-venue-id="${venueId}"]`);

  // The 120-character name wraps onto several lines, stays inside its box, at a readable size.
  const longName = posterOf(venueIds[0]).locator('.poster-name');
  const longText = longName.locator('.fit-text');
  await expect(longText).toHaveText(LONG_NAME);
  await expect(longName).not.toHaveClass(/fit-clipped/);
  const nameBox = await box(longName);
  const textBox = await box(longText);
  expect(textBox.x).toBeGreaterThanOrEqual(nameBox.x - 0.5);
  expect(textBox.y).toBeGreaterThanOrEqual(nameBox.y - 0.5);
  expect(textBox.x + textBox.width).toBeLessThanOrEqual(nameBox.x + nameBox.width + 0.5);
  expect(textBox.y + textBox.height).toBeLessThanOrEqual(nameBox.y + nameBox.height + 0.5);
  const { fontPx, lineHeightPx, scrollWidth, clientWidth } = await longText.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      fontPx: parseFloat(style.fontSize),
      lineHeightPx: parseFloat(style.lineHeight),
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    };
  });
  expect(fontPx).toBeGreaterThanOrEqual(A4_NAME_MIN_PT * PX_PER_PT - 0.01);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const lines = Math.round(textBox.height / lineHeightPx);
  expect(lines).toBeGreaterThanOrEqual(2);
  expect(lines).toBeLessThanOrEqual(3);

  // A short name gets the largest size.
  const shortText = posterOf(venueIds[2]).locator('.poster-name .fit-text');
  expect(await shortText.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThan(fontPx);

  // Markup in a name is printed as its characters; nothing of it becomes an element.
  const markupPoster = posterOf(venueIds[1]);
  await expect(markupPoster.locator('.poster-name .fit-text')).toHaveText(MARKUP_NAME);
  await expect(markupPoster.locator('script, b')).toHaveCount(0);

  // The QR: the box at least 15 cm, and modules large enough to read from the entrance's
  // distance (2.5 m, shared/qr/reach.ts); the level is the strongest that still reaches it.
  for (const venueId of venueIds) {
    const qr = posterOf(venueId).locator('svg.poster-qr');
    const { width, height } = await box(qr);
    expect(width / PX_PER_MM).toBeGreaterThanOrEqual(150);
    expect(Math.abs(width - height)).toBeLessThan(0.5);
    const modules = Number(await qr.getAttribute('data-qr-modules'));
    expect(['H', 'Q', 'M']).toContain(await qr.getAttribute('data-qr-level'));
    expect(readingDistanceM(moduleMmIn(width / PX_PER_MM, modules))).toBeGreaterThanOrEqual(POSTER_QR.a4.distanceM);
    await expect(posterOf(venueId).locator('.poster-code')).not.toBeEmpty();
  }
  await expect(posterOf(venueIds[0])).toContainText('Quét mã QR bằng điện thoại khi vào cơ sở');
  await expect(posterOf(venueIds[0])).toContainText('cao ngang tầm mắt khoảng 1,3 m');
  await expect(posterOf(venueIds[0])).toContainText(/Cấp ngày \d{2}\/\d{2}\/\d{4} · lần cấp 1/);
  // The main entrance is not named on its poster.
  await expect(page.locator('.poster-point')).toHaveCount(0);

  // A part of the job, as main renders big jobs: only those posters, and marked as that part.
  await openPrintView(page, signedInUrl, job.value.jobId, '?offset=1&limit=1');
  await expect(page.locator('.poster-sheet')).toHaveCount(1);
  await expect(page.locator(`.poster[data-venue-id="${venueIds[1]}"]`)).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('data-print-part', `${job.value.jobId}:1:1`);

  expect(cspViolations).toEqual([]);
});

test('sheets: 4×A6 on a portrait A4 and 2×A5 on a landscape A4, with cut marks', async ({ page, signedInUrl }) => {
  const venueIds = [];
  for (const name of ['Quán phở Hà Nội', 'Tiệm vàng Kim Thành', 'Nhà thuốc Minh Châu', 'Quán cà phê Đường Sắt', 'Chợ Kỳ Bắc']) {
    venueIds.push(await createVenue(page, signedInUrl, name));
  }
  for (const [template, perPage, widthMm, heightMm, posterMm] of [
    ['sheet_4xa6', 4, 210, 297, [105, 148]],
    ['sheet_2xa5', 2, 297, 210, [148, 210]],
  ] as const) {
    const job = await (
      await page.request.post(`${signedInUrl}api/posters.createJob`, { data: { selection: { kind: 'venues', venueIds }, template } })
    ).json();
    expect(job.ok, JSON.stringify(job.error)).toBe(true);
    await openPrintView(page, signedInUrl, job.value.jobId);
    const sheets = page.locator('.poster-sheet');
    await expect(sheets).toHaveCount(Math.ceil(5 / perPage));
    await expect(sheets.first().locator('.poster')).toHaveCount(perPage);
    await expect(sheets.first().locator('.poster-cut-tick').first()).toBeAttached();
    const sheet = await box(sheets.first());
    expect(sheet.width / PX_PER_MM).toBeCloseTo(widthMm, 0);
    expect(sheet.height / PX_PER_MM).toBeCloseTo(heightMm, 0);
    for (const poster of await sheets.first().locator('.poster').all()) {
      const { x, y, width, height } = await box(poster);
      expect(width / PX_PER_MM).toBeCloseTo(posterMm[0], 0);
      expect(height / PX_PER_MM).toBeCloseTo(posterMm[1], 0);
      expect(x).toBeGreaterThanOrEqual(sheet.x - 0.5);
      expect(y).toBeGreaterThanOrEqual(sheet.y - 0.5);
      expect(x + width).toBeLessThanOrEqual(sheet.x + sheet.width + 0.5);
      expect(y + height).toBeLessThanOrEqual(sheet.y + sheet.height + 0.5);
    }
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.getPageCount()).toBe(Math.ceil(5 / perPage));
    const size = pdf.getPage(0).getSize();
    expect(Math.abs(size.width * MM_PER_PDF_POINT - widthMm)).toBeLessThan(0.5);
    expect(Math.abs(size.height * MM_PER_PDF_POINT - heightMm)).toBeLessThan(0.5);
  }
});
