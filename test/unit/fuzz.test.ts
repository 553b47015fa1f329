import { describe, expect, it } from 'vitest';
import { fuzzContract } from '../fuzz/fuzz-contract';
import { makeTempDir } from '../support/temp-dir';

/**
 * The CI slice of `npm run fuzz`: every operation of the contract with a few generated and
 * broken inputs (a fixed seed, so a failure here reproduces). The full run takes 1,000 each.
 */
describe('every operation refuses bad input in words, never INTERNAL', () => {
  it('answers generated and mutated inputs to every operation without INTERNAL or a crash', async () => {
    const temp = makeTempDir('diemqr-fuzz-');
    try {
      const report = await fuzzContract({ dataDir: temp.dir, runs: 25, seed: 20261201 });
      expect(report.internal, report.loggedErrors.join('\n')).toEqual([]);
      expect(report.crashes).toEqual([]);
      // Each operation was reached, and some calls got past validation into the handlers.
      expect(Object.keys(report.answers).length).toBeGreaterThan(90);
      expect(Object.values(report.answers).filter((answers) => (answers.ok ?? 0) > 0).length).toBeGreaterThan(20);
    } finally {
      temp.remove();
    }
  }, 180_000);
});
