import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** CSS px per typographic point. */
const PX_PER_PT = 96 / 72;

export interface FitRange {
  /** Largest size tried, in points. */
  maxPt: number;
  /** Smallest size, in points: the readable minimum, never gone below. */
  minPt: number;
  /** Lines wanted at most; at the minimum size more lines are taken if the box has room. */
  maxLines: number;
  /** Step between sizes, in points. */
  stepPt?: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
}

interface Fit {
  sizePt: number;
  /** Only when no size fits whole words: words may then break anywhere. */
  breakWords: boolean;
  /** Only when nothing fits at the minimum size: the lines kept. */
  clampLines: number | null;
}

interface Measured {
  box: HTMLElement;
  text: HTMLElement;
}

/**
 * The fit as CSS declarations, set on the element directly (CSSOM, which the CSP allows):
 * React renders no style for it, so what was measured last is what stays.
 */
function fitDeclarations(fit: Fit, lineHeight: number): Record<string, string> {
  const clamp = fit.clampLines !== null;
  return {
    'font-size': `${fit.sizePt}pt`,
    'line-height': String(lineHeight),
    'overflow-wrap': fit.breakWords ? 'anywhere' : 'normal',
    display: clamp ? '-webkit-box' : '',
    '-webkit-box-orient': clamp ? 'vertical' : '',
    '-webkit-line-clamp': clamp ? String(fit.clampLines) : '',
    overflow: clamp ? 'hidden' : '',
  };
}

/** Sizes from largest to smallest, on a fixed grid so the same text always gets the same size. */
function sizesOf({ maxPt, minPt, stepPt = 0.5 }: FitRange): number[] {
  const sizes: number[] = [];
  for (let size = maxPt; size > minPt + 1e-6; size -= stepPt) sizes.push(Math.round(size * 100) / 100);
  sizes.push(minPt);
  return sizes;
}

function apply({ text }: Measured, fit: Fit, lineHeight: number): void {
  for (const [property, value] of Object.entries(fitDeclarations(fit, lineHeight))) text.style.setProperty(property, value);
}

/** Whether the text at its current size stays inside the box (and within maxLines, when asked). */
function fits({ box, text }: Measured, sizePt: number, lineHeight: number, maxLines: number | null): boolean {
  if (text.scrollWidth > text.clientWidth + 0.5) return false;
  if (text.offsetHeight > box.clientHeight + 0.5) return false;
  if (maxLines === null) return true;
  const lines = Math.round(text.offsetHeight / (sizePt * PX_PER_PT * lineHeight));
  return lines <= maxLines;
}

/** The largest size that fits, by bisection over the size grid (fitting is monotonic in size). */
function largestFitting(target: Measured, sizes: number[], lineHeight: number, maxLines: number | null): number | null {
  const test = (index: number) => {
    apply(target, { sizePt: sizes[index], breakWords: false, clampLines: null }, lineHeight);
    return fits(target, sizes[index], lineHeight, maxLines);
  };
  if (!test(sizes.length - 1)) return null;
  let lo = 0;
  let hi = sizes.length - 1; // sizes[hi] fits
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return sizes[hi];
}

/**
 * The size for a text: the largest within maxLines; else the largest in any number of
 * lines the box holds; else the minimum with words broken anywhere; and if even that
 * overflows (a 200-character name beside a long address on A6), the minimum cut to the
 * lines that fit, ending in "…". Never smaller than the minimum, never outside the box.
 */
function measureFit(target: Measured, range: FitRange): Fit {
  const lineHeight = range.lineHeight ?? 1.15;
  const sizes = sizesOf(range);
  const best = largestFitting(target, sizes, lineHeight, range.maxLines) ?? largestFitting(target, sizes, lineHeight, null);
  const fit: Fit = best === null ? { sizePt: range.minPt, breakWords: true, clampLines: null } : { sizePt: best, breakWords: false, clampLines: null };
  apply(target, fit, lineHeight);
  if (fits(target, fit.sizePt, lineHeight, null)) return fit;
  const linePx = fit.sizePt * PX_PER_PT * lineHeight;
  const clamped: Fit = { ...fit, clampLines: Math.max(1, Math.floor((target.box.clientHeight + 0.5) / linePx)) };
  apply(target, clamped, lineHeight);
  return clamped;
}

interface FitTextProps {
  text: string;
  /** A constant (from POSTER_LAYOUT): a new object each render would refit each render. */
  range: FitRange;
  /** The box: its size comes from the stylesheet (a fixed height, or a flex share). */
  className: string;
}

/**
 * Text set as large as its box allows: the size steps down (half-point grid) until the
 * text fits, wrapping onto at most range.maxLines lines, never below range.minPt. Measured
 * in layout pixels before paint (transforms of a scaled preview do not change it), and
 * again when the box resizes or web fonts finish loading, so print gets the same result
 * as the screen.
 */
export function FitText({ text, range, className }: FitTextProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit>({ sizePt: range.maxPt, breakWords: false, clampLines: null });

  const refit = useCallback(() => {
    const box = boxRef.current;
    const inner = textRef.current;
    if (!box || !inner) return;
    const next = measureFit({ box, text: inner }, range);
    setFit((previous) =>
      previous.sizePt === next.sizePt && previous.breakWords === next.breakWords && previous.clampLines === next.clampLines
        ? previous
        : next,
    );
  }, [range]);

  useLayoutEffect(() => {
    refit();
  }, [refit, text]);

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
    <div ref={boxRef} className={`fit-box ${className}${fit.clampLines === null ? '' : ' fit-clipped'}`} data-fit-pt={fit.sizePt}>
      <div ref={textRef} className="fit-text">
        {text}
      </div>
    </div>
  );
}
