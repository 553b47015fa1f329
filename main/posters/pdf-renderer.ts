import { PDFDocument } from 'pdf-lib';

/**
 * Renders a printable view of the app to PDF with Chromium, e.g. part of a print job
 * (#/print/<jobId>?offset=&limit=): the same markup the OS print dialog gets. Electron
 * uses a hidden window's printToPDF; the browser bridge drives Debian's Chromium. The
 * view sets html[data-print-ready="true"] once its posters, fonts and QR codes are laid out,
 * or html[data-print-error] when it cannot.
 */
export interface PdfRenderer {
  /** Renders one view of the app (a path after its index page, e.g. "#/print/…") to PDF. */
  render(viewPath: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The print view's address for a part of a job, relative to the app's index page. */
export const printViewPath = (jobId: string, offset: number, limit: number) => `#/print/${jobId}?offset=${offset}&limit=${limit}`;

/** One PDF from the parts, pages in order; page sizes are kept as Chromium made them. */
export async function mergePdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  if (parts.length === 1) return parts[0];
  const merged = await PDFDocument.create();
  for (const part of parts) {
    const source = await PDFDocument.load(part);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}
