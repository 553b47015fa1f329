import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  chart: ReactNode;
  /** The chart's figures as a table: what a screen reader reads, and what a clerk copies (none: nothing to draw either). */
  table: ReactNode;
  /** Shown at once: a table whose figures are links to their lists. */
  openTable?: boolean;
}

/**
 * A chart with its title and its table. The drawing is an image to assistive technology
 * (named by the title); the figures are in the table under "Bảng số liệu".
 */
export function ChartFigure({ title, chart, table, openTable = false }: Props) {
  const { t } = useTranslation();
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <div className="chart-drawing" role="img" aria-label={title}>
        {chart}
      </div>
      {table && (
        <details className="chart-table" open={openTable}>
          <summary>{t('dashboard.charts.table')}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
