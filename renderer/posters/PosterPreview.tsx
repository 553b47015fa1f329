import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactToPrint } from 'react-to-print';
import { PAPER } from '../../shared/domain/posters';
import { useErrorText } from '../api/use-error-text';
import { Poster } from './Poster';
import { loadPosterFonts, posterCharacters } from './poster-fonts';
import { posterPaper, SHEET_LAYOUT } from './poster-layout';
import { PosterSheet } from './PosterSheet';
import { sheetsOf, usePrintJobPosters, type PosterRange } from './use-print-job';

const PX_PER_MM = 96 / 25.4;
const WHOLE_JOB: PosterRange = { offset: 0, limit: null };

/**
 * Prints the iframe react-to-print made once Be Vietnam Pro is loaded in it: the iframe is
 * a document of its own, and Chromium would otherwise print with whatever font it had.
 */
async function printWithFonts(iframe: HTMLIFrameElement): Promise<void> {
  const doc = iframe.contentDocument;
  if (doc) await loadPosterFonts(doc, doc.body.textContent ?? '').catch(() => undefined);
  iframe.contentWindow?.print();
}

interface PosterPreviewProps {
  jobId: string;
  /** Width of the preview on screen, in CSS px. */
  widthPx?: number;
  /** The print dialog closed (printed or not: the browser does not say which). */
  onAfterPrint?: () => void;
}

/**
 * A print job's posters one at a time, scaled down, with an "In" button that sends the
 * whole job to the OS print dialog (react-to-print). The printable sheets are rendered
 * off screen only while printing, at full size, and are the same markup as the PDF's.
 */
const DIALOG_LIMIT = 200;

export function PosterPreview({ jobId, widthPx = 360, onAfterPrint }: PosterPreviewProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const job = usePrintJobPosters(jobId, WHOLE_JOB);
  const [index, setIndex] = useState(0);
  const [printing, setPrinting] = useState(false);
  const sourceReady = useRef<(() => void) | null>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  const print = useReactToPrint({
    contentRef,
    documentTitle: t('posterPrint.documentTitle'),
    print: printWithFonts,
    // The page rules are in posters.css. react-to-print still adds this as an inline <style>,
    // which the CSP refuses (a console error, no effect); empty, its hash is sha256 of "".
    pageStyle: '',
    // Rendering the sheets for the dialog: resolved by the effect below once they are in the DOM.
    onBeforePrint: () =>
      new Promise<void>((resolve) => {
        sourceReady.current = resolve;
        setPrinting(true);
      }),
    onAfterPrint: () => {
      setPrinting(false);
      onAfterPrint?.();
    },
    onPrintError: () => setPrinting(false),
  });

  const posters = job.state === 'ready' ? job.posters : null;
  useEffect(() => {
    if (!printing || !posters || !sourceReady.current) return;
    const resolve = sourceReady.current;
    sourceReady.current = null;
    // Fonts first; FitText refits on their "loadingdone", then the next task clones the sheets.
    void loadPosterFonts(document, posterCharacters(posters))
      .catch(() => undefined)
      .then(() => setTimeout(resolve, 0));
  }, [printing, posters]);

  if (job.state === 'failed') return <p className="error">{errorText(job.error)}</p>;
  if (job.state === 'loading') return <p className="muted">{t('posterPrint.loading')}</p>;
  if (job.posters.length === 0) return <p className="muted">{t('posterPrint.empty')}</p>;

  const layout = SHEET_LAYOUT[job.template];
  const paper = posterPaper(layout.poster);
  const scale = widthPx / (paper.widthMm * PX_PER_MM);
  const shown = Math.min(index, job.posters.length - 1);
  const poster = job.posters[shown];
  return (
    <div className="poster-preview">
      <div className="poster-preview-frame" style={{ width: widthPx, height: paper.heightMm * PX_PER_MM * scale }}>
        <div className="poster-preview-scale" style={{ transform: `scale(${scale})` }}>
          <Poster poster={poster} size={layout.poster} />
        </div>
      </div>
      <div className="poster-preview-nav">
        <button type="button" disabled={shown === 0} onClick={() => setIndex(shown - 1)}>
          {t('posterPrint.previous')}
        </button>
        <span>{t('posterPrint.position', { index: shown + 1, total: job.posters.length })}</span>
        <button type="button" disabled={shown === job.posters.length - 1} onClick={() => setIndex(shown + 1)}>
          {t('posterPrint.next')}
        </button>
      </div>
      <p className="muted small">
        {t('posterPrint.sheets', { count: Math.ceil(job.posters.length / PAPER[job.template].perPage) })}
      </p>
      {/* The OS dialog lays every sheet out in this window: past a couple of hundred posters use the PDF. */}
      {job.posters.length > DIALOG_LIMIT ? (
        <p className="muted">{t('posterPrint.tooMany', { limit: DIALOG_LIMIT })}</p>
      ) : (
        <button type="button" className="primary" disabled={printing} onClick={() => print()}>
          {printing ? t('posterPrint.printing') : t('posterPrint.print')}
        </button>
      )}
      {printing && (
        <div className="poster-print-source" aria-hidden="true">
          <div ref={contentRef}>
            {sheetsOf(job.posters, PAPER[job.template].perPage).map((sheet, at) => (
              <PosterSheet key={at} template={job.template} posters={sheet} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
