/** Date checks shared by the CLI flags and the HTTP API's parameters. */

/** The OpenAPI `format` of a date parameter: `YYYY[-MM[-DD]]` that names a real day, month or year. */
export const CALENDAR_DATE = 'calendar-date';

/** True for a real calendar day `YYYY-MM-DD`, month `YYYY-MM` or year `YYYY` (no 2025-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0); // day 0 of the next month: the month's last day (years < 100 included)
  return day <= last.getUTCDate();
}
