/** A quote as extraction finds it (before speakers are resolved), the options and shared context of extraction. */
import type { Layers, Quote, Sentence } from '../core/layers.js';
import type { LogisticModel } from '../events/logistic.js';
import { SPEECH_CUES } from './lexicon.js';
import { taggerModel } from './tagger.js';
import { sharedTokens, type Tok } from './tokens.js';
import type { MarkedSpan } from './quote-marks.js';

// ---------------------------------------------------------------- extraction

export interface RawQuote {
  start: number;
  end: number;
  kind: Quote['kind'];
  speaker: [number, number] | null;
  cue: [number, number] | null;
  lemma: string | null;
  addressee: [number, number] | null;
  clause: [number, number] | null;
  confidence: number;
  /** Inherit speaker and cue from another raw quote (continuations). */
  inheritFrom?: RawQuote;
  /** The statement this one continues ("…, but added that …"): date and medium carry over. */
  parent?: RawQuote;
}

export interface ExtractOptions {
  /** Also extract belief/stance attributions ("X believes that …"). Default true. */
  beliefs?: boolean;
  /** The learned recall pass (recall.ts): on by default, when its model file is present. */
  recall?: boolean;
  /** Training: every recall candidate goes here with its features, and none is kept. */
  onRecallCandidate?: (quote: RawQuote, features: string[]) => void;
  /** Training: this recall model instead of the shipped one. */
  recallModel?: LogisticModel;
  /** The learned keep decision (keep.ts): on by default, when its model file is present. */
  keep?: boolean;
  /** Training: every produced quote goes here with its keep features, and the keep decision is off. */
  onKeepCandidate?: (quote: Quote, features: string[]) => void;
  /** This content tagger (tagger.ts) instead of the shipped one (none is shipped: see tagger.ts); null: no tagger features. */
  taggerModel?: LogisticModel | null;
}

export function taggerOf(options: ExtractOptions): LogisticModel | null {
  return options.taggerModel === undefined ? taggerModel() : options.taggerModel;
}

export interface Ctx {
  text: string;
  toks: Tok[];
  sentences: readonly Sentence[];
  /** Token index range per sentence. */
  sentTok: Array<[number, number]>;
  /** For each token, index of the marked span containing it, or -1. */
  inQuote: Int32Array;
  used: Uint8Array;
}

export function buildTokens(text: string, layers: Readonly<Layers>): Tok[] {
  return sharedTokens(text, layers.tokens ?? []);
}

export function isStandalone(text: string, q: MarkedSpan, paraStart: number): boolean {
  if (q.start === paraStart) return true;
  let i = q.start - 1;
  // any white space, the no-break space many web pages put before a quotation mark included
  while (i > paraStart && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  const c = text[i];
  const inner = text.slice(q.start + 1, Math.min(q.end, q.start + 3));
  if (c === '.' || c === '!' || c === '?') return /^[A-Z0-9‘'"…]/.test(inner) && !/(?:^|[\s.])[A-Z]\.$/.test(text.slice(Math.max(paraStart, i - 3), i + 1));
  if (c === ':' || c === '—' || c === '(') return true;
  // “… peace?” “How can one …”: a quotation right after another that closed on a sentence end
  if ((c === '"' || c === '”') && i > paraStart && /[.?!]/.test(text[i - 1])) return /^[A-Z0-9‘'"…]/.test(inner);
  // a typewriter dash (" - ", " – ", " -- ") before the quotation mark, as in NYT copy
  if ((c === '-' || c === '–' || c === '―') && (text[i - 1] === ' ' || text[i - 1] === '-')) return true;
  if (c === ',') return /^[A-Z0-9‘'"]/.test(inner) || /\b(?:said|says|say|told|added|asked|wrote|declared|stated|replied|explained)\s*,\s*$/i.test(text.slice(Math.max(paraStart, i - 12), i + 1));
  return false;
}

/** Characters an attribution clause between the two halves of an interrupted quote may take. */
export const INTERRUPTION_MAX_CHARS = 120;

/**
 * “Word is,” Trump said last month on Twitter, “that Ford Motor …”: a quote opening in lower case resumes the
 * quote before it when only a short clause with a speech cue, ending in a comma, lies between them.
 */
export function resumesInterrupted(text: string, prev: MarkedSpan | null, q: MarkedSpan): boolean {
  if (!prev || !prev.closed || prev.paragraph !== q.paragraph || !continuesAfter(text, prev)) return false;
  const gap = text.slice(prev.end, q.start);
  if (gap.length > INTERRUPTION_MAX_CHARS || !/,\s*$/.test(gap) || /[.!?;:“”"]/.test(gap.replace(/\b(?:[A-Z][a-z]?|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St)\./g, ''))) return false;
  return gap.split(/[^\p{L}']+/u).some((w) => SPEECH_CUES.has(w.toLowerCase()));
}

/** Ends with a comma/question/exclamation/dash inside the marks: the sentence goes on after the quote. */
export function continuesAfter(text: string, q: MarkedSpan): boolean {
  if (!q.closed) return false;
  let e = text.startsWith("''", q.end - 2) ? q.end - 3 : q.end - 2;
  while (e > q.start && (text[e] === '’' || text[e] === "'" || text[e] === ' ' || text[e] === '\u00a0')) e--;
  const c = text[e];
  return c !== '.' && c !== '…';
}
