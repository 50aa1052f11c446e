/**
 * Per-date sentence selection: a day's candidates are the sentences that name it and the lead
 * sentences of that day's articles naming no other day; each is scored by its TF-IDF cosine to the
 * candidates' centroid (centrality), plus a bonus when it names the day; sentences too close to one
 * already chosen for any date are skipped (redundancy across dates), and so are those the
 * timeline-style prior (style.ts) scores below `styleFloor`.
 */
import type { TimelineParams } from './params.js';
import { dot, type PreparedSentence, type Vec } from './prepare.js';
import { styleModel, styleScore } from './style.js';

const EMPTY: Vec = new Map();
import type { TimelineDoc, TimelineSentence } from './types.js';

export function candidatesByDay(docs: readonly TimelineDoc[], sentences: readonly PreparedSentence[], params: TimelineParams): Map<string, PreparedSentence[]> {
  const byDay = new Map<string, PreparedSentence[]>();
  const add = (d: string, s: PreparedSentence) => {
    let list = byDay.get(d);
    if (!list) byDay.set(d, (list = []));
    list.push(s);
  };
  for (const s of sentences) {
    if (!s.showable) continue;
    for (const d of s.days) add(d, s);
    const pub = docs[s.doc].day;
    if (pub && s.position < params.leadSentences && s.days.length === 0) add(pub, s);
  }
  return byDay;
}

/** A closing quotation mark the segmenter left at the start of the next sentence. */
const STRAY_QUOTE = /^\s*(?:''|``|["”’])\s*/;

/** The sentence's span without surrounding space and a stray leading closing quote. */
export function displaySpan(text: string, start: number, end: number): { start: number; end: number } {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const quote = STRAY_QUOTE.exec(raw.slice(lead))?.[0].length ?? 0;
  const trail = raw.length - raw.trimEnd().length;
  const s = start + lead + quote;
  return { start: s, end: Math.max(s, end - trail) };
}

export function chooseSentences(
  day: string,
  candidates: readonly PreparedSentence[],
  perDate: number,
  chosen: Vec[],
  docs: readonly TimelineDoc[],
  params: TimelineParams,
): TimelineSentence[] {
  const centroid: Vec = new Map();
  for (const c of candidates) for (const [t, w] of c.vec ?? EMPTY) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const ranked = candidates
    .map((c) => ({ c, score: dot(c.vec ?? EMPTY, centroid) / candidates.length + (c.days.includes(day) ? params.statesDateBonus : 0) }))
    .sort((a, b) => b.score - a.score || a.c.doc - b.c.doc || a.c.position - b.c.position);
  const model = params.styleFloor > 0 ? styleModel() : null;
  const out: TimelineSentence[] = [];
  for (const { c } of ranked) {
    if (out.length >= perDate) break;
    const vec = c.vec ?? EMPTY;
    if (chosen.some((v) => dot(v, vec) > params.redundancy)) continue;
    const doc = docs[c.doc];
    if (model && (c.style ??= styleScore(model, doc.text.slice(c.start, c.end))) < params.styleFloor) continue;
    chosen.push(vec);
    const span = displaySpan(doc.text, c.start, c.end);
    out.push({
      text: doc.text.slice(span.start, span.end),
      article: doc.id,
      start: span.start,
      end: span.end,
      title: doc.title,
      source: doc.source,
      url: doc.url,
      published: doc.day,
      statesDate: c.days.includes(day),
    });
  }
  return out;
}
