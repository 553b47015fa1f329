import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOfficeCommune, useFreshCore } from '../support/core';
import { HOSTILE_FILES, writeHostileFile, type HostileFile } from '../support/hostile-files';
import { bundleHostileReader, measureHostileFile } from '../support/hostile-memory';

import { makeTempDir } from '../support/temp-dir';
import { settleImport, settleScans } from '../support/import-flow';

/**
 * Issue 12, hostile files: each is read in a fresh process capped at a 1 GB heap (today's
 * app died at 4.2 GB on the first of them) and must be refused with a sentence naming
 * what was too big, at a peak RSS within 300 MB, without holding the event loop (every
 * other operation waits that long). The heavy ones (a zip bomb, a million rows) are
 * measured by the bench: `BENCH_ONLY=hostile npm run bench`.
 */
const PEAK_RSS_MB = 300;
/**
 * The freeze found was 40 s (a 47 MB one-line CSV). The longest hold left is the batch of
 * rows the streaming .xlsx reader builds before yielding the first: ~0.6 s for rows 16,384
 * cells wide when the machine is idle, twice that under the full suite.
 */
const LONGEST_HOLD_MS = 3000;
const light = HOSTILE_FILES.filter((file) => !file.heavy);
const named = (name: string) => HOSTILE_FILES.find((file) => file.name === name) as HostileFile;

describe('hostile files are refused within bounded memory, the app answering meanwhile', () => {
  const temp = makeTempDir('diemqr-hostile-');
  let bundle = '';
  beforeAll(() => {
    bundle = bundleHostileReader(temp.dir);
  });
  afterAll(() => temp.remove());

  it.each(light.map((file) => [file.name, file] as const))('%s', { timeout: 120_000 }, async (_name, file) => {
    const filePath = await writeHostileFile(file, temp.dir);
    const reading = measureHostileFile(bundle, filePath, file.fileName, 90_000);
    fs.rmSync(filePath);
    expect(reading.refusal).toContain(file.refusal);
    expect(reading.peakRssMb).toBeLessThanOrEqual(PEAK_RSS_MB);
    expect(reading.longestHoldMs).toBeLessThan(LONGEST_HOLD_MS);
  });
});

const freshCore = useFreshCore();

describe('a refused hostile file writes nothing and says why', () => {
  it.each([
    ['sheets-51', 'sheets'],
    ['long-inline-cell', 'cell'],
  ])('venue import: %s', async (name, key) => {
    const core = freshCore();
    await core.signIn();
    await chooseOfficeCommune(core);
    const file = named(name);
    const bytesBase64 = (await file.make()).toString('base64');
    const read = await settleImport(core, await core.call('imports.open', { fileName: file.fileName, bytesBase64 }));
    expect(read.phase).toBe('failed');
    // The sentence's key lets the page word it in English (imports.refusals).
    expect(read.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining(file.refusal), sentence: { key } });
    expect(read.sheets).toEqual([]);
    expect((await core.call('venues.list', { search: '', limit: 10 })).items).toEqual([]);
  });

  it('scan-count import: a sheet far too long', async () => {
    const core = freshCore();
    await core.signIn();
    const file = named('last-row-50-sheets');
    const read = await settleScans(core, await core.call('scans.open', { fileName: file.fileName, bytesBase64: (await file.make()).toString('base64') }));
    expect(read.phase).toBe('failed');
    expect(read.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining(file.refusal), sentence: { key: 'rows', values: { limit: 200_000 } } });
  });
});
