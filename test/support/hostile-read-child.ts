import fs from 'node:fs';
import { favourSmallHeap } from '../../main/engine/small-heap';
import { Job } from '../../main/jobs/job';
import { readInWorker } from '../../main/import/read-in-worker';
import { AppError } from '../../shared/api/result';

/**
 * Run alone in its own process (hostile-memory.ts starts it): reads one file the way the
 * data engine does (in a worker of its own, with the engine's limits), heap tuned as the
 * engine's, and prints one JSON line: the refusal or the rows read, the process's peak RSS
 * (worker included), and the longest this thread's event loop was held (what every other
 * operation would have waited).
 * argv: <file path> <file name as chosen> <bundled reader entry>
 */
favourSmallHeap();
const [filePath, fileName, readerEntry] = process.argv.slice(2);
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function measure(): Promise<void> {
  const idleRssMb = megabytes(process.memoryUsage.rss());
  const bytes = fs.readFileSync(filePath);
  // A tick every 10 ms: the longest gap between two is the longest any other operation waited.
  let longestHold = 0;
  let lastTick = performance.now();
  let onTick = () => {};
  const ticker = setInterval(() => {
    const now = performance.now();
    longestHold = Math.max(longestHold, now - lastTick - 10);
    lastTick = now;
    onTick();
  }, 10);
  const started = performance.now();
  let outcome: { refusal: string } | { rows: number };
  try {
    const sheets = await readInWorker(readerEntry)(fileName, bytes, new Job());
    outcome = { rows: sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    outcome = { refusal: error.message };
  }
  // The first tick after the read, so a hold that ended the read is measured too.
  await new Promise<void>((resolve) => (onTick = resolve));
  clearInterval(ticker);
  process.stdout.write(
    `${JSON.stringify({
      ...outcome,
      idleRssMb,
      // resourceUsage().maxRSS is the process's high-water mark in KB: the peak, however brief.
      peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024),
      seconds: Math.round(performance.now() - started) / 1000,
      longestHoldMs: Math.round(longestHold),
    })}\n`,
  );
}

void measure();
