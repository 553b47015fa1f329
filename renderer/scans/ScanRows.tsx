import { useTranslation } from 'react-i18next';
import { SCAN_ROW_STATUSES, type ScanRow, type ScanRowCounts, type ScanRowError, type ScanRowStatus } from '../../shared/domain/scans';
import { api } from '../api/client';
import { PagedRows } from '../import/PagedRows';
import { usePeriodLabel } from './period-label';
import { VenueAssign } from './VenueAssign';

/** Rows waiting for the clerk: the tab shown first when there are any. */
const FIRST_TABS: ScanRowStatus[] = ['ambiguous', 'unmatched', 'error', 'replace', 'new'];

interface Props {
  importId: string;
  counts: ScanRowCounts;
  /** Changes after each assignment, so the page shown follows. */
  revision: number;
  onAssign(rowNumber: number, venueId: string | null): void;
}

/** The preview: every row under its status, what it will write or replace, why it is refused, and the venue choice where one is needed. */
export function ScanRows({ importId, counts, revision, onAssign }: Props) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const errorText = (error: ScanRowError) =>
    t('scans.rowError', {
      column: error.column,
      reason: t(`scans.reasons.${error.reason}`, {
        value: error.params.value,
        period: error.params.period,
        today: error.params.today,
        stored: error.params.stored,
        venue: error.params.venue,
        other: error.params.other,
        row: error.params.row,
      }),
    });
  const span = (row: ScanRow) =>
    row.firstDay && row.lastDay ? periodLabel({ kind: 'range', firstDay: row.firstDay, lastDay: row.lastDay }) : '';

  return (
    <PagedRows
      importId={importId}
      statuses={SCAN_ROW_STATUSES}
      counts={counts}
      firstStatus={FIRST_TABS.find((candidate) => counts[candidate] > 0) ?? 'new'}
      load={api['scans.rows']}
      revision={revision}
      words={{
        tab: (status) => t(`scans.import.status.${status}`),
        previous: t('scans.import.previous'),
        next: t('scans.import.next'),
        rowsShown: (range) => t('scans.import.rowsShown', range),
      }}
    >
      {(rows) => (
        <table className="simple-table scan-rows">
          <thead>
            <tr>
              <th>{t('scans.import.row')}</th>
              <th>{t('scans.import.inFile')}</th>
              <th>{t('scans.import.venue')}</th>
              <th>{t('scans.import.counts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.rowNumber}>
                <td>{row.rowNumber}</td>
                <td>
                  {[row.identifier.code, row.identifier.name, row.identifier.village].filter(Boolean).join(' · ')}
                </td>
                <td>
                  {row.venue && (
                    <div>
                      {row.venue.name} <span className="muted">{row.venue.code}</span>
                      {row.match && <div className="muted small">{t(`scans.import.match.${row.match}`)}</div>}
                    </div>
                  )}
                  {(row.status === 'ambiguous' || row.status === 'unmatched' || row.status === 'skipped' || row.match === 'assigned') && (
                    <VenueAssign row={row} onAssign={(venueId) => onAssign(row.rowNumber, venueId)} />
                  )}
                </td>
                <td>
                  {row.periods > 0 && (
                    <div>{t('scans.import.rowCounts', { scans: row.scans.toLocaleString('vi-VN'), count: row.periods, period: span(row) })}</div>
                  )}
                  {row.replaces.map((replaced) => (
                    <div key={replaced.firstDay} className="replaces">
                      {t('scans.import.replaces', { period: periodLabel(replaced), before: replaced.before, after: replaced.after })}
                    </div>
                  ))}
                  {row.errors.map((error, index) => (
                    <div key={index} className="error">
                      {errorText(error)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedRows>
  );
}
