/**
 * An event's date as the exports show it: at the precision the text gives, never a midpoint. A day
 * is a day (ACLED time_precision 1); a span of up to a week is that span (2); a month, or a span of
 * up to a month, is that span (3), dated by its first day in ACLED's single event_date column with the
 * span itself named in the notes. A span longer than a month ("2024-10-07/2025-10-07", a year) dates
 * no event: it is exported without a day.
 */
import type { EventRecord } from '../core/layers.js';

/** Longest span, in days, that still dates an event (a month). */
export const MAX_EVENT_SPAN_DAYS = 31;
const WEEK_DAYS = 7;

export interface ExportDate {
  /** `YYYY-MM-DD` at day precision; else null. */
  day: string | null;
  /** The span the text allows (equal ends at day precision); null when it dates no event. */
  from: string | null;
  to: string | null;
  /** ACLED time_precision: 1 day, 2 up to a week, 3 up to a month or vaguer. */
  timePrecision: 1 | 2 | 3;
  /** What the text says, as stored: `2025-09-04`, `2025-09`, `2025-09-01/2025-09-07`; null when nothing. */
  value: string | null;
  /** 'implied' when the date is the article's own (no date stated for the event). */
  how: 'stated' | 'implied' | null;
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

export function exportDate(date: EventRecord['date']): ExportDate {
  const how = date?.how === 'implied' ? 'implied' : date ? 'stated' : null;
  const none: ExportDate = { day: null, from: null, to: null, timePrecision: 3, value: date?.value ?? null, how };
  if (!date) return none;
  const range = date.range ?? (/^\d{4}-\d{2}-\d{2}$/.test(date.value) ? { from: date.value, to: date.value } : null);
  if (!range || !/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return none;
  const n = days(range.from, range.to);
  if (!Number.isFinite(n) || n < 1 || n > MAX_EVENT_SPAN_DAYS) return { ...none, value: date.value };
  const value = n === 1 ? range.from : date.precision === 'month' ? range.from.slice(0, 7) : `${range.from}/${range.to}`;
  return { day: n === 1 ? range.from : null, from: range.from, to: range.to, timePrecision: n === 1 ? 1 : n <= WEEK_DAYS ? 2 : 3, value, how };
}
