import { useEffect, useMemo, useRef, useState } from 'react';
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
function markDocument(state: { ready: string } | { failed: string } | null): void {
  const root = document.documentElement;
  delete root.dataset.printReady;
  delete root.dataset.printPart;
  delete root.dataset.printError;
  if (state && 'ready' in state) {
    root.dataset.printPart = state.ready;
    root.dataset.printReady = 'true';
  }
  if (state && 'failed' in state) root.dataset.printError = state.failed;
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
      () => current && setFontsFor(posters),
    );
    return () => {
      current = false;
    };
  }, [posters]);

  const laidOut = posters !== null && fontsFor === posters;
  const part = `${jobId}:${range.offset}:${range.limit ?? 'all'}`;
  useEffect(() => {
    if (job.state === 'failed') markDocument({ failed: job.error.code });
    if (!laidOut || !posters) return () => markDocument(null);
    let current = true;
    void document.fonts.ready.then(() => {
      const drawn = viewRef.current?.querySelectorAll('svg.poster-qr').length ?? 0;
      if (!current) return;
      if (drawn === posters.length) markDocument({ ready: part });
      else markDocument({ failed: `drew ${drawn} of ${posters.length} QR codes` });
    });
    return () => {
      current = false;
      markDocument(null);
    };
  }, [laidOut, posters, job, part]);
  // Another part of the job is asked for by changing the hash: not ready from that moment on,
  // before React has even rendered the change.
  useEffect(() => {
    const reset = () => markDocument(null);
    window.addEventListener('hashchange', reset);
    return () => window.removeEventListener('hashchange', reset);
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
    <div className="print-view" ref={viewRef}>
      {sheets.map((sheet, index) => (
        <PosterSheet key={range.offset + index} template={job.template} posters={sheet} />
      ))}
    </div>
  );
}
