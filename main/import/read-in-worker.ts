import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError, type AppErrorData } from '../../shared/api/result';
import { JobCancelled, type Job } from '../jobs/job';
import { expandSheets, type CompactSheet } from './compact-sheets';
import type { RawSheet } from './read-file';
import { tooBig } from './too-big';

/** How the import flows read a file into sheets of text: in this thread (tools, tests) or in a worker (the data engine). */
export type ReadSheets = (fileName: string, bytes: Uint8Array, job: Job) => Promise<RawSheet[]>;

/** What the reading worker (read-worker.ts) is given: the file's bytes arrive transferred, not copied. */
export interface ReadRequest {
  fileName: string;
  bytes: Uint8Array;
}

export type ReadAnswer =
  | { kind: 'progress'; done: number }
  /** The sheets as flat arrays, transferred (compact-sheets.ts). */
  | { kind: 'read'; sheets: CompactSheet[] }
  /** A cap passed or a file we do not read: the refusal as the clerk will see it. */
  | { kind: 'refused'; error: AppErrorData };

/**
 * The memory one read may use, on top of the engine's own. The caps (main/import/too-big.ts)
 * stop every hostile file of the corpus long before this; it is the net for what escapes them.
 * The biggest real list of the corpus (199,000 venues, 28 MB of CSV) reads within it, its
 * process peaking at ~285 MB (`BENCH_ONLY=hostile npm run bench`): 192 MB of old generation
 * with a 16 MB young one, beside the engine's ~50 MB, keeps a read near the 300 MB an old
 * office PC can spare; a file that needs more is refused (tooBig.memory), not let grow.
 */
export const READ_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };

function refusal(error: AppErrorData): AppError {
  const refused = new AppError(error.code, error.message, error.field, error.reason);
  if (error.sentence) refused.says(error.sentence.key, error.sentence.values);
  return refused;
}

/**
 * Reads each file in a worker thread of its own, started for that read from `entry` (the
 * bundled read-worker.ts), so the engine's thread answers every other operation meanwhile
 * and everything the read held goes with the worker: when it ends, when cancel terminates
 * it, or when it passes `limits` and V8 stops it (refused as too big, nothing written).
 */
export function readInWorker(entry: string, limits: ResourceLimits = READ_LIMITS): ReadSheets {
  return (fileName, bytes, job) =>
    new Promise<RawSheet[]>((resolve, reject) => {
      // Transferred, the file's bytes leave the engine's heap (up to 50 MB); a view of a shared pool cannot be moved, so it is copied.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      const worker = new Worker(entry, { resourceLimits: limits });
      // Sent as a message, not workerData (which the worker keeps for its whole life): its bytes are let go once read.
      worker.postMessage({ fileName, bytes: own } satisfies ReadRequest, [own.buffer as ArrayBuffer]);
      let settled = false;
      /** Ends the worker once the read has an outcome; `exited` resolves when its memory is given back. */
      const settle = (outcome: (exited: Promise<unknown>) => void) => {
        if (settled) return;
        settled = true;
        outcome(worker.terminate());
      };
      job.onCancel(() => settle(() => reject(new JobCancelled())));
      worker.on('message', (answer: ReadAnswer) => {
        if (answer.kind === 'progress') job.report(answer.done);
        // The rows are rebuilt once the worker's heap is gone, so the two are never held at once.
        else if (answer.kind === 'read') settle((exited) => resolve(exited.then(() => expandSheets(answer.sheets, job))));
        else settle(() => reject(refusal(answer.error)));
      });
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig.memory() : error)),
      );
      worker.on('exit', (code) => settle(() => reject(new Error(`readInWorker: the reading worker exited (${code}) without an answer`))));
    });
}
