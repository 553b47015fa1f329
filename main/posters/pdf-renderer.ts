import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { Paper } from '../../shared/domain/posters';

const PDF_POINTS_PER_MM = 72 / 25.4;

/**
 * Renders a printable view of the app to PDF with Chromium, e.g. part of a print job
 * (#/print/<jobId>?offset=&limit=): the same markup the OS print dialog gets. Electron
 * uses a hidden window's printToPDF; the browser bridge drives Debian's Chromium. The
 * view sets html[data-print-ready="true"] once its posters, fonts and QR codes are laid out,
 * or html[data-print-error] when it cannot.
 */
export interface PdfRenderer {
  /**
   * Renders one view of the app (a path after its index page, e.g. "#/print/…") to PDF.
   * With a pageKey the page stays open for the next view under the same key, which is then
   * shown by changing the hash: the parts of a job boot the app once, not once each.
   */
  render(viewPath: string, pageKey?: string): Promise<Uint8Array>;
  /** Closes the page kept under pageKey (its job is done, failed or cancelled); never throws. */
  release(pageKey: string): Promise<void>;
  close(): Promise<void>;
}

/** The print view's address for a part of a job, relative to the app's index page. */
export const printViewPath = (jobId: string, offset: number, limit: number) => `#/print/${jobId}?offset=${offset}&limit=${limit}`;

/**
 * Run in the kept page: another view of the app, by its hash. The marks of the view printed
 * last go first, so that waiting for "ready" waits for the new view.
 */
export function showViewScript(viewPath: string): string {
  return `(() => { const root = document.documentElement; delete root.dataset.printReady; delete root.dataset.printError; location.hash = ${JSON.stringify(viewPath)}; })()`;
}

/**
 * Chromium rounds a CSS page size to its own units: an A6 comes out 298.08 × 420 pt, 0.16 mm
 * wider and taller than 105 × 148 mm (A5 and A4 are off too). The page is set to the paper
 * exactly, its top-left corner kept where the layout starts, so nothing on it moves.
 */
function setExactPaper(page: PDFPage, paper: Pick<Paper, 'widthMm' | 'heightMm'>): void {
  const width = paper.widthMm * PDF_POINTS_PER_MM;
  const height = paper.heightMm * PDF_POINTS_PER_MM;
  const made = page.getMediaBox();
  const bottom = made.y + made.height - height;
  page.setMediaBox(made.x, bottom, width, height);
  page.setCropBox(made.x, bottom, width, height);
}

/** Adds a part's pages after those already in `merged`, each at exactly the template's paper size. */
export async function appendPdf(merged: PDFDocument, part: Uint8Array, paper: Pick<Paper, 'widthMm' | 'heightMm'>): Promise<void> {
  const source = await PDFDocument.load(part);
  for (const page of await merged.copyPages(source, source.getPageIndices())) {
    setExactPaper(page, paper);
    merged.addPage(page);
  }
}
