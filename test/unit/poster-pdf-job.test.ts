import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import type { PdfRenderer } from '../../main/posters/pdf-renderer';
import { callersOf } from '../support/core';
import { seedVenues } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function onePagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  return pdf.save();
}

/** A Chromium stand-in that logs each call; `beforePart` may hold a part back. */
function fakeRenderer(beforePart: (part: number) => Promise<void> = async () => {}) {
  const calls: string[] = [];
  const renderer: PdfRenderer = {
    async render(viewPath, pageKey) {
      calls.push(`render ${pageKey} ${viewPath.slice(viewPath.indexOf('?'))}`);
      await beforePart(calls.filter((call) => call.startsWith('render')).length);
      return onePagePdf();
    },
    async release(pageKey) {
      calls.push(`release ${pageKey}`);
    },
    async close() {},
  };
  return { calls, renderer };
}

/** A core on a folder seeded with `venues` venues, printing with `renderer`. */
async function coreWith(venues: number, renderer: PdfRenderer) {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
  seedVenues(db, venues, { prefix: 'KB' });
  db.close();
  const core = openAppCore({ dataDir: temp.dir, appVersion: '0.0.0-test', pdfRenderer: () => renderer });
  cleanups.push(() => {
    core.close();
    temp.remove();
  });
  const callers = callersOf(core.dispatch);
  await callers.signIn();
  const job = await callers.call('posters.createJob', { selection: { kind: 'filter', query: {} }, template: 'a4' });
  return { ...callers, job };
}

describe('poster PDF job', () => {
  it('prints every part in one kept page into one PDF, then frees the page', async () => {
    const { calls, renderer } = fakeRenderer();
    const { call, job } = await coreWith(250, renderer);
    await call('posters.exportPdf', { jobId: job.jobId });
    await expect.poll(async () => (await call('posters.status', { jobId: job.jobId })).phase, { timeout: 10_000 }).toBe('done');
    const key = `print-job:${job.jobId}`;
    expect(calls).toEqual([`render ${key} ?offset=0&limit=100`, `render ${key} ?offset=100&limit=100`, `render ${key} ?offset=200&limit=100`, `release ${key}`]);
    // The parts' pages, in one PDF.
    const { bytesBase64 } = await call('posters.download', { jobId: job.jobId });
    expect((await PDFDocument.load(Buffer.from(bytesBase64, 'base64'))).getPageCount()).toBe(3);
  }, 30_000);

  it('cancelled mid-job: ends after the part being printed, hands out no PDF, frees the page', async () => {
    let cancelAsked: () => void = () => {};
    const cancelled = new Promise<void>((resolve) => (cancelAsked = resolve));
    let secondStarted: () => void = () => {};
    const second = new Promise<void>((resolve) => (secondStarted = resolve));
    const { calls, renderer } = fakeRenderer(async (part) => {
      if (part !== 2) return;
      secondStarted();
      await cancelled;
    });
    const { call, fail, job } = await coreWith(250, renderer);
    await call('posters.exportPdf', { jobId: job.jobId });
    await second;
    expect((await call('posters.status', { jobId: job.jobId })).progress).toEqual({ done: 100, total: 250 });
    await call('posters.cancel', { jobId: job.jobId });
    cancelAsked();
    await expect.poll(async () => (await call('posters.status', { jobId: job.jobId })).phase, { timeout: 10_000 }).toBe('cancelled');
    const key = `print-job:${job.jobId}`;
    expect(calls).toEqual([`render ${key} ?offset=0&limit=100`, `render ${key} ?offset=100&limit=100`, `release ${key}`]);
    expect((await fail('posters.download', { jobId: job.jobId })).code).toBe('CONFLICT');
  }, 30_000);
});
