import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/api/result';
import { Job } from '../jobs/job';
import { compactSheets } from './compact-sheets';
import { readSpreadsheet } from './read-file';
import type { ReadAnswer, ReadRequest } from './read-in-worker';

/**
 * One file read in a worker thread of its own (read-in-worker.ts starts it and ends it):
 * the same reader as in the engine, its progress sent to the engine's job, its sheets
 * transferred back once, packed flat. A refusal is an answer; anything else throws, and the engine hears the error.
 */
const port = parentPort!;
const say = (answer: ReadAnswer) => port.postMessage(answer);

/** Cancelling terminates this thread, so its job only reports. */
class ReportingJob extends Job {
  override report(done: number, total = this.total): void {
    super.report(done, total);
    say({ kind: 'progress', done });
  }
}

/** The file's bytes are let go once read: the rows and their packed copy are the peak. */
function read(fileName: string, bytes: Uint8Array): Promise<void> {
  return readSpreadsheet(fileName, bytes, new ReportingJob()).then(
    (sheets) => {
      const { compact, transfer } = compactSheets(sheets);
      port.postMessage({ kind: 'read', sheets: compact } satisfies ReadAnswer, transfer);
    },
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      say({ kind: 'refused', error: error.toData() });
    },
  );
}

port.once('message', ({ fileName, bytes }: ReadRequest) => void read(fileName, bytes));
