import { chromium, type Browser, type Page } from 'playwright-core';
import { showViewScript, type PdfRenderer } from '../posters/pdf-renderer';

/** Debian's Chromium unless told otherwise; the bridge never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Poster PDFs when the app runs in a browser through the bridge: a headless Chromium
 * opens the same print view and prints it at the CSS page size, as Electron's printToPDF does.
 */
export function chromiumPdfRenderer(appUrl: () => string): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  /** Pages kept open for the next part of the same job. */
  const kept = new Map<string, Page>();

  const openPage = async () => {
    browser ??= chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return (await browser).newPage();
  };

  const print = async (page: Page) => {
    await page.waitForSelector('html[data-print-ready="true"], html[data-print-error]', { timeout: 120_000, state: 'attached' });
    const failed = await page.getAttribute('html', 'data-print-error');
    if (failed !== null) throw new Error(`print view failed: ${failed}`);
    return page.pdf({ preferCSSPageSize: true, printBackground: true });
  };

  const release = async (pageKey: string) => {
    const page = kept.get(pageKey);
    kept.delete(pageKey);
    await page?.close().catch(() => undefined); // already gone with the browser: nothing left to free
  };

  return {
    async render(viewPath, pageKey) {
      const page = pageKey === undefined ? undefined : kept.get(pageKey);
      if (page) {
        await page.evaluate(showViewScript(viewPath));
        return print(page);
      }
      const opened = await openPage();
      if (pageKey !== undefined) kept.set(pageKey, opened);
      try {
        await opened.goto(`${appUrl()}${viewPath}`);
        return await print(opened);
      } finally {
        if (pageKey === undefined) await opened.close();
      }
    },
    release,
    async close() {
      await Promise.all([...kept.keys()].map(release));
      if (browser) await (await browser).close();
    },
  };
}
