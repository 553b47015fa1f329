import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { PDFDocument, rgb } from 'pdf-lib';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { PAPER, POSTER_TEMPLATES, type PosterTemplate } from '../../shared/domain/posters';
import { qrPlanFor, type QrErrorCorrection } from '../../shared/qr/qr-options';
import { CAMERA_FOCAL_PX, POSTER_OF_TEMPLATE, POSTER_QR } from '../../shared/qr/reach';
import { BRIDGE_ENTRY, startBridgeProcess, type RunningBridge } from '../support/bridge-process';
import { applyDamage, cropSymbol, DAMAGE_LABELS, DAMAGE_MODELS, geometryOf, type DamageModel, type SymbolGeometry } from '../support/damage';
import {
  bridgeApi,
  crop,
  decodeJsqr,
  decodeZxing,
  downscale,
  exportPosterPdf,
  frameSymbol,
  locateByJsqr,
  locateByZxing,
  measureQr,
  pdfPages,
  rasterise,
  readPng,
  writePng,
  ZXING_DOWNSCALE_FACTOR,
  type ApiCall,
  type Raster,
} from '../support/raster';
import { createPrng, syntheticVenues } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';

/**
 * Print fidelity, the point of the poster feature: every template goes through the app's
 * own PDF (the bridge's Chromium printing the print view), is rasterised at 150 dpi by
 * poppler, and every QR on every page is read by two independent decoders (ZXing on the
 * whole poster, jsQR on the symbol as a phone frames it) and must be that venue's code
 * and verify as genuine; page sizes, the A4 symbol's width and the quiet zone are
 * measured on the raster. Then the A4 posters are damaged (stain, fading, blur, skew;
 * 100 seeds each) and the rates are reported per model, error-correction level and
 * decoder in test-results/print-fidelity.md; ZXing must read at least 95%.
 *
 * Node-side only (no page): it runs with the browser suite because it needs the built
 * bridge, which `npm test` builds before Playwright starts. The damage models run as
 * parallel tests, each worker with its own bridge and office.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(ROOT, 'test-results/print-fidelity.md');
const PARTS = path.join(ROOT, 'test-results/print-fidelity-parts');
const DPI = 150;
const SEEDS = 100;
const PASS_RATE = 0.95;
/** A URL template long enough that the wrapped code no longer fits version 10 at H: the app prints it at Q. */
const LONG_URL_TEMPLATE = 'HTTPS://KYBAC.VN/Q/{code}';

/** How posters sit on each template's paper, from the issue: sheets put 2×A5 or 4×A6 on an A4, centred. */
const CELLS: Record<PosterTemplate, { poster: 'a4' | 'a5' | 'a6'; columns: number; rows: number }> = {
  a4: { poster: 'a4', columns: 1, rows: 1 },
  a5: { poster: 'a5', columns: 1, rows: 1 },
  a6: { poster: 'a6', columns: 1, rows: 1 },
  sheet_2xa5: { poster: 'a5', columns: 2, rows: 1 },
  sheet_4xa6: { poster: 'a6', columns: 2, rows: 2 },
};

/** The posters of one page, cut out of its raster, row by row. */
function cellsOf(page: Raster, template: PosterTemplate, pageMm: { widthMm: number; heightMm: number }): Raster[] {
  const { poster, columns, rows } = CELLS[template];
  const cell = PAPER[poster];
  const pxPerMm = page.width / pageMm.widthMm;
  const left = (pageMm.widthMm - columns * cell.widthMm) / 2;
  const top = (pageMm.heightMm - rows * cell.heightMm) / 2;
  const cells: Raster[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      cells.push(crop(page, (left + column * cell.widthMm) * pxPerMm, (top + row * cell.heightMm) * pxPerMm, cell.widthMm * pxPerMm, cell.heightMm * pxPerMm));
    }
  }
  return cells;
}

/** A bare symbol drawn by pdf-lib on an A4 (module squares, no poster around it), for the comparison rows. */
async function bareSymbolPdf(payload: string, level: QrErrorCorrection, symbolMm: number): Promise<{ pdf: Uint8Array; version: number }> {
  const version = createQr(payload, { errorCorrectionLevel: level }).version;
  const { size, data } = createQr(payload, { errorCorrectionLevel: level, version }).modules;
  const pt = 72 / 25.4;
  const moduleMm = symbolMm / size;
  const doc = await PDFDocument.create();
  const page = doc.addPage([PAPER.a4.widthMm * pt, PAPER.a4.heightMm * pt]);
  const left = (PAPER.a4.widthMm - symbolMm) / 2;
  const top = 60;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (!data[row * size + column]) continue;
      page.drawRectangle({
        x: (left + column * moduleMm) * pt,
        y: (PAPER.a4.heightMm - top - (row + 1) * moduleMm) * pt,
        width: moduleMm * pt,
        height: moduleMm * pt,
        color: rgb(0, 0, 0),
      });
    }
  }
  return { pdf: await doc.save(), version };
}

interface Office {
  call: ApiCall;
  /** venueId → the code printed on its posters. */
  payloads: Map<string, string>;
  venueIds: string[];
}

/**
 * A fresh office: three venues with bare minted codes, then a link template in capitals and
 * two venues whose codes are wrapped in it; one venue has a second posting point.
 */
async function setUpOffice(call: ApiCall): Promise<Office> {
  const staff = await call('staff.create', { name: 'Nguyễn Thị Lan', role: 'clerk' });
  await call('session.start', { staffId: staff.id });
  const [first, second, third, fourth] = syntheticVenues(4, 4242);
  const names = [
    'Cửa hàng vật liệu xây dựng Hưng Thịnh – chi nhánh Thôn Tân Thượng, gần cổng chợ Kỳ Bắc',
    first.name,
    second.name,
    third.name,
    fourth.name,
  ];
  const payloads = new Map<string, string>();
  const venueIds: string[] = [];
  for (const [index, name] of names.entries()) {
    if (index === 3) await call('settings.update', { codeUrlTemplate: LONG_URL_TEMPLATE });
    const venue = await call('venues.create', { name, address: first.address });
    venueIds.push(venue.id);
    payloads.set(venue.id, (await call('codes.ensure', { venueId: venue.id })).payload);
  }
  await call('postingPoints.add', { venueId: venueIds[0], label: 'Cổng sau' });
  return { call, payloads, venueIds };
}

interface TemplateResult {
  template: PosterTemplate;
  pages: number;
  pageMm: string;
  posters: number;
  zxing: number;
  /** jsQR on the symbol framed with a 4-module margin. */
  jsqr: number;
  /** jsQR on the whole poster, reported only: lines of text can mislead its finder search. */
  jsqrPage: number;
  verified: number;
  minWidthCm: number;
  minQuietModules: number;
  levels: string;
  exportMs: number;
}

/** A symbol to damage: a full page raster and where its symbol is. */
interface Subject {
  label: string;
  level: QrErrorCorrection;
  version: number;
  /** Printed by the app (asserted) or drawn only for comparison (reported). */
  fromApp: boolean;
  payload: string;
  page: Raster;
  symbol: SymbolGeometry;
}

interface DamageRate {
  model: DamageModel;
  subject: { label: string; level: QrErrorCorrection; version: number; fromApp: boolean; cm: number; modulePx: number };
  jsqr: number;
  jsqrRetry: number;
  zxing: number;
  failedSeeds: { jsqrRetry: number[]; zxing: number[] };
  seconds: number;
}

/** 100 seeds of one damage model on one subject: crop with a random 4–8 module margin, damage, decode three ways. */
async function damageRate(model: DamageModel, subject: Subject): Promise<DamageRate> {
  const started = performance.now();
  const { label, level, version, fromApp, symbol } = subject;
  const rate: DamageRate = {
    model,
    subject: { label, level, version, fromApp, cm: (symbol.sizePx / DPI) * 2.54, modulePx: symbol.sizePx / symbol.modules },
    jsqr: 0,
    jsqrRetry: 0,
    zxing: 0,
    failedSeeds: { jsqrRetry: [], zxing: [] },
    seconds: 0,
  };
  const modelIndex = DAMAGE_MODELS.indexOf(model);
  for (let seed = 1; seed <= SEEDS; seed++) {
    // The same seed draws the same margins, stain, tilt and grain for every subject of a model.
    const random = createPrng(seed * 16 + modelIndex);
    const margin = () => 4 + 4 * random();
    const cut = cropSymbol(subject.page, subject.symbol, { left: margin(), top: margin(), right: margin(), bottom: margin() });
    const damaged = applyDamage(model, cut.image, cut.symbol, random);
    const plain = decodeJsqr(damaged)?.data === subject.payload;
    const retried = plain || decodeJsqr(downscale(damaged, ZXING_DOWNSCALE_FACTOR))?.data === subject.payload;
    const zxing = (await decodeZxing(damaged)).some((reading) => reading.text === subject.payload);
    rate.jsqr += plain ? 1 : 0;
    rate.jsqrRetry += retried ? 1 : 0;
    rate.zxing += zxing ? 1 : 0;
    if (!retried) rate.failedSeeds.jsqrRetry.push(seed);
    if (!zxing) rate.failedSeeds.zxing.push(seed);
  }
  rate.seconds = (performance.now() - started) / 1000;
  return rate;
}

const percent = (count: number, total = SEEDS) => `${((100 * count) / total).toFixed(0)}%`;
const flag = (count: number) => (count / SEEDS < PASS_RATE ? ' ⚠' : '');

function templatesMarkdown(templates: TemplateResult[]): string[] {
  return [
    '## Every template, every poster',
    '',
    `Each template's PDF comes from the app (bridge → Chromium → print view), rasterised at ${DPI} dpi by pdftoppm.`,
    'ZXing reads each poster (one cell of the page) whole; jsQR reads the symbol framed with a 4-module margin, as a phone',
    'framing the code sees it. "jsQR, whole poster" is reported only: lines of text can mislead its finder search.',
    '',
    '| template | pages | page size (mm) | posters | ZXing | jsQR, framed | jsQR, whole poster | verified | narrowest QR (cm) | narrowest quiet zone (modules) | level/version | PDF time |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...templates.map(
      (t) =>
        `| ${t.template} | ${t.pages} | ${t.pageMm} | ${t.posters} | ${t.zxing}/${t.posters} | ${t.jsqr}/${t.posters} | ${t.jsqrPage}/${t.posters} | ${t.verified}/${t.posters} | ${t.minWidthCm.toFixed(2)} | ${t.minQuietModules.toFixed(1)} | ${t.levels} | ${(t.exportMs / 1000).toFixed(1)} s |`,
    ),
    '',
  ];
}

function damageMarkdown(rates: DamageRate[]): string[] {
  const subjects = [...new Map(rates.map((r) => [r.subject.label, r.subject])).values()];
  return [
    `## Damage on the A4 poster (${SEEDS} seeds each)`,
    '',
    'The symbol is cut out of the 150 dpi page with a random 4–8 module margin per side, damaged, given a little grain',
    '(σ 3 grey levels), and decoded. "jsQR +⅓" looks again at a third of the size when jsQR finds nothing, as ZXing does',
    `by itself (tryDownscale, factor 3). Asserted: at least ${PASS_RATE * 100}% read by ZXing (the decoder family of the app's`,
    'own photo scan and of most phone scanners) on the posters the app prints. jsQR is reported, and flagged ⚠ under',
    `${PASS_RATE * 100}%: its 8-pixel block binariser whites out even grey areas, so faded or blurred modules 17–18 pixels wide`,
    '(A4 at 150 dpi) defeat it even though the symbol is intact. The comparison row is reported only. Each run mints',
    'its codes with a fresh office key, so the symbols, and the rates by a few points, change from run to run.',
    '',
    ...subjects.map((s) => `- **${s.label}**: level ${s.level}, version ${s.version}, symbol ${s.cm.toFixed(1)} cm, ${s.modulePx.toFixed(1)} px a module`),
    '',
    '| damage | symbol | level | jsQR | jsQR +⅓ | ZXing | asserted | time |',
    '|---|---|---|---|---|---|---|---|',
    ...rates.map(
      (r) =>
        `| ${DAMAGE_LABELS[r.model]} | ${r.subject.label} | ${r.subject.level} | ${percent(r.jsqr)} | ${percent(r.jsqrRetry)}${flag(r.jsqrRetry)} | ${percent(r.zxing)}${flag(r.zxing)} | ${r.subject.fromApp ? 'ZXing' : 'no'} | ${r.seconds.toFixed(0)} s |`,
    ),
    '',
  ];
}

/**
 * The tests of this file run in parallel workers, so each writes its part of the report
 * as JSON named after the Playwright runner (every worker's parent), then rebuilds the
 * markdown from this run's parts: whichever test ends last leaves the whole report.
 */
type ReportPart = { kind: 'templates'; templates: TemplateResult[] } | { kind: 'damage'; model: DamageModel; rates: DamageRate[] };

function writeReportPart(name: string, part: ReportPart): string {
  const run = String(process.ppid);
  fs.mkdirSync(PARTS, { recursive: true });
  for (const file of fs.readdirSync(PARTS)) if (!file.startsWith(`${run}-`)) fs.rmSync(path.join(PARTS, file), { force: true });
  fs.writeFileSync(path.join(PARTS, `${run}-${name}.json`), JSON.stringify(part));
  const parts = fs
    .readdirSync(PARTS)
    .filter((file) => file.startsWith(`${run}-`))
    .map((file) => JSON.parse(fs.readFileSync(path.join(PARTS, file), 'utf8')) as ReportPart);
  const templates = parts.flatMap((p) => (p.kind === 'templates' ? p.templates : []));
  const rates = DAMAGE_MODELS.flatMap((model) => parts.flatMap((p) => (p.kind === 'damage' && p.model === model ? p.rates : [])));
  const markdown = [
    '# Print fidelity',
    '',
    `Generated by test/browser/print-fidelity.spec.ts, ${new Date().toISOString()}.`,
    '',
    ...(templates.length > 0 ? templatesMarkdown(templates) : []),
    ...(rates.length > 0 ? damageMarkdown(rates) : []),
  ].join('\n');
  const temporary = `${REPORT}.${process.pid}`;
  fs.writeFileSync(temporary, markdown);
  fs.renameSync(temporary, REPORT);
  return (part.kind === 'templates' ? templatesMarkdown(part.templates) : damageMarkdown(part.rates)).join('\n');
}

/** Prints a part of the report and attaches it to the test. */
async function report(name: string, part: ReportPart): Promise<void> {
  const markdown = writeReportPart(name, part);
  await test.info().attach(`${name}.md`, { body: markdown, contentType: 'text/markdown' });
  console.log(`\n${markdown}`);
}

/** One bridge and one office per worker, made on first use. */
let running: { bridge: RunningBridge; dataDir: ReturnType<typeof makeTempDir>; office: Promise<Office> } | null = null;

async function theOffice(): Promise<Office> {
  if (!fs.existsSync(BRIDGE_ENTRY)) {
    throw new Error(`print-fidelity: ${path.relative(ROOT, BRIDGE_ENTRY)} is missing: run \`npm run build\` first (\`npm test\` and \`npm run test:browser\` do).`);
  }
  if (!running) {
    const dataDir = makeTempDir('diemqr-fidelity-');
    const bridge = await startBridgeProcess(dataDir.dir);
    running = { bridge, dataDir, office: setUpOffice(bridgeApi(bridge.url)) };
  }
  return running.office;
}

test.afterAll(async () => {
  await running?.bridge.stop();
  running?.dataDir.remove();
  running = null;
  subjectsOnce = null;
});

test.describe.configure({ mode: 'parallel' });

/** Reads and measures every poster cell of a template's PDF, with soft assertions; the counts for the report. */
async function checkTemplate(office: Office, template: PosterTemplate): Promise<TemplateResult> {
  const { call, payloads, venueIds } = office;
  const exportStarted = performance.now();
  const { job, pdf } = await exportPosterPdf(call, { selection: { kind: 'venues', venueIds }, template });
  const exportMs = performance.now() - exportStarted;
  const { posters } = await call('posters.slice', { jobId: job.jobId, offset: 0, limit: 200 });
  const paper = PAPER[template];

  const { count, sizes } = await pdfPages(pdf);
  expect(count, `${template}: pages`).toBe(Math.ceil(posters.length / paper.perPage));
  for (const [index, size] of sizes.entries()) {
    expect.soft(Math.abs(size.widthMm - paper.widthMm), `${template} page ${index + 1}: width ${size.widthMm.toFixed(2)} mm`).toBeLessThanOrEqual(0.5);
    expect.soft(Math.abs(size.heightMm - paper.heightMm), `${template} page ${index + 1}: height ${size.heightMm.toFixed(2)} mm`).toBeLessThanOrEqual(0.5);
  }

  const result: TemplateResult = {
    template,
    pages: count,
    pageMm: `${sizes[0].widthMm.toFixed(1)} × ${sizes[0].heightMm.toFixed(1)}`,
    posters: posters.length,
    zxing: 0,
    jsqr: 0,
    jsqrPage: 0,
    verified: 0,
    minWidthCm: Infinity,
    minQuietModules: Infinity,
    levels: '',
    exportMs,
  };
  const levels = new Set<string>();
  for (const [pageIndex, png] of (await rasterise(pdf, DPI)).entries()) {
    for (const [cellIndex, cell] of cellsOf(readPng(png), template, sizes[pageIndex]).entries()) {
      const poster = posters[pageIndex * paper.perPage + cellIndex];
      const where = `${template} page ${pageIndex + 1} cell ${cellIndex + 1}`;
      const jsqrPage = decodeJsqr(cell);
      const zxing = await decodeZxing(cell);
      if (!poster) {
        expect.soft([jsqrPage?.data, zxing], `${where}: an empty cell`).toEqual([undefined, []]);
        continue;
      }
      const expected = payloads.get(poster.venueId)!;
      expect.soft(poster.payload, `${where}: the job's code is the venue's`).toBe(expected);
      expect.soft(zxing.map((reading) => reading.text), `${where}: ZXing`).toEqual([expected]);

      // Measured where a decoder found the symbol; then jsQR reads it framed, as a phone sees it.
      const location = zxing[0] ? locateByZxing(zxing[0]) : jsqrPage ? locateByJsqr(jsqrPage) : undefined;
      const measure = location ? measureQr(cell, DPI, location) : null;
      expect.soft(measure, `${where}: the symbol is found and measured`).not.toBeNull();
      const framed = measure ? decodeJsqr(frameSymbol(cell, measure)) : null;
      expect.soft(framed?.data, `${where}: jsQR, framed with a 4-module margin`).toBe(expected);
      result.zxing += zxing.length === 1 && zxing[0].text === expected ? 1 : 0;
      result.jsqr += framed?.data === expected ? 1 : 0;
      result.jsqrPage += jsqrPage?.data === expected ? 1 : 0;
      if (jsqrPage?.data !== expected || framed?.data !== expected || zxing[0]?.text !== expected) {
        const file = test.info().outputPath(`${where.replaceAll(' ', '-')}.png`);
        fs.writeFileSync(file, writePng(cell));
        await test.info().attach(path.basename(file), { path: file, contentType: 'image/png' });
      }

      // The level and version the app says it prints are the ones on paper.
      const options = qrPlanFor(expected, POSTER_OF_TEMPLATE[template])!;
      expect.soft(zxing[0]?.ecLevel, `${where}: error correction`).toBe(options.errorCorrectionLevel);
      expect.soft(zxing[0]?.version, `${where}: version`).toBe(options.version);
      levels.add(`${options.errorCorrectionLevel}/${options.version}`);

      // What a phone reads off paper verifies as this venue's current code.
      if (zxing[0]) {
        const verdict = await call('codes.verify', { text: zxing[0].text, expectedVenueId: poster.venueId });
        expect.soft(verdict.verdict, `${where}: verification`).toBe('genuine_current');
        result.verified += verdict.verdict === 'genuine_current' ? 1 : 0;
      }

      if (!measure) continue;
      result.minWidthCm = Math.min(result.minWidthCm, measure.widthCm);
      result.minQuietModules = Math.min(result.minQuietModules, measure.quietZoneModules);
      expect.soft(measure.quietZoneModules, `${where}: quiet zone, modules (${JSON.stringify(measure.quietZones)})`).toBeGreaterThanOrEqual(4);
      if (template === 'a4') expect.soft(measure.widthCm, `${where}: A4 symbol width, cm`).toBeGreaterThanOrEqual(15);
    }
  }
  result.levels = [...levels].join(', ');
  return result;
}

/** The symbols to damage: the app's A4 posters (M, for the distance), and an H drawing of the minted code (comparison). */
async function damageSubjects({ call, payloads, venueIds }: Office): Promise<Subject[]> {
  // The office's second venue has a bare minted code, its fourth one wrapped in the link.
  const chosen = [venueIds[1], venueIds[3]];
  const { pdf } = await exportPosterPdf(call, { selection: { kind: 'venues', venueIds: chosen }, template: 'a4' });
  const subjects: Subject[] = [];
  for (const [index, png] of (await rasterise(pdf, DPI)).entries()) {
    const page = readPng(png);
    const payload = payloads.get(chosen[index])!;
    const [reading] = await decodeZxing(page);
    expect(reading?.text, `A4 poster ${index + 1} reads`).toBe(payload);
    // Both print at M on A4: H would make the modules too small to read from the entrance (2.5 m).
    const level = qrPlanFor(payload, 'a4')!.errorCorrectionLevel;
    expect(level, `A4 poster ${index + 1}: level`).toBe('M');
    const measure = measureQr(page, DPI, locateByZxing(reading))!;
    const label = index === 0 ? 'A4 poster, minted code' : 'A4 poster, code in a capitals link';
    subjects.push({ label, level, version: measure.version, fromApp: true, payload, page, symbol: geometryOf(measure) });
  }
  // The minted poster's code drawn at H in a symbol box of the same size: what M gives up.
  const m = subjects[0];
  const boxMm = ((m.symbol.sizePx / DPI) * 25.4 * (m.symbol.modules + 8)) / m.symbol.modules;
  const hModules = 17 + 4 * createQr(m.payload, { errorCorrectionLevel: 'H' }).version;
  const bare = await bareSymbolPdf(m.payload, 'H', (boxMm * hModules) / (hModules + 8));
  const page = readPng((await rasterise(bare.pdf, DPI))[0]);
  expect(decodeJsqr(page)?.data).toBe(m.payload);
  const measure = measureQr(page, DPI)!;
  subjects.push({ label: 'same code drawn at H (comparison)', level: 'H', version: bare.version, fromApp: false, payload: m.payload, page, symbol: geometryOf(measure) });
  return subjects;
}

let subjectsOnce: Promise<Subject[]> | null = null;

test('every template: pages at paper size, every QR read by jsQR and ZXing as the venue\'s code, ≥ 15 cm on A4, 4-module quiet zone', async () => {
  test.setTimeout(300_000);
  const office = await theOffice();
  const templates: TemplateResult[] = [];
  for (const template of POSTER_TEMPLATES) {
    await test.step(`${template}: PDF → ${DPI} dpi → jsQR and ZXing`, async () => {
      templates.push(await checkTemplate(office, template));
    });
  }
  await report('templates', { kind: 'templates', templates });
});

/**
 * Rasterised this many times finer than the phone sees, then averaged in blocks of this many
 * pixels a side: each camera pixel is the mean of the paper under it, as a sensor's is.
 */
const OVERSAMPLING = 8;

/**
 * ZXing reads clean edges a little below 2 px a module, a phone's softer image does not, so
 * both are asserted: the printed symbol measured at ≥ 2 px a module from the template's
 * distance (the limit shared/qr/reach.ts sets; the version-9 A4 symbol of before was 1.7),
 * and the poster, seen at that scale, decoded.
 */
test('distance: every template seen by a 1080p phone from its reading distance has ≥ 2 px a module and reads', async () => {
  test.setTimeout(300_000);
  const { call, payloads, venueIds } = await theOffice();
  const rows: string[] = [];
  for (const template of POSTER_TEMPLATES) {
    const poster = POSTER_OF_TEMPLATE[template];
    const { distanceM } = POSTER_QR[poster];
    // shared/qr/reach.ts: an object w mm wide covers CAMERA_FOCAL_PX × w / d pixels at d mm.
    const pxPerMm = CAMERA_FOCAL_PX / (distanceM * 1000);
    const { job, pdf } = await exportPosterPdf(call, { selection: { kind: 'venues', venueIds }, template });
    const { posters } = await call('posters.slice', { jobId: job.jobId, offset: 0, limit: 200 });
    const { sizes } = await pdfPages(pdf);
    let read = 0;
    let minPxPerModule = Infinity;
    const dpi = pxPerMm * 25.4 * OVERSAMPLING;
    for (const [pageIndex, png] of (await rasterise(pdf, dpi)).entries()) {
      for (const [cellIndex, cell] of cellsOf(readPng(png), template, sizes[pageIndex]).entries()) {
        const data = posters[pageIndex * PAPER[template].perPage + cellIndex];
        if (!data) continue;
        const expected = payloads.get(data.venueId)!;
        const seen = downscale(cell, OVERSAMPLING);
        const readings = await decodeZxing(seen);
        const where = `${template} page ${pageIndex + 1} cell ${cellIndex + 1}, seen from ${distanceM} m (${seen.width} × ${seen.height} px)`;
        expect.soft(readings.map((reading) => reading.text), where).toEqual([expected]);
        read += readings[0]?.text === expected ? 1 : 0;
        // Measured on the finer raster, where ZXing locates the symbol for measureQr.
        const [located] = await decodeZxing(cell);
        const measure = located ? measureQr(cell, dpi, locateByZxing(located)) : null;
        const pxPerModule = measure ? measure.modulePx / OVERSAMPLING : 0;
        expect.soft(pxPerModule, `${where}: px a module`).toBeGreaterThanOrEqual(2);
        minPxPerModule = Math.min(minPxPerModule, pxPerModule);
        if (readings[0]?.text !== expected) await test.info().attach(`${where}.png`, { body: writePng(seen), contentType: 'image/png' });
      }
    }
    rows.push(`| ${template} | ${distanceM} m | ${minPxPerModule.toFixed(2)} | ${read}/${posters.length} |`);
  }
  console.log(['', '| template | reading distance | px a module (least) | ZXing read |', '|---|---|---|---|', ...rows].join('\n'));
});

for (const model of DAMAGE_MODELS) {
  test(`damage on the A4 poster: ${DAMAGE_LABELS[model]}, ${SEEDS} seeds, ≥ ${PASS_RATE * 100}% still read`, async () => {
    test.setTimeout(180_000);
    subjectsOnce ??= theOffice().then(damageSubjects);
    const subjects = await subjectsOnce;
    const rates: DamageRate[] = [];
    for (const subject of subjects) {
      const rate = await damageRate(model, subject);
      rates.push(rate);
      if (!subject.fromApp) continue;
      const what = `${DAMAGE_LABELS[model]} on the ${subject.label} (${subject.level})`;
      expect.soft(rate.zxing / SEEDS, `${what}: ZXing; failed seeds ${rate.failedSeeds.zxing.join(' ')}`).toBeGreaterThanOrEqual(PASS_RATE);
      if (rate.jsqrRetry / SEEDS < PASS_RATE) {
        const description = `${what}: jsQR +⅓ read ${percent(rate.jsqrRetry)}; failed seeds ${rate.failedSeeds.jsqrRetry.join(' ')}`;
        test.info().annotations.push({ type: 'jsQR under 95%', description });
      }
    }
    await report(`damage-${model}`, { kind: 'damage', model, rates });
  });
}
