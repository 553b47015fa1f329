import { useTranslation } from 'react-i18next';
import type { TextEncoding } from '../../shared/domain/import';
import { SCAN_COLUMN_ROLES, type ScanColumnRole, type ScanSheet } from '../../shared/domain/scans';
import { Choice, optionsOf } from '../forms/Choice';
import { withChange } from '../import/column-choices';
import { ColumnTable } from '../import/ColumnTable';
import { EncodingChoice } from '../import/EncodingChoice';
import { usePeriodLabel } from './period-label';

export interface ScanColumnChoice {
  index: number;
  role: ScanColumnRole | null;
  encoding: TextEncoding;
}

/** Roles whose text may have been typed with a legacy font: their encoding can be chosen. */
const TEXT_ROLES: ReadonlySet<ScanColumnRole | null> = new Set(['name', 'village']);

interface Props {
  sheet: ScanSheet;
  choices: ScanColumnChoice[];
  onChange(choices: ScanColumnChoice[]): void;
}

/** Each column: its header, a few values, what it holds (guessed), and for a wide sheet's count column the period its header names. */
export function ScanColumns({ sheet, choices, onChange }: Props) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const set = (index: number, patch: Partial<ScanColumnChoice>) => onChange(withChange(choices, index, patch));
  const roles = optionsOf(SCAN_COLUMN_ROLES, (role) => t(`scans.import.roles.${role}`));
  return (
    <ColumnTable
      className="simple-table mapping scan-columns"
      headers={[t('scans.import.column'), t('scans.import.samples'), t('scans.import.role')]}
      columns={sheet.columns}
      choices={choices}
    >
      {(column, choice) => {
        const name = column.header || t('scans.import.unnamedColumn', { number: column.index + 1 });
        return (
          <>
            <td>{name}</td>
            <td className="samples">
              {column.samples.slice(0, 3).map((sample, position) => (
                <div key={position}>{sample}</div>
              ))}
            </td>
            <td>
              <Choice
                aria-label={t('scans.import.roleFor', { column: name })}
                value={choice.role}
                empty={t('scans.import.ignore')}
                options={roles}
                onChange={(role) => set(column.index, { role })}
              />
              {column.period && choice.role === 'scans' && (
                <div className="muted small">{t('scans.import.columnPeriod', { period: periodLabel(column.period) })}</div>
              )}
              {TEXT_ROLES.has(choice.role) && (
                <EncodingChoice
                  label={t('scans.import.encodingFor', { column: name })}
                  value={choice.encoding}
                  onChange={(encoding) => set(column.index, { encoding })}
                />
              )}
            </td>
          </>
        );
      }}
    </ColumnTable>
  );
}

export const scanChoicesOf = (sheet: ScanSheet): ScanColumnChoice[] =>
  sheet.columns.map((column) => ({ index: column.index, role: column.guess, encoding: column.encoding }));
