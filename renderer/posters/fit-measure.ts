/** CSS px per typographic point. */
const PX_PER_PT = 96 / 72;

export interface FitRange {
  /** Largest size tried, in points. */
  maxPt: number;
  /** Smallest size, in points: the readable minimum, gone below only by a word wider than the box (WORD_SHRINK_FLOOR). */
  minPt: number;
  /** Lines wanted at most; at the minimum size more lines are taken if the box has room. */
  maxLines: number;
  /** Step between sizes, in points. */
  stepPt?: number;
  /** Line height as a multiple of the font size; a text whose marks need more gets more (leadingFor). */
  lineHeight?: number;
}

/** Vertical room for a text's marks (leadingFor), in multiples of its font size. */
export interface Leading {
  lineHeight: number;
  /** Room above the first line and below the last for ink beyond their line boxes. */
  padTopEm: number;
  padBottomEm: number;
}

export interface Fit {
  sizePt: number;
  leading: Leading;
  /** Only when nothing fits at the minimum size: the lines kept. */
  clampLines: number | null;
}

/**
 * How far below its minimum a text may shrink so that a word wider than the box stays
 * whole: a Vietnamese syllable split in two reads as two other words, so lines break only
 * at spaces (posters.css) and a word too long for a line (rare: a name typed without
 * spaces) is set smaller instead.
 */
const WORD_SHRINK_FLOOR = 0.5;

/** Clear space kept between the ink of two lines, as a share of the font size. */
const INK_GAP_EM = 0.06;

interface Measured {
  box: HTMLElement;
  text: HTMLElement;
}

/**
 * The fit as CSS declarations, set on the element directly (CSSOM, which the CSP allows):
 * React renders no style for it, so what was measured last is what stays.
 */
function fitDeclarations(fit: Fit): Record<string, string> {
  const clamp = fit.clampLines !== null;
  return {
    'font-size': `${fit.sizePt}pt`,
    'line-height': String(fit.leading.lineHeight),
    'padding-top': fit.leading.padTopEm > 0 ? `${fit.leading.padTopEm}em` : '',
    'padding-bottom': fit.leading.padBottomEm > 0 ? `${fit.leading.padBottomEm}em` : '',
    display: clamp ? '-webkit-box' : '',
    '-webkit-box-orient': clamp ? 'vertical' : '',
    '-webkit-line-clamp': clamp ? String(fit.clampLines) : '',
    overflow: clamp ? 'hidden' : '',
  };
}

export function applyFit(text: HTMLElement, fit: Fit): void {
  for (const [property, value] of Object.entries(fitDeclarations(fit))) text.style.setProperty(property, value);
}

/** Rounded up to a grid (none below 0), so a text always gets the same value. */
const roundUp = (value: number, grid: number) => Math.max(0, Math.round(Math.ceil(value / grid - 1e-9) * grid * 100) / 100);

/**
 * The leading a text needs: the range's line height, or more when its marks ask for it.
 * Vietnamese stacks marks above capitals (Ễ, Ể, Ỗ) and sets dots below (Ặ, Ệ, Ự): a name
 * in capitals at 1.15 has the marks of one line inside the dots of the line above, by a
 * quarter of the size. So lines are at least as far apart as the text's ink is tall, plus
 * INK_GAP_EM; and marks reaching beyond the first or last line box (above the font's own
 * ascent) get padding, so they stay in the text's box, clear of the header's rule. Measured
 * on the text's own outlines (canvas: same face, weight and style), every line taken as tall
 * as the tallest.
 */
function leadingFor(measure: DocumentMeasure, text: HTMLElement, content: string, range: FitRange): Leading {
  const base: Leading = { lineHeight: range.lineHeight ?? 1.15, padTopEm: 0, padBottomEm: 0 };
  const context = measure.ink;
  const style = text.ownerDocument.defaultView?.getComputedStyle(text);
  if (!context || !style) return base;
  context.font = `${style.fontStyle} ${style.fontWeight} 100px ${style.fontFamily}`;
  const ink = context.measureText(content);
  const [inkUp, inkDown, fontUp, fontDown] = [
    ink.actualBoundingBoxAscent,
    ink.actualBoundingBoxDescent,
    ink.fontBoundingBoxAscent,
    ink.fontBoundingBoxDescent,
  ].map((px) => px / 100);
  const lineHeight = Math.max(base.lineHeight, roundUp(inkUp + inkDown + INK_GAP_EM, 0.05));
  // Half the leading lies each side of the font's box (negative when lines are tighter than it).
  const halfLeading = (lineHeight - fontUp - fontDown) / 2;
  return {
    lineHeight,
    padTopEm: roundUp(inkUp + INK_GAP_EM / 2 - fontUp - halfLeading, 0.01),
    padBottomEm: roundUp(inkDown + INK_GAP_EM / 2 - fontDown - halfLeading, 0.01),
  };
}

/** Sizes from largest to smallest, on a fixed grid so the same text always gets the same size. */
function sizesOf(maxPt: number, minPt: number, stepPt = 0.5): number[] {
  const sizes: number[] = [];
  for (let size = maxPt; size > minPt + 1e-6; size -= stepPt) sizes.push(Math.round(size * 100) / 100);
  sizes.push(minPt);
  return sizes;
}

/** Whether every word of the text at its current size fits the box's width. */
const wordsFit = ({ text }: Measured) => text.scrollWidth <= text.clientWidth + 0.5;

/** Whether the text at its current size stays inside the box (and within maxLines, when asked). */
function fits({ box, text }: Measured, sizePt: number, leading: Leading, maxLines: number | null): boolean {
  if (text.scrollWidth > text.clientWidth + 0.5) return false;
  if (text.offsetHeight > box.clientHeight + 0.5) return false;
  if (maxLines === null) return true;
  const sizePx = sizePt * PX_PER_PT;
  const lines = Math.round((text.offsetHeight - (leading.padTopEm + leading.padBottomEm) * sizePx) / (sizePx * leading.lineHeight));
  return lines <= maxLines;
}

/** The largest size `accepts` takes, by bisection over the size grid (fitting is monotonic in size). */
function largestWhere(target: Measured, sizes: number[], leading: Leading, accepts: (sizePt: number) => boolean): number | null {
  const test = (index: number) => {
    applyFit(target.text, { sizePt: sizes[index], leading, clampLines: null });
    return accepts(sizes[index]);
  };
  if (!test(sizes.length - 1)) return null;
  let lo = 0;
  let hi = sizes.length - 1; // sizes[hi] is accepted
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return sizes[hi];
}

/**
 * The size for a text, found by laying it out in `target`: the largest within maxLines;
 * else the largest in any number of lines the box holds; else the minimum, or below it
 * (down to WORD_SHRINK_FLOOR of it) as far as a word too wide for the box needs to stay
 * whole; and if the lines still overflow (a 200-character name beside a long address on
 * A6), cut to the lines that fit, ending in "…". Words are never broken; the text never
 * leaves the box.
 */
export function measureFit(target: Measured, range: FitRange, leading: Leading): Fit {
  const sizes = sizesOf(range.maxPt, range.minPt, range.stepPt);
  const whole = (maxLines: number | null) => (sizePt: number) => fits(target, sizePt, leading, maxLines);
  const sizePt =
    largestWhere(target, sizes, leading, whole(range.maxLines)) ??
    largestWhere(target, sizes, leading, whole(null)) ??
    largestWhere(target, sizesOf(range.minPt, range.minPt * WORD_SHRINK_FLOOR, range.stepPt), leading, () => wordsFit(target)) ??
    range.minPt * WORD_SHRINK_FLOOR;
  const fit: Fit = { sizePt, leading, clampLines: null };
  applyFit(target.text, fit);
  if (fits(target, sizePt, leading, null)) return fit;
  const linePx = sizePt * PX_PER_PT * leading.lineHeight;
  return { ...fit, clampLines: Math.max(1, Math.floor((target.box.clientHeight + 0.5) / linePx)) };
}

/** Past this many fits a document's cache starts again (a long session previews many posters). */
const CACHE_LIMIT = 20_000;

interface DocumentMeasure {
  /** One hidden box per poster class and box class, a copy of the real box's cascade. */
  targets: Map<string, Measured>;
  fits: Map<string, Fit>;
  /** A canvas for measuring the outlines of a text's glyphs (null where canvas is unavailable). */
  ink: CanvasRenderingContext2D | null;
}

const measures = new WeakMap<Document, DocumentMeasure>();

function measureOf(doc: Document): DocumentMeasure {
  let measure = measures.get(doc);
  if (!measure) {
    const created: DocumentMeasure = { targets: new Map(), fits: new Map(), ink: doc.createElement('canvas').getContext('2d') };
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
  const fit = measureFit(target, range, leadingFor(measure, target.text, text, range));
  if (measure.fits.size >= CACHE_LIMIT) measure.fits.clear();
  measure.fits.set(key, fit);
  return fit;
}
