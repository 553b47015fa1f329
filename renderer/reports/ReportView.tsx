import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { REPORT_TITLE } from '../../shared/domain/report-layout';
import { api } from '../api/client';
import { useDocumentLoad } from '../documents/document-load';
import { DocumentDesk, DocumentStatus } from '../documents/DocumentParts';
import { useDocumentTitle, usePrintReady } from '../documents/print-ready';
import { valueOf } from '../documents/round-data';
import { ReportFiles } from './ReportFiles';
import { ReportSheet } from './ReportSheet';

/**
 * An issued report on its A4 sheet, as it was issued: to print, to download as PDF, .docx
 * or .xlsx, and what main prints to PDF ("?paper": figures as plain text, no links).
 */
export function ReportView() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const loaded = useDocumentLoad(id, () => api['reports.get']({ id }).then(valueOf));
  const sheet = useRef<HTMLElement>(null);
  usePrintReady(sheet, loaded);
  useDocumentTitle(loaded.state === 'ready' ? `${REPORT_TITLE} ${loaded.data.number}` : null);
  if (loaded.state !== 'ready') return <DocumentDesk status={<DocumentStatus loaded={loaded} />} />;
  const linked = !search.has('paper');
  return (
    <DocumentDesk tools={<ReportFiles reportId={id} />}>
      {linked && <p className="doc-status muted">{t('reports.view.traceHint')}</p>}
      <ReportSheet content={loaded.data.content} linked={linked} sheetRef={sheet} />
    </DocumentDesk>
  );
}
