import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { applyFit, fitFor, type Fit, type FitRange } from './fit-measure';

export type { FitRange } from './fit-measure';

interface FitTextProps {
  text: string;
  /** A constant (from POSTER_LAYOUT): a new object each render would refit each render. */
  range: FitRange;
  /** The box: its size comes from the stylesheet (a fixed height, or a flex share). */
  className: string;
}

/**
 * Text set as large as its box allows: the size steps down (half-point grid) until the
 * text fits, wrapping at spaces onto at most range.maxLines lines, never below range.minPt
 * (unless one word is wider than the box: it is never split), with the line height its
 * marks need. Measured in layout pixels before paint (transforms of a scaled preview do
 * not change it), and again when the box resizes or web fonts finish loading, so print
 * gets the same result as the screen. Fitting only reads this box's size (fit-measure lays the text out in a
 * hidden copy, once per distinct text); the size found is written in the next commit,
 * with every other poster's, so a print view of hundreds of posters is laid out once.
 */
export function FitText({ text, range, className }: FitTextProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit | null>(null);
  const boxClass = `fit-box ${className}`;

  const refit = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    const next = fitFor(box, boxClass, text, range);
    if (next) setFit(next);
  }, [boxClass, text, range]);

  useLayoutEffect(() => {
    refit();
  }, [refit]);

  useLayoutEffect(() => {
    if (fit && textRef.current) applyFit(textRef.current, fit);
  }, [fit]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(() => refit());
    observer.observe(box);
    document.fonts.addEventListener('loadingdone', refit);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', refit);
    };
  }, [refit]);

  return (
    <div ref={boxRef} className={`${boxClass}${fit?.clampLines == null ? '' : ' fit-clipped'}`} data-fit-pt={fit?.sizePt ?? range.maxPt}>
      <div ref={textRef} className="fit-text">
        {text}
      </div>
    </div>
  );
}
