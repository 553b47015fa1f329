import { useTranslation } from 'react-i18next';
import { ROW_STATUSES, type DuplicateDecision, type ImportCounts, type ImportRow, type RowStatus } from '../../shared/domain/import';
import { api } from '../api/client';
import { Choice, optionsOf } from '../forms/Choice';
import { PagedRows } from './PagedRows';

interface Props {
  importId: string;
  counts: ImportCounts;
  /** What will happen to a row: the clerk's choice for it, else the default for its kind. */
  decisionOf(row: ImportRow): DuplicateDecision;
  onOverride(rowNumber: number, decision: DuplicateDecision): void;
}

const DECISIONS_FOR: Partial<Record<RowStatus, DuplicateDecision[]>> = {
  update_by_code: ['update', 'skip'],
  duplicate_existing: ['skip', 'update', 'import'],
  duplicate_in_file: ['skip', 'import'],
};

/**
 * The preview: every row under its status, with the reason for an error, a choice for a
 * duplicate, and the warnings of a row that imports all the same.
 */
export function CheckedRows({ importId, counts, decisionOf, onOverride }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {counts.withWarnings > 0 && (
        <p className="warning" role="status">
          {t('imports.withWarnings', { count: counts.withWarnings })}
        </p>
      )}
      <PagedRows
        importId={importId}
        statuses={ROW_STATUSES}
        counts={counts}
        firstStatus={counts.error > 0 ? 'error' : 'ready'}
        load={api['imports.rows']}
        words={{
          tab: (status) => t(`importFlow.status.${status}`),
          previous: t('importFlow.previous'),
          next: t('importFlow.next'),
          rowsShown: (range) => t('importFlow.rowsShown', range),
        }}
      >
        {(rows, status) => (
          <table className="simple-table checked-rows">
            <thead>
              <tr>
                <th>{t('importFlow.row')}</th>
                <th>{t('importFlow.fields.name')}</th>
                <th>{t('importFlow.details')}</th>
                <th>{status === 'error' ? t('importFlow.reason') : t('importFlow.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.rowNumber}>
                  <td>{row.rowNumber}</td>
                  <td>{row.values.name}</td>
                  <td className="muted">
                    {[row.values.phones, row.values.address, row.values.village].filter(Boolean).join(' · ')}
                    {row.duplicateOf && (
                      <div>
                        {row.duplicateOf.rowNumber !== null
                          ? t('importFlow.sameAsRow', { row: row.duplicateOf.rowNumber })
                          : t('importFlow.sameAsVenue', { code: row.duplicateOf.code, name: row.duplicateOf.name })}
                      </div>
                    )}
                  </td>
                  <td>
                    {row.status === 'error' && row.errors.map((error) => <div key={error.field}>{error.message}</div>)}
                    {row.status !== 'error' &&
                      row.warnings.map((warning) => (
                        <div key={warning.field}>
                          {t('imports.warning')}: {warning.message}
                        </div>
                      ))}
                    {DECISIONS_FOR[row.status] && (
                      <Choice
                        aria-label={t('importFlow.decisionFor', { row: row.rowNumber })}
                        value={decisionOf(row)}
                        options={optionsOf(DECISIONS_FOR[row.status]!, (decision) => t(`importFlow.decisions.${decision}`))}
                        onChange={(decision) => onOverride(row.rowNumber, decision)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedRows>
    </>
  );
}
