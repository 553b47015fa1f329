import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { DATABASE_FILE } from './data-dir';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { createFileLogger, type Logger } from './logger';

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
  log.info('database opened', { dataDir, schemaVersion: db.pragma('user_version', { simple: true }) });
  const dispatch = createDispatcher(createHandlers({ db, dataDir, appVersion }), log);
  return { dispatch, log, close: () => db.close() };
}
