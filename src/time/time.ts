/**
 * `time`: temporal expressions (TIMEX3-style type and value) resolved against the article's own date,
 * and the article's publication date (stated, or inferred from content with its uncertainty).
 *
 * The grammar runs per sentence (chrono-node is 20× slower on one long string). When the anchor is a
 * range (an undated article), each expression is resolved against both ends: if they agree the value
 * stands, otherwise the value is what both share (e.g. `2025-11`) with the full range and a lower
 * confidence; a relative expression never silently takes a guessed day.
 */
import type { Article, Span } from '../core/article.js';
import type { PublicationDate, TimeExpr, Token } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import { commonValue, isoDay, parseIsoDay } from './calendar.js';
import { findCandidates, tenseCue, type CandidateMemo, type Resolution, type ResolveContext } from './grammar.js';
import { advanceStory, againstStory, countForNarrative, emptyNarrativeStats, isNarrative, type StoryTime } from './narrative.js';
import { inferPublication, type Anchor } from './publication.js';

export type { Anchor } from './publication.js';

export interface ExtractOptions {
  /** Use chrono-node as a fallback grammar for calendar formats (default true). */
  chrono?: boolean;
  /** Narrative mode: 'auto' decides from the text (default), true/false force it. */
  narrative?: boolean | 'auto';
}

/** Any day, for classifying the expressions of an undated text (see `detectNarrative`). */
const STAND_IN_ANCHOR = parseIsoDay('2000-01-01') as number;

/** Whether a text reads as a narrative (see `narrative.ts`), judged from its own rules' candidates. */
export function detectNarrative(text: string, sentences: readonly Span[], anchor: Anchor | null, memo?: CandidateMemo): boolean {
  const stats = emptyNarrativeStats();
  const day = anchor === null ? null : anchor.from === anchor.to ? anchor.from : Math.round((anchor.from + anchor.to) / 2);
  // Undated text: resolve against a stand-in day, so that expressions relative to the writer's today still show
  // as such; farness is judged against the real (missing) anchor.
  const base = { anchor: day ?? STAND_IN_ANCHOR, dir: null, lastDay: null, lastQuarter: null };
  for (let i = 0; i < sentences.length; i++) {
    const sentence = text.slice(sentences[i].start, sentences[i].end);
    for (const c of findCandidates(sentence, false, memo)) countForNarrative(stats, c.resolve(base), sentence.slice(c.start, c.end), day, i);
    // A news lede settles it: most news stops reading here.
    if (stats.lede > 0) return false;
  }
  return isNarrative(stats);
}

function toExpr(text: string, offset: number, start: number, end: number, rule: string, r: Resolution, confidence: number): TimeExpr {
  const expr: TimeExpr = {
    start: offset + start,
    end: offset + end,
    text: text.slice(offset + start, offset + end),
    type: r.type,
    value: r.value,
    anchor: r.anchor,
    stated: r.stated,
    implied: r.implied,
    confidence,
    rule,
  };
  if (r.interval) expr.range = { from: isoDay(r.interval.from), to: isoDay(r.interval.to) };
  if (r.direction) expr.direction = r.direction;
  return expr;
}

/**
 * Temporal expressions of a text, sentence by sentence, resolved against `anchor` (null: unresolved
 * relative values such as `XXXX-WXX-3`). Spans are offsets into `text`. `memo`: the rules' candidates shared
 * with an earlier pass over the same sentences (`findCandidates`).
 */
export function extractTimes(text: string, sentences: readonly Span[], anchor: Anchor | null, options: ExtractOptions = {}, memo?: CandidateMemo): TimeExpr[] {
  const out: TimeExpr[] = [];
  let lastDay: number | null = null;
  let lastQuarter: ResolveContext['lastQuarter'] = null;
  let lastQuarterSentence = -10;
  let lastMonth: { day: number; sentence: number; month?: boolean } | null = null;
  let lastYear: { day: number; sentence: number } | null = null;
  let index = -1;
  const useChrono = options.chrono ?? true;
  const narrative = options.narrative === undefined || options.narrative === 'auto' ? detectNarrative(text, sentences, anchor, memo) : options.narrative;
  let story: StoryTime | null = null;
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    index++;
    // "a year earlier" means the year-ago quarter only while a quarter is under discussion.
    if (index - lastQuarterSentence > 2) lastQuarter = null;
    for (const c of findCandidates(sentence, useChrono, memo)) {
      const dir = tenseCue(sentence, c.start, c.end);
      const ref = (x: { day: number; sentence: number; month?: boolean } | null): { day: number; recent: boolean; month?: boolean } | null =>
        x ? { day: x.day, recent: index - x.sentence <= 1, ...(x.month ? { month: true } : {}) } : null;
      const base = { dir, lastDay, lastQuarter, lastMonth: ref(lastMonth), lastYear: ref(lastYear) };
      let r: Resolution;
      let confidence = 0.9;
      if (narrative && story !== null) {
        // The story's time stands in for the article date; "had" looks back from it ("In May, they had …").
        const cueDir = dir ?? (/\bhad\b/i.test(sentence.slice(Math.max(0, c.start - 60), c.start)) ? 'past' : null);
        r = againstStory(c.resolve({ ...base, dir: cueDir, anchor: story.day, narrative: true }), story);
        if (/X/.test(r.value)) confidence = 0.3;
      } else if (anchor === null) {
        r = c.resolve({ ...base, anchor: null });
        if (r.anchor === 'published') confidence = 0.3;
      } else if (anchor.from === anchor.to) {
        r = c.resolve({ ...base, anchor: anchor.from });
        if (r.anchor === 'published') confidence = Math.min(0.9, 0.9 * anchor.confidence);
      } else {
        const a = c.resolve({ ...base, anchor: anchor.from });
        const b = c.resolve({ ...base, anchor: anchor.to });
        if (a.value === b.value) {
          r = a;
        } else {
          let value = commonValue(a.value, b.value);
          if (!/^\d{4}/.test(value)) value = c.resolve({ ...base, anchor: null }).value;
          r = { ...a, value, direction: undefined };
          if (a.interval && b.interval) r.interval = { value, from: Math.min(a.interval.from, b.interval.from), to: Math.max(a.interval.to, b.interval.to), granularity: a.interval.granularity };
        }
        if (r.anchor === 'published') confidence = Math.min(0.9, 0.9 * anchor.confidence) * (a.value === b.value ? 1 : 0.6);
      }
      // "trades made that day", "the following week" with no date before it in the text: an anaphor with
      // nothing to refer to has no value to give, and is left out (precision first).
      if (r.anchor === 'event' && /^X{4}(?:-[A-Z0-9]+)*$/.test(r.value) && !/\d/.test(r.value)) continue;
      if (r.anchor === 'event' && /X/.test(r.value)) confidence = 0.3;
      out.push(toExpr(text, s.start, c.start, c.end, c.rule, r, Math.round(confidence * 100) / 100));
      // A night ("overnight") hangs off the narrative's day; it does not become the day itself.
      if (r.interval && r.interval.granularity === 'day' && r.anchor !== 'event' && !/X/.test(r.value) && c.rule !== 'overnight') lastDay = r.interval.from;
      if (r.interval && r.interval.granularity === 'day' && r.anchor === 'event') lastDay = r.interval.from;
      if (r.interval && r.type === 'DATE' && !/X/.test(r.value) && c.rule !== 'overnight') {
        const g = r.interval.granularity;
        if (g === 'day' || g === 'week' || g === 'month') lastMonth = { day: r.interval.from, sentence: index, ...(g === 'month' ? { month: true } : {}) };
        if (g !== 'decade' && g !== 'century') lastYear = { day: r.interval.from, sentence: index };
      }
      if (narrative && c.rule !== 'overnight') story = advanceStory(story, r, sentence.slice(Math.max(0, c.start - 24), c.start));
      // The story's day is the day "that night", "the next day" count from.
      if (narrative && story !== null && story.granularity === 'day') lastDay = story.day;
      const q = /^(\d{4})-Q([1-4])$/.exec(r.value);
      if (q && c.setsQuarter) {
        // "the quarter" restates the quarter under discussion: it keeps the fiscal mark of the quarter it restates.
        const prev = lastQuarter as ResolveContext['lastQuarter'];
        const fiscal = c.setsQuarter === 'fiscal' || (prev?.fiscal === true && prev.y === Number(q[1]) && prev.q === Number(q[2]));
        lastQuarter = { y: Number(q[1]), q: Number(q[2]), fiscal };
        lastQuarterSentence = index;
      }
    }
  }
  return out;
}

export interface TimeAnalysis {
  published: PublicationDate;
  times: TimeExpr[];
}

export function analyzeTime(article: Readonly<Article>, sentences: readonly Span[], tokens: readonly Token[], options: ExtractOptions = {}): TimeAnalysis {
  // Both passes read the same sentences: the rules run once per sentence (see `findCandidates`).
  const memo: CandidateMemo = new Map();
  const { record, anchor } = inferPublication(article, sentences, tokens, memo);
  return { published: record, times: extractTimes(article.text, sentences, anchor, options, memo) };
}

/** The time layer on a raw text with a known reference day, for benchmarks and the TimeML evaluation. */
export function timesForText(text: string, sentences: readonly Span[], reference: string | null): TimeExpr[] {
  const day = parseIsoDay(reference);
  return extractTimes(text, sentences, day === null ? null : { from: day, to: day, confidence: 1 });
}

export const time: Component = {
  name: 'time',
  version: '1.2.1',
  requires: ['paragraphs', 'sentences', 'tokens'],
  assigns: ['published', 'times'],
  run(article, layers, context) {
    const sentences = layers.sentences ?? [];
    const { published, times } = analyzeTime(article, sentences, layers.tokens ?? []);
    if (published.source === 'unknown' && article.text.trim().length > 0) {
      context.diagnostics.push({
        severity: 'info',
        code: 'TIME_NO_REFERENCE_DATE',
        message: `article ${article.id} has no stated date and its content gives none; relative dates are left unresolved`,
        where: { file: article.origin.file, line: article.origin.line, record: article.origin.record },
      });
    }
    return { published: [published], times };
  },
};
