import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract';
import type { AppErrorData, Result } from '../../shared/api/result';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { expect, test } from '../support/browser-fixtures';
import { makeTempDir } from '../support/temp-dir';

/**
 * The documents: the inspection record of a round (biên bản kiểm tra) and a
 * reminder notice for a venue owner (giấy nhắc nhở), made as PDFs by main from the app's
 * own document views, read back with poppler (pdftotext, pdfinfo).
 */

const run = promisify(execFile);
const MM_PER_POINT = 25.4 / 72;

async function answer<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  return (await request.post(`${url}api/${name}`, { data: input })).json();
}

async function call<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await answer(request, url, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function refusal<N extends OperationName>(request: APIRequestContext, url: string, name: N, input: InputOf<N>): Promise<AppErrorData> {
  const result = await answer(request, url, name, input);
  if (result.ok) throw new Error(`${name} was expected to refuse`);
  return result.error;
}

interface ReadPdf {
  /** The text as pdftotext extracts it, whitespace runs made one space, NFC. */
  text: string;
  pages: Array<{ widthMm: number; heightMm: number }>;
}

/** Writes the PDF to a temporary file and reads it with poppler, as an office PC's viewer would show it. */
async function readPdf(bytesBase64: string): Promise<ReadPdf> {
  const temp = makeTempDir('diemqr-documents-');
  try {
    const file = path.join(temp.dir, 'document.pdf');
    fs.writeFileSync(file, Buffer.from(bytesBase64, 'base64'));
    const { stdout: raw } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '1000', file]);
    const pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(([, width, height]) => ({
      widthMm: Number(width) * MM_PER_POINT,
      heightMm: Number(height) * MM_PER_POINT,
    }));
    return { text: raw.normalize('NFC').replace(/\s+/g, ' '), pages };
  } finally {
    temp.remove();
  }
}

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

test('the inspection record and a reminder notice as PDFs: national heading, venues, findings, actions, deadlines, signatures, A4', async ({ page, signedInUrl: url, request }) => {
  test.setTimeout(120_000);
  await call(request, url, 'units.seedExample', {});
  const kyBac = (await call(request, url, 'units.list', {})).find((unit) => unit.name === 'Xã Kỳ Bắc' && unit.level === 'commune')!;
  await call(request, url, 'settings.update', { homeCommuneId: kyBac.id, officeName: 'UBND xã Kỳ Bắc' });

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
    'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
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
    'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
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
