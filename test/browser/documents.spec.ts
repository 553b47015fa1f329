import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext, Page } from '@playwright/test';
import type { InputOf, OperationName } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/result';
import { CHECK_KEYS, CHECKS } from '../../shared/domain/inspections';
import { answer, call } from '../support/api-call';
import { expect, test } from '../support/browser-fixtures';
import { makeTempDir } from '../support/temp-dir';

/**
 * The documents: the inspection record of a round (biên bản kiểm tra) and a
 * reminder notice for a venue owner (giấy nhắc nhở), made as PDFs by main from the app's
 * own document views, read back with poppler (pdftotext, pdfinfo).
 */

const run = promisify(execFile);
const MM_PER_POINT = 25.4 / 72;

async function refusal<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<AppErrorData> {
  const result = await answer(request, url, name, input);
  if (result.ok) throw new Error(`${name} was expected to refuse`);
  return result.error;
}

interface ReadPdf {
  /** The text as pdftotext extracts it, whitespace runs made one space, NFC. */
  text: string;
  /** The same, page by page. */
  pageTexts: string[];
  pages: Array<{ widthMm: number; heightMm: number }>;
  /** The names of the fonts embedded, as pdffonts lists them. */
  fonts: string[];
}

/** Writes the PDF to a temporary file and reads it with poppler, as an office PC's viewer would show it. */
async function readPdf(bytesBase64: string): Promise<ReadPdf> {
  const temp = makeTempDir('diemqr-documents-');
  try {
    const file = path.join(temp.dir, 'document.pdf');
    fs.writeFileSync(file, Buffer.from(bytesBase64, 'base64'));
    const { stdout: raw } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '1000', file]);
    const { stdout: fontList } = await run('pdffonts', [file]);
    const pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(([, width, height]) => ({
      widthMm: Number(width) * MM_PER_POINT,
      heightMm: Number(height) * MM_PER_POINT,
    }));
    const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const fonts = fontList.split('\n').slice(2).map((line) => line.split(/\s+/)[0]).filter(Boolean);
    return { text: flat(raw), pageTexts: raw.split('\f').map(flat).filter(Boolean), pages, fonts };
  } finally {
    temp.remove();
  }
}

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

/** The office of the documents' heading: UBND xã Kỳ Bắc, in the example units. */
async function setUpOffice(request: APIRequestContext, url: string) {
  await call(request, url, 'units.seedExample', {});
  const kyBac = (await call(request, url, 'units.list', {})).find((unit) => unit.name === 'Xã Kỳ Bắc' && unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: kyBac.id, officeName: 'UBND xã Kỳ Bắc' });
}

/** A visit on the venue's first posting point: all good, or with one finding and its action. */
async function visit(
  request: APIRequestContext,
  url: string,
  roundId: string,
  venueId: string,
  visitedOn: string,
  finding?: { category: 'damaged' | 'hidden' | 'missing'; note: string; action: { kind: 'reprint' | 'relocate'; dueOn: string; responsible: string } },
) {
  const point = (await call(request, url, 'venues.get', { id: venueId })).postingPoints[0].id;
  const failed = finding && CHECK_KEYS.find((key) => CHECKS[key] === finding.category);
  await call(request, url, 'visits.save', {
    roundId,
    venueId,
    visitedOn,
    points: [{ postingPointId: point, results: failed ? { ...allGood, [failed]: false } : allGood }],
    findings: finding ? [{ postingPointId: point, ...finding }] : [],
  });
}

test('the inspection record and a reminder notice as PDFs: national heading, venues, findings, actions, deadlines, signatures, A4', async ({ page, signedInUrl: url, request }) => {
  test.setTimeout(120_000);
  await setUpOffice(request, url);

  const torn = await call(request, url, 'venues.create', { name: 'Quán cà phê Hoa Sữa', ownerName: 'Phạm Thị Hoa', address: '12 đường Lê Lợi' });
  const fine = await call(request, url, 'venues.create', { name: 'Tạp hoá Bà Tư', ownerName: 'Nguyễn Văn Tư' });
  const round = await call(request, url, 'rounds.create', {
    name: 'Kiểm tra niêm yết tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [torn.id, fine.id],
  });
  const pointOf = async (venueId: string) => (await call(request, url, 'venues.get', { id: venueId })).postingPoints[0].id;
  const tornPoint = await pointOf(torn.id);
  await call(request, url, 'visits.save', {
    roundId: round.id,
    venueId: torn.id,
    visitedOn: '2026-11-20',
    points: [{ postingPointId: tornPoint, results: { ...allGood, intact: false } }],
    findings: [
      {
        postingPointId: tornPoint,
        category: 'damaged',
        note: 'Áp phích rách',
        action: { kind: 'reprint', dueOn: '2026-11-30', responsible: 'Văn phòng xã' },
      },
    ],
  });
  await call(request, url, 'visits.save', {
    roundId: round.id,
    venueId: fine.id,
    visitedOn: '2026-11-21',
    points: [{ postingPointId: await pointOf(fine.id), results: allGood }],
  });

  // The record of the round.
  const record = await call(request, url, 'documents.pdf', { kind: 'round_record', roundId: round.id });
  expect(record.mimeType).toBe('application/pdf');
  expect(record.fileName).toBe('bien-ban-kiem-tra-2026-11-21.pdf');
  const recordPdf = await readPdf(record.bytesBase64);
  for (const size of recordPdf.pages) expect([Math.round(size.widthMm), Math.round(size.heightMm)]).toEqual([210, 297]);
  for (const expected of [
    'UBND XÃ KỲ BẮC',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Kỳ Bắc, ngày 21 tháng 11 năm 2026',
    'BIÊN BẢN',
    'Kiểm tra niêm yết tháng 11',
    'Tổ kiểm tra',
    'Quán cà phê Hoa Sữa',
    'Tạp hoá Bà Tư',
    'Áp phích rách',
    'In lại, thay áp phích mới',
    'Văn phòng xã',
    '30/11/2026',
    'ĐẠI DIỆN CÁC CƠ SỞ ĐƯỢC KIỂM TRA',
    'ĐẠI DIỆN UBND XÃ KỲ BẮC',
    'TRƯỞNG ĐOÀN KIỂM TRA',
  ]) {
    expect(recordPdf.text, expected).toContain(expected);
  }

  // A reminder for the venue with the torn poster: what was found, what to do, by when.
  const reminder = await call(request, url, 'documents.pdf', { kind: 'reminder', roundId: round.id, venueId: torn.id });
  expect(reminder.fileName).toBe(`giay-nhac-nho-${torn.code}.pdf`);
  const reminderPdf = await readPdf(reminder.bytesBase64);
  expect(reminderPdf.pages.map((size) => [Math.round(size.widthMm), Math.round(size.heightMm)])).toEqual([[210, 297]]);
  for (const expected of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'GIẤY NHẮC NHỞ',
    'Quán cà phê Hoa Sữa',
    'Phạm Thị Hoa',
    'Áp phích rách',
    'In lại, thay áp phích mới',
    '30/11/2026',
    'chậm nhất ngày 30 tháng 11 năm 2026',
    'ĐẠI DIỆN CƠ SỞ',
    'TRƯỞNG ĐOÀN KIỂM TRA',
  ]) {
    expect(reminderPdf.text, expected).toContain(expected);
  }
  expect(reminderPdf.text).not.toContain('Tạp hoá Bà Tư');

  // No reminder without a venue, nor for a venue with nothing to put right.
  expect(await refusal(request, url, 'documents.pdf', { kind: 'reminder', roundId: round.id })).toMatchObject({ code: 'INVALID_INPUT', field: 'venueId' });
  expect(await refusal(request, url, 'documents.pdf', { kind: 'reminder', roundId: round.id, venueId: fine.id })).toMatchObject({ code: 'INVALID_INPUT', field: 'venueId' });

  // On screen the record is a printable page with an "In" button, which paper never shows.
  await page.goto(`${url}#/documents/round/${round.id}`);
  await expect(page.getByRole('heading', { name: 'BIÊN BẢN' })).toBeVisible();
  await expect(page.locator('.doc-sheet')).toContainText('Áp phích rách');
  const printButton = page.getByRole('button', { name: 'In', exact: true });
  await expect(printButton).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
  await page.emulateMedia({ media: 'print' });
  await expect(printButton).toBeHidden();
  await expect(page.locator('.doc-sheet')).toBeVisible();
});

test('an issued record is a fixed record: a later outcome changes the draft, never the reprint; a reminder only where findings are open', async ({ page, signedInUrl: url, request }) => {
  test.setTimeout(150_000);
  await setUpOffice(request, url);
  const hidden = await call(request, url, 'venues.create', { name: 'Quán cà phê Hoa Sữa', ownerName: 'Phạm Thị Hoa' });
  const fine = await call(request, url, 'venues.create', { name: 'Tạp hoá Bà Tư', ownerName: 'Nguyễn Văn Tư' });
  const late = await call(request, url, 'venues.create', { name: 'Nhà nghỉ Sông Lam', ownerName: 'Hồ Văn Lam' });
  const round = await call(request, url, 'rounds.create', {
    name: 'Kiểm tra niêm yết tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [hidden.id, fine.id, late.id],
  });
  await visit(request, url, round.id, hidden.id, '2026-11-20', {
    category: 'hidden',
    note: 'Bị tủ hàng che',
    action: { kind: 'relocate', dueOn: '2026-11-30', responsible: 'Chủ cơ sở' },
  });
  await visit(request, url, round.id, fine.id, '2026-11-20');

  // The round page: a reminder only for the venue with a finding still open.
  await page.goto(`${url}#/inspections/${round.id}`);
  const rowOf = (name: string) => page.locator('.round-venues tbody tr').filter({ hasText: name });
  await expect(rowOf('Quán cà phê Hoa Sữa').getByRole('button', { name: 'Ban hành giấy nhắc nhở' })).toBeVisible();
  await expect(rowOf('Quán cà phê Hoa Sữa').getByRole('link', { name: 'Xem bản nháp giấy nhắc nhở' })).toBeVisible();
  await expect(rowOf('Tạp hoá Bà Tư').getByRole('link', { name: 'Xem bản nháp giấy nhắc nhở' })).toHaveCount(0);
  await expect(rowOf('Tạp hoá Bà Tư').getByRole('button', { name: 'Ban hành giấy nhắc nhở' })).toHaveCount(0);

  // Issuing asks first, saying what it fixes for good and that a venue is not visited yet.
  await page.getByRole('button', { name: 'Ban hành biên bản' }).click();
  const asked = page.getByRole('dialog', { name: 'Ban hành biên bản' });
  await expect(asked).toContainText('không ban hành biên bản thứ hai');
  await expect(asked).toContainText('Còn 1 cơ sở của đợt chưa được kiểm tra.');
  await asked.getByRole('button', { name: 'Chưa ban hành' }).click();
  await expect(page.getByRole('region', { name: 'Văn bản đã ban hành' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Ban hành biên bản' }).click();
  await asked.getByRole('button', { name: 'Ban hành', exact: true }).click();
  // Issued: numbered, listed on the round page, and not offered again.
  await expect(page.getByRole('button', { name: 'Ban hành biên bản' })).toHaveCount(0);
  const issuedRow = page.getByRole('region', { name: 'Văn bản đã ban hành' }).getByRole('row').filter({ hasText: '01/BB-KT' });
  await expect(issuedRow).toBeVisible();
  const reprint = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), issuedRow.getByRole('button', { name: 'In lại (PDF)' }).click()]);
    return readPdf(fs.readFileSync((await download.path())!).toString('base64'));
  };
  const first = await reprint();
  expect(first.text).toContain('Số: 01/BB-KT');
  expect(first.text).toContain('Bị tủ hàng che');
  expect(first.text).not.toContain('DỰ THẢO');

  // Later outcomes: the third venue visited with a finding, the first one's action done.
  await visit(request, url, round.id, late.id, '2026-11-25', {
    category: 'missing',
    note: 'Không thấy áp phích khi đi lại',
    action: { kind: 'reprint', dueOn: '2026-12-05', responsible: 'Văn phòng xã' },
  });
  const action = (await call(request, url, 'actions.list', {})).find((candidate) => candidate.venueName === 'Quán cà phê Hoa Sữa')!;
  await call(request, url, 'actions.markDone', { id: action.id });

  // The draft follows the data; the reprint is the document issued, word for word.
  const draft = await readPdf((await call(request, url, 'documents.pdf', { kind: 'round_record', roundId: round.id })).bytesBase64);
  expect(draft.text).toContain('DỰ THẢO');
  expect(draft.text).toContain('Số: ……/BB-KT');
  expect(draft.text).toContain('Không thấy áp phích khi đi lại');
  await page.reload();
  const again = await reprint();
  expect(again.text).toBe(first.text);
  expect(again.pages).toEqual(first.pages);

  // The reminder moved with the open findings: none for the venue whose action is done.
  await expect(rowOf('Nhà nghỉ Sông Lam').getByRole('button', { name: 'Ban hành giấy nhắc nhở' })).toBeVisible();
  await expect(rowOf('Quán cà phê Hoa Sữa').getByRole('button', { name: 'Ban hành giấy nhắc nhở' })).toHaveCount(0);

  // On screen: the draft says it is one, the issued document carries its number.
  await page.goto(`${url}#/documents/round/${round.id}`);
  await expect(page.locator('.doc-draft-mark')).toBeVisible();
  await issuedRowView(page, url, round.id);
});

/** Opens the issued record from the round page's list and checks it is the numbered document, not a draft. */
async function issuedRowView(page: Page, url: string, roundId: string) {
  await page.goto(`${url}#/inspections/${roundId}`);
  await page.getByRole('link', { name: 'Xem văn bản số 01/BB-KT' }).click();
  await expect(page.locator('.doc-sheet')).toContainText('Số: 01/BB-KT');
  await expect(page.locator('.doc-draft-mark')).toHaveCount(0);
}

test('the record in its typography: Tinos only, "CỘNG HÒA", and its signatures always on the page of the sentence above them', async ({ page, signedInUrl: url, request }) => {
  test.setTimeout(300_000);
  await setUpOffice(request, url);
  const round = await call(request, url, 'rounds.create', {
    name: 'Kiểm tra niêm yết tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: null, name: 'Tổ kiểm tra' }],
    venueIds: [],
  });
  // One more visited venue each time: the signatures meet every position on the page at least once.
  for (let count = 1; count <= 12; count++) {
    const venue = await call(request, url, 'venues.create', { name: `Cửa hàng số ${count}`, ownerName: `Chủ cơ sở ${count}`, acknowledgeDuplicates: true });
    await call(request, url, 'rounds.addVenues', { id: round.id, venueIds: [venue.id] });
    await visit(request, url, round.id, venue.id, '2026-11-20', {
      category: 'damaged',
      note: `Áp phích rách ở cửa số ${count}`,
      action: { kind: 'reprint', dueOn: '2026-11-30', responsible: 'Văn phòng xã' },
    });
    const pdf = await readPdf((await call(request, url, 'documents.pdf', { kind: 'round_record', roundId: round.id })).bytesBase64);
    const last = pdf.pageTexts.at(-1)!;
    expect(last, `${count} venues: the signatures' page`).toContain('TRƯỞNG ĐOÀN KIỂM TRA');
    expect(last, `${count} venues: the sentence above the signatures`).toContain('Biên bản được lập thành 02 bản');
    if (count === 1) {
      expect(pdf.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(pdf.fonts.length).toBeGreaterThan(0);
      for (const font of pdf.fonts) expect(font).toMatch(/Tinos/);
    }
  }

  // Nghị định 30/2020 sizes: Quốc hiệu 12–13 pt bold, Tiêu ngữ 13–14 pt bold, body 13–14 pt.
  await page.goto(`${url}#/documents/round/${round.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
  const styleOf = (selector: string) =>
    page.locator(selector).first().evaluate((element) => {
      const style = getComputedStyle(element);
      return { pt: Math.round((parseFloat(style.fontSize) * 72 * 10) / 96) / 10, weight: style.fontWeight, family: style.fontFamily };
    });
  const nation = await styleOf('.doc-nation');
  expect(nation.pt).toBeGreaterThanOrEqual(12);
  expect(nation.pt).toBeLessThanOrEqual(13);
  expect(nation.weight).toBe('700');
  const motto = await styleOf('.doc-motto');
  expect(motto.pt).toBeGreaterThanOrEqual(13);
  expect(motto.pt).toBeLessThanOrEqual(14);
  expect(motto.weight).toBe('700');
  const body = await styleOf('.doc-paragraph');
  expect(body.pt).toBeGreaterThanOrEqual(13);
  expect(body.pt).toBeLessThanOrEqual(14);
  expect(body.family).toMatch(/^"?Tinos"?/);
});
