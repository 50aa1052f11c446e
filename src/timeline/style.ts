/**
 * A learned prior for "timeline-style" sentences: what a journalist's timeline states (a dated, factual
 * event sentence: actor, action, object; no speech, no opinion, no first person) against ordinary news
 * sentences. A small logistic model over general features of the sentence's words and shape, trained by
 * `npm run train:timeline` (train-style.ts) and shipped as models/timeline/style.json; the stage does not
 * choose a candidate whose probability is below `styleFloor` (sentences.ts). As a factor of the
 * candidate's score it lowered AR-2 on the development topics (docs/benchmarks.md, fourth try).
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import { SMART_STOPWORDS } from './stopwords.js';
import { quotedShare } from './text.js';

export interface StyleModel {
  version: string;
  bias: number;
  weights: Record<string, number>;
}

export const STYLE_MODEL_PATH = packagePath('models', 'timeline', 'style.json');

let loaded: StyleModel | null | undefined;

/** The shipped model, or null when the file is absent (the prior is then off). */
export function styleModel(): StyleModel | null {
  if (loaded === undefined) loaded = existsSync(STYLE_MODEL_PATH) ? (JSON.parse(readFileSync(STYLE_MODEL_PATH, 'utf8')) as StyleModel) : null;
  return loaded;
}

/** Undoes Penn Treebank tokenisation (Timeline17 and crisis texts) so both spellings give the same features. */
export function untokenise(text: string): string {
  return text
    .replace(/``|''/g, '"')
    .replace(/-LRB-/g, '(')
    .replace(/-RRB-/g, ')')
    .replace(/ (n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .replace(/ ([,.;:!?)])/g, '$1')
    .replace(/\( /g, '(');
}

/**
 * Day, month and relative-day words: a timeline's entry carries its date, so its sentences seldom name
 * one, while a news sentence must. They are no feature (and a leading "On Monday," is skipped), or the
 * model would learn the format, not the style.
 */
const DATE_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|today|yesterday|tomorrow|tonight|overnight|weekend)$/;
const LEADING_DATE = /^(?:(?:on|by|late|early|since|until|in|last|this|from)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight)\b(?:\s+(?:morning|afternoon|evening|night))?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\s*,?\s*/i;

const ATTRIBUTION = /^(?:said|says|say|told|tells|according|added|stated|claimed|insisted)$/;
const MODAL = /^(?:may|might|could|would|should|must|can|will|likely|perhaps|possibly)$/;
const WORDS = /[\p{L}][\p{L}'’-]*|\d[\d,.]*/gu;
const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My|me|myself|ourselves)\b/;
const SECOND_PERSON = /\b(?:you|You|your|Your)\b/;
const QUOTED = /"[^"]*"|“[^”]*”/g;

function bucket(n: number, edges: readonly number[]): string {
  let i = 0;
  while (i < edges.length && n >= edges[i]) i++;
  return i === 0 ? `<${edges[0]}` : i === edges.length ? `${edges[i - 1]}+` : `${edges[i - 1]}-${edges[i] - 1}`;
}

/**
 * The sentence's features: its lower-cased content words (`w:`; not the scorer's stopwords; the trainer
 * keeps only words that timelines of several topics use), its first word (after a leading date), and
 * word classes and shape: attribution verbs, modals and hedges, the share of capitalised words after
 * the first (names) and of words ending in -ed (past tense), numbers other than years, quotation
 * share, first and second person outside quotes, brackets and punctuation. No length feature: the
 * centrality the prior multiplies already reads length, and timelines are terser than articles.
 */
export function styleFeatures(raw: string): string[] {
  const text = untokenise(raw.trim()).replace(/[“”]/g, '"');
  const words = (text.replace(LEADING_DATE, '').match(WORDS) ?? []).filter((w) => !DATE_WORD.test(w.toLowerCase()));
  const out = new Set<string>();
  let caps = 0;
  let ed = 0;
  words.forEach((w, i) => {
    const lower = w.toLowerCase();
    if (/^\d/.test(w)) {
      if (!/^(?:19|20)\d\d$/.test(w)) out.add('num');
      return;
    }
    if (ATTRIBUTION.test(lower)) out.add('attribution');
    else if (MODAL.test(lower)) out.add('modal');
    else if (!SMART_STOPWORDS.has(lower)) out.add(`w:${lower}`);
    if (i > 0 && /^\p{Lu}/u.test(w)) caps++;
    if (lower.length > 4 && lower.endsWith('ed')) ed++;
  });
  const first = words[0];
  if (first) out.add(/^\d/.test(first) ? 'first:num' : `first:${first.toLowerCase()}`);
  const n = Math.max(1, words.length);
  out.add(`caps:${bucket(Math.round((10 * caps) / n), [1, 2, 3])}`);
  out.add(`ed:${bucket(Math.round((10 * ed) / n), [1, 2])}`);
  const q = quotedShare(text);
  out.add(q === 0 ? 'quote:none' : q < 0.25 ? 'quote:some' : 'quote:much');
  const outside = text.replace(QUOTED, ' ');
  if (FIRST_PERSON.test(outside)) out.add('person:1');
  if (SECOND_PERSON.test(outside)) out.add('person:2');
  if (/[()]/.test(text)) out.add('paren');
  if (/[;:]/.test(text)) out.add('colon');
  if (/\s[-–—]\s/.test(text)) out.add('dash');
  if (/[?!]/.test(text)) out.add('question');
  return [...out];
}

/** The model's probability that the sentence is timeline-style. */
export function styleScore(model: StyleModel, text: string): number {
  let z = model.bias;
  for (const f of styleFeatures(text)) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
