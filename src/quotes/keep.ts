/**
 * The last, learned decision over every quote the rules and the recall pass produce: keep it, or leave
 * it out because its shape is one that is usually not an attribution, or one whose speaker is usually
 * wrong (precision first: a quote with a wrong speaker is worse than none). A logistic model over the
 * quote's kind, cue, speaker form and content form (models/quotes/keep.json), trained by train-recall.ts
 * on the PolNeAR tune split only. A direct quote with a speaker is never dropped by it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import type { Quote } from '../core/layers.js';
import type { LogisticModel } from '../events/logistic.js';
import { recallScore } from './recall.js';
import type { Tok } from './tokens.js';
import { firstAtOrAfter } from './tokens.js';

export const KEEP_MODEL_PATH = packagePath('models', 'quotes', 'keep.json');

export interface KeepInput {
  quote: Quote;
  lemma: string | null;
  /** Speaker token range as found (before resolution), if any. */
  speaker: [number, number] | null;
  /** Speaker and cue come from an earlier quote (a continuation). */
  inherited: boolean;
  /** Confidence the rules gave. */
  confidence: number;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `≤${e}`;
  return `>${edges[edges.length - 1]}`;
}

/** String features of a produced quote. */
export function keepFeatures(toks: readonly Tok[], x: KeepInput): string[] {
  const q = x.quote;
  const a = firstAtOrAfter(toks, q.start);
  const b = firstAtOrAfter(toks, q.end);
  let verb = false;
  let words = 0;
  for (let i = a; i < b; i++) {
    if (toks[i].pos === 'VERB' || toks[i].pos === 'AUX') verb = true;
    if (toks[i].pos !== 'PUNCT') words++;
  }
  const sk = q.speaker ? q.speaker.kind : 'none';
  const head = x.speaker ? toks[x.speaker[1] - 1] : null;
  const first = a < toks.length ? toks[a] : null;
  const f = [
    `kind=${q.kind}`,
    `lemma=${x.lemma ?? 'none'}`,
    `spk=${sk}`,
    `ent=${q.speaker?.entity ? 1 : 0}`,
    `owner=${q.speaker?.owner ? 1 : 0}`,
    `inh=${x.inherited ? 1 : 0}`,
    `conf=${bucket(x.confidence, [0.4, 0.5, 0.6, 0.75, 0.85])}`,
    `words=${bucket(words, [2, 4, 7, 12, 25, 50])}`,
    `verb=${verb ? 1 : 0}`,
    `first=${first ? (first.pos === 'PUNCT' ? first.text : first.lower === 'that' ? 'that' : first.pos) : 'none'}`,
    `head=${head ? head.pos : 'none'}`,
    `kind|spk=${q.kind}|${sk}`,
    `kind|lemma=${q.kind}|${x.lemma ?? 'none'}`,
    `kind|verb=${q.kind}|${verb ? 1 : 0}`,
    `kind|inh=${q.kind}|${x.inherited ? 1 : 0}`,
  ];
  if (q.medium) f.push('medium');
  if (q.addressee) f.push('addressee');
  return f;
}

/** Quotes the model may leave out: reported speech, and quotation marks nobody is found to have said. */
export function keepDecides(q: Quote): boolean {
  return !(q.kind === 'direct' && q.speaker !== null);
}

let loaded: LogisticModel | null | undefined;

export function keepModel(): LogisticModel | null {
  if (loaded === undefined) loaded = existsSync(KEEP_MODEL_PATH) ? (JSON.parse(readFileSync(KEEP_MODEL_PATH, 'utf8')) as LogisticModel) : null;
  return loaded;
}

export function keepScore(model: LogisticModel, features: readonly string[]): number {
  return recallScore(model, features);
}
