import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, schemaVersionOf } from '../db/open';
import { DATABASE_FILE } from './data-dir';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { createFileLogger, type Logger } from './logger';
import type { Session } from '../session/session';

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
  const dispatch = createDispatcher(createHandlers({ db, session, dataDir, appVersion }), log);
  return { dispatch, log, close: () => db.close() };
}
