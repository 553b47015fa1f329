import { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger';
import { APP_ENTRY_URL } from './app-url';

/** Every window of the app, shown or not, gets the same locked-down page settings. */
export const secureWebPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
});

/** The one window. Shown once painted, so an old PC shows no blank white frame. */
export function createMainWindow(preload: string, log: Logger): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Điểm QR',
    width: 1280,
    height: 720,
    // Usable on the 1366×768 screens common in commune offices, with the taskbar.
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('loading the renderer failed', error));
  return window;
}
