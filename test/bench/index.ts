import os from 'node:os';
import { runImportBench } from './import.bench';
import { runSearchBench } from './search.bench';

/**
 * `npm run bench` (tsx, plain Node; not part of `npm test`). Measures, never asserts.
 * BENCH_VENUES (default 100000), BENCH_ROUNDS (default 10) and BENCH_IMPORT_ROWS (default
 * 100000) shrink or grow the run; BENCH_ONLY=search or import runs one part.
 */
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`bench: ${name} must be a positive integer, got "${raw}"`);
  return value;
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const cpus = os.cpus();
print(`Điểm QR bench — ${new Date().toISOString()}`);
print(`cpu: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`);

const started = performance.now();
try {
  const only = process.env.BENCH_ONLY;
  if (only !== 'import') {
    await runSearchBench({
      venues: positiveInt('BENCH_VENUES', 100_000),
      rounds: positiveInt('BENCH_ROUNDS', 10),
      pageRepeats: 30,
      print,
    });
  }
  if (only !== 'search') await runImportBench({ rows: positiveInt('BENCH_IMPORT_ROWS', 100_000), print });
  print('');
  print(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
