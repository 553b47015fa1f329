import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/api/result';
import { restoreAtStart } from '../backup/start-findings';
import { DATA_DIR_ENV, DATA_FOLDER_NAME, resolveDataDir } from '../core/data-dir';
import { createFileLogger } from '../core/logger';
import { connectEngine, type EngineConnection } from '../engine/host';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { startEngineProcess } from './engine-process';
import { registerIpc } from './ipc';
import { electronPdfRenderer } from './print-pdf';
import { electronNativeBinding } from './native-binding';
import { installAppMenu } from './menu';
import { installSecurity } from './security';
import { createMainWindow } from './window';

// Both must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

// resolveDataDir keeps the one rule (--data-dir, then DIEMQR_DATA_DIR, then the default);
// Electron only supplies the default's root, so the app and the browser bridge agree.
const dataDir = resolveDataDir(process.argv, {
  [DATA_DIR_ENV]: path.join(app.getPath('appData'), DATA_FOLDER_NAME),
  ...process.env,
});
// Chromium's profile goes inside the data folder: a fresh --data-dir is a fresh profile,
// and the single-instance lock (kept in userData) is per data folder.
app.setPath('userData', path.join(dataDir, 'chromium'));

let mainWindow: BrowserWindow | null = null;

/** Start-up failures end in a dialog and a clean exit, never a crash report. */
function fail(vietnamese: string, english: string, error?: unknown): void {
  if (error !== undefined) {
    try {
      createFileLogger(dataDir).error('startup failed', error);
    } catch {
      console.error('startup failed', error);
    }
  }
  dialog.showErrorBox('Điểm QR', `${vietnamese}\n\n${english}`);
  app.exit(1);
}

const preloadPath = () => path.join(app.getAppPath(), 'out', 'preload', 'index.cjs');

/** The database, services and jobs run in a utility process; this process keeps the windows. */
async function openEngine(nativeBinding: string): Promise<EngineConnection | null> {
  const pdf = electronPdfRenderer(preloadPath());
  try {
    return await connectEngine(startEngineProcess({ dataDir, appVersion: app.getVersion(), nativeBinding }), () => pdf);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'DB_MISSING' || error.code === 'DB_DAMAGED')) {
      return offerNewestBackup(error, nativeBinding);
    }
    if (error instanceof AppError && error.code === 'DB_FUTURE_VERSION') {
      fail(
        `${error.message}\n${dataDir}`,
        'This data file was made by a newer version of Điểm QR. Update the app; the file has not been changed.',
      );
    } else {
      fail(
        `Không mở được dữ liệu trong thư mục:\n${dataDir}\nChi tiết đã được ghi vào nhật ký (logs/main.log).`,
        'Could not open the data in this folder. The details are in logs/main.log.',
        error,
      );
    }
    return null;
  }
}

/**
 * A lost or damaged database never starts as a new install: the clerk reads what was found
 * and may restore the newest good backup (what was there is kept in set-aside-<time>/).
 */
function offerNewestBackup(error: AppError, nativeBinding: string): Promise<EngineConnection | null> | null {
  const backupId = error.sentence?.values.backup;
  const english =
    error.code === 'DB_MISSING'
      ? 'The data file is missing or empty although this folder shows the PC had data; the app will not start afresh over it.'
      : 'The data file is damaged; the app writes nothing to it.';
  if (typeof backupId !== 'string' || backupId === '') {
    fail(`${error.message}\n${dataDir}`, `${english} There is no backup in this folder.`);
    return null;
  }
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Điểm QR',
    message: error.message,
    detail: `${english} Newest good backup: ${backupId}.\n${dataDir}`,
    buttons: ['Khôi phục bản sao lưu này / Restore this backup', 'Thoát / Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice !== 0) {
    app.exit(1);
    return null;
  }
  restoreAtStart(dataDir, backupId);
  return openEngine(nativeBinding);
}

/** Quitting waits for the engine to end its jobs and close the database, once. */
function closeEngineOnQuit(engine: EngineConnection): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void engine.shutdown().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

async function start(): Promise<void> {
  const nativeBinding = electronNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  if (nativeBinding === null) {
    return fail(
      'Thiếu thư viện SQLite dựng cho Electron nên không mở được dữ liệu. Hãy cài lại ứng dụng ' +
        '(khi phát triển: chạy "node main/build/electron-native.mjs" trên máy có mạng).',
      'The SQLite library built for Electron is missing, so the data cannot be opened. Reinstall the app ' +
        '(developers: run "node main/build/electron-native.mjs" on a networked machine).',
    );
  }
  const engine = await openEngine(nativeBinding);
  if (engine === null) return;
  closeEngineOnQuit(engine);
  const log = createFileLogger(dataDir);
  registerIpc(engine.dispatch, log);
  serveRenderer(path.join(app.getAppPath(), 'out', 'renderer'));
  installAppMenu(dataDir);
  mainWindow = createMainWindow(preloadPath(), log);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (app.requestSingleInstanceLock()) {
  installSecurity();
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window, one database connection: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Không khởi động được Điểm QR.', 'Điểm QR could not start.', error));
} else {
  // Another instance has this data folder open; it was told (second-instance) to come forward.
  app.quit();
}
