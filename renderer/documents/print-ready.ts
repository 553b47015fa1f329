import { useEffect, type RefObject } from 'react';
import type { Loaded } from './document-load';

/** The faces documents use (documents.css bundles them): regular, italic, bold, bold italic. */
const FACES = ['400 16px', 'italic 400 16px', '700 16px', 'italic 700 16px'];
const DOCUMENT_FONT = 'Tinos';

/** Basic Latin, its extension and Vietnamese: text that makes a face fetch each subset a document uses. */
const SUBSETS_SAMPLE = 'Aa Āā Đđ Ạạ Ếế';

/**
 * Starts fetching the document's faces as soon as its page opens, while its data is still
 * on its way, instead of after its text is laid out. A failure here is not reported: the
 * same load, awaited by usePrintReady, reports it.
 */
export function useDocumentFonts() {
  useEffect(() => {
    for (const face of FACES) void document.fonts.load(`${face} "${DOCUMENT_FONT}"`, SUBSETS_SAMPLE).catch(() => undefined);
  }, []);
}

/**
 * Marks the document for the PDF renderer in main, which waits for html[data-print-ready]
 * or html[data-print-error]. Ready once the text is laid out in the bundled font: each
 * face is loaded for the very characters the document prints.
 */
export function usePrintReady(sheet: RefObject<HTMLElement | null>, loaded: Loaded<unknown>) {
  const state = loaded.state;
  const failed = loaded.state === 'failed' ? loaded.error.code : null;
  useEffect(() => {
    const root = document.documentElement;
    const clear = () => {
      delete root.dataset.printReady;
      delete root.dataset.printError;
    };
    clear();
    if (failed !== null) root.dataset.printError = failed;
    if (state !== 'ready') return clear;
    let current = true;
    const text = sheet.current?.textContent ?? '';
    void Promise.all(FACES.map((face) => document.fonts.load(`${face} "${DOCUMENT_FONT}"`, text)))
      .then(() => document.fonts.ready)
      .then(
        () => {
          if (current) root.dataset.printReady = 'true';
        },
        (error: unknown) => {
          if (current) root.dataset.printError = `fonts: ${String(error)}`;
        },
      );
    return () => {
      current = false;
      clear();
    };
  }, [sheet, state, failed]);
}

/** The window's title while a document is shown: the print dialog and the PDF take it. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
