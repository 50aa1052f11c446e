/**
 * Sentences of the timeline's articles with the days they name; TF-IDF vectors are built later and
 * only for the sentences that stand for a candidate day (vectorize), which keeps a large story fast.
 */
import { contentTerms, quotedShare, wordStats } from './text.js';
import { isPageChrome } from './chrome.js';
import type { TimelineParams } from './params.js';
import type { TimelineDoc } from './types.js';

export type Vec = Map<string, number>;

export interface PreparedSentence {
  doc: number;
  position: number;
  start: number;
  end: number;
  /** Days (YYYY-MM-DD) the sentence names at day precision. */
  days: string[];
  /** Whether the sentence may be shown (length and word-share bounds; no caption or page chrome). */
  showable: boolean;
  /** TF-IDF unit vector, set by `vectorize` for candidate sentences. */
  vec?: Vec;
  /** The timeline-style prior's probability, set when the sentence is first considered (sentences.ts). */
  style?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day a time expression names: a resolved DATE whose range is one day. */
function namedDay(t: TimelineDoc['times'][number]): string | null {
  if (t.type !== 'DATE' || !t.range || t.range.from !== t.range.to) return null;
  return DAY.test(t.range.from) ? t.range.from : null;
}

export function prepareSentences(docs: readonly TimelineDoc[], params: TimelineParams): PreparedSentence[] {
  const out: PreparedSentence[] = [];
  docs.forEach((doc, di) => {
    const times = [...doc.times].sort((a, b) => a.start - b.start);
    let ti = 0;
    doc.sentences.forEach((s, position) => {
      const days: string[] = [];
      while (ti < times.length && times[ti].start < s.end) {
        const t = times[ti++];
        const d = t.start >= s.start ? namedDay(t) : null;
        if (d && !days.includes(d)) days.push(d);
      }
      const text = doc.text.slice(s.start, s.end);
      const { tokens, words } = wordStats(text);
      const showable =
        words >= params.minWords &&
        tokens <= params.maxWords &&
        words / Math.max(1, tokens) >= params.minWordShare &&
        !/[?|]/.test(text) &&
        quotedShare(text) < params.directSpeech &&
        !isPageChrome(text);
      out.push({ doc: di, position, start: s.start, end: s.end, days, showable });
    });
  });
  return out;
}

/** TF-IDF unit vectors for a pool of sentences, document frequencies taken over the pool. */
export function vectorize(pool: readonly PreparedSentence[], docs: readonly TimelineDoc[]): void {
  const todo = [...new Set(pool)].filter((s) => !s.vec);
  const termLists = todo.map((s) => contentTerms(docs[s.doc].text.slice(s.start, s.end)));
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(2, todo.length);
  todo.forEach((s, i) => {
    const v: Vec = new Map();
    for (const t of termLists[i]) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, c] of v) {
      const w = c * Math.log(n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    s.vec = v;
  });
}

export function dot(a: Vec, b: Vec): number {
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of x) {
    const u = y.get(t);
    if (u !== undefined) s += w * u;
  }
  return s;
}
