import { describe, expect, it } from 'vitest';
import { prepareBaseFolder } from '../soak/base-folder';
import { checkKilledFolder } from '../soak/checks';
import { SOAK_KINDS } from '../soak/events';
import { runSoak } from '../soak/soak';
import { makeTempDir } from '../support/temp-dir';

/**
 * The CI slice of `npm run soak`: one run of each kind of work killed with SIGKILL, from a
 * fixed seed (the kill's moment still varies with the machine's speed). The full run takes 200.
 */
describe('a data folder killed mid-work opens whole, with every answered write', () => {
  it('survives kill -9 during an import, a print record, a visit with a photo, a backup and a restore', async () => {
    const report = await runSoak({ runs: SOAK_KINDS.length, seed: 20261201 });
    expect(report.runs.map((run) => run.kind)).toEqual([...SOAK_KINDS]);
    expect(report.runs.filter((run) => run.problems.length > 0)).toEqual([]);
    // The kills landed in work, not before it: some writes were answered and then checked.
    expect(report.runs.reduce((sum, run) => sum + run.acked, 0)).toBeGreaterThan(0);
  }, 180_000);

  it('the checks name each answered write the folder lacks', async () => {
    const temp = makeTempDir('diemqr-soak-');
    try {
      await prepareBaseFolder(temp.dir, 2);
      const problems = await checkKilledFolder(temp.dir, [
        { event: 'start', kind: 'import', key: 'Lost', rows: 10 },
        { event: 'ack', kind: 'import', key: 'Lost', rows: 10 },
        { event: 'ack', kind: 'visit', key: 'no-such-visit', photoId: 'no-such-photo' },
        { event: 'ack', kind: 'backup', key: '2026-01-01T00-00-00-000Z-manual' },
        { event: 'ack', kind: 'restore', key: 'marker:Mốc chưa ghi' },
      ]);
      expect(problems).toEqual([
        'import Lost was answered but 0 of 10 rows are there',
        'visit no-such-visit was answered but is missing',
        expect.stringMatching(/^photo no-such-photo of visit no-such-visit: /),
        'backup 2026-01-01T00-00-00-000Z-manual was answered but is not listed',
        'marker:Mốc chưa ghi was answered after the last restore but is missing',
      ]);
    } finally {
      temp.remove();
    }
  }, 60_000);
});
