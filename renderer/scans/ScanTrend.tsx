import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScanCount } from '../../shared/domain/scans';
import { addDays, formatDay } from '../inspections/day';

/** Bars beyond these would be thinner than a pixel's worth of meaning on a venue page. */
const BARS = 60;

const daysOf = (count: ScanCount) => {
  let days = 1;
  while (addDays(count.firstDay, days) <= count.lastDay) days++;
  return days;
};

/** Scans per day of a count: periods of different lengths (days, weeks, months) stay comparable. */
export const perDayOf = (count: ScanCount) => count.scans / daysOf(count);

const rounded = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * The venue's scans per day over its latest periods, as bars. Described in words for
 * screen readers (the figures themselves are in the table beside it).
 */
export function ScanTrend({ counts }: { counts: readonly ScanCount[] }) {
  const { t } = useTranslation();
  const summaryId = useId();
  const shown = counts.slice(-BARS).map((count) => ({ day: formatDay(count.firstDay).slice(0, 5), perDay: Math.round(perDayOf(count) * 10) / 10 }));
  const values = shown.map((point) => point.perDay);
  return (
    <figure className="scan-trend" role="img" aria-label={t('scans.venue.chartLabel')} aria-describedby={summaryId}>
      <BarChart width={640} height={180} data={shown} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis tick={{ fontSize: 11 }} width={40} allowDecimals={false} />
        <Tooltip formatter={(value) => [rounded(Number(value)), t('scans.venue.perDay')]} />
        <Bar dataKey="perDay" name={t('scans.venue.perDay')} fill="#2e7d32" isAnimationActive={false} />
      </BarChart>
      <figcaption id={summaryId} className="muted small">
        {t('scans.venue.chartSummary', {
          count: counts.length,
          from: formatDay(counts[0].firstDay),
          to: formatDay(counts[counts.length - 1].lastDay),
          max: rounded(Math.max(...values)),
          last: rounded(values[values.length - 1]),
        })}
      </figcaption>
    </figure>
  );
}
