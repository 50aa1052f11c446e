/**
 * The recall pass's learned decision. The rules in quotes.ts keep an indirect attribution only in
 * shapes they know ("X said that …", "…, X said"); a cue verb they pass over ("Mr. Trump was forced …
 * and said his words had been misconstrued", "X warned Congress it would …") is offered here as a
 * candidate — subject or coordinated-clause subject as speaker, the rest of the sentence after the cue
 * as content — and kept when a logistic model over its shape says it is a real attribution with the
 * right speaker. The model (models/quotes/recall.json) is trained by train-recall.ts on the PolNeAR
 * tune split only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import type { LogisticModel } from '../events/logistic.js';
import { PRONOUNS, SPEECH_CUES } from './lexicon.js';
import type { Tok } from './tokens.js';

export const RECALL_MODEL_PATH = packagePath('models', 'quotes', 'recall.json');

export interface RecallCandidate {
  /** The cue token. */
  k: number;
  lemma: string;
  speaker: [number, number];
  /** How the speaker was found: the noun phrase before the cue, or the subject of the clause the cue's "and" joins or its participle hangs on, or the name opening the sentence. */
  how: 'subject' | 'coordinated' | 'participle' | 'initial';
  /** Content token range [a, b). */
  content: [number, number];
  /** A complementiser "that" opens the content. */
  that: boolean;
  /** Sentence token range. */
  sentence: [number, number];
}

/** Function words kept as themselves in context features; other words become their POS tag. */
const CONTEXT_WORDS = new Set([
  'and', 'but', 'who', 'which', 'that', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'will', 'would', 'to', 'not', 'also',
  'by', 'as', 'when', 'if', 'about', 'for', 'on', 'in', 'of', 'with', 'the', 'a', 'it', 'they', 'he', 'she', 'what', 'how', 'whether', 'why',
]);

function ctxWord(t: Tok | undefined): string {
  if (!t) return 'EDGE';
  if (CONTEXT_WORDS.has(t.lower)) return t.lower;
  if (t.pos === 'PUNCT') return t.text === ',' || t.text === ':' || t.text === '—' ? t.text : 'P';
  return t.pos;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `≤${e}`;
  return `>${edges[edges.length - 1]}`;
}

function isMark(t: Tok): boolean {
  return t.text === '“' || t.text === '”' || t.text === '"' || t.text === "''" || t.text === '«' || t.text === '»';
}

/** String features of a candidate's shape: cue, speaker, the words around them, the content's form. */
export function recallFeatures(toks: readonly Tok[], c: RecallCandidate): string[] {
  const { k, lemma, speaker, content } = c;
  const [sa] = c.sentence;
  const [a, b] = content;
  const head = toks[speaker[1] - 1];
  const first = toks[speaker[0]];
  let verb = false;
  let marks = false;
  for (let q = a; q < b; q++) {
    if (toks[q].pos === 'VERB' || toks[q].pos === 'AUX') verb = true;
    if (isMark(toks[q])) marks = true;
  }
  const pron = speaker[1] - speaker[0] === 1 && PRONOUNS.has(first.lower);
  const speech = SPEECH_CUES.has(toks[k].lower);
  const f = [
    `lemma=${lemma}`,
    `form=${toks[k].lower}`,
    `cuepos=${toks[k].pos}`,
    `how=${c.how}`,
    `spkhead=${head.pos}`,
    `spkfirst=${first.pos}`,
    `spklen=${bucket(speaker[1] - speaker[0], [1, 2, 3, 5])}`,
    `spkstart=${speaker[0] === sa ? 1 : 0}`,
    `before=${speaker[0] > sa ? ctxWord(toks[speaker[0] - 1]) : 'START'}`,
    `gap=${bucket(k - speaker[1], [0, 1, 3])}`,
    `prev=${ctxWord(toks[k - 1])}`,
    `next=${ctxWord(toks[k + 1])}`,
    `that=${c.that ? 1 : 0}`,
    `verb=${verb ? 1 : 0}`,
    `marks=${marks ? 1 : 0}`,
    `clen=${bucket(b - a, [1, 3, 6, 12, 25])}`,
    `cfirst=${ctxWord(toks[a])}`,
    `speech=${speech ? 1 : 0}`,
    `lemma|that=${lemma}|${c.that ? 1 : 0}`,
    `lemma|verb=${lemma}|${verb ? 1 : 0}`,
    `how|verb=${c.how}|${verb ? 1 : 0}`,
    `spkhead|pron=${head.pos}|${pron ? 1 : 0}`,
  ];
  if (/^[A-Z]/.test(head.text)) f.push('spkcap');
  if (pron) f.push(`pron=${first.lower}`);
  return f;
}

let loaded: LogisticModel | null | undefined;

/** The shipped model, or null when the file is missing (the recall pass then adds nothing). */
export function recallModel(): LogisticModel | null {
  if (loaded === undefined) loaded = existsSync(RECALL_MODEL_PATH) ? (JSON.parse(readFileSync(RECALL_MODEL_PATH, 'utf8')) as LogisticModel) : null;
  return loaded;
}

/** Weights as a Map, made once per model: a Map lookup of a fresh string is cheaper than a dictionary-mode object's. */
const weightMaps = new WeakMap<LogisticModel, Map<string, number>>();

export function recallScore(model: LogisticModel, features: readonly string[]): number {
  let weights = weightMaps.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    weightMaps.set(model, weights);
  }
  let z = model.bias;
  for (const f of features) z += weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
