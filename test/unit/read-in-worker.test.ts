import { describe, expect, it, vi } from 'vitest';
import { readInWorker } from '../../main/import/read-in-worker';
import { chooseOfficeCommune, useFreshCore, type TestCore } from '../support/core';
import { LARGE_REAL_CSV } from '../support/hostile-files';
import { bigXlsx } from '../support/import-fixtures';
import { settleImport } from '../support/import-flow';
import { readerBundle } from '../support/reader-bundle';
import { syntheticVenues } from '../support/synthetic-venues';

/**
 * Issue 12: an import's file is read in a worker thread of its own (main/import/read-in-worker.ts),
 * so the engine answers every other operation meanwhile, cancel ends the worker and the
 * memory it held, and a file that escapes the caps kills only its worker. Every worker the
 * reader starts is followed here until it exits.
 */
const workers = vi.hoisted(() => [] as Array<{ exited: Promise<number>; answers: string[] }>);
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class FollowedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      const answers: string[] = [];
      this.on('message', (answer: { kind: string }) => answers.push(answer.kind));
      workers.push({ exited: new Promise((resolve) => this.once('exit', resolve)), answers });
    }
  }
  return { ...real, Worker: FollowedWorker };
});

const freshCore = useFreshCore();

async function office(core: TestCore): Promise<TestCore> {
  await core.signIn();
  await chooseOfficeCommune(core);
  return core;
}

/** The biggest file of the corpus read whole: 199,000 rows, 28 MB of CSV, seconds of parsing. */
const largestFile = async () => ({ fileName: LARGE_REAL_CSV.fileName, bytesBase64: (await LARGE_REAL_CSV.make()).toString('base64') });

describe('an import file is read in a worker of its own', () => {
  it('another operation answers while the biggest file is still being read', async () => {
    const core = await office(freshCore());
    await core.call('venues.create', { name: 'Quán nước đầu ngõ' });
    const before = workers.length;
    const opened = await core.call('imports.open', await largestFile());
    const listed = await core.call('venues.list', { search: '', limit: 10 });
    expect(listed.items.map((venue) => venue.name)).toEqual(['Quán nước đầu ngõ']);
    // The list was answered before the read ended: the read is not on the engine's thread.
    expect((await core.call('imports.status', { importId: opened.importId })).phase).toBe('reading');
    expect(workers.length).toBe(before + 1);
    const read = await settleImport(core, opened);
    expect(read.phase).toBe('read');
    expect(read.sheets[0].rowCount).toBeGreaterThanOrEqual(199_000);
    await workers.at(-1)!.exited;
  }, 120_000);

  it('cancelling a read terminates its worker', async () => {
    const core = await office(freshCore());
    const before = workers.length;
    const opened = await core.call('imports.open', await largestFile());
    await expect.poll(() => workers.length, { timeout: 10_000, interval: 5 }).toBe(before + 1);
    await core.call('imports.cancel', { importId: opened.importId });
    const cancelled = await settleImport(core, opened);
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.sheets).toEqual([]);
    // The worker is gone before it finished reading, and with it all the read held.
    const worker = workers.at(-1)!;
    await worker.exited;
    expect(worker.answers).not.toContain('read');
  }, 120_000);

  it('a worker stopped by its memory limit refuses the file with a clear sentence and writes nothing', async () => {
    // A limit far below what 20,000 rows need forces what a hostile file escaping the caps would do.
    const core = await office(freshCore({ readSheets: readInWorker(readerBundle(), { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 }) }));
    const read = await settleImport(core, await core.call('imports.open', await bigXlsx(syntheticVenues(20_000))));
    expect(read.phase).toBe('failed');
    expect(read.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('không đọc được'), sentence: { key: 'memory' } });
    expect(read.sheets).toEqual([]);
    expect((await core.call('venues.list', { search: '', limit: 10 })).total).toBe(0);
    await workers.at(-1)!.exited;
  }, 120_000);
});

describe('the national system\'s codes sheet', () => {
  it('is read in a worker of its own too', async () => {
    const core = await office(freshCore());
    const venue = await core.call('venues.create', { name: 'Chợ Kỳ Bắc' });
    const before = workers.length;
    const sheet = `\ufeffMã cơ sở;Mã QR\r\n${venue.code};QG-001\r\n`;
    const summary = await core.call('codes.importOfficial', { fileName: 'ma-quoc-gia.csv', bytesBase64: Buffer.from(sheet).toString('base64') });
    expect(summary).toEqual({ updated: 1, unchanged: 0 });
    expect(workers.length).toBe(before + 1);
    expect(await workers.at(-1)!.exited).toBe(0);
  });
});
