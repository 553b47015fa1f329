import fs from 'node:fs';
import { call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { decodeJsqr, decodeZxing, frameSymbol, locateByZxing, measureQr, pdfPages, pdfText, rasterise, readPng } from '../support/raster';
import { syntheticVenues } from '../support/synthetic-venues';

/**
 * The end-to-end: a clerk picks a village on "Mã QR & áp phích", exports its
 * posters as one PDF, and gets one page per venue of that village and no other, each page
 * carrying its own venue's code; the print history then shows those prints.
 */

test('export a village\'s posters as one PDF: one page per venue, each decoding to its venue, recorded in the history', async ({ page, signedInUrl: url, request }) => {
  test.setTimeout(120_000);
  await call(request, url, 'units.seedExample', {});
  const units = await call(request, url, 'units.list', {});
  const kyBac = units.find((unit) => unit.name === 'Xã Kỳ Bắc' && unit.level === 'commune')!;
  const village = (name: string) => units.find((unit) => unit.name === name && unit.parentId === kyBac.id)!;
  await call(request, url, 'settings.update', { homeCommuneId: kyBac.id });

  const [tanThuong, hoaBinh] = [village('Thôn Tân Thượng'), village('Thôn Hoà Bình')];
  const generated = syntheticVenues(8, 5_000);
  const inVillage = [];
  for (const venue of generated.slice(0, 6)) {
    inVillage.push(await call(request, url, 'venues.create', { name: venue.name, type: venue.type, ownerName: venue.ownerName, phones: venue.phones, villageId: tanThuong.id }));
  }
  const elsewhere = [];
  for (const venue of generated.slice(6)) {
    elsewhere.push(await call(request, url, 'venues.create', { name: venue.name, type: venue.type, villageId: hoaBinh.id }));
  }

  await page.goto(url);
  await page.getByRole('link', { name: 'Mã QR & áp phích' }).click();
  await page.getByLabel('In cho').selectOption({ label: 'Theo xã/thôn' });
  await page.getByLabel('Xã/phường').selectOption({ label: 'Xã Kỳ Bắc' });
  await page.getByLabel('Thôn/xóm/tổ dân phố').selectOption({ label: 'Thôn Tân Thượng' });
  await page.getByLabel('Khổ').selectOption('a4');
  await page.getByRole('button', { name: 'Chuẩn bị bản in' }).click();
  await expect(page.getByRole('status')).toHaveText('6 áp phích trên 6 trang.');

  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Xuất PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = fs.readFileSync(await download.path());

  // One page per venue of the village, at A4.
  const { count, sizes } = await pdfPages(pdf);
  expect(count).toBe(6);
  for (const size of sizes) expect([Math.round(size.widthMm), Math.round(size.heightMm)]).toEqual([210, 297]);

  // Each page's QR is the code of the venue whose short code that page prints, and each venue has its page.
  const payloadOf = new Map<string, string>();
  for (const venue of inVillage) payloadOf.set(venue.code, (await call(request, url, 'codes.ensure', { venueId: venue.id })).payload);
  const printed: string[] = [];
  for (const [index, png] of (await rasterise(pdf, 150)).entries()) {
    const raster = readPng(png);
    const text = await pdfText(pdf, index + 1);
    const shown = inVillage.filter((venue) => text.includes(venue.code));
    expect(shown, `page ${index + 1} prints one venue's short code`).toHaveLength(1);
    const [zxing] = await decodeZxing(raster);
    expect(zxing?.text, `page ${index + 1}: ZXing`).toBe(payloadOf.get(shown[0].code));
    const measure = measureQr(raster, 150, locateByZxing(zxing));
    expect(decodeJsqr(frameSymbol(raster, measure!))?.data, `page ${index + 1}: jsQR`).toBe(zxing.text);
    printed.push(shown[0].code);
  }
  expect(printed.toSorted()).toEqual(inVillage.map((venue) => venue.code).toSorted());

  // The history has exactly those prints: one PDF each for the village, nothing for the others.
  for (const venue of inVillage) {
    const history = await call(request, url, 'posters.history', { venueId: venue.id });
    expect(history, venue.name).toHaveLength(1);
    expect(history[0]).toMatchObject({ output: 'pdf', template: 'a4', reason: 'new', copies: 1, revision: 1, printedBy: 'Nguyễn Thị Lan' });
  }
  for (const venue of elsewhere) expect(await call(request, url, 'posters.history', { venueId: venue.id })).toEqual([]);

  // And the venue page shows it.
  await page.goto(`${url}#/venues/${inVillage[0].id}`);
  const historyTable = page.locator('table.print-history');
  await expect(historyTable.locator('tbody tr')).toHaveCount(1);
  await expect(historyTable).toContainText('Tệp PDF');
});
