/**
 * A reference system for `dateline eval timeline --baseline`: the publication-day lead baseline. It reads
 * the articles as given (no dateline stage): the L publication days in the gold's range with the most
 * articles, and for each the first k sentences of that day's articles (each article's first sentence of
 * five words or more, in input order). It puts a topic's scores in context: a gold that this baseline
 * already scores well on is an easy gold, whatever the system's figure.
 */
import type { Timeline } from './tilse.js';

export interface BaselineDoc {
  published: string;
  text: string;
}

/** The first sentence of five words or more (a crude split: end punctuation then a capital or quote). */
export function leadSentence(text: string): string | null {
  for (const s of text.split(/(?<=[.!?])\s+(?=["“'‘(]?[A-Z0-9])|\n+/)) {
    const t = s.trim();
    if (t.split(/\s+/).length >= 5) return t;
  }
  return null;
}

export function leadBaseline(docs: readonly BaselineDoc[], c: { dates: number; perDate: number; from: string; to: string }): Timeline {
  const byDay = new Map<string, BaselineDoc[]>();
  for (const d of docs) {
    const day = d.published.slice(0, 10);
    if (day < c.from || day > c.to) continue;
    const list = byDay.get(day) ?? [];
    list.push(d);
    byDay.set(day, list);
  }
  const days = [...byDay.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, c.dates);
  const out: Timeline = new Map();
  for (const [day, list] of days) {
    const lines: string[] = [];
    for (const d of list) {
      const s = leadSentence(d.text);
      if (s && !lines.includes(s)) lines.push(s);
      if (lines.length >= c.perDate) break;
    }
    if (lines.length) out.set(day, lines);
  }
  return out;
}
