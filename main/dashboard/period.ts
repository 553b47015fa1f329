import { dayNumber, dayOf } from '../scans/days';

/**
 * The instants that bound Vietnamese calendar days, for timestamps stored in UTC (prints):
 * a day in Vietnam (UTC+7, no daylight saving) starts at 17:00 UTC the day before.
 */
export const vietnamDayStart = (day: string): string => `${dayOf(dayNumber(day) - 1)}T17:00:00.000Z`;

export const nextDay = (day: string): string => dayOf(dayNumber(day) + 1);

/** The same day `months` earlier, the month's last day when it has fewer days (31/03 − 1 month = 28 or 29/02). */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDate = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDate));
  return target.toISOString().slice(0, 10);
}

/**
 * "Printed within the N months before `to`": from the day after the same day N months back
 * (12 months before 31/12/2026 starts on 01/01/2026) to the end of `to`, as UTC instants.
 */
export function printWindow(to: string, months: number): { since: string; before: string } {
  return { since: vietnamDayStart(nextDay(monthsBefore(to, months))), before: vietnamDayStart(nextDay(to)) };
}

/** An open action is overdue when due before the period's end, or before today if that comes first. */
export const overdueBefore = (to: string, today: string): string => (to < today ? to : today);
