import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/browser-fixtures';

const VILLAGES = ['Thôn Tân Thượng', 'Thôn Hoà Bình', 'Xóm Ga'];

async function call<T>(request: APIRequestContext, url: string, operation: string, data: object): Promise<T> {
  const answer = await (await request.post(`${url}api/${operation}`, { data })).json();
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.message}`);
  return answer.value as T;
}

interface Status {
  importId: string;
  phase: string;
  sheets: Array<{ name: string; headerRow: number; columns: Array<{ index: number; guess: string | null; encoding: string }> }>;
}

/** A commune's whole list brought in through the import, as a first print finds it: every venue waiting for a poster. */
async function importVenues(request: APIRequestContext, url: string, count: number) {
  await call(request, url, 'units.seedExample', {});
  const units = await call<Array<{ id: string; name: string }>>(request, url, 'units.list', {});
  await call(request, url, 'settings.update', { homeCommuneId: units.find((unit) => unit.name === 'Xã Kỳ Bắc')!.id });
  const lines = ['Tên cơ sở,Thôn', ...Array.from({ length: count }, (_, index) => `Quán số ${index + 1},${VILLAGES[index % VILLAGES.length]}`)];
  const file = { fileName: 'co-so.csv', bytesBase64: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64') };
  const settle = async (status: Status, phase: string) => {
    let current = status;
    await expect.poll(async () => (current = await call<Status>(request, url, 'imports.status', { importId: status.importId })).phase, { timeout: 60_000 }).toBe(phase);
    return current;
  };
  const read = await settle(await call<Status>(request, url, 'imports.open', file), 'read');
  const [sheet] = read.sheets;
  const columns = sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
  await settle(await call<Status>(request, url, 'imports.check', { importId: read.importId, sheet: sheet.name, headerRow: sheet.headerRow, columns }), 'checked');
  await settle(await call<Status>(request, url, 'imports.commit', { importId: read.importId, duplicateInFile: 'import', duplicateExisting: 'import' }), 'committed');
}

test('2,250 venues waiting: the print controls stay in view, the queue is grouped by village and drawn only where seen', async ({ page, signedInUrl }) => {
  test.setTimeout(180_000);
  await importVenues(page.request, signedInUrl, 2_250);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${signedInUrl}#/posters`);
  await expect(page.getByRole('heading', { name: 'Cần in hoặc in lại (2250)' })).toBeVisible();

  const prepare = page.getByRole('button', { name: 'Chuẩn bị bản in' });
  await expect(prepare).toBeInViewport();
  // Grouped by village, in Vietnamese order; only a screenful of the 2,250 rows is in the page.
  const queue = page.getByRole('table', { name: 'Danh sách chờ in' });
  await expect(queue.getByRole('row').nth(1)).toHaveText('Thôn Hoà Bình — 750 cơ sở');
  expect(await queue.getByRole('row').count()).toBeLessThan(100);
  // Scrolled to the end of the queue, the controls are still in view.
  await queue.locator('.queue-scroller').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
  await expect(queue.getByRole('row').last()).toBeVisible();
  await page.mouse.wheel(0, 5_000);
  await expect(prepare).toBeInViewport();
});

test('the print reason follows the queue, laminating is remembered, and what was printed leaves the queue', async ({ page, signedInUrl }) => {
  test.setTimeout(120_000);
  const created = await call<{ id: string }>(page.request, signedInUrl, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await call(page.request, signedInUrl, 'venues.create', { name: 'Quán cà phê Đường Sắt', type: 'cafe' });
  // Both printed once; then the market's code is revoked, so only it waits, for a revoked code.
  await page.goto(`${signedInUrl}#/posters`);
  await expect(page.getByRole('heading', { name: 'Cần in hoặc in lại (2)' })).toBeVisible();
  await expect(page.getByLabel('Lý do in')).toHaveValue('new');
  const laminated = page.getByLabel('Có ép plastic');
  await laminated.uncheck();
  const job = await call<{ jobId: string }>(page.request, signedInUrl, 'posters.createJob', { selection: { kind: 'queue' }, template: 'a4', reason: 'new', laminated: false, copies: 1 });
  await call(page.request, signedInUrl, 'posters.recordPrinted', { jobId: job.jobId });
  await call(page.request, signedInUrl, 'codes.revoke', { venueId: created.id, reason: 'lost' });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Cần in hoặc in lại (1)' })).toBeVisible();
  await expect(page.getByLabel('Lý do in')).toHaveValue('code_revoked');
  await expect(page.getByLabel('Có ép plastic')).not.toBeChecked();

  // Printed to PDF (its prints recorded): the queue asks again and is empty.
  await page.getByRole('button', { name: 'Chuẩn bị bản in' }).click();
  await expect(page.getByText('1 áp phích trên 1 trang.')).toBeVisible();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Xuất PDF' }).click();
  await download;
  await expect(page.getByRole('heading', { name: 'Cần in hoặc in lại (0)' })).toBeVisible();
  await expect(page.getByText('Không có cơ sở nào đang chờ in.')).toBeVisible();
});

test('after the print dialog, the question whether paper came out is scrolled into view and its button focused', async ({ page, signedInUrl }) => {
  test.setTimeout(120_000);
  await call(page.request, signedInUrl, 'venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${signedInUrl}#/posters`);
  await page.getByRole('button', { name: 'Chuẩn bị bản in' }).click();
  // "In" sits below the poster's preview: clicking it scrolls the page down to it.
  await page.getByRole('button', { name: 'In', exact: true }).click();
  const record = page.getByRole('button', { name: 'Đã in xong, ghi sổ' });
  await expect(record).toBeFocused({ timeout: 30_000 });
  const box = (await record.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
});
