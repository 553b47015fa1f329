/** dd/MM/yyyy in Vietnam's time zone, whatever the PC's regional settings say. */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Asia/Ho_Chi_Minh',
});

export function formatDate(iso: string): string {
  return DATE_FORMAT.format(new Date(iso));
}
