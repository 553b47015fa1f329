import { useTranslation } from 'react-i18next';
import type { ScanPeriod } from '../../shared/domain/scans';
import { addDays, formatDay } from '../inspections/day';

/** ISO week number and year of a Monday: the week belongs to the year of its Thursday. */
function isoWeekOf(monday: string): { week: number; year: number } {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.UTC(year, Number(thursday.slice(5, 7)) - 1, Number(thursday.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000;
  return { week: Math.floor(dayOfYear / 7) + 1, year };
}

/** A period as a clerk names it: "01/12/2026", "tuần 48/2026 (23/11–29/11)", "tháng 12/2026", "01/12/2026–07/12/2026". */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (period: ScanPeriod): string => {
    if (period.kind === 'week') {
      return t('scans.period.week', { ...isoWeekOf(period.firstDay), from: formatDay(period.firstDay).slice(0, 5), to: formatDay(period.lastDay).slice(0, 5) });
    }
    if (period.kind === 'month') return t('scans.period.month', { month: Number(period.firstDay.slice(5, 7)), year: period.firstDay.slice(0, 4) });
    return period.firstDay === period.lastDay ? formatDay(period.firstDay) : `${formatDay(period.firstDay)}–${formatDay(period.lastDay)}`;
  };
}
