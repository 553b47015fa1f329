import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, TEXT_ENCODINGS, type ImportField, type ImportSheet, type TextEncoding } from '../../shared/domain/import';
import { Choice, optionsOf } from '../forms/Choice';

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
  const set = (index: number, patch: Partial<ColumnChoice>) =>
    onChange(choices.map((choice) => (choice.index === index ? { ...choice, ...patch } : choice)));
  const fields = optionsOf(IMPORT_FIELDS, (field) => t(`importFlow.fields.${field}`));
  const encodings = optionsOf(TEXT_ENCODINGS, (encoding) => t(`importFlow.encodings.${encoding}`));
  return (
    <table className="simple-table mapping">
      <thead>
        <tr>
          <th>{t('importFlow.column')}</th>
          <th>{t('importFlow.samples')}</th>
          <th>{t('importFlow.field')}</th>
          <th>{t('importFlow.encoding')}</th>
        </tr>
      </thead>
      <tbody>
        {sheet.columns.map((column) => {
          const choice = choices.find((candidate) => candidate.index === column.index)!;
          const converted = choice.encoding !== 'unicode';
          return (
            <tr key={column.index}>
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
                <Choice
                  aria-label={t('importFlow.encodingFor', { column: column.header || column.index + 1 })}
                  value={choice.encoding}
                  options={encodings}
                  onChange={(encoding) => set(column.index, { encoding })}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export const choicesOf = (sheet: ImportSheet): ColumnChoice[] =>
  sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
