import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let bundled: string | null = null;

/**
 * The file reader's worker entry (main/import/read-worker.ts) bundled as build-node.mjs
 * bundles it beside the engine: a worker thread cannot load TypeScript. Built once per
 * test process into a folder of its own, removed when the process ends.
 */
export function readerBundle(): string {
  if (bundled !== null) return bundled;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemqr-reader-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const entry = fileURLToPath(new URL('../../main/import/read-worker.ts', import.meta.url));
  const outfile = path.join(dir, 'read-file.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  bundled = outfile;
  return outfile;
}
