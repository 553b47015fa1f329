import { BrowserWindow } from 'electron';
import { showViewScript, type PdfRenderer } from '../posters/pdf-renderer';
import { APP_ENTRY_URL } from './app-url';
import { secureWebPreferences } from './window';

const READY_TIMEOUT_MS = 120_000;

async function waitForPrintReady(window: BrowserWindow): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const state = () => window.webContents.executeJavaScript('[document.documentElement.dataset.printReady, document.documentElement.dataset.printError]') as Promise<[string?, string?]>;
  for (let [ready, failed] = await state(); ready !== 'true'; [ready, failed] = await state()) {
    if (failed !== undefined) throw new Error(`print view failed: ${failed}`);
    if (Date.now() > deadline) throw new Error('print view not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Poster PDFs in the desktop app: a hidden window of the app's own print view, printed by
 * Chromium's printToPDF at the CSS page size (the paper chosen). A job's parts share one
 * window (kept under its pageKey), each shown by changing the hash.
 */
export function electronPdfRenderer(preload: string): PdfRenderer {
  const kept = new Map<string, BrowserWindow>();

  const print = async (window: BrowserWindow) => {
    await waitForPrintReady(window);
    return new Uint8Array(await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
  };

  const release = async (pageKey: string) => {
    const window = kept.get(pageKey);
    kept.delete(pageKey);
    if (window && !window.isDestroyed()) window.destroy();
  };

  return {
    async render(viewPath, pageKey) {
      const shown = pageKey === undefined ? undefined : kept.get(pageKey);
      if (shown && !shown.isDestroyed()) {
        await shown.webContents.executeJavaScript(showViewScript(viewPath));
        return print(shown);
      }
      const window = new BrowserWindow({ show: false, webPreferences: secureWebPreferences(preload) });
      if (pageKey !== undefined) kept.set(pageKey, window);
      try {
        await window.loadURL(`${APP_ENTRY_URL}${viewPath}`);
        return await print(window);
      } finally {
        if (pageKey === undefined) window.destroy();
      }
    },
    release,
    async close() {
      await Promise.all([...kept.keys()].map(release));
    },
  };
}
