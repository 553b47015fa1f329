import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import type { ImportPhase, StepError } from '../../shared/domain/import';
import type { Logger } from '../core/logger';
import type { BackgroundWork } from '../jobs/background';
import { storageFailure } from '../core/storage-failure';
import { Job, JobCancelled } from '../jobs/job';
import type { RawSheet } from './read-file';
import type { ReadSheets } from './read-in-worker';

/**
 * What every import flow (venues, scan counts) keeps of a file between its steps, and the
 * steps they share: read the file, run a step in the background, find a sheet. Each flow
 * adds its own mapping, checked rows and summary.
 */
export interface FileSession<Sheet> {
  id: string;
  fileName: string;
  phase: ImportPhase;
  job: Job;
  error: StepError | null;
  raw: RawSheet[];
  /** Each sheet as the flow's mapping step shows it. */
  sheets: Sheet[];
}

/** A session for a file about to be read. */
export const newFileSession = <Sheet>(fileName: string): FileSession<Sheet> => ({
  id: newId(),
  fileName,
  phase: 'reading',
  job: new Job(),
  error: null,
  raw: [],
  sheets: [],
});

/** The part of every flow's status that the file and its running step make. */
export const fileStatus = <Sheet>(s: FileSession<Sheet>) => ({
  importId: s.id,
  fileName: s.fileName,
  phase: s.phase,
  progress: { done: s.job.done, total: s.job.total },
  error: s.error,
  sheets: s.sheets,
});

/** What running a step needs: somewhere to log, the app's background work, which closing waits for, and how files are read. */
export interface StepContext {
  log: Logger;
  background: BackgroundWork;
  /** In the data engine, a worker per file (read-in-worker.ts). */
  readSheets: ReadSheets;
}

/**
 * Runs one step of the flow in the background: the operation that started it answers at
 * once, and the renderer follows the phase and progress with the flow's status operation.
 * The promise settles when the step has ended, and never rejects.
 */
export function runStep<Sheet>(ctx: StepContext, s: FileSession<Sheet>, running: ImportPhase, done: ImportPhase, work: (job: Job) => Promise<void>) {
  s.phase = running;
  s.error = null;
  s.job = new Job();
  const job = s.job;
  return ctx.background.start(
    async () => {
      await work(job);
      s.phase = done;
    },
    (error: unknown) => {
      if (error instanceof JobCancelled) {
        s.phase = 'cancelled';
      } else if (error instanceof AppError) {
        s.phase = 'failed';
        s.error = { code: error.code, message: error.message, ...(error.sentence && { sentence: error.sentence }) };
      } else {
        ctx.log.error(`import ${running} failed`, error);
        s.phase = 'failed';
        s.error = storageFailure(error) ?? { code: 'INTERNAL', message: 'Đã xảy ra lỗi ngoài dự kiến; không có gì được ghi. Chi tiết ở nhật ký.' };
      }
    },
  );
}

/** Reads the file in the background (progress, cancel), then describes each sheet for the flow's mapping step. */
export function startReading<Sheet>(ctx: StepContext, s: FileSession<Sheet>, bytesBase64: string, describe: (sheet: RawSheet) => Sheet) {
  const bytes = Buffer.from(bytesBase64, 'base64');
  void runStep(ctx, s, 'reading', 'read', async (job) => {
    s.raw = await ctx.readSheets(s.fileName, bytes, job);
    s.sheets = s.raw.map((sheet) => describe(sheet));
  });
}

export function requireIdle(s: { phase: ImportPhase }) {
  if (['reading', 'checking', 'committing'].includes(s.phase)) {
    throw new AppError('CONFLICT', 'Bước trước của lần nhập này chưa xong.');
  }
  if (s.phase === 'committed') throw new AppError('CONFLICT', 'Tệp này đã được nhập xong.');
}

/** The sheet of that name among the file's. */
export function rawSheet(s: { raw: readonly RawSheet[] }, name: string): RawSheet {
  const sheet = s.raw.find((candidate) => candidate.name === name);
  if (!sheet) throw new AppError('INVALID_INPUT', `Không có trang tính "${name}" trong tệp.`, 'sheet', 'unknown_reference');
  return sheet;
}
