import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import encodeQR from 'qr';
import QRCode from 'qrcode';
import { mintPayload } from '../../main/codes/minted-payload';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import { PAPER } from '../../shared/domain/posters';
import { qrPlanFor, qrSymbolFor } from '../../shared/qr/qr-options';
import { BRIDGE_ENTRY, startBridgeProcess } from '../support/bridge-process';
import { fixedPrintMarkup, printFixedMarkup } from './fixed-poster-markup';
import { bridgeApi, exportPosterPdf, pdfPages } from '../support/raster';
import { seedVenues } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';
import { recordResult } from './results';

/**
 * Posters at scale, for `npm run bench` (measures, never asserts):
 * (a) one A4 PDF of `posters` posters made by the app (the built bridge: posters.createJob,
 *     posters.exportPdf rendering the print view in Chromium part by part, merged) against
 *     the fair baseline, the same Chromium printing the same poster markup with the fitted
 *     sizes fixed in one page (fixed-poster-markup.ts), and the floor: one bare HTML page of
 *     as many SVG QR codes;
 * (b) QR encoding throughput of our minted codes: qrcode against the `qr` package, both to an
 *     SVG string at H; and the app's module matrix for an A4 poster (level and version chosen
 *     for its reading distance, then `qr`) against bare `qr` making the same matrix.
 */
export interface PosterBenchOptions {
  posters: number;
  codes: number;
  print: (line: string) => void;
}

/** The same Chromium and flags as the bridge's PDF renderer (main/bridge/chromium-pdf.ts). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The A4 template's QR box (renderer/posters/poster-layout.ts): the bare pages draw the codes as large. */
const QR_BOX_MM = 188;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Minted codes as the office issues them: DQR1:<short code>:<revision>:<key id>:<Ed25519 signature>. */
export function mintedPayloads(count: number): string[] {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return Array.from({ length: count }, (_, i) =>
    mintPayload({ shortCode: `KB-${String(i + 1).padStart(4, '0')}`, revision: 1 + (i % 3), keyId: 'KBXA2Q' }, privateKey),
  );
}

/** A minimal HTML document: one A4 page per code, the SVG symbol centred in the poster's QR box size. */
async function barePagesHtml(payloads: readonly string[]): Promise<string> {
  const { widthMm, heightMm } = PAPER.a4;
  const pages = await Promise.all(
    payloads.map(async (payload) => {
      const { errorCorrectionLevel, version } = qrPlanFor(payload, 'a4')!;
      return `<div class="page">${await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel, version, margin: 4 })}</div>`;
    }),
  );
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: ${widthMm}mm ${heightMm}mm; margin: 0 }
html, body { margin: 0 }
.page { width: ${widthMm}mm; height: ${heightMm}mm; display: flex; align-items: center; justify-content: center; break-after: page }
.page svg { width: ${QR_BOX_MM}mm; height: ${QR_BOX_MM}mm }
</style></head><body>${pages.join('')}</body></html>`;
}

async function benchPdf({ posters, print }: PosterBenchOptions): Promise<void> {
  if (!fs.existsSync(BRIDGE_ENTRY)) throw new Error(`bench posters: ${BRIDGE_ENTRY} is missing: run \`npm run build\` first`);
  const temp = makeTempDir('diemqr-bench-posters-');
  try {
    print('');
    print(`Posters: one A4 PDF of ${posters.toLocaleString('en')} posters`);
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    seedVenues(db, posters, { prefix: 'KB' });
    db.close();

    const bridge = await startBridgeProcess(temp.dir);
    try {
      const call = bridgeApi(bridge.url);
      const staff = await call('staff.create', { name: 'Nguyễn Thị Lan', role: 'clerk' });
      await call('session.start', { staffId: staff.id });
      // A first small PDF starts the bridge's Chromium, as in an office that has printed before.
      await exportPosterPdf(call, { selection: { kind: 'filter', query: { search: 'KB-0001' } }, template: 'a4' });

      const started = performance.now();
      const { job, pdf, ms } = await exportPosterPdf(call, { selection: { kind: 'filter', query: {} }, template: 'a4' }, { timeoutMs: 60 * 60_000, pollMs: 250 });
      const appMs = performance.now() - started;
      const pages = (await pdfPages(pdf)).count;
      print(`app (${job.posters} posters): ${seconds(appMs)}, ${pages} pages, ${megabytes(pdf.length)}`);
      print(`  createJob (codes minted) ${seconds(ms.create)}, exportPdf until done ${seconds(ms.render)}, download ${seconds(ms.download)}`);
      const payloads: string[] = [];
      for (let offset = 0; offset < job.posters; offset += 200) {
        const slice = await call('posters.slice', { jobId: job.jobId, offset, limit: 200 });
        payloads.push(...slice.posters.map((poster) => poster.payload));
      }

      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        const bareStarted = performance.now();
        const html = await barePagesHtml(payloads);
        const encodedMs = performance.now() - bareStarted;
        await page.setContent(html, { waitUntil: 'load' });
        const barePdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const bareMs = performance.now() - bareStarted;
        const barePages = (await pdfPages(barePdf)).count;
        print(`bare (qrcode SVG + one HTML page + page.pdf, same Chromium): ${seconds(bareMs)} (encoding ${seconds(encodedMs)}), ${barePages} pages, ${megabytes(barePdf.length)}`);
        print(`ratio app / bare: ${(appMs / bareMs).toFixed(1)}x; per poster ${(appMs / job.posters).toFixed(1)} ms vs ${(bareMs / payloads.length).toFixed(1)} ms`);

        const markup = await fixedPrintMarkup(browser, bridge.url, job.jobId);
        const fair = await printFixedMarkup(browser, bridge.url, markup);
        const fairPages = (await pdfPages(fair.pdf)).count;
        print(`fair (the print view's markup, fitted sizes fixed, one page, same Chromium): ${seconds(fair.ms)}, ${fairPages} pages, ${megabytes(fair.pdf.length)}`);
        print(`ratio app / fair: ${(appMs / fair.ms).toFixed(2)}x (goal ≤ 1.5x)`);
        recordResult({ part: 'posters', measure: `PDF of ${job.posters} A4 posters`, app: appMs / 1000, baseline: fair.ms / 1000, unit: 's', ratio: appMs / fair.ms, goal: '≤ 1.5x' });
        recordResult({ part: 'posters', measure: `PDF of ${job.posters} A4 posters against bare QR pages`, app: appMs / 1000, baseline: bareMs / 1000, unit: 's', ratio: appMs / bareMs });
      } finally {
        await browser.close();
      }
    } finally {
      await bridge.stop();
    }
  } finally {
    temp.remove();
  }
}

/** Codes a second, after a warm-up of 50; `encode` may return a promise (qrcode's toString does). */
async function throughput(payloads: readonly string[], encode: (payload: string) => unknown): Promise<number> {
  for (const payload of payloads.slice(0, 50)) await encode(payload);
  const started = performance.now();
  for (const payload of payloads) await encode(payload);
  return payloads.length / ((performance.now() - started) / 1000);
}

async function benchEncoders({ codes, print }: PosterBenchOptions): Promise<void> {
  const payloads = mintedPayloads(codes);
  const plans = payloads.map((payload) => qrPlanFor(payload, 'a4')!);
  const levels = new Set(plans.map((plan) => `A4 ${plan.errorCorrectionLevel}/${plan.version}`));
  print('');
  print(`QR encoding: ${codes.toLocaleString('en')} minted codes (${payloads[0].length} characters, ${[...levels].join(', ')}), SVG string at H`);

  // Both to an SVG string at H with a 4-module margin; qrcode's public API answers with a promise.
  const qrcodeRate = await throughput(payloads, (payload) => QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'H', margin: 4 }));
  const qrRate = await throughput(payloads, (payload) => encodeQR(payload, 'svg', { ecc: 'high', border: 4 }));
  // Bare `qr` makes the same matrix: the A4 level, its own version choice, the thinnest border.
  const ecc = ({ H: 'high', Q: 'quartile', M: 'medium' } as const)[plans[0].errorCorrectionLevel];
  const bareRate = await throughput(payloads, (payload) => encodeQR(payload, 'raw', { ecc, border: 1 }));
  const appRate = await throughput(payloads, (payload) => qrSymbolFor(payload, 'a4'));
  const [qrcodeSvg, qrSvg] = [await QRCode.toString(payloads[0], { type: 'svg', errorCorrectionLevel: 'H', margin: 4 }), encodeQR(payloads[0], 'svg', { ecc: 'high', border: 4 })];
  const rows: Array<[string, number]> = [
    ['qrcode 1.5.4, toString svg', qrcodeRate],
    ['qr 0.7.0, encodeQR svg', qrRate],
    [`qr 0.7.0, encodeQR raw (matrix) at ${plans[0].errorCorrectionLevel}`, bareRate],
    ['app: qrSymbolFor A4 (qr, matrix)', appRate],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, rate] of rows) print(`${label.padEnd(width)}  ${rate.toFixed(0).padStart(7)} codes/s  ${(1000 / rate).toFixed(3)} ms/code`);
  print(`ratio app / bare qr (matrix): ${(appRate / bareRate).toFixed(2)}x (goal ≥ 0.8x)`);
  recordResult({ part: 'posters', measure: 'QR encoding (module matrix), A4', app: appRate, baseline: bareRate, unit: 'codes/s', ratio: appRate / bareRate, goal: '≥ 0.8x' });
  print(`ratio qr / qrcode (SVG): ${(qrRate / qrcodeRate).toFixed(2)}x; SVG of one code: qrcode ${(qrcodeSvg.length / 1024).toFixed(1)} KB, qr ${(qrSvg.length / 1024).toFixed(1)} KB`);
}

export async function runPosterBench(options: PosterBenchOptions): Promise<void> {
  await benchEncoders(options);
  await benchPdf(options);
}
