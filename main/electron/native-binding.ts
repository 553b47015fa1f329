import fs from 'node:fs';
import path from 'node:path';

export interface AppLocation {
  isPackaged: boolean;
  /** app.getAppPath(): the repository root in development, app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
}

/**
 * The better_sqlite3.node built for Electron's ABI by main/build/electron-native.mjs, or
 * null when it is missing. It lives apart from node_modules/better-sqlite3/build, which
 * holds the Node build the tests load; packaged, it sits outside app.asar because a
 * native module is loaded from a real file.
 */
export function electronNativeBinding({ isPackaged, appPath, resourcesPath }: AppLocation): string | null {
  const file = isPackaged
    ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appPath, 'out', 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : null;
}
