import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_LIMITS } from '../../shared/domain/import';
import { SCAN_LAYOUTS, type ScanCheckSummary, type ScanSheet } from '../../shared/domain/scans';
import { api } from '../api/client';
import { readFileAsBase64 } from '../files/file-base64';
import { saveFile } from '../files/save-file';
import { Choice, optionsOf } from '../forms/Choice';
import { ErrorMessage } from '../forms/ErrorMessage';
import { ProgressPanel } from '../frame/ProgressPanel';
import { formatDay, today } from '../inspections/day';
import { usePeriodLabel } from './period-label';
import { ScanColumns, scanChoicesOf, type ScanColumnChoice } from './ScanColumns';
import { ScanRows } from './ScanRows';
import { useScanImport } from './use-scan-import';
import './scans.css';

const PERIODS_LISTED = 12;
/** Years offered for days and weeks written without one: this year and the three before. */
const yearsOffered = () => Array.from({ length: 4 }, (_, back) => String(Number(today().slice(0, 4)) - back));

/**
 * Scan counts from a file: choose it → sheet, header row and columns (guessed; long or
 * wide layout shown) → every row checked and matched to a venue → the clerk assigns or
 * skips the rows no venue fits → one transaction. Each long step shows progress and can
 * be cancelled; a cancelled or failed import writes nothing.
 */
export function ScanImportPage() {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const { status, failure, follow, reset } = useScanImport();
  const [sheet, setSheet] = useState<ScanSheet>();
  const [choices, setChoices] = useState<ScanColumnChoice[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [revision, setRevision] = useState(0);

  async function choose(file: File) {
    reset();
    setTooBig(file.size > IMPORT_LIMITS.bytes);
    if (file.size > IMPORT_LIMITS.bytes) return;
    setSheet(undefined);
    setYear(null);
    follow(await api['scans.open']({ fileName: file.name, bytesBase64: await readFileAsBase64(file) }));
  }

  const sheets = status?.sheets ?? [];
  // The sheet shown: the one described last, else the first with a header, else the first.
  const current = sheet ?? sheets.find((candidate) => candidate.headerRow !== null) ?? sheets[0];
  const currentChoices = sheet && choices.length > 0 ? choices : current ? scanChoicesOf(current) : [];

  async function describe(name: string, headerRow: number | null, chosenYear: number | null) {
    if (!status) return;
    const next = sheets.find((candidate) => candidate.name === name)!;
    const row = headerRow ?? next.headerRow;
    if (row === null || !(row >= 1)) {
      setSheet(next);
      setChoices(scanChoicesOf(next));
      return;
    }
    const described = await api['scans.describeSheet']({ importId: status.importId, sheet: name, headerRow: row, year: chosenYear });
    if (described.ok) {
      setSheet(described.value);
      setChoices(scanChoicesOf(described.value));
    }
  }

  async function check() {
    if (!status || !current?.headerRow) return;
    follow(
      await api['scans.check']({
        importId: status.importId,
        sheet: current.name,
        headerRow: current.headerRow,
        layout: current.layout,
        year,
        columns: currentChoices.filter((choice) => choice.role !== null),
      }),
    );
  }

  async function assign(rowNumber: number, venueId: string | null) {
    if (!status) return;
    follow(await api['scans.assign']({ importId: status.importId, rowNumber, venueId }));
    setRevision((value) => value + 1);
  }

  async function commit(skipUnresolved: boolean) {
    if (status) follow(await api['scans.commit']({ importId: status.importId, skipUnresolved }));
  }

  async function downloadErrors() {
    if (!status) return;
    const report = await api['scans.errorReport']({ importId: status.importId });
    if (report.ok) saveFile(report.value.fileName, report.value.mimeType, report.value.bytesBase64);
  }

  const cancel = () => status && void api['scans.cancel']({ importId: status.importId }).then(follow);
  const phase = status?.phase;
  const running = phase === 'reading' || phase === 'checking' || phase === 'committing';
  const checked = status?.check;
  const unresolved = checked ? checked.rows.ambiguous + checked.rows.unmatched : 0;

  return (
    <section className="scan-import-page">
      <p>
        <Link to="/venues">← {t('venuePage.back')}</Link>
      </p>
      <h1>{t('scans.import.title')}</h1>
      <p className="muted">{t('scans.import.intro')}</p>
      <label className="field narrow">
        <span>{t('scans.import.chooseFile')}</span>
        <input
          type="file"
          accept=".xlsx,.csv,.xls,.txt"
          disabled={running}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void choose(file);
            event.target.value = '';
          }}
        />
        <span className="muted small">
          {t('importFlow.limits', { mb: IMPORT_LIMITS.bytes / 1024 / 1024, rows: IMPORT_LIMITS.rows.toLocaleString('vi-VN') })}
        </span>
      </label>

      <ErrorMessage error={failure?.field === 'columns' || failure?.field === 'skipUnresolved' ? failure.message : failure} />
      <ErrorMessage error={status?.error?.message} />
      <ErrorMessage error={tooBig ? t('importFlow.tooBig', { mb: IMPORT_LIMITS.bytes / 1024 / 1024 }) : null} />
      {phase === 'cancelled' && <p className="notice">{t('scans.import.cancelled')}</p>}

      {running && status && (
        <ProgressPanel label={t(`scans.import.phase.${phase}`)} done={status.progress.done} total={status.progress.total} onCancel={cancel} />
      )}

      {(phase === 'read' || phase === 'checked' || (phase === 'cancelled' && sheets.length > 0)) && current && (
        <section>
          <h2>{t('scans.import.mappingTitle', { file: status?.fileName })}</h2>
          <div className="filters">
            {sheets.length > 1 && (
              <Choice
                label={t('scans.import.sheet')}
                value={current.name}
                options={sheets.map(({ name }) => ({ value: name, label: name }))}
                onChange={(name) => void describe(name, null, year)}
              />
            )}
            <label>
              {t('scans.import.headerRow')}
              <input
                type="number"
                min={1}
                className="narrow-number"
                defaultValue={current.headerRow ?? ''}
                key={`${current.name}-${current.headerRow}`}
                onBlur={(event) => void describe(current.name, Number(event.target.value), year)}
              />
            </label>
            <Choice
              label={t('scans.import.year')}
              value={year === null ? null : String(year)}
              empty={t('scans.import.yearAuto')}
              options={yearsOffered().map((value) => ({ value, label: value }))}
              onChange={(value) => {
                const chosen = value === null ? null : Number(value);
                setYear(chosen);
                void describe(current.name, current.headerRow, chosen);
              }}
            />
            <Choice
              label={t('scans.import.layout')}
              value={current.layout}
              options={optionsOf(SCAN_LAYOUTS, (layout) => t(`scans.import.layouts.${layout}`))}
              onChange={(layout) => setSheet({ ...current, layout })}
            />
          </div>
          {current.headerRow === null ? (
            <p className="error">{t('scans.import.noHeader')}</p>
          ) : (
            <>
              <ScanColumns
                sheet={current}
                choices={currentChoices}
                onChange={(next) => {
                  setSheet(current);
                  setChoices(next);
                }}
              />
              <button type="button" className="primary" onClick={() => void check()}>
                {t('scans.import.check')}
              </button>
            </>
          )}
        </section>
      )}

      {phase === 'checked' && status && checked && (
        <section>
          <h2>{t('scans.import.previewTitle')}</h2>
          <CheckFacts check={checked} periodLabel={periodLabel} />
          <p className="muted">{t('scans.import.sameIdentifier')}</p>
          <ScanRows importId={status.importId} counts={checked.rows} revision={revision} onAssign={(row, venueId) => void assign(row, venueId)} />
          {unresolved > 0 && <p className="notice warning">{t('scans.import.unresolved', { count: unresolved })}</p>}
          <div className="actions">
            <button type="button" className="primary" disabled={unresolved > 0} onClick={() => void commit(false)}>
              {t('scans.import.commit')}
            </button>
            {unresolved > 0 && (
              <button type="button" onClick={() => void commit(true)}>
                {t('scans.import.commitSkipping', { count: unresolved })}
              </button>
            )}
            {checked.rows.error > 0 && (
              <button type="button" onClick={() => void downloadErrors()}>
                {t('scans.import.errorReport')}
              </button>
            )}
          </div>
        </section>
      )}

      {phase === 'committed' && status?.summary && (
        <section className="notice" role="status">
          <h2>{t('scans.import.doneTitle')}</h2>
          <p>
            {t('scans.import.summary', {
              written: status.summary.written.toLocaleString('vi-VN'),
              from: formatDay(status.summary.firstDay),
              to: formatDay(status.summary.lastDay),
              replaced: status.summary.replaced.toLocaleString('vi-VN'),
              skipped: status.summary.rowsSkipped,
              errors: status.summary.rowsWithErrors,
              aliases: status.summary.aliasesSaved,
            })}
          </p>
          <div className="actions">
            <Link className="button primary" to="/venues">
              {t('scans.import.toList')}
            </Link>
          </div>
        </section>
      )}
    </section>
  );
}

/** What the file holds, said before anything is written: its periods (with the year given to those written without one) and what will be replaced. */
function CheckFacts({ check, periodLabel }: { check: ScanCheckSummary; periodLabel: ReturnType<typeof usePeriodLabel> }) {
  const { t } = useTranslation();
  const listed = check.periods.slice(0, PERIODS_LISTED).map(periodLabel).join(', ');
  const more = check.periodCount > PERIODS_LISTED ? ` ${t('scans.import.periodsMore', { count: check.periodCount - PERIODS_LISTED })}` : '';
  return (
    <div className="scan-check-facts">
      {check.firstDay && check.lastDay && (
        <p>
          {t('scans.import.periods', { count: check.periodCount, from: formatDay(check.firstDay), to: formatDay(check.lastDay), list: listed })}
          {more}
        </p>
      )}
      <p>{check.year === null ? t('scans.import.yearDefault') : t('scans.import.yearChosen', { year: check.year })}</p>
      <p>
        <strong>{t('scans.import.willWrite', { total: check.countsToWrite.toLocaleString('vi-VN'), replaced: check.countsReplaced.toLocaleString('vi-VN') })}</strong>
      </p>
    </div>
  );
}
