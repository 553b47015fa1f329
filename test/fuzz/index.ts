import { makeTempDir } from '../support/temp-dir';
import { fuzzContract } from './fuzz-contract';

/**
 * `npm run fuzz`: every contract operation with FUZZ_RUNS generated inputs (default 1,000)
 * from FUZZ_SEED (default: the time). Prints the answers per operation and every INTERNAL
 * or crash with its input; exits 1 when there is any. A small slice runs in the unit suite.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const temp = makeTempDir('diemqr-fuzz-');
const started = performance.now();
try {
  const report = await fuzzContract({ dataDir: temp.dir, runs, seed });
  for (const [operation, answers] of Object.entries(report.answers)) {
    process.stdout.write(`${operation.padEnd(28)} ${Object.entries(answers).map(([code, n]) => `${code} ${n}`).join(', ')}\n`);
  }
  process.stdout.write(`\n${report.calls} calls, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(0)} s: ${report.internal.length} INTERNAL, ${report.crashes.length} crashes\n`);
  for (const { operation, input } of report.internal.slice(0, 20)) process.stdout.write(`INTERNAL ${operation} ${JSON.stringify(input)?.slice(0, 400)}\n`);
  for (const line of report.loggedErrors.slice(0, 20)) process.stdout.write(`${line.slice(0, 600)}\n`);
  for (const crash of report.crashes.slice(0, 10)) process.stdout.write(`CRASH ${crash}\n`);
  if (report.internal.length > 0 || report.crashes.length > 0) process.exitCode = 1;
} finally {
  temp.remove();
}
