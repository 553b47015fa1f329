import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField, type ImportSheet, type TextEncoding } from '../../shared/domain/import';
import { Choice, optionsOf } from '../forms/Choice';
import { ColumnTable } from './ColumnTable';
import { withChange } from './column-choices';
import { EncodingChoice } from './EncodingChoice';

export interface ColumnChoice {
  index: number;
  field: ImportField | null;
  encoding: TextEncoding;
}

interface Props {
  sheet: ImportSheet;
  choices: ColumnChoice[];
  onChange(choices: ColumnChoice[]): void;
}

/** Each column: its header, a few values (before → after conversion), the field it fills, its encoding. */
export function ColumnMapping({ sheet, choices, onChange }: Props) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<ColumnChoice>) => onChange(withChange(choices, index, patch));
  const fields = optionsOf(IMPORT_FIELDS, (field) => t(`importFlow.fields.${field}`));
  return (
    <ColumnTable
      className="simple-table mapping"
      headers={[t('importFlow.column'), t('importFlow.samples'), t('importFlow.field'), t('importFlow.encoding')]}
      columns={sheet.columns}
      choices={choices}
    >
      {(column, choice) => {
        const converted = choice.encoding !== 'unicode';
        return (
          <>
            <td>{column.header || t('importFlow.unnamedColumn', { number: column.index + 1 })}</td>
            <td className="samples">
              {column.samples.slice(0, 3).map((sample, position) => (
                <div key={position}>
                  {converted ? (
                    <>
                      <del>{sample}</del> → <ins>{choice.encoding === column.encoding ? column.converted[position] : '…'}</ins>
                    </>
                  ) : (
                    sample
                  )}
                </div>
              ))}
            </td>
            <td>
              <Choice
                aria-label={t('importFlow.fieldFor', { column: column.header || column.index + 1 })}
                value={choice.field}
                empty={t('importFlow.ignore')}
                options={fields}
                onChange={(field) => set(column.index, { field })}
              />
            </td>
            <td>
              <EncodingChoice
                label={t('importFlow.encodingFor', { column: column.header || column.index + 1 })}
                value={choice.encoding}
                onChange={(encoding) => set(column.index, { encoding })}
              />
            </td>
          </>
        );
      }}
    </ColumnTable>
  );
}

export const choicesOf = (sheet: ImportSheet): ColumnChoice[] =>
  sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
