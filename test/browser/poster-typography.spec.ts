import type { APIRequestContext, Page } from '@playwright/test';
import { PAPER, POSTER_TEMPLATES } from '../../shared/domain/posters';
import { bridgeApi, exportPosterPdf, pdfPages, pdfText } from '../support/raster';
import { expect, test } from '../support/browser-fixtures';

/**
 * Typography checked on the printed page (issue 11): names in capitals with stacked marks,
 * words kept whole, the paper's exact size, the glare advice, and a manual-entry line that
 * offers only what a citizen can type.
 */

/** Capitals with marks stacked above (Ể Ỗ Ữ Ẩ) and below (Ặ Ậ Ệ Ợ Ự Ỵ), on two and three lines. */
const CAPITAL_NAMES = [
  'CỬA HÀNG VẬT LIỆU XÂY DỰNG HOÀNG LONG PHÁT NGUYỄN',
  'NHÀ NGHỈ QUỲNH HƯƠNG',
  'TIỆM VÀNG NGỌC PHƯỢNG ẤP MỸ HƯNG CỬA HÀNG BỂ CÁ ỔN ĐỊNH',
  'QUẦY THUỐC ẶC ỖNG ỮNG ỂNH LỰC HỶ',
];
/** A name typed without spaces: one "word" wider than the A6 card at its minimum size. */
const UNSPACED = 'Khuvuichơigiảitríthiếunhiđatầngkhôngdấucáchvàdịchvụănuốnggiảikhátquanh';
const ADDRESS = 'Số 12, đường Trần Hưng Đạo, thôn Đông';
const MM_PER_PDF_POINT = 25.4 / 72;
/** Clear space between ink, as a share of the font size: marks of two lines never touch. */
const MIN_LINE_GAP_EM = 0.04;
/** Clear space between the header's rule and the name's highest mark. */
const MIN_RULE_GAP_MM = 0.3;

async function call<T>(request: APIRequestContext, url: string, name: string, data: unknown): Promise<T> {
  const answer = await (await request.post(`${url}api/${name}`, { data })).json();
  expect(answer.ok, `${name}: ${JSON.stringify(answer.error)}`).toBe(true);
  return answer.value as T;
}

async function createVenue(request: APIRequestContext, url: string, name: string): Promise<string> {
  return (await call<{ id: string }>(request, url, 'venues.create', { name, type: 'shop', address: ADDRESS, acknowledgeDuplicates: true })).id;
}

async function openJob(page: Page, url: string, venueIds: string[], template: string): Promise<void> {
  const job = await call<{ jobId: string }>(page.request, url, 'posters.createJob', { selection: { kind: 'venues', venueIds }, template });
  await page.goto(`${url}#/print/${job.jobId}`);
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
}

interface NameInk {
  name: string;
  fontPx: number;
  /** Per line: its text and the top and bottom of its ink, in CSS px. */
  lines: Array<{ text: string; inkTop: number; inkBottom: number; contentHeight: number; fontHeight: number }>;
  ruleBottom: number;
  boxTop: number;
  /** Words (split at spaces) whose letters lie on more than one line. */
  splitWords: string[];
  overflowsWidth: boolean;
}

/**
 * Where each printed name's ink lies: the lines come from the text's own layout (a rect
 * per character, grouped by line), each line's ink from the font's outline of that exact
 * text (canvas measureText, same face, weight and size), placed on the line's baseline.
 */
function namesInk(): NameInk[] {
  const canvas = document.createElement('canvas').getContext('2d')!;
  return [...document.querySelectorAll<HTMLElement>('.poster-sheet .poster')].map((poster) => {
    const text = poster.querySelector<HTMLElement>('.poster-name .fit-text')!;
    const node = text.firstChild as Text;
    const style = getComputedStyle(text);
    const fontPx = parseFloat(style.fontSize);
    // The font's box at the real size (as layout rounds it); the ink measured large, then scaled, so its outline is not rounded to pixels.
    const at = (sizePx: string) => {
      canvas.font = `${style.fontWeight} ${sizePx} ${style.fontFamily}`;
    };
    const range = document.createRange();
    const chars: Array<{ char: string; top: number; height: number }> = [];
    for (let index = 0; index < node.length; index++) {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const rect = range.getClientRects()[0];
      if (rect) chars.push({ char: node.data[index], top: rect.top, height: rect.height });
    }
    const tops = [...new Set(chars.filter((c) => c.char !== ' ').map((c) => Math.round(c.top * 10) / 10))].sort((a, b) => a - b);
    const lineOf = (top: number) => tops.findIndex((t) => Math.abs(t - top) < 1);
    const lines = tops.map((top, line) => {
      const lineText = chars.filter((c) => lineOf(c.top) === line).map((c) => c.char).join('').trim();
      at(style.fontSize);
      const font = canvas.measureText(lineText);
      at('1000px');
      const ink = canvas.measureText(lineText);
      const scale = fontPx / 1000;
      const baseline = top + font.fontBoundingBoxAscent;
      return {
        text: lineText,
        inkTop: baseline - ink.actualBoundingBoxAscent * scale,
        inkBottom: baseline + ink.actualBoundingBoxDescent * scale,
        contentHeight: chars.find((c) => lineOf(c.top) === line)!.height,
        fontHeight: font.fontBoundingBoxAscent + font.fontBoundingBoxDescent,
      };
    });
    let offset = 0;
    const splitWords: string[] = [];
    for (const word of node.data.split(' ')) {
      range.setStart(node, offset);
      range.setEnd(node, offset + word.length);
      const wordTops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (wordTops.size > 1) splitWords.push(word);
      offset += word.length + 1;
    }
    const box = poster.querySelector<HTMLElement>('.poster-name')!.getBoundingClientRect();
    return {
      name: node.data,
      fontPx,
      lines,
      ruleBottom: poster.querySelector('.poster-office')!.getBoundingClientRect().bottom,
      boxTop: box.top,
      splitWords,
      overflowsWidth: text.scrollWidth > text.clientWidth + 0.5,
    };
  });
}

test('names in capitals: stacked marks of two lines never touch, nor the header rule, on every template', async ({ page, signedInUrl }) => {
  test.setTimeout(180_000);
  const venueIds = [];
  for (const name of CAPITAL_NAMES) venueIds.push(await createVenue(page.request, signedInUrl, name));
  const pxPerMm = 96 / 25.4;
  for (const template of POSTER_TEMPLATES) {
    await openJob(page, signedInUrl, venueIds, template);
    const posters = await page.evaluate(namesInk);
    expect(posters, template).toHaveLength(CAPITAL_NAMES.length);
    expect(posters.some((poster) => poster.lines.length >= 2), `${template}: a name on several lines`).toBe(true);
    for (const poster of posters) {
      const where = `${template}, "${poster.name}" at ${(poster.fontPx * 0.75).toFixed(1)} pt`;
      // The baseline is placed from the character rects: they must be the font's content area.
      for (const line of poster.lines) expect(Math.abs(line.contentHeight - line.fontHeight), `${where}: line rect is the font's box`).toBeLessThan(1);
      const gaps = poster.lines.slice(1).map((line, index) => (line.inkTop - poster.lines[index].inkBottom) / poster.fontPx);
      for (const [index, gap] of gaps.entries()) {
        expect(gap, `${where}: ink between "${poster.lines[index].text}" and "${poster.lines[index + 1].text}" (em)`).toBeGreaterThanOrEqual(MIN_LINE_GAP_EM);
      }
      const ruleGapMm = (poster.lines[0].inkTop - poster.ruleBottom) / pxPerMm;
      expect(ruleGapMm, `${where}: from the header rule to "${poster.lines[0].text}" (mm)`).toBeGreaterThanOrEqual(MIN_RULE_GAP_MM);
    }
  }
});

test('a word is never split across lines: a word too long for the card shrinks the type instead', async ({ page, signedInUrl }) => {
  test.setTimeout(120_000);
  const venueIds = [
    await createVenue(page.request, signedInUrl, UNSPACED),
    await createVenue(page.request, signedInUrl, 'Hợp tác xã dịch vụ nông nghiệp tổng hợp Đông Kỳ Bắc chuyên cung ứng vật tư phân bón giống cây trồng và thức ăn chăn nuôi'),
  ];
  for (const template of ['a6', 'sheet_4xa6']) {
    await openJob(page, signedInUrl, venueIds, template);
    const style = await page.locator('.poster-sheet .poster-name .fit-text').first().evaluate((text) => {
      const computed = getComputedStyle(text);
      return { hyphens: computed.hyphens, wordBreak: computed.wordBreak, overflowWrap: computed.overflowWrap };
    });
    expect(style, template).toEqual({ hyphens: 'manual', wordBreak: 'normal', overflowWrap: 'normal' });
    for (const poster of await page.evaluate(namesInk)) {
      expect(poster.splitWords, `${template}: "${poster.name}"`).toEqual([]);
      expect(poster.overflowsWidth, `${template}: "${poster.name}" inside its box`).toBe(false);
    }
  }
});

test('PDF pages are exactly the paper (A6 105 × 148 mm) and the placement advice mentions glare', async ({ signedInUrl, request }) => {
  test.setTimeout(240_000);
  const venueIds = [];
  for (const name of ['Quán phở Hà Nội', 'Nhà thuốc Minh Châu']) venueIds.push(await createVenue(request, signedInUrl, name));
  const api = bridgeApi(signedInUrl);
  for (const template of POSTER_TEMPLATES) {
    const { pdf } = await exportPosterPdf(api, { selection: { kind: 'venues', venueIds }, template });
    const { sizes } = await pdfPages(pdf);
    for (const [index, size] of sizes.entries()) {
      const where = `${template} page ${index + 1}: ${size.widthMm.toFixed(3)} × ${size.heightMm.toFixed(3)} mm`;
      expect(Math.abs(size.widthMm - PAPER[template].widthMm), where).toBeLessThanOrEqual(0.1);
      expect(Math.abs(size.heightMm - PAPER[template].heightMm), where).toBeLessThanOrEqual(0.1);
    }
    const text = (await pdfText(pdf, 1)).replace(/\s+/g, ' ');
    expect(text, template).toContain('quay tránh đèn và cửa sổ để không bị loá');
  }
  expect(PAPER.a6.widthMm / MM_PER_PDF_POINT).toBeCloseTo(297.64, 2);
});

test('manual entry: a minted code offers its short code, a short official id itself, a long official link no line', async ({ page, signedInUrl }) => {
  const request = page.request;
  const minted = await createVenue(request, signedInUrl, 'Chợ Kỳ Bắc');
  const shortOfficial = await createVenue(request, signedInUrl, 'Quán cơm Bình Dân');
  const longOfficial = await createVenue(request, signedInUrl, 'Tiệm may Hồng Nhung');
  await call(request, signedInUrl, 'codes.setOfficial', { venueId: shortOfficial, payload: '4210300042' });
  const link = 'https://qr.gov.vn/c/ABC-123?x=1&token=eyJhbGciOiJIUzI1NiJ9.eyJ2ZW51ZSI6IjQyMTAzMDAwNDIifQ';
  await call(request, signedInUrl, 'codes.setOfficial', { venueId: longOfficial, payload: link });
  await openJob(page, signedInUrl, [minted, shortOfficial, longOfficial], 'a4');
  const manualOf = async (venueId: string) => {
    const poster = page.locator(`.poster-sheet .poster[data-venue-id="${venueId}"]`);
    await expect(poster).toHaveCount(1);
    const line = poster.locator('.poster-manual');
    return (await line.count()) === 0 ? null : (await line.locator('strong').textContent());
  };
  const shortCode = await page.locator(`.poster-sheet .poster[data-venue-id="${minted}"] .poster-code`).textContent();
  expect(shortCode).toMatch(/^[A-Z]+-\d{4}$/);
  expect(await manualOf(minted)).toBe(shortCode);
  expect(await manualOf(shortOfficial)).toBe('4210300042');
  expect(await manualOf(longOfficial)).toBeNull();
});
