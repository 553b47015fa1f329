import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { FixtureFile } from '../support/import-fixtures';

export interface ImportMemory {
  idleRssMb: number;
  peakRssMb: number;
  afterRssMb: number;
  heapKeptMb: number;
  /** The high-water mark once each step (read, check, commit) had ended. */
  peakAfter: Record<string, number>;
}

/**
 * The import's own peak RSS, measured in a fresh Node process that holds nothing but an
 * office's engine (the bench process holds the fixtures and the bare floor's rows). The
 * child is bundled as the engine is (main/build/build-node.mjs), so neither the TypeScript
 * loader nor unbundled modules count against the import.
 */
export function measureImportMemory(file: FixtureFile, dir: string): ImportMemory {
  const fixture = path.join(dir, 'memory-fixture.xlsx');
  fs.writeFileSync(fixture, Buffer.from(file.bytesBase64, 'base64'));
  const child = fileURLToPath(new URL('./import-memory-child.ts', import.meta.url));
  const bundle = path.join(dir, 'import-memory-child.cjs');
  buildSync({ entryPoints: [child], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, external: ['better-sqlite3'], logLevel: 'error' });
  const output = execFileSync(process.execPath, ['--expose-gc', bundle, path.join(dir, 'memory-app'), fixture], {
    encoding: 'utf8',
    // The bundle lives in a temporary folder; the native SQLite module stays in the project's node_modules.
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ImportMemory;
}
