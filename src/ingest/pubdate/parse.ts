/**
 * A date as a web page writes it → the page's LOCAL calendar day (`YYYY-MM-DD`).
 *
 * The day is read as written: `2020-05-04T04:25:13+07:00` is 4 May, never 3 May (converting to UTC moves
 * late-evening and early-morning stories to the neighbouring day). A bare epoch number has no local zone;
 * it is read in UTC and marked `utc`. Numeric dates whose order is ambiguous (`04/05/2020`) need a hint
 * (`mdy` for US pages, `dmy` elsewhere); without one they are refused.
 */
import { daysInMonth } from '../../time/calendar.js';
import { MAX_DATE_VALUE_CHARS, MONTH_NAMES } from './words.js';

export type DayOrder = 'mdy' | 'dmy';

export interface LocalDay {
  /** `YYYY-MM-DD`, the day as the page states it. */
  day: string;
  /** The value was a UTC instant (`…Z` or an epoch), so the page's local day may differ by one. */
  utc: boolean;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\b)/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T\d{2})/;
const SLASHED_YMD = /(?<![\d./])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d./])/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const NUMERIC_SEPARATED = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d])/;

const MONTH_ALT = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.)?';
const DAY_MONTH_YEAR = new RegExp(`(?<![\\d])${DAY}\\s*(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+)?(\\d{4})(?!\\d)`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+${DAY},?\\s+(\\d{4})(?!\\d)`, 'iu');

export function makeDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthOf(word: string): number | undefined {
  return MONTH_NAMES[word.toLowerCase().replace(/\.$/, '')];
}

/** A machine-readable value (meta content, JSON-LD, `datetime` attribute) → local day. */
export function parseMachineDate(raw: unknown, order?: DayOrder): LocalDay | null {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s || s.length > MAX_DATE_VALUE_CHARS) return null;
  if (EPOCH.test(s)) return fromEpoch(Number(s));
  const iso = ISO.exec(s);
  if (iso) {
    const day = makeDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const hour = iso[4] === undefined ? 0 : Number(iso[4]);
    if (day === null || hour > 24) return null;
    return { day, utc: (iso[6] ?? '').toUpperCase() === 'Z' || /^[+-]00:?00$/.test(iso[6] ?? '') };
  }
  const compact = COMPACT.exec(s);
  if (compact) {
    const day = makeDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return day ? { day, utc: false } : null;
  }
  const found = findTextDate(s, order);
  return found ? { day: found.day, utc: false } : null;
}

function fromEpoch(n: number): LocalDay | null {
  if (!Number.isFinite(n)) return null;
  const ms = Math.abs(n) < 1e11 ? n * 1000 : n;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return { day: d.toISOString().slice(0, 10), utc: true };
}

/**
 * The first date written in running text ("Published 4 May 2020", "Updated: May 4, 2020 3:41 PM ET",
 * "04.05.2020", "2020年5月4日") → local day. A time and zone after the date do not move the day.
 */
export function findTextDate(text: string, order?: DayOrder): (LocalDay & { at: number }) | null {
  const found: Array<{ at: number; day: string | null }> = [];
  const push = (m: RegExpExecArray | null, day: (m: RegExpExecArray) => string | null): void => {
    if (m) found.push({ at: m.index, day: day(m) });
  };
  push(/(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(text), (m) => makeDay(Number(m[1]), Number(m[2]), Number(m[3])));
  push(SLASHED_YMD.exec(text), (m) => makeDay(Number(m[1]), Number(m[3]), Number(m[4])));
  push(CJK.exec(text), (m) => makeDay(Number(m[1]), Number(m[2]), Number(m[3])));
  push(DAY_MONTH_YEAR.exec(text), (m) => {
    const month = monthOf(m[2]);
    return month ? makeDay(Number(m[3]), month, Number(m[1])) : null;
  });
  push(MONTH_DAY_YEAR.exec(text), (m) => {
    const month = monthOf(m[1]);
    return month ? makeDay(Number(m[3]), month, Number(m[2])) : null;
  });
  push(NUMERIC_SEPARATED.exec(text), (m) => numericDay(Number(m[1]), Number(m[3]), Number(m[4]), m[2], order));
  const first = found.filter((f) => f.day !== null).sort((a, b) => a.at - b.at)[0];
  return first?.day ? { day: first.day, utc: false, at: first.at } : null;
}

/**
 * `a.b.yyyy` / `a/b/yyyy`: dots are day-first everywhere they are used (German, Russian, Turkish…);
 * slashes and dashes follow the page's convention unless one number cannot be a month.
 */
function numericDay(a: number, b: number, year: number, separator: string, order?: DayOrder): string | null {
  if (separator === '.') return makeDay(year, b, a);
  if (a > 12 && b <= 12) return makeDay(year, b, a);
  if (b > 12 && a <= 12) return makeDay(year, a, b);
  if (a === b) return makeDay(year, a, b);
  if (order === 'mdy') return makeDay(year, a, b);
  if (order === 'dmy') return makeDay(year, b, a);
  return null;
}
