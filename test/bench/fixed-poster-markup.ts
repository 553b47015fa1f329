import type { Browser } from 'playwright-core';

/**
 * The fair baseline for the app's poster PDF: the same Chromium printing the same poster
 * markup with the fitted sizes fixed, all of it in one page. The markup is the app's own
 * print view of the whole job, laid out once, untimed, and kept without its scripts (and
 * without FitText's hidden measuring copy): what is left is what Chromium must print anyway.
 */
export async function fixedPrintMarkup(browser: Browser, appUrl: string, jobId: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`${appUrl}#/print/${jobId}`);
    await page.waitForSelector('html[data-print-ready="true"], html[data-print-error]', { timeout: 30 * 60_000, state: 'attached' });
    const failed = await page.getAttribute('html', 'data-print-error');
    if (failed !== null) throw new Error(`bench posters: the print view failed: ${failed}`);
    return await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const element of copy.querySelectorAll('script, link[rel="modulepreload"], .fit-measure')) element.remove();
      return `<!doctype html>${copy.outerHTML}`;
    });
  } finally {
    await page.close();
  }
}

/**
 * Prints `html` as the app's origin serves it (its stylesheets and fonts load as they do for
 * the app), but with no CSP, so the fitted sizes kept as style attributes apply. Timed from
 * navigation to the PDF's bytes.
 */
export async function printFixedMarkup(browser: Browser, appUrl: string, html: string): Promise<{ ms: number; pdf: Buffer }> {
  const page = await browser.newPage();
  try {
    const address = `${appUrl}bench-fixed-posters.html`;
    await page.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const started = performance.now();
    await page.goto(address, { waitUntil: 'load', timeout: 30 * 60_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { ms: performance.now() - started, pdf };
  } finally {
    await page.close();
  }
}
