/**
 * Calendar days as yyyy-MM-dd text (what scan periods store) and as whole day numbers
 * (days since 1970-01-01), for the arithmetic periods need: lengths, overlaps, weeks.
 */
const DAY_MS = 86_400_000;

export const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

export const dayOf = (dayNumberValue: number): string => new Date(dayNumberValue * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export const daysBetween = (from: string, to: string): number => Math.max(0, dayNumber(to) - dayNumber(from) + 1);

/** The day of a calendar date, or null when it does not exist (31/02, month 13). */
export function calendarDay(year: number, month: number, date: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(date) || year < 1900 || year > 9999) return null;
  const value = new Date(Date.UTC(year, month - 1, date));
  if (value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1 || value.getUTCDate() !== date) return null;
  return value.toISOString().slice(0, 10);
}

/** Last day of a month (1–12). */
export const lastDayOfMonth = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** Monday of ISO week `week` of ISO year `year` (week 1 holds the year's first Thursday), or null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): string | null {
  if (!Number.isInteger(week) || week < 1 || week > 53 || year < 1900 || year > 9999) return null;
  const january4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (new Date(january4 * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = january4 - weekday + (week - 1) * 7;
  // Week 53 exists only in years whose week 53 still holds a Thursday of that year.
  if (week === 53 && new Date((monday + 3) * DAY_MS).getUTCFullYear() !== year) return null;
  return dayOf(monday);
}

/** Merged day ranges (inclusive) clipped to a window: the days they cover there. */
export function coveredDays(ranges: Iterable<{ first_day: string; last_day: string }>, from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  const clipped = [...ranges]
    .map((range) => [Math.max(start, dayNumber(range.first_day)), Math.min(end, dayNumber(range.last_day))] as const)
    .filter(([first, last]) => first <= last)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = start - 1;
  for (const [first, last] of clipped) {
    if (last <= reached) continue;
    covered += last - Math.max(first, reached + 1) + 1;
    reached = last;
  }
  return covered;
}
