import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/text/date';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { formatDay } from '../inspections/day';
import { useMay } from '../session/use-may';
import { ReportFiles } from './ReportFiles';
import { ReportForm } from './ReportForm';
import './reports.css';

/** "Báo cáo": the reports the office issued, newest first, and the form that writes the next one. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [composing, setComposing] = useState(false);
  const reports = useOperation(() => api['reports.list']({}), []);
  // The form exists to issue a report; who may not issue only reads the issued ones.
  const mayIssue = useMay('reports.issue');
  return (
    <section>
      <div className="toolbar">
        <h1>{t('reports.title')}</h1>
        {mayIssue && !composing && (
          <button type="button" className="primary" onClick={() => setComposing(true)}>
            {t('reports.compose')}
          </button>
        )}
      </div>
      {composing && <ReportForm onClose={() => setComposing(false)} />}

      <h2>{t('reports.issuedTitle')}</h2>
      {reports?.ok === false && <ErrorMessage error={reports.error} />}
      {reports?.ok && reports.value.length === 0 && <p className="muted">{t('reports.none')}</p>}
      {reports?.ok && reports.value.length > 0 && (
        <table className="simple-table reports-table">
          <thead>
            <tr>
              <th>{t('reports.columns.number')}</th>
              <th>{t('reports.columns.period')}</th>
              <th>{t('reports.columns.area')}</th>
              <th>{t('reports.columns.issuedAt')}</th>
              <th>{t('reports.columns.issuedBy')}</th>
              <th>{t('reports.columns.files')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.value.map((report) => (
              <tr key={report.id}>
                <td className="nowrap">{report.number}</td>
                <td className="nowrap">{t('reports.period', { from: formatDay(report.from), to: formatDay(report.to) })}</td>
                <td>{report.areaName ?? t('reports.wholeArea')}</td>
                <td className="nowrap">{formatDate(report.issuedAt)}</td>
                <td>{report.issuedByName ?? ''}</td>
                <td>
                  <span className="report-files">
                    <Link className="button" to={`/documents/report/${encodeURIComponent(report.id)}`} aria-label={`${t('reports.open')} – ${report.number}`}>
                      {t('reports.open')}
                    </Link>
                    <ReportFiles reportId={report.id} label={report.number} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
