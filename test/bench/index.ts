import os from 'node:os';
import { favourSmallHeap } from '../../main/engine/small-heap';
import { runDashboardBench } from './dashboard.bench';
import { runExchangeBench } from './exchange.bench';
import { runHostileBench } from './hostile.bench';
import { runImportBench } from './import.bench';
import { runPosterBench } from './posters.bench';
import { runReportBench } from './report.bench';
import { runScanBench } from './scans.bench';
import { writeResults } from './results';
import { runSearchBench } from './search.bench';

/**
 * `npm run bench` (tsx, plain Node; not part of `npm test`). Measures, never asserts.
 * BENCH_VENUES (default 100000), BENCH_ROUNDS (default 10), BENCH_IMPORT_ROWS (default
 * 100000), BENCH_POSTERS (default 2242), BENCH_QR_CODES (default 2000), BENCH_SCAN_ROWS
 * (daily scan counts of the province, default 1000000), BENCH_SCAN_IMPORT_ROWS (default
 * 100000, a multiple of 10), BENCH_DASHBOARD_ROUNDS and BENCH_REPORT_ROUNDS (default 5
 * each) shrink or grow the run; BENCH_ONLY=search, import, posters, dashboard, scans,
 * report, hostile or exchange runs one part. The posters and report parts run the built bridge:
 * `npm run build` first. Every ratio and goal is also written to bench-results.json
 * (BENCH_RESULTS names another file), even when a part fails, with what ran until then.
 */
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`bench: ${name} must be a positive integer, got "${raw}"`);
  return value;
}

// The app's figures are the data engine's, heap tuned as it is (the baselines run under the same flag).
favourSmallHeap();
const print = (line: string) => process.stdout.write(`${line}\n`);
const cpus = os.cpus();
print(`Điểm QR bench — ${new Date().toISOString()}`);
print(`cpu: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`);

const started = performance.now();
try {
  const only = process.env.BENCH_ONLY;
  const runs = (part: string) => only === undefined || only === '' || only === part;
  if (runs('search')) {
    await runSearchBench({
      venues: positiveInt('BENCH_VENUES', 100_000),
      rounds: positiveInt('BENCH_ROUNDS', 10),
      pageRepeats: 30,
      print,
    });
  }
  if (runs('import')) await runImportBench({ rows: positiveInt('BENCH_IMPORT_ROWS', 100_000), print });
  if (runs('posters')) await runPosterBench({ posters: positiveInt('BENCH_POSTERS', 2_242), codes: positiveInt('BENCH_QR_CODES', 2_000), print });
  if (runs('dashboard')) {
    await runDashboardBench({
      venues: positiveInt('BENCH_VENUES', 100_000),
      scanRows: positiveInt('BENCH_SCAN_ROWS', 1_000_000),
      rounds: positiveInt('BENCH_DASHBOARD_ROUNDS', 5),
      print,
    });
  }
  if (runs('scans')) {
    await runScanBench({
      rows: positiveInt('BENCH_SCAN_IMPORT_ROWS', 100_000),
      venues: positiveInt('BENCH_VENUES', 100_000),
      priorScanRows: positiveInt('BENCH_SCAN_ROWS', 1_000_000),
      print,
    });
  }
  if (runs('report')) {
    await runReportBench({
      venues: positiveInt('BENCH_VENUES', 100_000),
      scanRows: positiveInt('BENCH_SCAN_ROWS', 1_000_000),
      rounds: positiveInt('BENCH_REPORT_ROUNDS', 5),
      print,
    });
  }
  if (runs('hostile')) await runHostileBench({ print });
  if (runs('exchange')) await runExchangeBench({ venues: positiveInt('BENCH_VENUES', 100_000), scanRows: positiveInt('BENCH_SCAN_ROWS', 1_000_000), print });
  print('');
  print(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  const file = process.env.BENCH_RESULTS || 'bench-results.json';
  writeResults(file, { startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(), cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`, env: benchEnv() });
  print(`results written to ${file}`);
}

/** The BENCH_* settings of this run, so a results file says what it measured. */
function benchEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('BENCH_') && entry[1] !== undefined));
}
