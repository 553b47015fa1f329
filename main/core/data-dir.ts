import os from 'node:os';
import path from 'node:path';
import { flagValue } from './cli-flags';

/** ASCII folder name: old Windows tools and backup scripts choke on "Điểm QR". */
export const DATA_FOLDER_NAME = 'DiemQR';
export const DATA_DIR_ENV = 'DIEMQR_DATA_DIR';
export const DATABASE_FILE = 'diem-qr.sqlite3';

/** The OS's per-user application-data folder, as Electron's app.getPath('appData'). */
export function appDataRoot(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

/** Flag first, then the env var (tests), then the user's app-data folder. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flagValue(argv, 'data-dir') ?? env[DATA_DIR_ENV];
  return path.resolve(chosen ?? path.join(appDataRoot(env), DATA_FOLDER_NAME));
}
