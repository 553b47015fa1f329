import { today } from '../inspections/day';
import { periodOf } from '../reports/report-period';

/** The periods the dashboard offers; "custom" takes the days typed. */
export const PERIOD_CHOICES = ['thisMonth', 'lastMonth', 'thisQuarter', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** This month or quarter up to today (the days to come have nothing to count yet), or the whole of last month. */
export function presetPeriod(choice: Exclude<PeriodChoice, 'custom'>, day = today()): { from: string; to: string } {
  if (choice !== 'thisQuarter') return periodOf(choice, day);
  const firstMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
  return { from: `${day.slice(0, 4)}-${String(firstMonth).padStart(2, '0')}-01`, to: day };
}
