import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { createPrng } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';
import { prepareBaseFolder, type SoakBase } from './base-folder';
import { checkKilledFolder } from './checks';
import { SOAK_KINDS, type SoakEvent, type SoakKind, type WriteEvent } from './events';

export interface SoakOptions {
  runs: number;
  seed: number;
  /** The kinds to run in turn (default: all). */
  kinds?: readonly SoakKind[];
  /** Called after each run, for progress. */
  onRun?: (result: RunResult) => void;
}

export interface RunResult {
  index: number;
  kind: SoakKind;
  seed: number;
  killAfterMs: number;
  /** Writes answered before the kill. */
  acked: number;
  /** The kill came between a write's start and its answer. */
  cutMidWrite: boolean;
  problems: string[];
}

export interface SoakReport {
  runs: RunResult[];
  seconds: number;
}

/** How long after `ready` the kill may come: about the span of a few rounds of the kind's work, so it lands anywhere in them. */
const KILL_WITHIN_MS: Record<SoakKind, number> = { import: 4000, print: 800, visit: 1200, backup: 1200, restore: 1500 };

/** The working process bundled as the data engine is, so each run starts in a fraction of a second without a TypeScript loader. */
function bundleChild(dir: string): string {
  const outfile = path.join(dir, 'soak-child.cjs');
  const entry = fileURLToPath(new URL('./soak-child.ts', import.meta.url));
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['better-sqlite3'], logLevel: 'error' });
  return outfile;
}

/** Starts the working process, kills it `killAfterMs` after it is ready, and returns the events it printed. */
function runUntilKilled(bundle: string, dataDir: string, kind: SoakKind, seed: number, base: SoakBase, killAfterMs: number) {
  return new Promise<{ events: WriteEvent[]; problems: string[] }>((resolve) => {
    const child = spawn(process.execPath, [bundle, dataDir, kind, String(seed), JSON.stringify(base)], {
      // The bundle lives in a temporary folder; the native SQLite module stays in the project's node_modules.
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: WriteEvent[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      // Only whole lines count: a line cut by the kill was never fully said.
      pending = lines.pop()!;
      for (const line of lines) {
        const event = JSON.parse(line) as SoakEvent;
        if (event.event === 'ready') setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
        else events.push(event);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => {
      const ended = killed || code === 0 ? [] : [`the working process ended with ${code} before the kill: ${stderr.slice(0, 800)}`];
      resolve({ events, problems: ended });
    });
  });
}

/**
 * Kill -9 at random moments of imports, print records, visits with photos, backups and
 * restores (issue 12). Each run copies a prepared folder, works on it in a fresh process
 * until SIGKILL, then reopens it as the app's next start would and checks it (checks.ts).
 */
export async function runSoak({ runs, seed, kinds = SOAK_KINDS, onRun }: SoakOptions): Promise<SoakReport> {
  const started = performance.now();
  const temp = makeTempDir('diemqr-soak-');
  try {
    const bundle = bundleChild(temp.dir);
    const baseDir = path.join(temp.dir, 'base');
    const base = await prepareBaseFolder(baseDir);
    const random = createPrng(seed);
    const results: RunResult[] = [];
    for (let index = 0; index < runs; index++) {
      const kind = kinds[index % kinds.length];
      const runSeed = Math.floor(random() * 1e9);
      const killAfterMs = Math.floor(random() * KILL_WITHIN_MS[kind]);
      const dataDir = path.join(temp.dir, `run-${index}`);
      fs.cpSync(baseDir, dataDir, { recursive: true });
      const { events, problems } = await runUntilKilled(bundle, dataDir, kind, runSeed, base, killAfterMs);
      problems.push(...(await checkKilledFolder(dataDir, events)));
      const result = { index, kind, seed: runSeed, killAfterMs, acked: events.filter((event) => event.event === 'ack').length, cutMidWrite: events.at(-1)?.event === 'start', problems };
      results.push(result);
      onRun?.(result);
      // A passing run's folder goes; a failing one's stays for a look while the soak runs.
      if (problems.length === 0) fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return { runs: results, seconds: (performance.now() - started) / 1000 };
  } finally {
    temp.remove();
  }
}
