import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, openReader, schemaVersionOf, type Db } from '../db/open';
import { rotateIfLarge } from '../db/wal-owner';
import { refuseLostDatabase, withNewestBackup } from '../backup/start-findings';
import { DATABASE_FILE } from './data-dir';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { createFileLogger, type Logger } from './logger';
import { AppError } from '../../shared/api/result';
import { contract, isOperationName } from '../../shared/api/contract';
import { openOfficeKey } from '../codes/office-key-record';
import { ImportSessions } from '../import/session-store';
import { readSpreadsheet } from '../import/read-file';
import type { ReadSheets } from '../import/read-in-worker';
import type { PdfRenderer } from '../posters/pdf-renderer';
import { PrintJobs } from '../posters/service';
import { ScanImports } from '../scans/session-store';
import { newSession } from '../session/session';
import { admitOperation } from '../session/idle-lock';
import { getSettings } from '../settings/service';
import { WriteGate } from './write-gate';
import { BackgroundWork } from '../jobs/background';
import { callerOf } from '../staff/service';
import { makeBackupNow } from '../backup/make-backup';
import { keepDailyBackup } from '../backup/daily';
import { restoreFromBackup, type ReopenOn } from '../backup/restore';
import { finishInterruptedSwap, swapInBackup } from '../backup/swap-in';

export interface AppCore {
  dispatch: Dispatch;
  log: Logger;
  close(): void;
  /** Cancels the running jobs, waits for them and for queued writes to end, then closes. */
  shutdown(): Promise<void>;
}

export interface AppCoreOptions {
  dataDir: string;
  appVersion: string;
  nativeBinding?: string;
  /** Chromium for poster PDFs, supplied by the transport (Electron window, or the bridge's browser). */
  pdfRenderer?: () => PdfRenderer;
  /** How imports read files; in this thread unless given (the data engine gives a worker per file: main/import/read-in-worker.ts). */
  readSheets?: ReadSheets;
}

const noPdfRenderer = (): PdfRenderer => {
  throw new AppError('UNAVAILABLE', 'Không có Chromium để tạo PDF trong cách chạy này.');
};

/** The open database with its services; a restore closes one and opens another on the restored files. */
interface OpenedData {
  dispatch: Dispatch;
  /** Cancels the jobs and waits for the work they started; the caller holds or awaits the write queue. */
  stopJobs(): Promise<void>;
  gate: WriteGate;
  close(): void;
}

type Settled = AppCoreOptions & Required<Pick<AppCoreOptions, 'pdfRenderer' | 'readSheets'>>;

/** The database opened after the start-up checks; a refusal names the newest good backup. */
function openChecked(file: string, { dataDir, nativeBinding }: AppCoreOptions, log: Logger): Db {
  try {
    return openDatabase(file, {
      nativeBinding,
      // A migration changes the file for good: a verified copy first, so an update that goes wrong can be undone.
      beforeMigration: (current) => makeBackupNow(current, dataDir, 'before-migration'),
      beforeCreating: (found) => refuseLostDatabase(dataDir, found),
      onWalSetAside: (movedTo) => log.error('a -wal that was not this database\'s was set aside, not replayed', { movedTo }),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'DB_DAMAGED') throw withNewestBackup(dataDir, error);
    throw error;
  }
}

function openData(options: Settled, log: Logger, reopenOn: ReopenOn): OpenedData {
  const { dataDir, appVersion, nativeBinding, pdfRenderer, readSheets } = options;
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openChecked(file, options, log);
  const reader = openReader(file, { nativeBinding });
  log.info('database opened', { dataDir, schemaVersion: schemaVersionOf(db) });
  // One person works at one PC at a time: the session lives as long as the app (or until a restore).
  const session = newSession();
  const gate = new WriteGate();
  const imports = new ImportSessions();
  const officeKey = openOfficeKey(db, dataDir);
  const printJobs = new PrintJobs();
  const scanImports = new ScanImports();
  const background = new BackgroundWork();
  const context = { db, session, gate, log, imports, scanImports, officeKey, printJobs, background, pdfRenderer, readSheets, dataDir, appVersion,
    restoreBackup: (id: string) => restoreFromBackup(db, dataDir, id, reopenOn) };
  const handlers = { main: createHandlers(context), reader: createHandlers({ ...context, db: reader }) };
  const dispatchOpen = createDispatcher(handlers, log, () => callerOf(db, session), gate);
  const daily = keepDailyBackup(db, dataDir, gate, log);
  let closed = false;
  // SQLite's automatic checkpoints are off (main/db/wal-owner.ts): after each write the log is merged once it has grown.
  const keepLogSmall = () =>
    void gate.run(() => closed || rotateIfLarge(db, file)).catch((error: unknown) => log.error('merging the -wal failed', error));
  return {
    dispatch: async (operation, input) => {
      const locked = isOperationName(operation) ? admitOperation(session, operation, () => getSettings(db).idleLockSeconds) : null;
      if (locked) return locked;
      const answer = await dispatchOpen(operation, input);
      if (isOperationName(operation) && contract[operation].kind === 'write') keepLogSmall();
      return answer;
    },
    gate,
    async stopJobs() {
      for (const jobs of [imports, scanImports, printJobs]) jobs.cancelAll();
      await background.drain();
    },
    close() {
      closed = true;
      daily.stop();
      reader.close();
      db.close();
    },
  };
}

/** Everything below the transport: the data folder, the database, the services, the dispatcher. */
export function openAppCore(options: AppCoreOptions): AppCore {
  const { dataDir } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const log = createFileLogger(dataDir);
  const settled = { pdfRenderer: noPdfRenderer, readSheets: readSpreadsheet, ...options };
  const finished = finishInterruptedSwap(dataDir);
  if (finished) log.error('a restore was cut short; it was completed before opening', { id: finished });
  let current: OpenedData;
  /**
   * Runs inside the write queue, as the last step of `backups.restore` and `backups.openFull`:
   * nothing else writes meanwhile. The jobs stop, the database closes, the chosen copy
   * takes its place and the core opens again on it, as a restart would (nobody signed in,
   * no job running). Should the copy not open, the state just before goes back in.
   */
  const reopenOn: ReopenOn = async (id, fallbackId) => {
    await current.stopJobs();
    current.close();
    try {
      swapInBackup(dataDir, id);
      current = openData(settled, log, reopenOn);
    } catch (error) {
      log.error('restored backup did not open; the state before goes back', error);
      swapInBackup(dataDir, fallbackId);
      current = openData(settled, log, reopenOn);
      throw error;
    }
    log.info('backup restored', { id });
  };
  current = openData(settled, log, reopenOn);
  // Calls arriving after a restore was asked for wait for the reopened core instead of queueing on the closed one.
  let restoring: Promise<unknown> = Promise.resolve();
  const dispatch: Dispatch = (operation, input) => {
    const answer = restoring.then(() => current.dispatch(operation, input));
    if (operation === 'backups.restore' || operation === 'backups.openFull') restoring = answer;
    return answer;
  };
  const close = () => current.close();
  const shutdown = async () => {
    await restoring;
    await current.stopJobs();
    await current.gate.run(() => undefined);
    close();
    log.info('database closed');
  };
  return { dispatch, log, close, shutdown };
}
