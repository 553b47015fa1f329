import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export interface HostileReading {
  refusal?: string;
  rows?: number;
  idleRssMb: number;
  peakRssMb: number;
  seconds: number;
  longestHoldMs: number;
}

/** The heap a reading child may grow to: today's app died at 4.2 GB; a reading past this fails the test instead of the machine. */
const CHILD_HEAP_MB = 1024;

/**
 * Bundles the reading child once into dir, and beside it the file reader's worker entry
 * (as build-node.mjs bundles both beside the engine, so loaders do not count against the file).
 */
export function bundleHostileReader(dir: string): string {
  const bundleInto = (source: string, outfile: string) =>
    buildSync({ entryPoints: [fileURLToPath(new URL(source, import.meta.url))], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['better-sqlite3'], logLevel: 'error' });
  bundleInto('../../main/import/read-worker.ts', path.join(dir, 'read-file.cjs'));
  const bundle = path.join(dir, 'hostile-read-child.cjs');
  bundleInto('./hostile-read-child.ts', bundle);
  return bundle;
}

/**
 * Reads one file in a fresh process and returns what it measured; a child that dies (out of
 * memory, past the timeout) throws, naming how.
 */
export function measureHostileFile(bundle: string, filePath: string, fileName: string, timeoutMs: number): HostileReading {
  const reader = path.join(path.dirname(bundle), 'read-file.cjs');
  const result = spawnSync(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, bundle, filePath, fileName, reader], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    maxBuffer: 1024 * 1024,
  });
  if (result.status !== 0) {
    const how = result.signal ? `killed by ${result.signal}` : `exit ${result.status}`;
    throw new Error(`reading ${fileName}: the child ${how}: ${result.stderr.slice(-600)}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as HostileReading;
}
