import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { PrintJob, PrintJobStatus } from '../../shared/domain/posters';
import { makeTempDir } from './temp-dir';

/**
 * PDFs as a printer and a phone see them: page sizes read by poppler (not by pdf-lib,
 * which the app itself uses to merge PDFs), pages rasterised by pdftoppm, QR codes read
 * by two independent decoders (jsQR in JavaScript, ZXing-C++ as WebAssembly), and the
 * printed symbol measured on the raster in centimetres and modules.
 */

const run = promisify(execFile);
const MM_PER_POINT = 25.4 / 72;
const CM_PER_INCH = 2.54;

/** An RGBA image, 4 bytes a pixel, rows top to bottom. */
export interface Raster {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface PageSize {
  widthMm: number;
  heightMm: number;
}

/** Writes the PDF to a temporary folder for poppler, and always removes it. */
async function withPdfFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const temp = makeTempDir('diemqr-raster-');
  try {
    const file = path.join(temp.dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    return await use(file, temp.dir);
  } finally {
    temp.remove();
  }
}

/** Page count and every page's size in millimetres, as pdfinfo reads them. */
export async function pdfPages(pdf: Uint8Array): Promise<{ count: number; sizes: PageSize[] }> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', file], { maxBuffer: 64 * 1024 * 1024 });
    const count = Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1]);
    if (!Number.isInteger(count)) throw new Error(`pdfPages: no page count in pdfinfo's answer:\n${stdout}`);
    const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(([, width, height]) => ({
      widthMm: Number(width) * MM_PER_POINT,
      heightMm: Number(height) * MM_PER_POINT,
    }));
    if (sizes.length !== count) throw new Error(`pdfPages: pdfinfo gave ${sizes.length} page sizes for ${count} pages`);
    return { count, sizes };
  });
}

/** The text of one page (1-based) as pdftotext extracts it: what a PDF's fonts map back to characters. */
export async function pdfText(pdf: Uint8Array, page: number): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-'])).stdout);
}

export interface RasteriseOptions {
  /** 1-based page range; all pages when left out. */
  first?: number;
  last?: number;
}

/** Each page as a PNG at `dpi`, through `pdftoppm -r <dpi> -png` (anti-aliased, as a print driver would). */
export async function rasterise(pdf: Uint8Array, dpi = 150, { first, last }: RasteriseOptions = {}): Promise<Buffer[]> {
  return withPdfFile(pdf, async (file, dir) => {
    const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
    await run('pdftoppm', ['-r', String(dpi), '-png', ...range, file, path.join(dir, 'page')]);
    // pdftoppm pads the page number to the width of the last one: page-1.png or page-001.png.
    const pages = fs
      .readdirSync(dir)
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    return pages.map((name) => fs.readFileSync(path.join(dir, name)));
  });
}

export function readPng(png: Buffer): Raster {
  const image = PNG.sync.read(png);
  return { data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), width: image.width, height: image.height };
}

export function writePng(raster: Raster): Buffer {
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length);
  return PNG.sync.write(png);
}

const asRaster = (image: Buffer | Raster): Raster => (Buffer.isBuffer(image) ? readPng(image) : image);

/** A rectangle of the image, copied. */
export function crop(image: Raster, x: number, y: number, width: number, height: number): Raster {
  const left = Math.max(0, Math.round(x));
  const top = Math.max(0, Math.round(y));
  const w = Math.min(image.width - left, Math.round(width));
  const h = Math.min(image.height - top, Math.round(height));
  const data = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((top + row) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + w * 4), row * w * 4);
  }
  return { data, width: w, height: h };
}

/** The image `factor` times smaller each way, each pixel the mean of a factor × factor block. */
export function downscale(image: Raster, factor: number): Raster {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const sums = new Float64Array(4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sums.fill(0);
      for (let dy = 0; dy < factor; dy++) {
        let from = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, from += 4) for (let c = 0; c < 4; c++) sums[c] += image.data[from + c];
      }
      const to = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) data[to + c] = sums[c] / area;
    }
  }
  return { data, width, height };
}

/**
 * ZXing's default downscale factor (ReaderOptions.downscaleFactor): ZXing also looks at a
 * third of a large image's size by itself. jsQR does not, and its binariser, working in
 * 8-pixel blocks, whites out blocks of even grey: faded modules 17 pixels wide (an A4
 * poster at 150 dpi) are lost, where a phone further away sees them a few pixels wide.
 * Tests give jsQR the same second look with `downscale(image, ZXING_DOWNSCALE_FACTOR)`.
 */
export const ZXING_DOWNSCALE_FACTOR = 3;

/** jsQR's reading (one symbol per image), or null. Inverted images are not tried: posters are dark on light. */
export function decodeJsqr(image: Buffer | Raster): QRCode | null {
  const { data, width, height } = asRaster(image);
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
}

let zxingReady: Promise<unknown> | null = null;

/** Loads ZXing's WebAssembly from the package, never from its default CDN (offline machines, offline offices). */
function zxing(): Promise<unknown> {
  const require = createRequire(import.meta.url);
  zxingReady ??= prepareZXingModule({
    overrides: { wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer },
    fireImmediately: true,
  });
  return zxingReady;
}

export interface Point {
  x: number;
  y: number;
}

export interface ZxingReading {
  text: string;
  /** The error correction level read from the symbol's format information: "L", "M", "Q" or "H". */
  ecLevel: string;
  version: number;
  /** The symbol's outer corners in the image. */
  position: { topLeft: Point; topRight: Point; bottomLeft: Point; bottomRight: Point };
}

/** Every QR code ZXing reads in the image (its default effort: try harder, rotations, downscaling). */
export async function decodeZxing(image: Buffer | Raster): Promise<ZxingReading[]> {
  await zxing();
  const { data, width, height } = asRaster(image);
  const results = await readBarcodes({ data, width, height, colorSpace: 'srgb' } as ImageData, { formats: ['QRCode'], maxNumberOfSymbols: 8 });
  return results
    .filter((result) => result.isValid)
    .map((result) => ({ text: result.text, ecLevel: String(result.ecLevel), version: Number(result.version), position: result.position }));
}

/** Luminance 0–255 of a pixel (Rec. 601 weights). */
export function luminance(image: Raster, x: number, y: number): number {
  const i = (y * image.width + x) * 4;
  return 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2];
}

const DARK_BELOW = 128;
const isDark = (image: Raster, x: number, y: number) => luminance(image, x, y) < DARK_BELOW;

/**
 * From a finder pattern's centre, steps outward until past its outer dark ring
 * (dark core, light ring, dark ring, then light): the last dark pixel of the symbol's edge.
 */
function finderEdge(image: Raster, from: { x: number; y: number }, dx: number, dy: number): number {
  let x = Math.round(from.x);
  let y = Math.round(from.y);
  let runs = 0; // dark core, light ring, dark ring
  let dark = true;
  for (;;) {
    const nx = x + dx;
    const ny = y + dy;
    if (nx < 0 || ny < 0 || nx >= image.width || ny >= image.height) break;
    const next = isDark(image, nx, ny);
    if (next !== dark) {
      runs++;
      dark = next;
      if (runs === 3) break; // left the outer dark ring
    }
    x = nx;
    y = ny;
  }
  return dx !== 0 ? x : y;
}

/** Light pixels in a row outward from the symbol's edge, over the whole side, until anything dark or the image edge. */
function lightRun(image: Raster, start: number, step: number, along: [number, number], vertical: boolean): { px: number; reachesEdge: boolean } {
  const limit = vertical ? image.height : image.width;
  let px = 0;
  for (let at = start; at >= 0 && at < limit; at += step) {
    for (let t = along[0]; t <= along[1]; t++) {
      if (vertical ? isDark(image, t, at) : isDark(image, at, t)) return { px, reachesEdge: false };
    }
    px++;
  }
  return { px, reachesEdge: true };
}

/** Where a symbol's three finder patterns are centred, and its version: what measuring starts from. */
export interface SymbolLocation {
  version: number;
  topLeft: Point;
  topRight: Point;
  bottomLeft: Point;
}

export function locateByJsqr(code: QRCode): SymbolLocation {
  const { topLeftFinderPattern, topRightFinderPattern, bottomLeftFinderPattern } = code.location;
  return { version: code.version, topLeft: topLeftFinderPattern, topRight: topRightFinderPattern, bottomLeft: bottomLeftFinderPattern };
}

/** From ZXing's outer corners: each finder pattern's centre is 3.5 modules in from its corner. */
export function locateByZxing(reading: ZxingReading): SymbolLocation {
  const { topLeft, topRight, bottomLeft } = reading.position;
  const inward = 3.5 / (17 + 4 * reading.version);
  const across = { x: (topRight.x - topLeft.x) * inward, y: (topRight.y - topLeft.y) * inward };
  const down = { x: (bottomLeft.x - topLeft.x) * inward, y: (bottomLeft.y - topLeft.y) * inward };
  const centre = (corner: Point, sx: number, sy: number) => ({ x: corner.x + sx * across.x + sy * down.x, y: corner.y + sx * across.y + sy * down.y });
  return { version: reading.version, topLeft: centre(topLeft, 1, 1), topRight: centre(topRight, -1, 1), bottomLeft: centre(bottomLeft, 1, -1) };
}

/** The printed symbol on a raster: where its dark modules are and how big it is. */
export interface QrMeasure {
  version: number;
  /** Modules per side, 17 + 4 × version. */
  modules: number;
  /** The dark-module bounding box, in pixels (right and bottom inclusive). */
  box: { left: number; top: number; right: number; bottom: number };
  modulePx: number;
  widthCm: number;
  heightCm: number;
  /** The narrowest light margin around the symbol, in modules, and each side's. */
  quietZoneModules: number;
  quietZones: { left: number; top: number; right: number; bottom: number };
  /** A side whose light margin ran to the image's edge (so it may be wider on paper). */
  quietZoneReachesEdge: boolean;
}

/**
 * Measures the QR code of an axis-aligned raster (a PDF page or part of one): jsQR (or the
 * caller, e.g. from ZXing's reading) locates it and gives its version; the outer edges of
 * the three finder patterns give the symbol's bounding box; module size = width / modules;
 * then each side is scanned outward for the light margin. Null when jsQR finds no code.
 */
export function measureQr(image: Buffer | Raster, dpi: number, location?: SymbolLocation): QrMeasure | null {
  const raster = asRaster(image);
  const code = location ? null : decodeJsqr(raster);
  const found = location ?? (code && locateByJsqr(code));
  if (!found) return null;
  const { topLeft: tl, topRight: tr, bottomLeft: bl } = found;
  const box = {
    left: finderEdge(raster, tl, -1, 0),
    top: finderEdge(raster, tl, 0, -1),
    right: finderEdge(raster, tr, 1, 0),
    bottom: finderEdge(raster, bl, 0, 1),
  };
  const modules = 17 + 4 * found.version;
  const widthPx = box.right - box.left + 1;
  const heightPx = box.bottom - box.top + 1;
  const modulePx = widthPx / modules;
  const sides = {
    left: lightRun(raster, box.left - 1, -1, [box.top, box.bottom], false),
    right: lightRun(raster, box.right + 1, 1, [box.top, box.bottom], false),
    top: lightRun(raster, box.top - 1, -1, [box.left, box.right], true),
    bottom: lightRun(raster, box.bottom + 1, 1, [box.left, box.right], true),
  };
  const quietZones = {
    left: sides.left.px / modulePx,
    top: sides.top.px / modulePx,
    right: sides.right.px / modulePx,
    bottom: sides.bottom.px / modulePx,
  };
  const cm = (px: number) => (px / dpi) * CM_PER_INCH;
  return {
    version: found.version,
    modules,
    box,
    modulePx,
    widthCm: cm(widthPx),
    heightCm: cm(heightPx),
    quietZoneModules: Math.min(...Object.values(quietZones)),
    quietZones,
    quietZoneReachesEdge: Object.values(sides).some((side) => side.reachesEdge),
  };
}

/** One operation of the app's API, typed by the contract; throws on an error Result. */
export type ApiCall = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

/** The API of a running bridge (`startBridgeProcess`), over HTTP as the browser calls it. */
export function bridgeApi(appUrl: string): ApiCall {
  return async (name, input) => {
    const response = await fetch(`${appUrl}api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as Result<OutputOf<typeof name>>;
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/**
 * A print job's PDF made by the app, the way its page does it: posters.createJob, then
 * posters.exportPdf, polling posters.status until done, then posters.download.
 */
export async function exportPosterPdf(
  call: ApiCall,
  input: InputOf<'posters.createJob'>,
  { timeoutMs = 120_000, pollMs = 100 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<{ job: PrintJob; status: PrintJobStatus; pdf: Buffer; ms: { create: number; render: number; download: number } }> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };
  const job = await call('posters.createJob', input);
  const create = lap();
  let status = await call('posters.exportPdf', { jobId: job.jobId });
  const deadline = Date.now() + timeoutMs;
  while (status.phase === 'rendering' || status.phase === 'ready') {
    if (Date.now() > deadline) throw new Error(`exportPosterPdf: still ${status.phase} after ${timeoutMs} ms (${status.progress.done}/${status.progress.total})`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    status = await call('posters.status', { jobId: job.jobId });
  }
  if (status.phase !== 'done') throw new Error(`exportPosterPdf: ${status.phase}: ${status.error?.code} ${status.error?.message}`);
  const render = lap();
  const download = await call('posters.download', { jobId: job.jobId });
  const pdf = Buffer.from(download.bytesBase64, 'base64');
  return { job, status, pdf, ms: { create, render, download: lap() } };
}

/** The symbol with `marginModules` of its surroundings, as a phone framing the code sees it. */
export function frameSymbol(image: Raster, measure: QrMeasure, marginModules = 4): Raster {
  const margin = marginModules * measure.modulePx;
  const { left, top, right, bottom } = measure.box;
  return crop(image, left - margin, top - margin, right - left + 1 + 2 * margin, bottom - top + 1 + 2 * margin);
}
