import { chromium, type Browser } from 'playwright-core';
import type { PdfRenderer } from '../posters/pdf-renderer';

/** Debian's Chromium unless told otherwise; the bridge never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Poster PDFs when the app runs in a browser through the bridge: a headless Chromium
 * opens the same print view and prints it at the CSS page size, as Electron's printToPDF does.
 */
export function chromiumPdfRenderer(appUrl: () => string): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  return {
    async render(viewPath) {
      browser ??= chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const page = await (await browser).newPage();
      try {
        await page.goto(`${appUrl()}${viewPath}`);
        await page.waitForSelector('html[data-print-ready="true"], html[data-print-error]', { timeout: 120_000, state: 'attached' });
        const failed = await page.getAttribute('html', 'data-print-error');
        if (failed !== null) throw new Error(`print view failed: ${failed}`);
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}
