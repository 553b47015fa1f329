import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PAPER } from '../../shared/domain/posters';
import { useErrorText } from '../api/use-error-text';
import { loadPosterFonts, posterCharacters } from './poster-fonts';
import { PosterSheet } from './PosterSheet';
import { sheetsOf, usePrintJobPosters, type PosterRange } from './use-print-job';

function countParam(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/**
 * Marks the document for the PDF renderer in main, which waits for html[data-print-ready="true"]
 * (and may check html[data-print-part] names the part it asked for, "<jobId>:<offset>:<limit|all>").
 * A failure sets html[data-print-error] instead, so main need not wait for a timeout.
 */
function markDocument(state: { ready: string } | { failed: string } | 'not-ready' | 'reset'): void {
  const root = document.documentElement;
  delete root.dataset.printReady;
  delete root.dataset.printPart;
  if (state === 'reset') delete root.dataset.printError;
  if (typeof state !== 'object') return;
  if ('ready' in state) {
    root.dataset.printPart = state.ready;
    root.dataset.printReady = 'true';
  } else {
    root.dataset.printError = state.failed;
  }
}

function PrintFailed() {
  const { t } = useTranslation();
  return <p className="print-status error">{t('posterPrint.failed')}</p>;
}

/** A poster that cannot be drawn (a payload no QR version holds) fails the print at once, not by timeout. */
class PrintErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    markDocument({ failed: `render: ${error instanceof Error ? error.message : String(error)}` });
  }

  override render() {
    return this.state.failed ? <PrintFailed /> : this.props.children;
  }
}

/**
 * A print job laid out for paper: one sheet per page, each page exactly the template's
 * paper size (named @page rules in posters.css). `?offset=&limit=` shows a part of the
 * job, for PDFs rendered in parts. Ready for print once every slice is loaded, the fonts
 * are in, and the QR codes are in the DOM.
 */
export function PrintView() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { jobId = '' } = useParams();
  const [params] = useSearchParams();
  const offsetParam = countParam(params.get('offset'));
  const limitParam = countParam(params.get('limit'));
  const range = useMemo<PosterRange>(() => ({ offset: offsetParam ?? 0, limit: limitParam }), [offsetParam, limitParam]);
  const job = usePrintJobPosters(jobId, range);
  const posters = job.state === 'ready' ? job.posters : null;
  const [fontsFor, setFontsFor] = useState<typeof posters>(null);
  const viewRef = useRef<HTMLDivElement>(null);

  // Fonts first: the posters are laid out (and their text fitted) only with the real font.
  useEffect(() => {
    if (!posters) return;
    let current = true;
    void loadPosterFonts(document, posterCharacters(posters)).then(
      () => current && setFontsFor(posters),
      (error: unknown) => current && markDocument({ failed: `fonts: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return () => {
      current = false;
    };
  }, [posters]);

  const laidOut = posters !== null && fontsFor === posters;
  const part = `${jobId}:${range.offset}:${range.limit ?? 'all'}`;
  useEffect(() => {
    if (job.state === 'failed') markDocument({ failed: job.error.code });
    if (!laidOut || !posters) return () => markDocument('not-ready');
    let current = true;
    void document.fonts.ready.then(() => {
      const drawn = viewRef.current?.querySelectorAll('svg.poster-qr').length ?? 0;
      // A failure already marked (by the error boundary) keeps its reason.
      if (!current || document.documentElement.dataset.printError !== undefined) return;
      if (drawn === posters.length) markDocument({ ready: part });
      else markDocument({ failed: `drew ${drawn} of ${posters.length} QR codes` });
    });
    return () => {
      current = false;
      markDocument('not-ready');
    };
  }, [laidOut, posters, job, part]);
  // Another part of the job is asked for by changing the hash: not ready from that moment on,
  // before React has even rendered the change.
  useEffect(() => {
    const reset = () => markDocument('reset');
    window.addEventListener('hashchange', reset);
    return () => {
      window.removeEventListener('hashchange', reset);
      reset();
    };
  }, []);

  if (job.state === 'failed') return <p className="print-status error">{errorText(job.error)}</p>;
  if (!laidOut || job.state !== 'ready') {
    return (
      <p className="print-status muted">
        {job.state === 'loading' && job.total !== null
          ? t('posterPrint.loadingCount', { done: job.loaded, total: job.total })
          : t('posterPrint.loading')}
      </p>
    );
  }
  const sheets = sheetsOf(job.posters, PAPER[job.template].perPage);
  return (
    <PrintErrorBoundary key={part}>
      <div className="print-view" ref={viewRef}>
        {sheets.map((sheet, index) => (
          <PosterSheet key={range.offset + index} template={job.template} posters={sheet} />
        ))}
      </div>
    </PrintErrorBoundary>
  );
}
