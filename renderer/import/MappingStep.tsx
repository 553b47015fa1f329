import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Choice } from '../forms/Choice';
import type { ImportMessages } from './import-messages';

interface Sheet {
  name: string;
  headerRow: number | null;
}

interface Props<S extends Sheet> {
  sheets: readonly S[];
  current: S;
  fileName: string;
  messages: ImportMessages;
  onSheet(name: string): void;
  /** The header row the clerk typed, when the guess was wrong; may be no number at all. */
  onHeaderRow(headerRow: number): void;
  onCheck(): void;
  /** The flow's own settings, beside the sheet and header row. */
  settings: ReactNode;
  /** The flow's table of the sheet's columns. */
  children: ReactNode;
}

/** Either import's mapping step: the sheet, its header row, the columns mapped, then every row checked. */
export function MappingStep<S extends Sheet>({ sheets, current, fileName, messages, onSheet, onHeaderRow, onCheck, settings, children }: Props<S>) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t(`${messages}.mappingTitle`, { file: fileName })}</h2>
      <div className="filters">
        {sheets.length > 1 && (
          <Choice label={t(`${messages}.sheet`)} value={current.name} options={sheets.map(({ name }) => ({ value: name, label: name }))} onChange={onSheet} />
        )}
        <label>
          {t(`${messages}.headerRow`)}
          <input
            type="number"
            min={1}
            className="narrow-number"
            defaultValue={current.headerRow ?? ''}
            key={`${current.name}-${current.headerRow}`}
            onBlur={(event) => onHeaderRow(Number(event.target.value))}
          />
        </label>
        {settings}
      </div>
      {current.headerRow === null ? (
        <p className="error">{t(`${messages}.noHeader`)}</p>
      ) : (
        <>
          {children}
          <button type="button" className="primary" onClick={onCheck}>
            {t(`${messages}.check`)}
          </button>
        </>
      )}
    </section>
  );
}
