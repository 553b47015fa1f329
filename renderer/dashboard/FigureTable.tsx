import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { venueFilterOf, VENUE_COUNT_FIGURES, type DashboardQuery, type FigureSlice, type VenueFigures } from '../../shared/domain/dashboard';
import { venueListPath } from '../venues/venue-url-filters';
import { useFigureFormat } from './format';

export interface FigureRow {
  key: string;
  label: string;
  figures: VenueFigures;
  slice: FigureSlice;
}

interface Props {
  caption: string;
  nameHeader: string;
  query: DashboardQuery;
  rows: readonly FigureRow[];
  totals: VenueFigures;
  /** Whether the period has scan data at all: without it, scans read "no data", not 0. */
  hasScanData: boolean;
}

/** Every figure of each village, commune or type; each count opens the venues it counts. */
export function FigureTable({ caption, nameHeader, query, rows, totals, hasScanData }: Props) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const noData = '–';
  const cells = (figures: VenueFigures, slice?: FigureSlice) => (
    <>
      {VENUE_COUNT_FIGURES.map((figure) => {
        const scanFigure = figure === 'zeroScans' || figure === 'lowScanning';
        if (scanFigure && !hasScanData) return <td key={figure}>{noData}</td>;
        return (
          <td key={figure}>
            <Link to={venueListPath(venueFilterOf(query, figure, slice))} aria-label={`${t(`dashboard.figure.${figure}`)}: ${format.count(figures[figure])}`}>
              {format.count(figures[figure])}
            </Link>
          </td>
        );
      })}
      <td>{hasScanData || figures.scans > 0 ? format.count(figures.scans) : noData}</td>
      <td>{figures.scansPerVenueDay === null ? noData : format.rate(figures.scansPerVenueDay)}</td>
    </>
  );
  return (
    <div className="figure-table-scroll">
      <table className="simple-table figure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {VENUE_COUNT_FIGURES.map((figure) => (
              <th key={figure} scope="col">
                {t(`dashboard.figure.${figure}`)}
              </th>
            ))}
            <th scope="col">{t('dashboard.figure.scans')}</th>
            <th scope="col">{t('dashboard.figure.scansPerVenueDay')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {cells(row.figures, row.slice)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dashboard.total')}</th>
            {cells(totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
