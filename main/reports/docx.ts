import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import { FILED_COPIES, listedLines, longDay, MOTTO, NATION } from '../../shared/domain/documents-vi';
import {
  cellText,
  itemEnd,
  NO_PROPOSALS,
  paperColumns,
  paperWidthsMm,
  REPORT_SECTIONS,
  REPORT_TITLE,
  reportSubject,
  reportTables,
  sentenceText,
  TEXT_WIDTH_MM,
  type ReportTable,
} from '../../shared/domain/report-layout';
import type { ReportContent, ReportSentence } from '../../shared/domain/reports';

/**
 * The report as a Word document the office edits before signing: the same heading,
 * sentences and tables as the printed report (shared/domain/report-layout.ts), in Times
 * New Roman (the decree's face; Tinos, which the printed report uses, has its metrics), on
 * A4 with the decree's margins. Plain paragraphs and tables only, so Word and LibreOffice
 * open it alike.
 */

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
/** Millimetres in twips, rounded (docx's own converter floors: A4 would be 11905 twips wide, not Word's 11906). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** docx sizes text in half-points. */
const pt = (points: number) => points * 2;


const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function line(text: string, style: RunStyle = {}, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...options,
    children: [new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size ? pt(style.size) : undefined })],
  });
}

/** A short rule under a heading line: an empty paragraph bordered below, narrowed by its indents. */
const rule = (widthMm: number, cellWidthMm: number) =>
  new Paragraph({
    border: { bottom: { ...LINE, space: 1 } },
    indent: { left: mm((cellWidthMm - widthMm) / 2), right: mm((cellWidthMm - widthMm) / 2) },
    spacing: { after: 60 },
    children: [new TextRun({ text: '', size: 2 })],
  });

/** A body paragraph: justified, the first line indented, as the decree has it. */
const body = (text: string, options: IParagraphOptions = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: { after: 120 }, ...options, children: [new TextRun(text)] });

const sentencePara = (sentence: ReportSentence) => body(sentenceText(sentence));

const heading = (text: string) => new Paragraph({ keepNext: true, spacing: { before: 120, after: 120 }, children: [new TextRun({ text, bold: true })] });

function cell(children: Paragraph[], widthMm: number, options: { borderless?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    ...(options.borderless ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
  });
}

/** Two borderless columns side by side: the heading, and the sign-off. */
function sideBySide(left: Paragraph[], right: Paragraph[], leftMm: number, options: { cantSplit?: boolean } = {}): Table {
  const rightMm = TEXT_WIDTH_MM - leftMm;
  return new Table({
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(leftMm), mm(rightMm)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: options.cantSplit, children: [cell(left, leftMm, { borderless: true }), cell(right, rightMm, { borderless: true })] })],
  });
}

const OFFICE_MM = 61;

function headingTable(content: ReportContent): Table {
  return sideBySide(
    [line(content.officeName, { bold: true, size: 12 }), rule(20, OFFICE_MM), line(`Số: ${content.number}`, { size: 13 })],
    [
      line(NATION, { bold: true, size: 12 }),
      line(MOTTO, { bold: true, size: 13 }),
      rule(60, TEXT_WIDTH_MM - OFFICE_MM),
      line(`${content.place ?? '…………'}, ${longDay(content.issuedOn)}`, { italics: true, size: 13 }),
    ],
    OFFICE_MM,
  );
}

function addressees(recipients: readonly string[]): Paragraph[] {
  if (recipients.length === 1) return [line(`Kính gửi: ${recipients[0]}`, {}, { spacing: { before: 120, after: 240 } })];
  return [
    line('Kính gửi:', {}, { spacing: { before: 120 } }),
    ...listedLines(recipients).map((text, index, all) =>
      line(text, {}, { alignment: AlignmentType.LEFT, indent: { left: mm(45) }, spacing: index === all.length - 1 ? { after: 240 } : undefined }),
    ),
  ];
}

function dataTable(table: ReportTable): Table {
  const columns = paperColumns(table);
  const widths = paperWidthsMm(table);
  const textCell = (text: string, index: number, style: RunStyle, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      width: { size: mm(widths[index]), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: mm(1), right: mm(1), top: mm(0.5), bottom: mm(0.5) },
      children: [new Paragraph({ alignment, children: [new TextRun({ text, size: pt(10.5), ...style })] })],
    });
  const alignOf = (kind: string) => (kind === 'text' ? AlignmentType.LEFT : kind === 'index' ? AlignmentType.CENTER : AlignmentType.RIGHT);
  const row = (cells: ReportTable['rows'][number], style: RunStyle = {}) =>
    new TableRow({
      cantSplit: true,
      children: columns.map(({ column, index }, at) => textCell(cellText(cells[index], column), at, style, alignOf(column.kind))),
    });
  return new Table({
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map((width) => mm(width)),
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map(({ column }, at) => textCell(column.header, at, { bold: true }, AlignmentType.CENTER)),
      }),
      ...table.rows.map((cells) => row(cells)),
      ...(table.total ? [row(table.total, { bold: true })] : []),
    ],
  });
}

function tablesOf(content: ReportContent): Array<Paragraph | Table> {
  return reportTables(content).flatMap((table) => [
    new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: table.title, bold: true })] }),
    dataTable(table),
  ]);
}

function signOff(content: ReportContent): Table {
  return sideBySide(
    [
      new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })] }),
      ...listedLines(FILED_COPIES).map((text) => new Paragraph({ children: [new TextRun({ text, size: pt(11) })] })),
    ],
    [
      ...content.signerTitle.map((text) => line(text, { bold: true })),
      // Room to sign and stamp.
      ...[1, 2, 3, 4].map(() => line('')),
      line(content.signerName, { bold: true }),
    ],
    74,
    { cantSplit: true },
  );
}

function documentBody(content: ReportContent): Array<Paragraph | Table> {
  return [
    headingTable(content),
    line(REPORT_TITLE, { bold: true, size: 14 }, { spacing: { before: 360 } }),
    line(reportSubject(content), { bold: true, size: 14 }),
    rule(40, TEXT_WIDTH_MM),
    ...addressees(content.recipients),
    sentencePara(content.intro),
    heading(REPORT_SECTIONS.overview),
    ...content.overview.map(sentencePara),
    heading(REPORT_SECTIONS.results),
    ...content.results.map(sentencePara),
    ...tablesOf(content),
    heading(REPORT_SECTIONS.shortcomings),
    sentencePara(content.shortcomingsLead),
    ...content.shortcomings.map((item, index, all) => body(`- ${sentenceText(item)}${itemEnd(index, all.length)}`)),
    heading(REPORT_SECTIONS.proposals),
    ...(content.proposals.length > 0 ? content.proposals.map((text) => body(text)) : [body(NO_PROPOSALS)]),
    // The sign-off follows on the same page as the last paragraph.
    body(sentenceText(content.closing), { keepNext: true }),
    signOff(content),
  ];
}

/** The report's .docx, as base64. */
export async function reportDocxBase64(content: ReportContent): Promise<string> {
  const document = new Document({
    creator: 'Điểm QR',
    title: `${REPORT_TITLE} ${reportSubject(content)}`,
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
          },
        },
        // Page numbers from the second page on, centred at the top, as the decree places them.
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children: documentBody(content),
      },
    ],
  });
  return (await Packer.toBuffer(document)).toString('base64');
}
