import fs from 'node:fs';
import { HOSTILE_FILES, LARGE_REAL_CSV, writeHostileFile } from '../support/hostile-files';
import { bundleHostileReader, measureHostileFile } from '../support/hostile-memory';
import { makeTempDir } from '../support/temp-dir';
import { recordResult } from './results';

const PEAK_GOAL = '≤ 300 MB';

/**
 * The hostile corpus of issue 12, heavy files included (a 1 GB zip bomb, a million rows):
 * each file read in a fresh process (hostile-read-child.ts), printed with its refusal, its
 * peak RSS and the longest it held the event loop, then a real list near the caps as the
 * control (LARGE_REAL_CSV). The light ones also run in the unit
 * suite (test/unit/hostile-files.test.ts), which asserts the goals.
 */
export async function runHostileBench({ print }: { print: (line: string) => void }): Promise<void> {
  print('');
  print('hostile files (issue 12): peak RSS of reading each in a fresh process');
  const temp = makeTempDir('diemqr-hostile-bench-');
  try {
    const bundle = bundleHostileReader(temp.dir);
    for (const file of [...HOSTILE_FILES, LARGE_REAL_CSV]) {
      const filePath = await writeHostileFile(file, temp.dir);
      const sizeKb = Math.round(fs.statSync(filePath).size / 1024);
      const reading = measureHostileFile(bundle, filePath, file.fileName, 300_000);
      fs.rmSync(filePath);
      print(
        `  ${file.name} (${sizeKb} KB; ${file.about}): peak RSS ${reading.peakRssMb} MB (idle ${reading.idleRssMb}), ` +
          `${reading.seconds} s, longest hold ${reading.longestHoldMs} ms — ${reading.refusal ?? `read ${reading.rows} rows`}`,
      );
      recordResult({ part: 'hostile', measure: `peak RSS reading ${file.name}`, app: reading.peakRssMb, unit: 'MB', goal: PEAK_GOAL });
    }
  } finally {
    temp.remove();
  }
}
