import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateDecision, ImportRow, ImportSheet, ImportStatus } from '../../shared/domain/import';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Choice, optionsOf } from '../forms/Choice';
import { CheckedRows } from './CheckedRows';
import { choicesOf, ColumnMapping, type ColumnChoice } from './ColumnMapping';
import { ImportFileField } from './ImportFileField';
import { ImportState } from './ImportState';
import { MappingStep } from './MappingStep';
import { NewVillagesNotice } from './NewVillagesNotice';
import { useImportFlow, type ImportOperations } from './use-import-flow';

const venueImport: ImportOperations<ImportStatus> = {
  open: (file) => api['imports.open'](file),
  status: (importId) => api['imports.status']({ importId }),
  cancel: (importId) => api['imports.cancel']({ importId }),
  errorReport: (importId) => api['imports.errorReport']({ importId }),
};

/**
 * Excel/CSV import: choose a file → sheet and header found → columns mapped (guess
 * pre-filled, legacy fonts converted) → every row checked → duplicates decided →
 * one transaction → summary and error report. Each long step shows progress and can
 * be cancelled; a cancelled or failed import writes nothing.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const flow = useImportFlow(venueImport);
  // A commune office's list goes into its own commune: without one chosen, every row would fail.
  const settings = useOperation(() => api['settings.get']({}), []);
  const noOfficeCommune = settings?.ok === true && settings.value.officeKind === 'commune' && settings.value.homeCommuneId === null;
  const { status, follow } = flow;
  const [sheetName, setSheetName] = useState<string>();
  const [sheet, setSheet] = useState<ImportSheet>();
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [createVillages, setCreateVillages] = useState(true);
  const [duplicateExisting, setDuplicateExisting] = useState<DuplicateDecision>('skip');
  const [duplicateInFile, setDuplicateInFile] = useState<'skip' | 'import'>('skip');
  const [overrides, setOverrides] = useState(new Map<number, DuplicateDecision>());

  const forgetLastFile = () => {
    setSheet(undefined);
    setOverrides(new Map());
  };

  // The sheet shown: the clerk's choice, else the first with a header, else the first.
  const sheets = status?.sheets ?? [];
  const current = sheet ?? sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.headerRow !== null) ?? sheets[0];
  const currentChoices = choices.length > 0 && sheet === current ? choices : current ? choicesOf(current) : [];

  function showSheet(next: ImportSheet) {
    setSheetName(next.name);
    setSheet(next);
    setChoices(choicesOf(next));
  }

  async function changeHeaderRow(headerRow: number) {
    if (!status || !current || !(headerRow >= 1)) return;
    const described = await api['imports.describeSheet']({ importId: status.importId, sheet: current.name, headerRow });
    if (described.ok) showSheet(described.value);
  }

  async function check() {
    if (!status || !current?.headerRow) return;
    setOverrides(new Map());
    follow(
      await api['imports.check']({
        importId: status.importId,
        sheet: current.name,
        headerRow: current.headerRow,
        // Only the mapped columns: a sheet may be hundreds of columns wide with stray cells.
        columns: currentChoices.filter((choice) => choice.field !== null),
        createMissingVillages: createVillages,
      }),
    );
  }

  const decisionOf = (row: ImportRow): DuplicateDecision =>
    overrides.get(row.rowNumber) ??
    (row.status === 'duplicate_existing' ? duplicateExisting : row.status === 'duplicate_in_file' ? duplicateInFile : (row.decision ?? 'import'));

  async function commit() {
    if (!status) return;
    follow(
      await api['imports.commit']({
        importId: status.importId,
        duplicateExisting,
        duplicateInFile,
        overrides: [...overrides].map(([rowNumber, decision]) => ({ rowNumber, decision })),
      }),
    );
  }

  const phase = status?.phase;
  const decisions = <D extends DuplicateDecision>(list: readonly D[]) =>
    optionsOf(list, (decision) => t(`importFlow.decisions.${decision}`));
  // Offered before the commit (some rows failed) and after it (some were not imported).
  const errorReportButton = (
    <button type="button" onClick={() => void flow.downloadErrors()}>
      {t('importFlow.errorReport')}
    </button>
  );

  return (
    <section className="import-page">
      <p>
        <Link to="/venues">← {t('venuePage.back')}</Link>
      </p>
      <h1>{t('importFlow.title')}</h1>
      {noOfficeCommune ? (
        <div className="warning" role="alert">
          <p>{t('imports.noCommune')}</p>
          <Link className="button primary" to="/settings">
            {t('imports.toSettings')}
          </Link>
        </div>
      ) : (
        settings !== undefined && (
          <ImportFileField messages="importFlow" disabled={flow.running} onFile={(file) => void flow.open(file, forgetLastFile)} />
        )
      )}

      <ImportState
        flow={flow}
        failure={flow.failure}
        labels={{ columns: t('importFlow.fields.name') }}
        messages="importFlow"
      />

      {flow.mapping && current && (
        <MappingStep
          sheets={sheets}
          current={current}
          fileName={status?.fileName ?? ''}
          messages="importFlow"
          onSheet={(name) => showSheet(sheets.find((s) => s.name === name)!)}
          onHeaderRow={(headerRow) => void changeHeaderRow(headerRow)}
          onCheck={() => void check()}
          settings={
            <label>
              <input type="checkbox" checked={createVillages} onChange={(event) => setCreateVillages(event.target.checked)} />
              {t('importFlow.createVillages')}
            </label>
          }
        >
          <ColumnMapping
            sheet={current}
            choices={currentChoices}
            onChange={(next) => {
              setSheet(current);
              setChoices(next);
            }}
          />
        </MappingStep>
      )}

      {phase === 'checked' && status?.counts && (
        <section>
          <h2>{t('importFlow.previewTitle')}</h2>
          <div className="filters">
            <Choice
              label={t('importFlow.defaultExisting')}
              value={duplicateExisting}
              options={decisions(['skip', 'update', 'import'])}
              onChange={setDuplicateExisting}
            />
            <Choice
              label={t('importFlow.defaultInFile')}
              value={duplicateInFile}
              options={decisions(['skip', 'import'])}
              onChange={setDuplicateInFile}
            />
          </div>
          <CheckedRows
            importId={status.importId}
            counts={status.counts}
            decisionOf={decisionOf}
            onOverride={(rowNumber, decision) => setOverrides(new Map(overrides).set(rowNumber, decision))}
          />
          {status.newVillages && <NewVillagesNotice villages={status.newVillages} />}
          <div className="actions">
            <button type="button" className="primary" onClick={() => void commit()}>
              {t('importFlow.commit')}
            </button>
            {status.counts.error > 0 && errorReportButton}
          </div>
        </section>
      )}

      {phase === 'committed' && status?.summary && (
        <section className="notice" role="status">
          <h2>{t('importFlow.doneTitle')}</h2>
          <p>{t('importFlow.summary', status.summary)}</p>
          <div className="actions">
            <Link className="button primary" to="/venues">
              {t('importFlow.toList')}
            </Link>
            {status.summary.errors > 0 && errorReportButton}
          </div>
        </section>
      )}
    </section>
  );
}
