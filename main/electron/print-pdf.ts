import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../posters/pdf-renderer';
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
 * Chromium's printToPDF at the CSS page size (the paper chosen).
 */
export function electronPdfRenderer(preload: string): PdfRenderer {
  return {
    async render(viewPath) {
      const window = new BrowserWindow({ show: false, webPreferences: secureWebPreferences(preload) });
      try {
        await window.loadURL(`${APP_ENTRY_URL}${viewPath}`);
        await waitForPrintReady(window);
        return new Uint8Array(await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        window.destroy();
      }
    },
    async close() {},
  };
}
