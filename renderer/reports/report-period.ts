import { addDays, today } from '../inspections/day';

/** The periods the report form offers; "custom" takes the days typed. */
export const PERIOD_CHOICES = ['thisMonth', 'lastMonth', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** This month up to today (a report tells what has happened), or the whole of last month. */
export function periodOf(choice: Exclude<PeriodChoice, 'custom'>, day = today()): { from: string; to: string } {
  const firstOfMonth = `${day.slice(0, 8)}01`;
  if (choice === 'thisMonth') return { from: firstOfMonth, to: day };
  const lastOfPrevious = addDays(firstOfMonth, -1);
  return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
}
