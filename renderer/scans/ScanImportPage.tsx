import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SCAN_LAYOUTS, type ScanCheckSummary, type ScanSheet } from '../../shared/domain/scans';
import { api } from '../api/client';
import { Choice, optionsOf } from '../forms/Choice';
import { ImportFileField } from '../import/ImportFileField';
import { ImportState } from '../import/ImportState';
import { MappingStep } from '../import/MappingStep';
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
  const flow = useScanImport();
  const { status, failure, follow } = flow;
  const [sheet, setSheet] = useState<ScanSheet>();
  const [choices, setChoices] = useState<ScanColumnChoice[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);

  const forgetLastFile = () => {
    setSheet(undefined);
    setYear(null);
  };

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

  const phase = status?.phase;
  const checked = status?.check;
  const unresolved = checked ? checked.rows.ambiguous + checked.rows.unmatched : 0;

  return (
    <section className="scan-import-page">
      <p>
        <Link to="/venues">← {t('venuePage.back')}</Link>
      </p>
      <h1>{t('scans.import.title')}</h1>
      <p className="muted">{t('scans.import.intro')}</p>
      <ImportFileField messages="scans.import" disabled={flow.running} onFile={(file) => void flow.open(file, forgetLastFile)} />

      <ImportState
        flow={flow}
        failure={failure?.field === 'columns' || failure?.field === 'skipUnresolved' ? failure.message : failure}
        messages="scans.import"
      />

      {flow.mapping && current && (
        <MappingStep
          sheets={sheets}
          current={current}
          fileName={status?.fileName ?? ''}
          messages="scans.import"
          onSheet={(name) => void describe(name, null, year)}
          onHeaderRow={(headerRow) => void describe(current.name, headerRow, year)}
          onCheck={() => void check()}
          settings={
            <>
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
            </>
          }
        >
          <ScanColumns
            sheet={current}
            choices={currentChoices}
            onChange={(next) => {
              setSheet(current);
              setChoices(next);
            }}
          />
        </MappingStep>
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
              <button type="button" onClick={() => void flow.downloadErrors()}>
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
