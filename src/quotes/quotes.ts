/**
 * `quotes`: who said what. Direct quotes (quotation marks, multi-paragraph, interrupted by the
 * attribution), partial quotes inside reported speech, and indirect speech ("X said …", "…, X said",
 * "according to X"), each with its speaker span, cue, addressee, medium and date phrase.
 *
 * Rules over wink's tokens and POS (no parser): a quotation-mark scan finds quoted spans (quote-marks.ts); an
 * attribution clause is a speaker noun phrase (noun-phrases.ts) next to a cue verb (lexicon.ts, attribution.ts);
 * extract-raw.ts runs the passes (indirect.ts, recall-pass.ts). Speakers are then resolved to entities by
 * speaker.ts (names via mentions, pronouns and nominals to earlier speakers).
 */
import type { Article } from '../core/article.js';
import type { Span } from '../core/article.js';
import type { Layers, Quote, TimeExpr } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import { MEDIUM_RE, MONTHS } from './lexicon.js';
import { keepDecides, keepFeatures, keepModel, keepScore } from './keep.js';
import { resolveSpeakers, type RawSpeaker } from './speaker.js';
import { wholeSpeaker } from './speaker-phrase.js';
import { spanTagFeatures, tagContextFor } from './tagger.js';
import { firstAtOrAfter, type Tok } from './tokens.js';
import { isTimePhrase, nameOfAppositive } from './phrases.js';
import { type ExtractOptions, type RawQuote, taggerOf } from './raw-quote.js';
import { extractRawQuotes } from './extract-raw.js';

export type { Tok } from './tokens.js';
export type { ExtractOptions, RawQuote } from './raw-quote.js';
export { findQuotedSpans, type MarkedSpan } from './quote-marks.js';
export { extractRawQuotes };

// ---------------------------------------------------------------- assembling Quote items

function spanOf(text: string, toks: readonly Tok[], r: [number, number]): Span & { text: string } {
  const start = toks[r[0]].start;
  const end = toks[r[1] - 1].end;
  return { start, end, text: text.slice(start, end) };
}

/** Fewer words than this in quotation marks, with no speaker found: not kept as a quote. */
const SPEAKERLESS_MIN_WORDS = 6;

const WHEN_RE = /\b(?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?\b|\b(?:yesterday|today|tonight|last (?:week|month|night|year))\b/;

/** Words a title leaves in lower case. */
const TITLE_SMALL_WORDS = new Set(['of', 'to', 'the', 'a', 'an', 'and', 'in', 'on', 'for', 'at', 'by', 'or', 'with', 'from', 'as']);

/** “Gifted Hands,” / ''Sons of Trump'': 2–6 words inside quotation marks, every word but the small ones capitalised. */
export function isQuotedTitle(quoted: string): boolean {
  const inner = quoted.replace(/^[\s"“”'‘’]+|[\s"“”'‘’]+$/g, '').replace(/[,.!?;:]+$/, '');
  if (/["“”]/.test(inner)) return false;
  const words = inner.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 6 || !/^[A-Z]/.test(words[0])) return false;
  return words.every((w, i) => /^[A-Z0-9]/.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())));
}

export function extractQuotes(text: string, layers: Readonly<Layers>, options: ExtractOptions = {}): Quote[] {
  const { raw, toks } = extractRawQuotes(text, layers, options);
  const keep = { sink: options.onKeepCandidate, model: options.onKeepCandidate || options.keep === false ? null : keepModel() };
  const tagger = taggerOf(options);
  const speakers: Array<RawSpeaker | null> = raw.map((r) => {
    if (!r.speaker || isTimePhrase(toks, r.speaker)) return null;
    const whole = wholeSpeaker(toks, r.speaker, r.cue);
    if (whole.addressee && !r.addressee) r.addressee = whole.addressee;
    const range = nameOfAppositive(toks, whole.speaker);
    const own: RawSpeaker = { ...spanOf(text, toks, range), tokens: range };
    if (whole.antecedent) own.antecedent = { ...spanOf(text, toks, whole.antecedent), tokens: whole.antecedent };
    return own;
  });
  // continuations: copy the (possibly inherited) speaker and cue
  const byOrder = raw.map((r, i) => ({ r, i }));
  const quotes: Quote[] = [];
  const built = new Map<RawQuote, Quote>();
  const resolved = resolveSpeakers(text, toks, raw, speakers, layers);
  const dates = dateIndex(layers.times ?? []);
  const rawIndex = new Map<RawQuote, number>();
  raw.forEach((r, n) => rawIndex.set(r, n));
  for (const { r, i } of byOrder) {
    let speaker = resolved[i];
    let cue = r.cue ? spanOf(text, toks, r.cue) : null;
    let src = r;
    if (!speaker && r.inheritFrom !== undefined) {
      // follow the chain of continuations
      let target: RawQuote | undefined = r.inheritFrom;
      for (let guard = 0; guard < 10 && target !== undefined; guard++) {
        const idx = rawIndex.get(target) ?? -1;
        if (idx >= 0 && resolved[idx]) {
          speaker = resolved[idx];
          cue = target.cue ? spanOf(text, toks, target.cue) : null;
          src = target;
          break;
        }
        target = target.inheritFrom;
      }
    }
    // a short quoted string nobody is said to have said is a title, slogan or scare quote, not a quote
    if (!speaker && r.kind === 'direct' && (text.slice(r.start, r.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < SPEAKERLESS_MIN_WORDS) continue;
    // a short quoted phrase in title case is a title or a name — a book, a show, a film, a campaign ("wrote
    // “Tough Choices.”", "a show called “Sons of Trump”") — not something said, whoever is near it
    if (r.kind === 'direct' && isQuotedTitle(text.slice(r.start, r.end))) continue;
    const quote: Quote = {
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      kind: r.kind,
      speaker: speaker ?? null,
      cue,
      confidence: speaker ? r.confidence : Math.min(r.confidence, 0.4),
    };
    if (src.addressee) quote.addressee = spanOf(text, toks, src.addressee);
    if (src.clause) {
      const clause = spanOf(text, toks, src.clause);
      // medium and date phrases live in the attribution clause (and, for lead-ins, before the speaker)
      const from = clause.start;
      const windowStart = lineStartWithin(text, from, 40);
      const windowText = text.slice(windowStart, clause.end);
      const medium = MEDIUM_RE.exec(windowText);
      if (medium && !insideSpan(windowStart + medium.index, r)) {
        const ms = windowStart + medium.index;
        quote.medium = { start: ms, end: ms + medium[0].length, text: medium[0] };
      }
      const clauseText = text.slice(clause.start, clause.end);
      const when = WHEN_RE.exec(clauseText);
      if (when) {
        const ws = clause.start + when.index;
        const we = ws + when[0].length;
        quote.when = { start: ws, end: we, text: when[0] };
        const date = dateFromTimes(dates, ws, we);
        if (date) quote.date = date;
      } else {
        const date = dateFromTimes(dates, clause.start, clause.end);
        if (date) quote.date = date;
      }
    }
    if (keep.sink || (keep.model && keepDecides(quote))) {
      const features = keepFeatures(toks, { quote, lemma: src.lemma, speaker: src.speaker, inherited: src !== r, confidence: r.confidence });
      if (tagger) features.push(...spanTagFeatures(tagger, tagContextFor(text, toks), firstAtOrAfter(toks, quote.start), firstAtOrAfter(toks, quote.end)));
      if (keep.sink) keep.sink(quote, features);
      else if (keep.model && keepScore(keep.model, features) < keep.model.threshold) continue;
    }
    quotes.push(quote);
    built.set(r, quote);
  }
  for (const r of raw) {
    const parent = r.parent ? built.get(r.parent) : undefined;
    const quote = built.get(r);
    if (!parent || !quote) continue;
    if (!quote.when && parent.when) quote.when = parent.when;
    if (!quote.date && parent.date) quote.date = parent.date;
    if (!quote.medium && parent.medium) quote.medium = parent.medium;
  }
  void MONTHS;
  return quotes;
}

/** "last week", "Tuesday night", "earlier this month": a date phrase read as a speaker is no speaker. */

function insideSpan(offset: number, r: { start: number; end: number }): boolean {
  return offset >= r.start && offset < r.end;
}

/** `from - max`, or the line start when a newline comes sooner (scans at most `max` characters back). */
function lineStartWithin(text: string, from: number, max: number): number {
  const floor = Math.max(0, from - max);
  for (let i = from - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

interface DateIndex {
  /** DATE and TIME expressions sorted by start. */
  items: TimeExpr[];
  /** Largest end among items[0..i]: a backward scan stops once nothing earlier can reach the span. */
  maxEnd: number[];
}

function dateIndex(times: readonly TimeExpr[]): DateIndex {
  const items = times.filter((t) => t.type === 'DATE' || t.type === 'TIME').sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  items.forEach((t, i) => maxEnd.push(Math.max(t.end, i > 0 ? maxEnd[i - 1] : 0)));
  return { items, maxEnd };
}

/** The value of the earliest-starting date overlapping [start, end); O(log n + overlaps). */
function dateFromTimes(index: DateIndex, start: number, end: number): string | null {
  let found: TimeExpr | null = null;
  for (let i = firstAtOrAfter(index.items, end) - 1; i >= 0 && index.maxEnd[i] > start; i--) {
    if (index.items[i].end > start) found = index.items[i];
  }
  return found ? found.value : null;
}

export const quotes: Component = {
  name: 'quotes',
  version: '1.6.0',
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['quotes'],
  run(article: Readonly<Article>, layers: Readonly<Layers>) {
    return { quotes: extractQuotes(article.text, layers) };
  },
};
