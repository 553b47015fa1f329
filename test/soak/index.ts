import { SOAK_KINDS } from './events';
import { runSoak } from './soak';

/**
 * `npm run soak`: SOAK_RUNS runs (default 200) killed with SIGKILL at random moments, from
 * SOAK_SEED (default: the time); SOAK_ONLY=import,visit runs only those kinds. Prints each
 * failure with its run's seed and a summary per kind; exits 1 when any run failed. A small
 * slice runs in the unit suite.
 */
const runs = Number(process.env.SOAK_RUNS ?? 200);
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const only = process.env.SOAK_ONLY?.split(',');
const kinds = only ? SOAK_KINDS.filter((kind) => only.includes(kind)) : SOAK_KINDS;
if (kinds.length === 0) throw new Error(`SOAK_ONLY names no kind of work; the kinds are ${SOAK_KINDS.join(', ')}`);
const report = await runSoak({
  runs,
  seed,
  kinds,
  onRun: (run) => {
    if (run.problems.length > 0) process.stdout.write(`FAIL run ${run.index} ${run.kind} seed ${run.seed} killed after ${run.killAfterMs} ms:\n  ${run.problems.join('\n  ')}\n`);
    else if ((run.index + 1) % 25 === 0) process.stdout.write(`${run.index + 1} runs\n`);
  },
});
for (const kind of kinds) {
  const ofKind = report.runs.filter((run) => run.kind === kind);
  const failed = ofKind.filter((run) => run.problems.length > 0).length;
  const acked = ofKind.reduce((sum, run) => sum + run.acked, 0);
  const cut = ofKind.filter((run) => run.cutMidWrite).length;
  process.stdout.write(`${kind.padEnd(8)} ${ofKind.length} runs (${cut} killed mid-write), ${acked} answered writes checked, ${failed} failed\n`);
}
const failures = report.runs.filter((run) => run.problems.length > 0).length;
process.stdout.write(`\n${report.runs.length} runs, seed ${seed}, ${report.seconds.toFixed(0)} s: ${failures} failed\n`);
if (failures > 0) process.exitCode = 1;
