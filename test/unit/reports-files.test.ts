import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportDocxBase64 } from '../../main/reports/docx';
import { reportXlsxBase64 } from '../../main/reports/xlsx';
import { cellText, FIGURE_COLUMNS, reportTables, sentenceText } from '../../shared/domain/report-layout';
import type { ReportContent } from '../../shared/domain/reports';
import { contentOf, knownMonth } from './reports-known-figures';

/**
 * The report's .docx and .xlsx read back with libraries, as Word, LibreOffice and Excel
 * would read them: the .docx's text holds the heading, every sentence and every table
 * cell; the .xlsx's sheets hold every table and every figure as numbers equal to the figures.
 */

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The text of word/document.xml, paragraph by paragraph. */
async function docxParagraphs(base64: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text.replace(/&\w+;/g, (entity) => XML_ENTITIES[entity] ?? entity)).join(''),
  );
}

async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows below its header, as values ("" for an empty cell). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const values: unknown[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) values.push(row.getCell(column).value ?? '');
    rows.push(values);
  });
  return rows;
}

describe('report .docx', () => {
  it('holds the heading, every sentence and every table cell of the report, in Times New Roman on A4', async () => {
    const content = contentOf(knownMonth());
    const base64 = await reportDocxBase64(content);
    const paragraphs = await docxParagraphs(base64);
    const text = paragraphs.join('\n');
    for (const expected of [
      'UBND XÃ KỲ BẮC',
      'Số: 15/BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kỳ Bắc, ngày 01 tháng 12 năm 2026',
      'BÁO CÁO',
      'Tình hình niêm yết và quét mã QR tháng 11 năm 2026',
      'Kính gửi: UBND tỉnh Hà Tĩnh',
      'I. TÌNH HÌNH CHUNG',
      'III. TỒN TẠI, HẠN CHẾ',
      'Tiếp tục kiểm tra việc niêm yết mã QR.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'Trần Văn Bình',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const sentence of [content.intro, ...content.overview, ...content.results, content.shortcomingsLead, content.closing]) {
      expect(paragraphs).toContain(sentenceText(sentence));
    }
    expect(paragraphs).toContain('- 12 cơ sở để áp phích mã QR bị hư hỏng nhưng chưa niêm yết lại;');
    expect(paragraphs).toContain('- 5 cơ sở chưa khắc phục tồn tại đúng thời hạn.');
    // Every cell of every table the page prints, as the page prints it.
    for (const table of reportTables(content)) {
      expect(paragraphs).toContain(table.title);
      for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
        table.columns.forEach((column, index) => {
          if (!column.sheetOnly && row[index] !== '') expect(paragraphs, `${table.title}: ${column.header}`).toContain(cellText(row[index], column));
        });
      }
    }
    const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:ascii="Times New Roman"');
    const document = await zip.file('word/document.xml')!.async('string');
    // A4 (11906 × 16838 twips), margins 30 mm left (1701) and 15 mm right (850).
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:left="1701"/);
  });

  it('an empty period: the sentence saying so, and no table', async () => {
    const figures = knownMonth(
      { scanData: null, scanDays: 0, findingsByCategory: [], openFindingsByCategory: [], actions: { byStatus: [], overdue: 0 } },
      { scans: 0, scansPerVenueDay: null, zeroScans: 0, inspected: 0, withOpenFindings: 0, withOverdueActions: 0 },
    );
    const content: ReportContent = contentOf(figures, []);
    const text = (await docxParagraphs(await reportDocxBase64(content))).join('\n');
    expect(text).toContain('Trong kỳ báo cáo chưa có số liệu');
    expect(text).toContain('Không có đề xuất, kiến nghị.');
    expect(text).not.toContain('Bảng 1.');
  });
});

describe('report .xlsx', () => {
  it('has every table with every column, and every figure of the area, equal to the figures', async () => {
    const content = contentOf(knownMonth());
    const workbook = await workbookOf(await reportXlsxBase64(content, new Date('2026-12-01T03:00:00Z')));
    const tables = reportTables(content);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', ...tables.map((table) => table.sheetName), 'Nội dung']);

    for (const table of tables) {
      const sheet = workbook.getWorksheet(table.sheetName)!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns.map((column) => column.header)]);
      const expected = [...table.rows, ...(table.total ? [table.total] : [])].map((row) => row.map((cell) => cell ?? ''));
      expect(sheetRows(sheet)).toEqual(expected);
    }
    // A village without scan counts: an empty cell, never 0.
    const byVillage = workbook.getWorksheet('Theo thôn')!;
    const scansColumn = tables[0].columns.findIndex((column) => column.header === 'Lượt quét trong kỳ') + 1;
    expect(byVillage.getRow(3).getCell(scansColumn).value).toBeNull();
    expect(byVillage.getRow(2).getCell(scansColumn).value).toBe(20188);

    const summary = new Map(sheetRows(workbook.getWorksheet('Tổng hợp')!).map(([label, value]) => [label, value]));
    expect(summary.get('Số ngày trong kỳ')).toBe(30);
    for (const column of FIGURE_COLUMNS) expect(summary.get(column.header), column.header).toBe(column.value(content.figures.totals) ?? '');
    expect(summary.get('Cơ sở đăng ký')).toBe(2242);
    expect(summary.get('Lượt quét trong kỳ')).toBe(20188);
    expect(summary.get('Lượt quét/cơ sở/ngày')).toBe(0.32);

    const text = sheetRows(workbook.getWorksheet('Nội dung')!);
    expect(new Map(text.map(([label, value]) => [label, value])).get('Số, ký hiệu')).toBe('15/BC-UBND');
    expect(text.map(([, value]) => value)).toContain('- 7 cơ sở niêm yết mã khá nhỏ');
    expect(text.map(([, value]) => value)).toContain('Tiếp tục kiểm tra việc niêm yết mã QR.');
  });
});
