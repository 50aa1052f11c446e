/**
 * Calendar arithmetic on epoch days (days since 1970-01-01, UTC) and TIMEX3 value formatting.
 * Everything here is proleptic Gregorian and timezone-free: a news date is a calendar day.
 */

export type Granularity = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';

export const DAY_MS = 86_400_000;

export function epochDay(y: number, m: number, d: number): number {
  if (y >= 100) return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.floor(date.getTime() / DAY_MS);
}

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function ymd(day: number): YMD {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function isoDay(day: number): string {
  const { y, m, d } = ymd(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Parses `YYYY-MM-DD` (optionally followed by a time) to an epoch day; null if not a full date. */
export function parseIsoDay(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return epochDay(y, mo, d);
}

/** ISO-8601 week-numbering year and week of a day. */
export function isoWeek(day: number): { year: number; week: number } {
  const wd = weekday(day);
  const thursday = day + (4 - wd);
  const { y } = ymd(thursday);
  const jan1 = epochDay(y, 1, 1);
  return { year: y, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Monday of an ISO week. */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = epochDay(year, 1, 4);
  const mondayWeek1 = jan4 - (weekday(jan4) - 1);
  return mondayWeek1 + (week - 1) * 7;
}

export function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + delta;
  return { y: Math.floor(index / 12), m: (index % 12 + 12) % 12 + 1 };
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** An interval at some granularity: its TIMEX value and the inclusive day range it covers. */
export interface Interval {
  value: string;
  from: number;
  to: number;
  granularity: Granularity;
}

export function dayInterval(day: number): Interval {
  return { value: isoDay(day), from: day, to: day, granularity: 'day' };
}

export function monthInterval(y: number, m: number): Interval {
  return { value: `${pad(y, 4)}-${pad(m)}`, from: epochDay(y, m, 1), to: epochDay(y, m, daysInMonth(y, m)), granularity: 'month' };
}

export function yearInterval(y: number): Interval {
  return { value: pad(y, 4), from: epochDay(y, 1, 1), to: epochDay(y, 12, 31), granularity: 'year' };
}

export function quarterInterval(y: number, q: number): Interval {
  const m0 = (q - 1) * 3 + 1;
  return { value: `${pad(y, 4)}-Q${q}`, from: epochDay(y, m0, 1), to: epochDay(y, m0 + 2, daysInMonth(y, m0 + 2)), granularity: 'quarter' };
}

export function halfInterval(y: number, h: number): Interval {
  const m0 = h === 1 ? 1 : 7;
  return { value: `${pad(y, 4)}-H${h}`, from: epochDay(y, m0, 1), to: epochDay(y, m0 + 5, daysInMonth(y, m0 + 5)), granularity: 'half' };
}

export function weekInterval(day: number): Interval {
  const { year, week } = isoWeek(day);
  const monday = isoWeekMonday(year, week);
  return { value: `${pad(year, 4)}-W${pad(week)}`, from: monday, to: monday + 6, granularity: 'week' };
}

export function weekendInterval(day: number): Interval {
  const w = weekInterval(day);
  return { value: `${w.value}-WE`, from: w.from + 5, to: w.from + 6, granularity: 'weekend' };
}

/** Seasons as meteorological quarters; winter YYYY-WI runs from December YYYY to February YYYY+1. */
export function seasonInterval(y: number, season: string): Interval {
  const m0 = SEASON_START[season] ?? 3;
  const end = addMonths(y, m0, 2);
  return { value: `${pad(y, 4)}-${season}`, from: epochDay(y, m0, 1), to: epochDay(end.y, end.m, daysInMonth(end.y, end.m)), granularity: 'season' };
}

/** The season containing a day, as `{year, season}` (January–February belong to the previous year's winter). */
export function seasonOf(day: number): { y: number; season: string } {
  const { y, m } = ymd(day);
  if (m <= 2) return { y: y - 1, season: 'WI' };
  if (m <= 5) return { y, season: 'SP' };
  if (m <= 8) return { y, season: 'SU' };
  if (m <= 11) return { y, season: 'FA' };
  return { y, season: 'WI' };
}

export function decadeInterval(decadeStart: number): Interval {
  return { value: pad(Math.floor(decadeStart / 10), 3), from: epochDay(decadeStart, 1, 1), to: epochDay(decadeStart + 9, 12, 31), granularity: 'decade' };
}

export function centuryInterval(firstYear: number): Interval {
  return { value: pad(Math.floor(firstYear / 100), 2), from: epochDay(firstYear, 1, 1), to: epochDay(firstYear + 99, 12, 31), granularity: 'century' };
}

/**
 * The coarsest TIMEX value that both intervals share, e.g. `2025-11-05` and `2025-11-26` → `2025-11`;
 * `2025-06-03` and `2025-12-02` → `2025`. Used when an expression is resolved against an uncertain anchor.
 */
export function commonValue(a: string, b: string): string {
  if (a === b) return a;
  const pa = /^(\d{4})(?:-(\d\d))?/.exec(a);
  const pb = /^(\d{4})(?:-(\d\d))?/.exec(b);
  if (!pa || !pb) return 'XXXX-XX-XX';
  if (pa[1] !== pb[1]) {
    if (pa[1].slice(0, 3) === pb[1].slice(0, 3)) return pa[1].slice(0, 3);
    return 'XXXX';
  }
  if (pa[2] !== undefined && pa[2] === pb[2]) return `${pa[1]}-${pa[2]}`;
  return pa[1];
}
