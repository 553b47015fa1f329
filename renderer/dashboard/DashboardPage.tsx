import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { venueFilterOf, type DashboardFigures, type VenueCountFigure } from '../../shared/domain/dashboard';
import { api } from '../api/client';
import { BackupWarning } from '../backup/LastBackup';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../forms/ErrorMessage';
import { formatDay } from '../inspections/day';
import { useMay } from '../session/use-may';
import { useUnits } from '../units/use-units';
import { venueListPath } from '../venues/venue-url-filters';
import { DashboardControls } from './DashboardControls';
import { FindingsByCategory, PosterCoverage, ScanRateByType, ScansOverTime } from './DashboardCharts';
import { ExportButton } from './ExportButton';
import { FigureCard } from './FigureCard';
import { FigureTable } from './FigureTable';
import { useFigureFormat } from './format';
import { searchOfSelection, selectionFromSearch, type Selection } from './selection';
import './dashboard.css';

const VENUE_CARDS: readonly VenueCountFigure[] = ['registered', 'active', 'withCurrentCode', 'posterPrinted', 'posterRecent', 'laminated'];
const INSPECTION_CARDS: readonly VenueCountFigure[] = ['inspected', 'withOpenFindings', 'withOverdueActions'];

/**
 * "Tổng quan", the first page after "who is working": the office's figures for a period,
 * an area and a venue type, each opening the list behind it; charts with their tables;
 * the tables to Excel. The choice lives in the address, so Back from a list returns here.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { nameOf } = useUnits();
  const [search, setSearch] = useSearchParams();
  const selection = selectionFromSearch(search);
  const key = JSON.stringify(selection.query);
  const result = useOperation(() => api['dashboard.figures'](selection.query), [key]);
  const choose = (next: Selection) => setSearch(searchOfSelection(next), { replace: true });
  const figures = result?.ok ? result.value : undefined;
  // The figures shown stay until the new ones arrive; say so while they are counted.
  const current = figures !== undefined && JSON.stringify(figures.query) === key;

  return (
    <section className="dashboard-page">
      <div className="toolbar">
        <h1>{t('dashboard.title')}</h1>
        <div className="actions dashboard-tools">
          <ExportButton query={selection.query} />
          <button type="button" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </div>
      <BackupWarning />
      <DashboardControls selection={selection} onChange={choose} />
      {result?.ok === false && <ErrorMessage error={result.error} />}
      <p className="muted" aria-live="polite">
        {current
          ? [
              t('dashboard.period.shown', { from: formatDay(figures.query.from), to: formatDay(figures.query.to), days: figures.days }),
              nameOf(figures.query.villageId ?? figures.query.communeId ?? null) || t('dashboard.area.wholeOffice'),
              figures.query.type ? t(`venueType.${figures.query.type}`) : t('dashboard.area.allTypes'),
            ].join(' · ')
          : result?.ok !== false && t('dashboard.loading')}
      </p>
      {figures && <Figures figures={figures} />}
    </section>
  );
}

function Figures({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const { query, totals } = figures;
  const card = (figure: VenueCountFigure) => (
    <FigureCard key={figure} label={t(`dashboard.figure.${figure}`)} value={format.count(totals[figure])} to={venueListPath(venueFilterOf(query, figure))} />
  );
  const areaName = (row: DashboardFigures['byArea'][number]) => (row.unitId === null ? t(`dashboard.area.notRecorded.${figures.areaLevel}`) : row.unitName);
  return (
    <>
      <section className="dashboard-block" aria-labelledby="dashboard-venues">
        <h2 id="dashboard-venues">{t('dashboard.blocks.venues')}</h2>
        <div className="figure-cards">{VENUE_CARDS.map(card)}</div>
      </section>

      <ScanBlock figures={figures} />

      <section className="dashboard-block" aria-labelledby="dashboard-inspections">
        <h2 id="dashboard-inspections">{t('dashboard.blocks.inspections')}</h2>
        <div className="figure-cards">
          {INSPECTION_CARDS.map(card)}
          {figures.actions.byStatus.map(({ status, count }) => (
            <FigureCard key={status} label={`${t('dashboard.actions.title')}: ${t(`dashboard.actions.status.${status}`)}`} value={format.count(count)} to={`/inspections/actions?status=${status}`} />
          ))}
          <FigureCard label={`${t('dashboard.actions.title')}: ${t('dashboard.actions.overdue')}`} value={format.count(figures.actions.overdue)} to="/inspections/actions?overdue=1" />
        </div>
      </section>

      <div className="chart-grid">
        <ScansOverTime figures={figures} />
        <ScanRateByType figures={figures} />
        <PosterCoverage figures={figures} />
        <FindingsByCategory figures={figures} />
      </div>

      <FigureTable
        caption={t(`dashboard.blocks.byArea.${figures.areaLevel}`)}
        nameHeader={figures.areaLevel === 'village' ? t('dashboard.area.village') : t('dashboard.area.commune')}
        query={query}
        rows={figures.byArea.map((row) => ({ key: row.unitId ?? 'none', label: areaName(row), figures: row, slice: { areaLevel: figures.areaLevel, unitId: row.unitId } }))}
        totals={totals}
        hasScanData={figures.scanDays > 0}
      />
      <FigureTable
        caption={t('dashboard.blocks.byType')}
        nameHeader={t('dashboard.area.type')}
        query={query}
        rows={figures.byType.map((row) => ({ key: row.type, label: t(`venueType.${row.type}`), figures: row, slice: { type: row.type } }))}
        totals={totals}
        hasScanData={figures.scanDays > 0}
      />
    </>
  );
}

/** Scans in the period and per venue per day, the venues that scan little, where the data comes from. */
function ScanBlock({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const mayImportScans = useMay('scans.open');
  const format = useFigureFormat();
  const { query, totals, scanData } = figures;
  const hasData = figures.scanDays > 0;
  const noData = t('dashboard.noData');
  const scanCard = (figure: 'zeroScans' | 'lowScanning') =>
    hasData ? (
      <FigureCard key={figure} label={t(`dashboard.figure.${figure}`)} value={format.count(totals[figure])} to={venueListPath(venueFilterOf(query, figure))} />
    ) : (
      <FigureCard key={figure} label={t(`dashboard.figure.${figure}`)} value={noData} noData />
    );
  return (
    <section className="dashboard-block" aria-labelledby="dashboard-scans">
      <h2 id="dashboard-scans">{t('dashboard.blocks.scans')}</h2>
      <div className="figure-cards">
        {hasData || totals.scans > 0 ? (
          <FigureCard label={t('dashboard.figure.scans')} value={format.count(totals.scans)} />
        ) : (
          <FigureCard label={t('dashboard.figure.scans')} value={noData} noData />
        )}
        <FigureCard
          label={t('dashboard.figure.scansPerVenueDay')}
          value={totals.scansPerVenueDay === null ? noData : format.rate(totals.scansPerVenueDay)}
          noData={totals.scansPerVenueDay === null}
        />
        {scanCard('zeroScans')}
        {scanCard('lowScanning')}
      </div>
      <p className="muted small">
        {scanData === null
          ? t('dashboard.scans.none')
          : hasData
            ? t('dashboard.scans.coverage', { scanDays: figures.scanDays, days: figures.days, first: formatDay(scanData.firstDay), last: formatDay(scanData.lastDay) })
            : t('dashboard.scans.noneInPeriod', { first: formatDay(scanData.firstDay), last: formatDay(scanData.lastDay) })}{' '}
        {mayImportScans && <Link to="/scans/import">{t('dashboard.scans.import')}</Link>}
      </p>
    </section>
  );
}
