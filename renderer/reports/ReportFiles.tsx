import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../forms/ErrorMessage';
import { useReportFile, type ReportFileKind } from './use-report-file';

const KINDS: ReportFileKind[] = ['pdf', 'docx', 'xlsx'];

/** Download buttons for an issued report: PDF to send, .docx to edit before signing, .xlsx with every table. */
export function ReportFiles({ reportId, label }: { reportId: string; label?: string }) {
  const { t } = useTranslation();
  const { busy, failure, download } = useReportFile();
  return (
    <span className="report-files">
      {KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          disabled={busy !== null}
          aria-label={label ? `${t(`reports.${kind}`)} – ${label}` : undefined}
          onClick={() => void download(kind, reportId)}
        >
          {busy === kind ? t('reports.making') : t(`reports.${kind}`)}
        </button>
      ))}
      <ErrorMessage error={failure} />
    </span>
  );
}
