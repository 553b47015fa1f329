import { app, BrowserWindow, dialog } from 'electron';
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
  askBeforeLosingChanges(window);
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('loading the renderer failed', error));
  return window;
}

const LEAVE_LABELS = {
  vi: { leave: 'Đóng, bỏ thay đổi', stay: 'Ở lại', message: 'Trang đang mở có thay đổi chưa lưu. Đóng bây giờ thì những thay đổi đó sẽ mất.' },
  en: { leave: 'Close, discard changes', stay: 'Stay', message: 'The open page has unsaved changes. Closing now loses them.' },
};

/**
 * A form with changes answers beforeunload; Electron would then keep the window open without a
 * word. Ask instead, and close only if the clerk says so (Stay is the default and Escape's answer).
 */
function askBeforeLosingChanges(window: BrowserWindow) {
  window.webContents.on('will-prevent-unload', (event) => {
    const label = app.getLocale().toLowerCase().startsWith('vi') ? LEAVE_LABELS.vi : LEAVE_LABELS.en;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [label.stay, label.leave],
      defaultId: 0,
      cancelId: 0,
      title: 'Điểm QR',
      message: label.message,
    });
    // preventDefault on this event lets the unload go ahead.
    if (choice === 1) event.preventDefault();
  });
}
