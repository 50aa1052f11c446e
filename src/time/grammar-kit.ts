/** Types and calendar helpers shared by the temporal grammar's rules and its extraction step. */
import type { TimexType } from '../core/layers.js';
import { addMonths, centuryInterval, dayInterval, decadeInterval, epochDay, monthInterval, quarterInterval, quarterOf, weekInterval, weekday, weekendInterval, yearInterval, ymd, daysInMonth, type Interval } from './calendar.js';

export type Direction = 'past' | 'future' | null;

export interface ResolveContext {
  /** Anchor day (epoch day), normally the publication date; null when unknown. */
  anchor: number | null;
  /** Tense cue around the expression. */
  dir: Direction;
  /** Narrative reference: the last day-level date resolved before this expression in the document. */
  lastDay: number | null;
  /** The last quarter mentioned, for "a year earlier" in earnings reports; `fiscal` when named as a fiscal
   * quarter ("the fiscal first quarter"), which then is what "the quarter" means. */
  lastQuarter: { y: number; q: number; fiscal?: boolean } | null;
  /** Narrative references at month and year granularity ("In March, …", "In 1997, …"): the first day of the
   * last expression naming that month (or a day in it) / that year (or a part of it), and whether it is recent
   * (this sentence or the one before). */
  lastMonth?: { day: number; recent: boolean; /** the expression named a month itself, not a day or week in it */ month?: boolean } | null;
  lastYear?: { day: number; recent: boolean } | null;
  /**
   * The anchor is a narrative's current time (the last date the story named), not the article date: a month
   * without a year takes the story's year (moving forward), a weekday or season is the next one in the story.
   */
  narrative?: boolean;
}

export interface Resolution {
  type: TimexType;
  value: string;
  interval?: Interval;
  anchor: 'published' | 'event' | 'none';
  direction?: 'past' | 'future' | 'same';
  stated: string[];
  implied: string[];
}

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** Higher wins among equally long overlapping candidates. */
  prio: number;
  /** A clock time with no date of its own ("5 p.m.", "noon"); may merge with an adjacent day. */
  clock?: { hh: number; mi: number; text: string; utc?: boolean };
  /** Resolves to a single day, so a clock time may attach to it. */
  dayLevel?: boolean;
  /** Names a quarter of its own (not "a year earlier"), so later "a year earlier" refers to it; 'fiscal' when
   * the text calls it a fiscal quarter. */
  setsQuarter?: boolean | 'fiscal';
  resolve(ctx: ResolveContext): Resolution;
}

// ------------------------------------------------------------------ helpers

export const B = '(?<![\\w’\'-])';
export const E = '(?![\\w-])';

export function ci(word: string): string {
  return word.replace(/\b([a-z])/g, (_m, c: string) => `[${c.toUpperCase()}${c}]`);
}

export function rx(source: string, flags = 'g'): RegExp {
  return new RegExp(source, flags);
}

export function interval(type: TimexType, iv: Interval, anchor: Resolution['anchor'], stated: string[], implied: string[], direction?: Resolution['direction']): Resolution {
  return { type, value: iv.value, interval: iv, anchor, stated, implied, direction };
}

export function unresolved(type: TimexType, value: string, stated: string[], anchor: Resolution['anchor'] = 'none'): Resolution {
  return { type, value, anchor, stated, implied: [] };
}

export function directionOf(day: number, anchor: number): 'past' | 'future' | 'same' {
  return day < anchor ? 'past' : day > anchor ? 'future' : 'same';
}

/** Most recent day with weekday `wd` on/before (past) or on/after (future) the anchor. */
export function resolveWeekday(anchor: number, wd: number, dir: Direction, strict: 'last' | 'next' | null): number {
  const today = weekday(anchor);
  if (strict === 'next' || (strict === null && dir === 'future')) {
    let delta = (wd - today + 7) % 7;
    if (strict === 'next' && delta === 0) delta = 7;
    return anchor + delta;
  }
  let back = (today - wd + 7) % 7;
  if (strict === 'last' && back === 0) back = 7;
  return anchor - back;
}

/**
 * The year of a month (and day) named without one in a narrative: the story's year, or the next when that
 * month is already behind the story's time (stories move forward), unless a past cue ("had") looks back.
 */
export function storyYear(anchor: number, m: number, dir: Direction): number {
  const a = ymd(anchor);
  return dir === 'past' || m >= a.m ? a.y : a.y + 1;
}

/**
 * Picks the year for a month (and day) given without one. News is past-biased: the latest instance on or
 * before the anchor, unless a future cue says otherwise, or the next instance is much closer (and soon).
 */
export function pickYear(anchor: number, m: number, d: number | null, dir: Direction): number {
  const { y } = ymd(anchor);
  const at = (yy: number): number => epochDay(yy, m, d ?? 1);
  const atEnd = (yy: number): number => (d === null ? epochDay(yy, m, daysInMonth(yy, m)) : at(yy));
  // Same month (month-only) or same day counts as both past and future.
  if (at(y) <= anchor && atEnd(y) >= anchor) return y;
  const past = at(y) <= anchor ? y : y - 1;
  const future = at(y) > anchor ? y : y + 1;
  // "by Jan. 14" written on Jan. 15 still means the deadline just passed.
  if (dir === 'future') return anchor - atEnd(past) <= 14 ? past : future;
  if (dir === 'past') return past;
  const pastDist = anchor - atEnd(past);
  const futureDist = at(future) - anchor;
  return futureDist * 4 < pastDist && futureDist <= 60 ? future : past;
}

export function shiftUnit(anchor: number, unit: string, n: number): Interval {
  const { y, m } = ymd(anchor);
  switch (unit) {
    case 'day':
    case 'night':
      return dayInterval(anchor + n);
    case 'week':
      return weekInterval(anchor + 7 * n);
    case 'weekend':
      return weekendInterval(anchor + 7 * n);
    case 'month': {
      const t = addMonths(y, m, n);
      return monthInterval(t.y, t.m);
    }
    case 'quarter': {
      const t = addMonths(y, (quarterOf(m) - 1) * 3 + 1, 3 * n);
      return quarterInterval(t.y, quarterOf(t.m));
    }
    case 'decade':
      return decadeInterval(Math.floor(y / 10) * 10 + 10 * n);
    case 'century':
      return centuryInterval(Math.floor(y / 100) * 100 + 100 * n);
    default:
      return yearInterval(y + n);
  }
}


export function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n < 0) {
    const last = epochDay(y, m, daysInMonth(y, m));
    return last - ((weekday(last) - wd + 7) % 7);
  }
  const first = epochDay(y, m, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** Western Easter Sunday (anonymous Gregorian computus), as an epoch day. */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  const day = ((h + l - 7 * mm + 114) % 31) + 1;
  return epochDay(y, month, day);
}
