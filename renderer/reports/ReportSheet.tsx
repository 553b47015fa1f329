import { Fragment, type Ref } from 'react';
import { Link } from 'react-router';
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
  type ReportTable,
} from '../../shared/domain/report-layout';
import type { ReportContent, ReportSentence } from '../../shared/domain/reports';
import { Addressees, DocumentHeading, SignOff } from '../documents/DocumentParts';
import { venueListLink } from './report-links';
import './reports.css';

/*
 * The report on an A4 sheet, laid out as the office's other documents (Nghị định
 * 30/2020), from its stored content alone: the page, its PDF and the .docx made in main
 * say the same words. Vietnamese whatever the app's language.
 */

interface SheetProps {
  content: ReportContent;
  /** On screen each counted figure links to its venue list; on paper (the PDF) it is plain text. */
  linked: boolean;
}

function Sentence({ sentence, content, linked }: { sentence: ReportSentence } & SheetProps) {
  return (
    <>
      {sentence.parts.map((part, index) =>
        linked && part.trace ? (
          <Link key={index} className="report-figure" to={venueListLink(content.params, part.trace)}>
            {part.text}
          </Link>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

const alignOf = (kind: string) => (kind === 'text' ? undefined : kind === 'index' ? 'doc-center' : 'report-number');

function FigureTable({ table }: { table: ReportTable }) {
  const columns = paperColumns(table);
  const widths = paperWidthsMm(table);
  const row = (cells: ReportTable['rows'][number]) =>
    columns.map(({ column, index }) => (
      <td key={index} className={alignOf(column.kind)}>
        {cellText(cells[index], column)}
      </td>
    ));
  return (
    <>
      <p className="report-table-title">{table.title}</p>
      <table className="doc-table report-table">
        <colgroup>
          {widths.map((width, index) => (
            <col key={index} style={{ width: `${width}mm` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map(({ column, index }) => (
              <th key={index}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((cells, index) => (
            <tr key={index}>{row(cells)}</tr>
          ))}
          {table.total && <tr className="report-total">{row(table.total)}</tr>}
        </tbody>
      </table>
    </>
  );
}

/** The report's sheet: heading, title, addressees, sections I–IV with their tables, the sign-off. */
export function ReportSheet({ content, linked, sheetRef }: SheetProps & { sheetRef?: Ref<HTMLElement> }) {
  const said = (sentence: ReportSentence, className = 'doc-paragraph') => (
    <p className={className}>
      <Sentence sentence={sentence} content={content} linked={linked} />
    </p>
  );
  return (
    <article className="doc-sheet report-sheet" ref={sheetRef}>
      <DocumentHeading officeName={content.officeName} number={content.number} place={content.place} day={content.issuedOn} />
      <h1 className="doc-title">{REPORT_TITLE}</h1>
      <p className="doc-subtitle">{reportSubject(content)}</p>
      <p className="doc-rule" aria-hidden="true" />
      <Addressees names={content.recipients} />
      {said(content.intro)}

      <h2 className="doc-section">{REPORT_SECTIONS.overview}</h2>
      {content.overview.map((sentence, index) => (
        <Fragment key={index}>{said(sentence)}</Fragment>
      ))}

      <h2 className="doc-section">{REPORT_SECTIONS.results}</h2>
      {content.results.map((sentence, index) => (
        <Fragment key={index}>{said(sentence)}</Fragment>
      ))}
      {reportTables(content).map((table) => (
        <FigureTable key={table.title} table={table} />
      ))}

      <h2 className="doc-section">{REPORT_SECTIONS.shortcomings}</h2>
      {said(content.shortcomingsLead)}
      {content.shortcomings.map((sentence, index) => (
        <p key={index} className="doc-paragraph report-item">
          - <Sentence sentence={sentence} content={content} linked={linked} />
          {itemEnd(index, content.shortcomings.length)}
        </p>
      ))}

      <h2 className="doc-section">{REPORT_SECTIONS.proposals}</h2>
      {content.proposals.length > 0 ? (
        content.proposals.map((text, index) => (
          <p key={index} className="doc-paragraph">
            {text}
          </p>
        ))
      ) : (
        <p className="doc-paragraph">{NO_PROPOSALS}</p>
      )}
      {said(content.closing, 'doc-paragraph doc-keep-with-next')}
      <SignOff signerTitle={content.signerTitle} signerName={content.signerName} />
    </article>
  );
}
