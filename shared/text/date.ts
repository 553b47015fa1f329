/** Dates as Vietnamese offices write them, in Vietnam's time zone whatever the PC's settings say. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE });

/** dd/MM/yyyy */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** dd/MM/yyyy HH:mm */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${DATE.format(date)} ${TIME.format(date)}`;
}
