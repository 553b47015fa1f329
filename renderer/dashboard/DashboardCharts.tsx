import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router';
import { findingFilterOf, type DashboardFigures } from '../../shared/domain/dashboard';
import { formatDay } from '../inspections/day';
import { venueListPath } from '../venues/venue-url-filters';
import { ChartFigure } from './ChartFigure';
import { useFigureFormat } from './format';

/**
 * The dashboard's four charts, each with its table. Sizes are fixed, so the same drawing
 * fits two across on a 1024-pixel screen and on an A4 page, and nothing is animated: a
 * print never catches a bar half drawn.
 */

const WIDTH = 340;
const ROW = 22;
const COLORS = { scans: '#2e7d32', recent: '#2e7d32', older: '#f9a825', never: '#b3261e', found: '#b3261e', open: '#5b6473' };
const AXIS = { fontSize: 11 };
const noAnimation = { isAnimationActive: false } as const;

/** A horizontal bar chart's height for its rows, with room for the axis and legend. */
const heightFor = (rows: number) => 60 + Math.max(rows, 2) * ROW;

export function ScansOverTime({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const daily = figures.scanSeries.length === figures.days;
  const label = (day: string) => (daily ? formatDay(day).slice(0, 5) : formatDay(day).slice(3));
  const data = figures.scanSeries.map((point) => ({ label: label(point.day), scans: point.scans === null ? null : Math.round(point.scans) }));
  return (
    <ChartFigure
      title={t('dashboard.charts.scansOverTime')}
      chart={
        <BarChart width={WIDTH} height={200} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" />
          <YAxis tick={AXIS} width={44} allowDecimals={false} />
          <Tooltip formatter={(value) => [format.count(Number(value)), t('dashboard.figure.scans')]} />
          <Bar dataKey="scans" name={t('dashboard.figure.scans')} fill={COLORS.scans} {...noAnimation} />
        </BarChart>
      }
      table={
        <table className="simple-table compact">
          <thead>
            <tr>
              <th scope="col">{daily ? t('dashboard.charts.day') : t('dashboard.charts.month')}</th>
              <th scope="col">{t('dashboard.figure.scans')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.scanSeries.map((point) => (
              <tr key={point.day}>
                <th scope="row">{daily ? formatDay(point.day) : formatDay(point.day).slice(3)}</th>
                <td>{point.scans === null ? t('dashboard.noData') : format.count(point.scans)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ScanRateByType({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const rows = figures.byType.filter((row) => row.scansPerVenueDay !== null);
  const data = rows.map((row) => ({ label: t(`venueType.${row.type}`), rate: Math.round(row.scansPerVenueDay! * 100) / 100 }));
  return (
    <ChartFigure
      title={t('dashboard.charts.scanRateByType')}
      chart={
        <BarChart width={WIDTH} height={heightFor(data.length)} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS} />
          <YAxis type="category" dataKey="label" tick={AXIS} width={130} />
          <Tooltip formatter={(value) => [format.rate(Number(value)), t('dashboard.figure.scansPerVenueDay')]} />
          <Bar dataKey="rate" name={t('dashboard.figure.scansPerVenueDay')} fill={COLORS.scans} {...noAnimation} />
        </BarChart>
      }
      table={
        <table className="simple-table compact">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.area.type')}</th>
              <th scope="col">{t('dashboard.figure.scansPerVenueDay')}</th>
              <th scope="col">{t('dashboard.figure.scans')}</th>
              <th scope="col">{t('dashboard.figure.withCurrentCode')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.byType.map((row) => (
              <tr key={row.type}>
                <th scope="row">{t(`venueType.${row.type}`)}</th>
                <td>{row.scansPerVenueDay === null ? t('dashboard.noData') : format.rate(row.scansPerVenueDay)}</td>
                <td>{format.count(row.scans)}</td>
                <td>{format.count(row.withCurrentCode)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function PosterCoverage({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const nameOf = (row: DashboardFigures['byArea'][number]) => (row.unitId === null ? t(`dashboard.area.notRecorded.${figures.areaLevel}`) : row.unitName);
  const rows = figures.byArea.map((row) => ({
    label: nameOf(row),
    recent: row.posterRecent,
    older: row.posterPrinted - row.posterRecent,
    never: row.registered - row.posterPrinted,
  }));
  const series = [
    { key: 'recent', name: t('dashboard.charts.posterRecent'), color: COLORS.recent },
    { key: 'older', name: t('dashboard.charts.posterOlder'), color: COLORS.older },
    { key: 'never', name: t('dashboard.charts.posterNever'), color: COLORS.never },
  ] as const;
  return (
    <ChartFigure
      title={t(`dashboard.charts.posterCoverage.${figures.areaLevel}`)}
      chart={
        <BarChart width={WIDTH} height={heightFor(rows.length) + 20} data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS} allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={AXIS} width={120} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {series.map((item) => (
            <Bar key={item.key} dataKey={item.key} name={item.name} stackId="posters" fill={item.color} {...noAnimation} />
          ))}
        </BarChart>
      }
      table={
        <table className="simple-table compact">
          <thead>
            <tr>
              <th scope="col">{figures.areaLevel === 'village' ? t('dashboard.area.village') : t('dashboard.area.commune')}</th>
              {series.map((item) => (
                <th key={item.key} scope="col">
                  {item.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {series.map((item) => (
                  <td key={item.key}>{format.count(row[item.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function FindingsByCategory({ figures }: { figures: DashboardFigures }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const open = new Map(figures.openFindingsByCategory.map((row) => [row.category, row.venues]));
  const rows = figures.findingsByCategory
    .map((row) => ({ category: row.category, label: t(`inspections.category.${row.category}`), found: row.findings, venues: row.venues, open: open.get(row.category) ?? 0 }))
    .filter((row) => row.found > 0 || row.open > 0);
  return (
    <ChartFigure
      title={t('dashboard.charts.findingsByCategory')}
      openTable
      chart={
        rows.length === 0 ? (
          <p className="muted">{t('dashboard.charts.noFindings')}</p>
        ) : (
          <BarChart width={WIDTH} height={heightFor(rows.length * 2) + 20} data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={AXIS} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={AXIS} width={130} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
            <Bar dataKey="found" name={t('dashboard.charts.findingsInPeriod')} fill={COLORS.found} {...noAnimation} />
            <Bar dataKey="open" name={t('dashboard.charts.openVenues')} fill={COLORS.open} {...noAnimation} />
          </BarChart>
        )
      }
      table={
        rows.length > 0 && (
          <table className="simple-table compact">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.charts.category')}</th>
                <th scope="col">{t('dashboard.charts.findingsInPeriod')}</th>
                <th scope="col">{t('dashboard.charts.venuesInPeriod')}</th>
                <th scope="col">{t('dashboard.charts.openVenues')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.category}>
                  <th scope="row">{row.label}</th>
                  <td>{format.count(row.found)}</td>
                  <td>
                    <Link to={venueListPath(findingFilterOf(figures.query, row.category, 'recorded'))} aria-label={`${t('dashboard.charts.venuesInPeriod')}, ${row.label}: ${format.count(row.venues)}`}>
                      {format.count(row.venues)}
                    </Link>
                  </td>
                  <td>
                    <Link to={venueListPath(findingFilterOf(figures.query, row.category, 'open'))} aria-label={`${t('dashboard.charts.openVenues')}, ${row.label}: ${format.count(row.open)}`}>
                      {format.count(row.open)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    />
  );
}
