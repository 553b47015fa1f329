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

export interface Fit {
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

export function applyFit(text: HTMLElement, fit: Fit, range: FitRange): void {
  for (const [property, value] of Object.entries(fitDeclarations(fit, range.lineHeight ?? 1.15))) text.style.setProperty(property, value);
}

/** Sizes from largest to smallest, on a fixed grid so the same text always gets the same size. */
function sizesOf({ maxPt, minPt, stepPt = 0.5 }: FitRange): number[] {
  const sizes: number[] = [];
  for (let size = maxPt; size > minPt + 1e-6; size -= stepPt) sizes.push(Math.round(size * 100) / 100);
  sizes.push(minPt);
  return sizes;
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
function largestFitting(target: Measured, sizes: number[], range: FitRange, maxLines: number | null): number | null {
  const lineHeight = range.lineHeight ?? 1.15;
  const test = (index: number) => {
    applyFit(target.text, { sizePt: sizes[index], breakWords: false, clampLines: null }, range);
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
 * The size for a text, found by laying it out in `target`: the largest within maxLines;
 * else the largest in any number of lines the box holds; else the minimum with words
 * broken anywhere; and if even that overflows (a 200-character name beside a long address
 * on A6), the minimum cut to the lines that fit, ending in "…". Never smaller than the
 * minimum, never outside the box.
 */
export function measureFit(target: Measured, range: FitRange): Fit {
  const sizes = sizesOf(range);
  const best = largestFitting(target, sizes, range, range.maxLines) ?? largestFitting(target, sizes, range, null);
  const fit: Fit = best === null ? { sizePt: range.minPt, breakWords: true, clampLines: null } : { sizePt: best, breakWords: false, clampLines: null };
  applyFit(target.text, fit, range);
  const lineHeight = range.lineHeight ?? 1.15;
  if (fits(target, fit.sizePt, lineHeight, null)) return fit;
  const linePx = fit.sizePt * PX_PER_PT * lineHeight;
  return { ...fit, clampLines: Math.max(1, Math.floor((target.box.clientHeight + 0.5) / linePx)) };
}

/** Past this many fits a document's cache starts again (a long session previews many posters). */
const CACHE_LIMIT = 20_000;

interface DocumentMeasure {
  /** One hidden box per poster class and box class, a copy of the real box's cascade. */
  targets: Map<string, Measured>;
  fits: Map<string, Fit>;
}

const measures = new WeakMap<Document, DocumentMeasure>();

function measureOf(doc: Document): DocumentMeasure {
  let measure = measures.get(doc);
  if (!measure) {
    const created: DocumentMeasure = { targets: new Map(), fits: new Map() };
    // Sizes measured with a fallback font are wrong once the real one is in.
    doc.fonts.addEventListener('loadingdone', () => created.fits.clear());
    measures.set(doc, created);
    measure = created;
  }
  return measure;
}

/**
 * A hidden copy of a poster holding one copy of the box: same classes, so the same font,
 * weight, letter spacing and wrapping. `contain: strict` makes it a layout root, so laying
 * text out in it re-lays only it, never the posters of the print view.
 */
function targetFor(measure: DocumentMeasure, doc: Document, posterClass: string, boxClass: string): Measured {
  const key = `${posterClass}|${boxClass}`;
  const existing = measure.targets.get(key);
  if (existing) return existing;
  const host = doc.createElement('div');
  host.className = `${posterClass} fit-measure`;
  host.lang = 'vi';
  host.setAttribute('aria-hidden', 'true');
  const box = doc.createElement('div');
  box.className = boxClass;
  const text = doc.createElement('div');
  text.className = 'fit-text';
  box.append(text);
  host.append(box);
  doc.body.append(host);
  const target = { box, text };
  measure.targets.set(key, target);
  return target;
}

/**
 * The fit of `text` in the real `box` (whose own size the stylesheet sets), measured once
 * per distinct poster, box class, box size, range and text, in the hidden copy: the real
 * posters are only read (their box's size), never written while fitting. Null while the
 * box has no layout (not displayed).
 */
export function fitFor(box: HTMLElement, boxClass: string, text: string, range: FitRange): Fit | null {
  const doc = box.ownerDocument;
  const style = doc.defaultView?.getComputedStyle(box);
  if (!style || !style.width.endsWith('px') || !style.height.endsWith('px')) return null;
  const posterClass = box.closest('.poster')?.className ?? 'poster';
  const measure = measureOf(doc);
  const key = JSON.stringify([posterClass, boxClass, style.width, style.height, range, text]);
  const known = measure.fits.get(key);
  if (known) return known;
  const target = targetFor(measure, doc, posterClass, boxClass);
  target.box.style.setProperty('width', style.width);
  target.box.style.setProperty('height', style.height);
  target.text.textContent = text;
  const fit = measureFit(target, range);
  if (measure.fits.size >= CACHE_LIMIT) measure.fits.clear();
  measure.fits.set(key, fit);
  return fit;
}
