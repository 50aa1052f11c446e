/**
 * A week-like date narrowed to the one day the lead states inside it: "last week" (2024-W43)
 * and, a paragraph on, "police were called … on Oct. 24" give 2024-10-24. Only a short range
 * (≤ NARROW_MAX_DAYS) is narrowed, only to a day stated as a day in the lead (the first prose
 * paragraphs, setting.ts; a day told further down may be another incident's), and only when
 * exactly one such day lies in the range — two ("on Oct. 22 … on Oct. 24") leave the range.
 */
import type { EventRecord, TimeExpr } from '../core/layers.js';

export const NARROW_MAX_DAYS = 10;

export function narrowToStatedDay(date: EventRecord['date'], times: readonly TimeExpr[], leadEnd: number): EventRecord['date'] {
  if (!date?.range || date.precision !== 'range') return date;
  const { from, to } = date.range;
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > NARROW_MAX_DAYS) return date;
  const days = new Map<string, number>();
  times.forEach((t, i) => {
    if ((t.type !== 'DATE' && t.type !== 'TIME') || t.start >= leadEnd || !t.range || t.range.from !== t.range.to || !t.stated.includes('day')) return;
    if (t.range.from < from || t.range.from > to) return;
    if (!days.has(t.range.from)) days.set(t.range.from, i);
  });
  if (days.size !== 1) return date;
  const [[day, timex]] = [...days];
  return { value: day, precision: 'day', range: { from: day, to: day }, how: 'stated', timex };
}
