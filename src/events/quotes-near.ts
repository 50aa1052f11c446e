/**
 * The quotes that can bear on one sentence: those whose span, or whose `when`, reaches into it (with
 * the two characters of slack the speaker lookup allows after a quote's end). Event extraction asks
 * for a sentence's quote speaker and statement dates once per trigger; scanning every quote of the
 * article each time made a long article's events quadratic (a 1.6 MB article of one repeated
 * sentence: 6× the time of 400 KB). The answer keeps the article's order, so the first match of
 * any scan over it is the first match over all quotes.
 */
import type { Span } from '../core/article.js';
import type { Quote } from '../core/layers.js';

/** Spans longer than this are few (a quote running on for pages); they are checked on every lookup. */
const LONG = 4000;
const SLACK = 2;

interface Entry {
  lo: number;
  hi: number;
  k: number;
}

export type QuotesNear = (span: Span) => readonly Quote[];

export function quotesNear(quotes: readonly Quote[]): QuotesNear {
  if (quotes.length === 0) return () => quotes;
  const short: Entry[] = [];
  const long: Entry[] = [];
  quotes.forEach((q, k) => {
    for (const s of q.when ? [q, q.when] : [q]) (s.end - s.start > LONG ? long : short).push({ lo: s.start, hi: s.end, k });
  });
  short.sort((a, b) => a.lo - b.lo);
  const memo = new Map<string, readonly Quote[]>();
  return (span) => {
    const key = `${span.start}:${span.end}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const from = span.start - SLACK;
    const found = new Set<number>();
    for (const e of long) if (e.lo <= span.end && e.hi >= from) found.add(e.k);
    // Short entries that reach `from` start at or after from - LONG.
    let a = 0;
    let b = short.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (short[m].lo < from - LONG) a = m + 1;
      else b = m;
    }
    for (let i = a; i < short.length && short[i].lo <= span.end; i++) if (short[i].hi >= from) found.add(short[i].k);
    const near = [...found].sort((x, y) => x - y).map((k) => quotes[k]);
    memo.set(key, near);
    return near;
  };
}
