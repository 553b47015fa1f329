import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import { reportViewPath } from '../../main/reports/files';
import { todayInVietnam } from '../../main/inspections/rows';
import { dayNumber, dayOf } from '../../main/scans/days';
import {
  cellText,
  NO_PROPOSALS,
  paperColumns,
  paperWidthsMm,
  REPORT_SECTIONS,
  REPORT_TITLE,
  reportSubject,
  reportTables,
  sentenceText,
} from '../../shared/domain/report-layout';
import type { ReportContent } from '../../shared/domain/reports';
import { BRIDGE_ENTRY, startBridgeProcess } from '../support/bridge-process';
import { bridgeApi, pdfPages } from '../support/raster';
import { seedProvince } from '../support/synthetic-province';
import { makeTempDir } from '../support/temp-dir';
import { inTurn, ms, summary, timed } from './measure';
import { recordResult } from './results';

/**
 * The monthly report's PDF for a province office, for `npm run bench` (measures, never
 * asserts): the built bridge (reports.pdf: Chromium opens the app's report view, which
 * fetches the issued report and lays it out, and prints it), against the floor: the same
 * Chromium printing one static HTML page of the same report — the same sentences and the
 * same tables (the shared report layout, shared/domain/report-layout.ts), the same font
 * and page size — loaded from a file. Both warm (Chromium started by a first PDF), repeated.
 */
export interface ReportBenchOptions {
  venues: number;
  scanRows: number;
  rounds: number;
  print: (line: string) => void;
}

/** The same Chromium and flags as the bridge's PDF renderer (main/bridge/chromium-pdf.ts). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TINOS = path.resolve('node_modules/@fontsource/tinos');

const addDays = (day: string, days: number) => dayOf(dayNumber(day) + days);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text: string, style = '') => `<p${style ? ` class="${style}"` : ''}>${escape(text)}</p>`;

/** The bare page: Tinos as the app bundles it, A4 with Decree 30's margins, the report's text and tables with the app's type sizes. */
function bareReportHtml(content: ReportContent): string {
  const fonts = ['latin', 'latin-ext', 'vietnamese'].flatMap((subset) => ['400', '400-italic', '700', '700-italic'].map((weight) => `@import url('${pathToFileURL(path.join(TINOS, `${subset}-${weight}.css`)).href}');`));
  const tables = reportTables(content).map((table) => {
    const columns = paperColumns(table);
    const cells = (row: ReadonlyArray<string | number | null>, tag = 'td') => columns.map(({ column, index }) => `<${tag}${column.kind === 'text' ? '' : ' class="n"'}>${escape(cellText(row[index], column))}</${tag}>`).join('');
    return `<p class="table-title">${escape(table.title)}</p>
<table><colgroup>${paperWidthsMm(table).map((width) => `<col style="width:${width}mm">`).join('')}</colgroup>
<thead><tr>${columns.map(({ column }) => `<th>${escape(column.header)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((row) => `<tr>${cells(row)}</tr>`).join('\n')}${table.total ? `<tr class="total">${cells(table.total)}</tr>` : ''}</tbody></table>`;
  });
  const sentences = (list: ReportContent['overview']) => list.map((sentence) => paragraph(sentenceText(sentence))).join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
${fonts.join('\n')}
@page { size: 210mm 297mm; margin: 20mm 15mm 20mm 30mm }
body { margin: 0; font-family: 'Tinos', serif; font-size: 13pt; line-height: 1.4 }
p { margin: 0 0 2mm; text-align: justify; text-indent: 10mm }
.heading { display: grid; grid-template-columns: 37% 63%; margin-bottom: 8mm; text-align: center; font-size: 12pt; line-height: 1.3 }
.heading p, .title, .center { text-indent: 0; text-align: center; margin: 0 }
.title { font-size: 14pt; font-weight: 700 }
h2 { margin: 3mm 0 2mm; padding-top: 1.5mm; font-size: 13pt; break-after: avoid }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 10.5pt; line-height: 1.3; table-layout: fixed }
th, td { border: 0.25mm solid #000; padding: 0.8mm 1.2mm; vertical-align: middle }
th { font-size: 10pt; overflow-wrap: anywhere }
td.n { text-align: right; white-space: nowrap }
tr { break-inside: avoid }
.total td { font-weight: 700 }
.table-title { margin: 3mm 0 0; padding-top: 1.5mm; font-weight: 700; text-align: center; text-indent: 0; break-after: avoid }
.sign-off { display: grid; grid-template-columns: 45% 55%; margin-top: 4mm; break-inside: avoid }
.sign-off p { text-indent: 0; text-align: center }
.signer-name { margin-top: 24mm; font-weight: 700 }
</style></head><body>
<div class="heading"><div><p><b>${escape(content.officeName)}</b></p><p>Số: ${escape(content.number)}</p></div>
<div><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p><p><i>${escape(content.place ?? '')}, ngày ${content.issuedOn.slice(8)} tháng ${content.issuedOn.slice(5, 7)} năm ${content.issuedOn.slice(0, 4)}</i></p></div></div>
<p class="title">${escape(REPORT_TITLE)}</p><p class="title">${escape(reportSubject(content))}</p>
${content.recipients.map((name) => paragraph(`Kính gửi: ${name}`, 'center')).join('\n')}
${paragraph(sentenceText(content.intro))}
<h2>${REPORT_SECTIONS.overview}</h2>
${sentences(content.overview)}
<h2>${REPORT_SECTIONS.results}</h2>
${sentences(content.results)}
${tables.join('\n')}
<h2>${REPORT_SECTIONS.shortcomings}</h2>
${paragraph(sentenceText(content.shortcomingsLead))}
${content.shortcomings.map((sentence) => paragraph(`- ${sentenceText(sentence)};`)).join('\n')}
<h2>${REPORT_SECTIONS.proposals}</h2>
${(content.proposals.length > 0 ? content.proposals : [NO_PROPOSALS]).map((text) => paragraph(text)).join('\n')}
${paragraph(sentenceText(content.closing))}
<div class="sign-off"><div><p><b><i>Nơi nhận:</i></b></p>${content.recipients.map((name) => `<p>- ${escape(name)};</p>`).join('')}<p>- Lưu: VT.</p></div>
<div>${content.signerTitle.map((line) => `<p><b>${escape(line)}</b></p>`).join('')}<p class="signer-name">${escape(content.signerName)}</p></div></div>
</body></html>`;
}

/** One bare PDF as the bridge makes one: a new page, the document loaded, fonts ready, page.pdf, the page closed. */
async function barePdf(browser: Browser, url: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/**
 * The app's report view printed by the bench's own Chromium, the way the bridge's renderer
 * does it (main/bridge/chromium-pdf.ts), without the operation around it: where the app's
 * time goes, view or transport.
 */
async function viewPdf(browser: Browser, url: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('html[data-print-ready="true"], html[data-print-error]', { timeout: 120_000, state: 'attached' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

export async function runReportBench({ venues, scanRows, rounds, print }: ReportBenchOptions): Promise<void> {
  if (!fs.existsSync(BRIDGE_ENTRY)) throw new Error(`bench report: ${BRIDGE_ENTRY} is missing: run \`npm run build\` first`);
  const temp = makeTempDir('diemqr-bench-report-');
  try {
    print('');
    print(`Report PDF: a province office, ${venues.toLocaleString('en')} venues, ${scanRows.toLocaleString('en')} daily scan counts`);
    const today = todayInVietnam();
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    const province = seedProvince(db, { venues, scanRows, lastScanDay: addDays(today, -1), actorId: null });
    db.close();

    const bridge = await startBridgeProcess(temp.dir);
    try {
      const call = bridgeApi(bridge.url);
      const staff = await call('staff.create', { name: 'Nguyễn Thị Lan', role: 'clerk' });
      await call('session.start', { staffId: staff.id });
      const { to } = province.scanPeriod;
      const report = await call('reports.issue', {
        params: { from: `${to.slice(0, 7)}-01`, to },
        number: '15/BC-UBND',
        recipients: ['Sở Y tế tỉnh Hà Tĩnh', 'Sở Thông tin và Truyền thông'],
        signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        signerName: 'Trần Văn Hùng',
        proposals: ['Đề nghị Sở Y tế hướng dẫn in lại áp phích mã QR bị hư hỏng.', 'Đề nghị tăng cường tuyên truyền quét mã tại chợ và hộ kinh doanh.'],
      });
      const tables = reportTables(report.content);
      print(`issued ${report.number} for ${report.content.periodText}: tables ${tables.map((table) => `${table.rows.length} rows`).join(', ')}`);

      const appPdf = async () => Buffer.from((await call('reports.pdf', { id: report.id })).bytesBase64, 'base64');
      const htmlFile = path.join(temp.dir, 'bare-report.html');
      fs.writeFileSync(htmlFile, bareReportHtml(report.content));
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      try {
        // A first PDF each starts Chromium, as in an office that has printed before.
        const bareUrl = pathToFileURL(htmlFile).href;
        const viewUrl = `${bridge.url}${reportViewPath(report.id)}`;
        const [appFirst, bareFirst] = [await appPdf(), await barePdf(browser, bareUrl)];
        await viewPdf(browser, viewUrl);
        const [appPages, barePages] = [(await pdfPages(appFirst)).count, (await pdfPages(bareFirst)).count];
        const samples = { app: [] as number[], bare: [] as number[], view: [] as number[] };
        for (let round = 0; round < rounds; round++) {
          await inTurn(
            round,
            async () => samples.bare.push(await timed(() => barePdf(browser, bareUrl))),
            async () => samples.app.push(await timed(appPdf)),
          );
          samples.view.push(await timed(() => viewPdf(browser, viewUrl)));
        }
        const [app, bare, view] = [summary(samples.app), summary(samples.bare), summary(samples.view)];
        print(`app  = bridge reports.pdf (the report view printed by Chromium, base64 over HTTP): ${appPages} pages, ${(appFirst.length / 1024).toFixed(0)} KB`);
        print(`bare = the same Chromium, page.goto(static HTML file of the same text and tables) + page.pdf: ${barePages} pages, ${(bareFirst.length / 1024).toFixed(0)} KB`);
        print(`${rounds} rounds after 1 warm-up, ms:  bare p50 ${ms(bare.p50)}, p95 ${ms(bare.p95)};  app p50 ${ms(app.p50)}, p95 ${ms(app.p95)}`);
        recordResult({ part: 'report', measure: 'monthly report PDF, p95', app: app.p95, baseline: bare.p95, unit: 'ms', ratio: app.p95 / bare.p95, goal: '≤ 2x' });
        print(`ratio app / bare: p50 ${(app.p50 / bare.p50).toFixed(2)}x, p95 ${(app.p95 / bare.p95).toFixed(2)}x (goal ≤ 2x); per page ${(app.p50 / appPages).toFixed(0)} ms vs ${(bare.p50 / barePages).toFixed(0)} ms`);
        print(`where the app's time goes: its report view printed by the bench's Chromium (no operation, no base64) p50 ${ms(view.p50)} (${(view.p50 / bare.p50).toFixed(2)}x bare)`);
        if (appPages !== barePages) print(`note: the bare page has ${barePages} pages, the app's ${appPages}: compare per page`);
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
