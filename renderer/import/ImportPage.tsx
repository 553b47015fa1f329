import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_LIMITS, type DuplicateDecision, type ImportRow, type ImportSheet } from '../../shared/domain/import';
import { api } from '../api/client';
import { readFileAsBase64 } from '../files/file-base64';
import { saveFile } from '../files/save-file';
import { Choice, optionsOf } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { ProgressPanel } from '../frame/ProgressPanel';
import { CheckedRows } from './CheckedRows';
import { choicesOf, ColumnMapping, type ColumnChoice } from './ColumnMapping';
import { useImportStatus, venueImportStatus } from './use-import-status';

/**
 * Excel/CSV import: choose a file → sheet and header found → columns mapped (guess
 * pre-filled, legacy fonts converted) → every row checked → duplicates decided →
 * one transaction → summary and error report. Each long step shows progress and can
 * be cancelled; a cancelled or failed import writes nothing.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { status, failure, follow, reset } = useImportStatus(venueImportStatus);
  const [sheetName, setSheetName] = useState<string>();
  const [sheet, setSheet] = useState<ImportSheet>();
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [createVillages, setCreateVillages] = useState(true);
  const [duplicateExisting, setDuplicateExisting] = useState<DuplicateDecision>('skip');
  const [duplicateInFile, setDuplicateInFile] = useState<'skip' | 'import'>('skip');
  const [overrides, setOverrides] = useState(new Map<number, DuplicateDecision>());
  const [tooBig, setTooBig] = useState(false);

  async function choose(file: File) {
    reset();
    if (file.size > IMPORT_LIMITS.bytes) {
      setTooBig(true);
      return;
    }
    setTooBig(false);
    setSheet(undefined);
    setOverrides(new Map());
    follow(await api['imports.open']({ fileName: file.name, bytesBase64: await readFileAsBase64(file) }));
  }

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

  async function downloadErrors() {
    if (!status) return;
    const report = await api['imports.errorReport']({ importId: status.importId });
    if (report.ok) saveFile(report.value.fileName, report.value.mimeType, report.value.bytesBase64);
  }

  const cancel = () => status && void api['imports.cancel']({ importId: status.importId }).then(follow);
  const phase = status?.phase;
  const decisions = <D extends DuplicateDecision>(list: readonly D[]) =>
    optionsOf(list, (decision) => t(`importFlow.decisions.${decision}`));
  // Offered before the commit (some rows failed) and after it (some were not imported).
  const errorReportButton = (
    <button type="button" onClick={() => void downloadErrors()}>
      {t('importFlow.errorReport')}
    </button>
  );

  return (
    <section className="import-page">
      <p>
        <Link to="/venues">← {t('venuePage.back')}</Link>
      </p>
      <h1>{t('importFlow.title')}</h1>
      <label className="field narrow">
        <span>{t('importFlow.chooseFile')}</span>
        <input
          type="file"
          accept=".xlsx,.csv,.xls,.txt"
          disabled={phase === 'reading' || phase === 'checking' || phase === 'committing'}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void choose(file);
            event.target.value = '';
          }}
        />
        <span className="muted small">{t('importFlow.limits', { mb: IMPORT_LIMITS.bytes / 1024 / 1024, rows: IMPORT_LIMITS.rows.toLocaleString('vi-VN') })}</span>
      </label>

      <ErrorMessage error={failure} labels={{ columns: t('importFlow.fields.name') }} />
      <ErrorMessage error={status?.error?.message} />
      <ErrorMessage error={tooBig ? t('importFlow.tooBig', { mb: IMPORT_LIMITS.bytes / 1024 / 1024 }) : null} />
      {phase === 'cancelled' && <p className="notice">{t('importFlow.cancelled')}</p>}

      {(phase === 'reading' || phase === 'checking' || phase === 'committing') && status && (
        <ProgressPanel label={t(`importFlow.phase.${phase}`)} done={status.progress.done} total={status.progress.total} onCancel={cancel} />
      )}

      {(phase === 'read' || phase === 'checked' || (phase === 'cancelled' && sheets.length > 0)) && current && (
        <section>
          <h2>{t('importFlow.mappingTitle', { file: status?.fileName })}</h2>
          <div className="filters">
            {sheets.length > 1 && (
              <Choice
                label={t('importFlow.sheet')}
                value={current.name}
                options={sheets.map(({ name }) => ({ value: name, label: name }))}
                onChange={(name) => showSheet(sheets.find((s) => s.name === name)!)}
              />
            )}
            <label>
              {t('importFlow.headerRow')}
              <input
                type="number"
                min={1}
                className="narrow-number"
                defaultValue={current.headerRow ?? ''}
                key={`${current.name}-${current.headerRow}`}
                onBlur={(event) => void changeHeaderRow(Number(event.target.value))}
              />
            </label>
            <label>
              <input type="checkbox" checked={createVillages} onChange={(event) => setCreateVillages(event.target.checked)} />
              {t('importFlow.createVillages')}
            </label>
          </div>
          {current.headerRow === null ? (
            <p className="error">{t('importFlow.noHeader')}</p>
          ) : (
            <>
              <ColumnMapping sheet={current} choices={currentChoices} onChange={(next) => {
                setSheet(current);
                setChoices(next);
              }} />
              <button type="button" className="primary" onClick={() => void check()}>
                {t('importFlow.check')}
              </button>
            </>
          )}
        </section>
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
