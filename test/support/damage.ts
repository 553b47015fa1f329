import type { QrMeasure, Raster } from './raster';

/**
 * What happens to a poster on a wall, applied to its raster: a stain, sun-faded ink, a
 * blurred photo, a phone held at an angle. Every transform is pure (a new image out) and
 * deterministic: the randomness comes from the seeded PRNG the caller passes
 * (createPrng in synthetic-venues.ts), so a failing seed can be replayed.
 */

export type Random = () => number;

/** Where the symbol sits in an image, in pixels: its dark-module box and module count. */
export interface SymbolGeometry {
  left: number;
  top: number;
  /** Width (= height) of the symbol, quiet zone excluded. */
  sizePx: number;
  modules: number;
}

export const geometryOf = (measure: QrMeasure): SymbolGeometry => ({
  left: measure.box.left,
  top: measure.box.top,
  sizePx: measure.box.right - measure.box.left + 1,
  modules: measure.modules,
});

export const modulePx = (symbol: SymbolGeometry) => symbol.sizePx / symbol.modules;

const between = (random: Random, low: number, high: number) => low + (high - low) * random();

/** Standard normal quantiles at 4,096 even steps: one PRNG draw a pixel gives a normal deviate. */
const NORMAL_TABLE = (() => {
  const steps = 4096;
  // The normal CDF, to 2·10⁻⁴ (tanh approximation), inverted by bisection.
  const cdf = (x: number) => 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
  const table = new Float32Array(steps);
  for (let i = 0; i < steps; i++) {
    const p = (i + 0.5) / steps;
    let low = -6;
    let high = 6;
    for (let k = 0; k < 40; k++) {
      const mid = (low + high) / 2;
      if (cdf(mid) < p) low = mid;
      else high = mid;
    }
    table[i] = (low + high) / 2;
  }
  return table;
})();

/** A white image. */
function blank(width: number, height: number): Raster {
  return { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
}

/** The symbol with a light margin of `marginModules` on each side, cut out; the symbol's place in the cut-out. */
export function cropSymbol(image: Raster, symbol: SymbolGeometry, marginModules: { left: number; top: number; right: number; bottom: number }): { image: Raster; symbol: SymbolGeometry } {
  const m = modulePx(symbol);
  const left = Math.max(0, Math.round(symbol.left - marginModules.left * m));
  const top = Math.max(0, Math.round(symbol.top - marginModules.top * m));
  const right = Math.min(image.width, Math.round(symbol.left + symbol.sizePx + marginModules.right * m));
  const bottom = Math.min(image.height, Math.round(symbol.top + symbol.sizePx + marginModules.bottom * m));
  const out = blank(right - left, bottom - top);
  for (let row = 0; row < out.height; row++) {
    const from = ((top + row) * image.width + left) * 4;
    out.data.set(image.data.subarray(from, from + out.width * 4), row * out.width * 4);
  }
  return { image: out, symbol: { ...symbol, left: symbol.left - left, top: symbol.top - top } };
}

/** Paper grain and sensor noise: the same grey offset on the three channels, σ in grey levels. */
export function grain(image: Raster, random: Random, sigma = 3): Raster {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const noise = NORMAL_TABLE[Math.floor(random() * NORMAL_TABLE.length)] * sigma;
    data[i] = image.data[i] + noise;
    data[i + 1] = image.data[i + 1] + noise;
    data[i + 2] = image.data[i + 2] + noise;
    data[i + 3] = 255;
  }
  return { data, width: image.width, height: image.height };
}

/** Contrast faded to `contrast` (0.4 = 40%): every pixel pulled towards white, black becoming grey. */
export function fade(image: Raster, contrast = 0.4): Raster {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (i & 3) === 3 ? 255 : 255 - (255 - image.data[i]) * contrast;
  return { data, width: image.width, height: image.height };
}

/** Finder patterns with their separators (8×8 modules at three corners), widened by `pad` modules. */
function inFinder(mx: number, my: number, modules: number, pad = 0): boolean {
  const near = 8 + pad;
  const far = modules - 8 - pad;
  return (mx < near && my < near) || (mx >= far && my < near) || (mx < near && my >= far);
}

interface Blob {
  cx: number;
  cy: number;
  /** Relative radius by angle: 1 + Σ a·sin(kθ + φ), so the outline is irregular but closed. */
  waves: Array<{ k: number; a: number; phase: number }>;
}

function blobRadius(blob: Blob, angle: number): number {
  let r = 1;
  for (const wave of blob.waves) r += wave.a * Math.sin(wave.k * angle + wave.phase);
  return r;
}

/** An irregular blob centred on the symbol, at least 3 modules away from the finder patterns. */
function randomBlob(symbol: SymbolGeometry, random: Random): Blob {
  const m = modulePx(symbol);
  let mx: number;
  let my: number;
  do {
    mx = between(random, 2, symbol.modules - 2);
    my = between(random, 2, symbol.modules - 2);
  } while (inFinder(mx, my, symbol.modules, 3));
  const waves = [2, 3, 4, 5].map((k) => ({ k, a: between(random, 0, 0.35 / k), phase: between(random, 0, 2 * Math.PI) }));
  return { cx: symbol.left + mx * m, cy: symbol.top + my * m, waves };
}

/** The n-th smallest finite value (1-based): a histogram finds its bin, a sort of that bin alone finds the value. */
function nthSmallest(values: Float32Array, n: number): number {
  let max = 0;
  for (const v of values) if (v !== Infinity && v > max) max = v;
  const bins = 4096;
  const counts = new Uint32Array(bins + 1);
  const binOf = (v: number) => Math.min(bins, Math.floor((v / max) * bins));
  for (const v of values) if (v !== Infinity) counts[binOf(v)]++;
  let bin = 0;
  let before = 0;
  while (bin < bins && before + counts[bin] < n) before += counts[bin++];
  const inBin = values.filter((v) => v !== Infinity && binOf(v) === bin).sort();
  return inBin[Math.min(n - before, inBin.length) - 1] ?? max;
}

/**
 * A stain covering `coverage` of the symbol's area (10% by default), never on the three
 * finder patterns: an irregular blob, dark grey at its core and mid grey at its rim,
 * darkening what is under it as a water or grease stain does (multiplied, so black stays
 * black). Each pixel of the symbol gets its blob distance (distance from the centre over
 * the outline's radius in that direction); the stain is the `coverage` share of the
 * symbol's pixels nearest the centre, so its area is exact whatever the outline.
 */
export function stain(image: Raster, symbol: SymbolGeometry, random: Random, coverage = 0.1): Raster {
  const blob = randomBlob(symbol, random);
  const m = modulePx(symbol);
  const x0 = Math.max(0, Math.round(symbol.left));
  const y0 = Math.max(0, Math.round(symbol.top));
  const x1 = Math.min(image.width, Math.round(symbol.left + symbol.sizePx));
  const y1 = Math.min(image.height, Math.round(symbol.top + symbol.sizePx));
  const w = x1 - x0;
  const reach = new Float32Array(w * (y1 - y0)).fill(Infinity);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (inFinder((x - symbol.left) / m, (y - symbol.top) / m, symbol.modules)) continue;
      const dx = x - blob.cx;
      const dy = y - blob.cy;
      reach[(y - y0) * w + (x - x0)] = Math.sqrt(dx * dx + dy * dy) / blobRadius(blob, Math.atan2(dy, dx));
    }
  }
  const scale = nthSmallest(reach, Math.round(coverage * symbol.sizePx * symbol.sizePx));
  const core = between(random, 40, 100);
  const rim = between(random, 120, 170);
  const out = { data: new Uint8ClampedArray(image.data), width: image.width, height: image.height };
  for (let p = 0; p < reach.length; p++) {
    if (reach[p] > scale) continue;
    const depth = reach[p] / scale;
    const shade = (core + (rim - core) * depth * depth) / 255;
    const i = ((y0 + Math.floor(p / w)) * image.width + x0 + (p % w)) * 4;
    out.data[i] *= shade;
    out.data[i + 1] *= shade;
    out.data[i + 2] *= shade;
  }
  return out;
}

/** Box sizes whose three passes approximate a Gaussian of σ (W. Jarosz's and I. Kutskir's recipe). */
function boxesForGauss(sigma: number, passes = 3): number[] {
  const ideal = Math.sqrt((12 * sigma * sigma) / passes + 1);
  let lower = Math.floor(ideal);
  if (lower % 2 === 0) lower--;
  const upper = lower + 2;
  const m = Math.round((12 * sigma * sigma - passes * lower * lower - 4 * passes * lower - 3 * passes) / (-4 * lower - 4));
  return Array.from({ length: passes }, (_, i) => (i < m ? lower : upper));
}

/** One box-blur pass of half-width `r` along rows (or columns), with a running sum and the edge pixels repeated. */
function boxPass(source: Float32Array, target: Float32Array, width: number, height: number, r: number, alongRows: boolean): void {
  const lines = alongRows ? height : width;
  const length = alongRows ? width : height;
  const stride = alongRows ? 1 : width;
  const scale = 1 / (2 * r + 1);
  for (let line = 0; line < lines; line++) {
    const start = alongRows ? line * width : line;
    const end = start + (length - 1) * stride;
    const first = source[start];
    const last = source[end];
    let sum = (r + 1) * first;
    for (let i = 1; i <= r; i++) sum += source[start + Math.min(i, length - 1) * stride];
    let out = start;
    for (let i = 0; i < length; i++, out += stride) {
      target[out] = sum * scale;
      const entering = i + r + 1 < length ? source[out + (r + 1) * stride] : last;
      const leaving = i - r >= 0 ? source[out - r * stride] : first;
      sum += entering - leaving;
    }
  }
}

function isGrey(image: Raster): boolean {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 1] || d[i] !== d[i + 2]) return false;
  return true;
}

/** Gaussian blur of σ = `sigmaPx` (three box passes each way), per colour channel (once for a grey image). */
export function blur(image: Raster, sigmaPx: number): Raster {
  const { width, height } = image;
  const out = blank(width, height);
  const a = new Float32Array(width * height);
  const b = new Float32Array(width * height);
  const radii = boxesForGauss(sigmaPx).map((size) => (size - 1) / 2);
  const grey = isGrey(image);
  for (let channel = 0; channel < (grey ? 1 : 3); channel++) {
    for (let p = 0; p < a.length; p++) a[p] = image.data[p * 4 + channel];
    for (const r of radii) {
      boxPass(a, b, width, height, r, true);
      boxPass(b, a, width, height, r, false);
    }
    for (let p = 0; p < a.length; p++) {
      out.data[p * 4 + channel] = a[p];
      if (grey) out.data[p * 4 + 1] = out.data[p * 4 + 2] = a[p];
    }
  }
  return out;
}

/** Bilinear sample at a real position into `out` at byte `i`; white off the image (the wall around the poster). */
function sampleInto(image: Raster, grey: boolean, x: number, y: number, out: Uint8ClampedArray, i: number): void {
  if (x < 0 || y < 0 || x > image.width - 1 || y > image.height - 1) return; // out is white already
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const right = x0 + 1 < image.width ? 4 : 0;
  const below = y0 + 1 < image.height ? image.width * 4 : 0;
  const p = (y0 * image.width + x0) * 4;
  const d = image.data;
  for (let c = 0; c < (grey ? 1 : 3); c++) {
    const top = d[p + c] * (1 - fx) + d[p + right + c] * fx;
    const bottom = d[p + below + c] * (1 - fx) + d[p + below + right + c] * fx;
    out[i + c] = top * (1 - fy) + bottom * fy;
  }
  if (grey) out[i + 1] = out[i + 2] = out[i];
}

export type RecedingEdge = 'left' | 'right' | 'top' | 'bottom';
const EDGES: readonly RecedingEdge[] = ['left', 'right', 'top', 'bottom'];

/**
 * The poster seen at an angle: its plane turned by `degrees` about its vertical or
 * horizontal centre line, photographed by a pinhole camera on the image's axis at
 * `distance` × the image's larger side (1.5: a phone close enough for the poster to fill
 * most of the frame). The edge that recedes is chosen at random. A projective warp,
 * computed backwards (each output pixel looks up its source) with bilinear sampling.
 */
export function perspectiveSkew(image: Raster, random: Random, degrees = 15, distance = 1.5): { image: Raster; receding: RecedingEdge } {
  const receding = EDGES[Math.floor(random() * EDGES.length)];
  const { width, height } = image;
  const out = blank(width, height);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const d = distance * Math.max(width, height);
  const theta = (degrees * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  // Along the turned axis, a point at a (from the centre) goes to depth a·sin; the receding side gets further away.
  const sign = receding === 'right' || receding === 'bottom' ? 1 : -1;
  const horizontal = receding === 'left' || receding === 'right';
  const grey = isGrey(image);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = horizontal ? x - cx : y - cy; // across the turned axis, in the image
      const v = horizontal ? y - cy : x - cx; // along it
      // Camera: u = d·a·cos / (d + sign·a·sin)  ⇒  a = u·d / (d·cos − sign·u·sin); v scales with the same depth.
      const a = (u * d) / (d * cos - sign * u * sin);
      const b = (v * (d + sign * a * sin)) / d;
      const sx = horizontal ? a + cx : b + cx;
      const sy = horizontal ? b + cy : a + cy;
      sampleInto(image, grey, sx, sy, out.data, (y * width + x) * 4);
    }
  }
  return { image: out, receding };
}

export const DAMAGE_MODELS = ['stain', 'fade', 'blur', 'skew'] as const;
export type DamageModel = (typeof DAMAGE_MODELS)[number];

export const DAMAGE_LABELS: Record<DamageModel, string> = {
  stain: 'stain over 10% of the symbol (finder patterns spared)',
  fade: 'contrast faded to 40%',
  blur: 'Gaussian blur, σ = 1/3 module',
  skew: '15° perspective skew',
};

/** One damage model at its issue-given strength; grain is added to every model so each seed differs. */
export function applyDamage(model: DamageModel, image: Raster, symbol: SymbolGeometry, random: Random): Raster {
  switch (model) {
    case 'stain':
      return grain(stain(image, symbol, random, 0.1), random);
    case 'fade':
      return grain(fade(image, 0.4), random);
    case 'blur':
      return grain(blur(image, modulePx(symbol) / 3), random);
    case 'skew':
      return grain(perspectiveSkew(image, random, 15).image, random);
  }
}
