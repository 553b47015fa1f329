import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, openReader, schemaVersionOf } from '../db/open';
import { DATABASE_FILE } from './data-dir';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { createFileLogger, type Logger } from './logger';
import { AppError } from '../../shared/api/result';
import { openOfficeKey } from '../codes/office-key-record';
import { ImportSessions } from '../import/session-store';
import type { PdfRenderer } from '../posters/pdf-renderer';
import { PrintJobs } from '../posters/service';
import { ScanImports } from '../scans/session-store';
import type { Session } from '../session/session';
import { WriteGate } from './write-gate';
import { BackgroundWork } from '../jobs/background';
import { callerOf } from '../staff/service';

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
}

const noPdfRenderer = (): PdfRenderer => {
  throw new AppError('UNAVAILABLE', 'Không có Chromium để tạo PDF trong cách chạy này.');
};

/** Everything below the transport: the data folder, the database, the services, the dispatcher. */
export function openAppCore({ dataDir, appVersion, nativeBinding, pdfRenderer = noPdfRenderer }: AppCoreOptions): AppCore {
  fs.mkdirSync(dataDir, { recursive: true });
  const log = createFileLogger(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(file, { nativeBinding });
  const reader = openReader(file, { nativeBinding });
  log.info('database opened', { dataDir, schemaVersion: schemaVersionOf(db) });
  // One person works at one PC at a time: the session lives as long as the app.
  const session: Session = { staffId: null };
  const gate = new WriteGate();
  const imports = new ImportSessions();
  const officeKey = openOfficeKey(db, dataDir);
  const printJobs = new PrintJobs();
  const scanImports = new ScanImports();
  const background = new BackgroundWork();
  const context = { db, session, gate, log, imports, scanImports, officeKey, printJobs, background, pdfRenderer, dataDir, appVersion };
  const handlers = { main: createHandlers(context), reader: createHandlers({ ...context, db: reader }) };
  const dispatch = createDispatcher(handlers, log, () => callerOf(db, session), gate);
  const close = () => {
    reader.close();
    db.close();
  };
  const shutdown = async () => {
    for (const jobs of [imports, scanImports, printJobs]) jobs.cancelAll();
    await background.drain();
    await gate.run(() => undefined);
    close();
    log.info('database closed');
  };
  return { dispatch, log, close, shutdown };
}
