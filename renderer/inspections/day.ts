/**
 * Calendar days as the contract carries them (yyyy-MM-dd, the day in Vietnam) and as
 * clerks read and type them (dd/MM/yyyy). Plain text in both directions: a day has no
 * time of day, so no Date arithmetic can shift it across a time zone.
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });

/** Today in Vietnam, yyyy-MM-dd, whatever the PC's time zone. */
export const today = (): string => ISO_DAY.format(new Date());

/** yyyy-MM-dd → dd/MM/yyyy; anything else is shown as it is. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** The day `days` after `day` (yyyy-MM-dd), counted on the calendar. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return shifted.toISOString().slice(0, 10);
}

/** What a clerk typed, in the shape yyyy-MM-dd whether or not such a day exists; null when it is not a date at all. */
function dayShape(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  if (parts === null) return null;
  const [year, month, date] = parts;
  return `${year}-${month.padStart(2, '0')}-${date.padStart(2, '0')}`;
}

const exists = (day: string) => {
  const check = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === day;
};

/**
 * What a clerk typed → yyyy-MM-dd, or null when it is not a real day. Takes 5/6/2024,
 * 05-06-2024, 05.06.2024 (day first, as Vietnamese write it) and 2024-06-05.
 */
export function parseDay(text: string): string | null {
  const day = dayShape(text);
  return day !== null && exists(day) ? day : null;
}

/** Why a typed day is refused: not written as a date, no such day (31/02), or after `latest`. */
export type DayProblem = 'format' | 'not_a_date' | 'in_future';

export function dayProblem(text: string, latest?: string): DayProblem | null {
  const day = dayShape(text);
  if (day === null) return 'format';
  if (!exists(day)) return 'not_a_date';
  return latest !== undefined && day > latest ? 'in_future' : null;
}
