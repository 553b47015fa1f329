import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, schemaVersionOf } from '../db/open';
import { DATABASE_FILE } from './data-dir';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { createFileLogger, type Logger } from './logger';
import { ImportSessions } from '../import/session-store';
import type { Session } from '../session/session';
import { WriteGate } from './write-gate';

export interface AppCore {
  dispatch: Dispatch;
  log: Logger;
  close(): void;
}

export interface AppCoreOptions {
  dataDir: string;
  appVersion: string;
  nativeBinding?: string;
}

/** Everything below the transport: the data folder, the database, the services, the dispatcher. */
export function openAppCore({ dataDir, appVersion, nativeBinding }: AppCoreOptions): AppCore {
  fs.mkdirSync(dataDir, { recursive: true });
  const log = createFileLogger(dataDir);
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), { nativeBinding });
  log.info('database opened', { dataDir, schemaVersion: schemaVersionOf(db) });
  // One person works at one PC at a time: the session lives as long as the app.
  const session: Session = { staffId: null };
  const gate = new WriteGate();
  const imports = new ImportSessions();
  const dispatch = createDispatcher(createHandlers({ db, session, gate, log, imports, dataDir, appVersion }), log, gate);
  return { dispatch, log, close: () => db.close() };
}
