import { formatDay, longDay } from '../../shared/domain/documents-vi';
import {
  FIGURE_COLUMNS,
  REPORT_SECTIONS,
  REPORT_TITLE,
  reportSubject,
  reportTables,
  sentenceText,
  type ReportColumn,
  type ReportTable,
} from '../../shared/domain/report-layout';
import type { ReportContent } from '../../shared/domain/reports';
import { tablesXlsxBase64, type SheetColumn, type TableSheet } from '../export/spreadsheet';

/**
 * The report's figures as a workbook, for the level above to add up: every figure of the
 * area, one sheet a table with every column (the page prints only those A4 holds), and
 * the report's particulars and sentences. Numbers are numbers; where there is no data the
 * cell is empty, never 0.
 */

const sheetColumn = (column: ReportColumn): SheetColumn => ({
  header: column.header,
  width: column.width,
  kind: column.kind === 'text' ? 'text' : 'number',
});

function tableSheet(table: ReportTable): TableSheet {
  return {
    sheetName: table.sheetName,
    columns: table.columns.map(sheetColumn),
    rows: table.total ? [...table.rows, table.total] : table.rows,
    frozenColumns: 2,
  };
}

/** Every figure of the whole area, one a row. */
function summarySheet(content: ReportContent): TableSheet {
  return {
    sheetName: 'Tổng hợp',
    columns: [
      { header: 'Chỉ tiêu', width: 40 },
      { header: 'Giá trị', width: 14, kind: 'number' },
    ],
    rows: [['Số ngày trong kỳ', content.figures.days], ...FIGURE_COLUMNS.map((column) => [column.header, column.value(content.figures.totals)])],
  };
}

/** The report's particulars and its sentences, section by section. */
function textSheet(content: ReportContent): TableSheet {
  const { figures } = content;
  const rows: Array<[string, string]> = [
    ['Báo cáo', `${REPORT_TITLE} ${reportSubject(content)}`],
    ['Số, ký hiệu', content.number],
    ['Cơ quan', content.officeName],
    ['Ngày ban hành', `${content.place ? `${content.place}, ` : ''}${longDay(content.issuedOn)}`],
    ['Kỳ báo cáo', `Từ ngày ${formatDay(figures.query.from)} đến ngày ${formatDay(figures.query.to)}`],
    ['Địa bàn', content.areaName ?? 'Toàn địa bàn'],
    ...content.overview.map((sentence): [string, string] => [REPORT_SECTIONS.overview, sentenceText(sentence)]),
    ...content.results.map((sentence): [string, string] => [REPORT_SECTIONS.results, sentenceText(sentence)]),
    [REPORT_SECTIONS.shortcomings, sentenceText(content.shortcomingsLead)],
    ...content.shortcomings.map((sentence): [string, string] => [REPORT_SECTIONS.shortcomings, `- ${sentenceText(sentence)}`]),
    ...content.proposals.map((text): [string, string] => [REPORT_SECTIONS.proposals, text]),
  ];
  return {
    sheetName: 'Nội dung',
    columns: [
      { header: 'Mục', width: 28 },
      { header: 'Nội dung', width: 110, wrap: true },
    ],
    rows,
  };
}

/** The report's .xlsx, as base64, dated when the report was issued. */
export function reportXlsxBase64(content: ReportContent, created: Date): Promise<string> {
  return tablesXlsxBase64([summarySheet(content), ...reportTables(content).map(tableSheet), textSheet(content)], created);
}
