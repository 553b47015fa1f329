import fs from 'node:fs';
import { favourSmallHeap } from '../../main/engine/small-heap';
import { importFile, officeReadyToImport } from './import.bench';

/**
 * Run alone in its own process (import-memory.ts starts it with --expose-gc), so the peak
 * it reports is the import's, not the bench's fixtures: an office set up to import, then
 * one .xlsx read, checked and committed, then the idle state after it. The heap is tuned
 * as the data engine tunes its own.
 * argv: <data folder> <fixture .xlsx>; prints one JSON line.
 */
favourSmallHeap();
const [dataDir, fixture] = process.argv.slice(2);
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function measure(): Promise<void> {
  const core = await officeReadyToImport(dataDir);
  collect();
  const idleRss = process.memoryUsage.rss();
  const idleHeap = process.memoryUsage().heapUsed;
  const file = { fileName: 'lon.xlsx', bytesBase64: fs.readFileSync(fixture).toString('base64') };
  // The high-water mark after each step says which step made the peak.
  const peakAfter: Record<string, number> = {};
  const liveAfter: Record<string, number> = {};
  const { done } = await importFile(core, file, (step) => {
    peakAfter[step] = megabytes(process.resourceUsage().maxRSS * 1024);
    collect();
    liveAfter[step] = megabytes(process.memoryUsage().heapUsed);
  });
  collect();
  const after = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      imported: done.summary,
      idleRssMb: megabytes(idleRss),
      // resourceUsage().maxRSS is the process's high-water mark in KB: the peak, however brief.
      peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024),
      peakAfter,
      liveAfter,
      afterRssMb: megabytes(after.rss),
      heapKeptMb: megabytes(after.heapUsed - idleHeap),
    })}\n`,
  );
  core.close();
}

void measure();
