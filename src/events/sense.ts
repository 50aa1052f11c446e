/**
 * The sense check: is a sentence that holds an ACLED-typed trigger a report of political violence,
 * protest or a political act — or a word of sport, business, entertainment or technology ("the Six
 * Nations clash", "beaten into fourth", "agreed a deal with adidas", "struck by a missile" thrown from
 * the stands)? A logistic regression over the sentence's words and bigrams and the words around the
 * trigger (models/events/sense.json, trained by train.ts on conflict timelines and the ACLED tuning
 * rows 0–999 vs. non-conflict news; never on the held-out split of `eval events`). An event whose best
 * mention scores below the model's threshold is no conflict event: sense-veto.ts checks every conflict
 * event after extraction (an inner check of a list of ambiguous words in extract.ts ran the model twice
 * and was removed with a byte-identical parity run).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EventRecord, Layers, Sentence, Token } from '../core/layers.js';
import { packagePath } from '../core/paths.js';
import type { LogisticModel } from './logistic.js';

export type SenseModel = LogisticModel;

export const SENSE_MODEL_PATH = packagePath('models', 'events', 'sense.json');

let loaded: SenseModel | null | undefined;

/** The shipped model, read once; null when absent (then no event is vetoed). */
export function senseModel(): SenseModel | null {
  if (loaded === undefined) loaded = existsSync(SENSE_MODEL_PATH) ? (JSON.parse(readFileSync(SENSE_MODEL_PATH, 'utf8')) as SenseModel) : null;
  return loaded;
}

const norm = (w: string): string => (/^\d[\d,.]*$/.test(w) ? '#' : w.toLowerCase());

/**
 * Features of one trigger in its sentence: the trigger and its lemma, the words up to WINDOW either side
 * (with their side and, for the nearest two, their distance), the bigrams through the trigger, and the
 * sentence's other words of three letters or more (`s:`). The far words once told style more than
 * sense; with monitors' notes among the positives they tell the topic ("Nadal", "shares").
 */
export function senseFeatures(words: readonly string[], trigger: number, type: string): string[] {
  const f = new Set<string>();
  const w = words.map(norm);
  const t = w[trigger] ?? '';
  f.add(`t:${t}`);
  f.add(`lem:${lemma(t)}`);
  for (let d = -WINDOW; d <= WINDOW; d++) {
    const x = w[trigger + d];
    if (d === 0 || x === undefined) continue;
    f.add(`${d < 0 ? 'l' : 'r'}:${x}`);
    if (Math.abs(d) <= 2) f.add(`${d}:${x}`);
  }
  f.add(`tl:${w[trigger - 1] ?? '^'}_${t}`);
  f.add(`tr:${t}_${w[trigger + 1] ?? '$'}`);
  f.add(`type:${type}`);
  for (let i = 0; i < w.length; i++) if (Math.abs(i - trigger) > WINDOW && /^[a-z]{3,}$/.test(w[i])) f.add(`s:${w[i]}`);
  f.add('bias');
  return [...f];
}

const WINDOW = 5;

/**
 * A crude lemma of a trigger word ("struck" stays, "clashes"/"clashed"/"clashing" → "clash"), so that
 * the forms of one verb share a weight.
 */
export function lemma(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:sh|ch|[sxz])es$/.test(w)) return w.slice(0, -2);
  const m = /^(.{3,})(?:ing|ed)$/.exec(w) ?? /^(.{3,}[^s])s$/.exec(w);
  if (!m) return w;
  return /([bdgmnprt])\1$/.test(m[1]) ? m[1].slice(0, -1) : m[1];
}

export function senseScore(model: SenseModel, features: readonly string[]): number {
  let z = model.bias;
  for (const x of features) z += model.weights[x] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The features of each mention of an event (its trigger in its sentence). `bySentence` holds the
 * tokens of each sentence (built once per article by `tokensBySentence`).
 */
export function eventSenseFeatures(text: string, sentences: readonly Sentence[], bySentence: ReadonlyArray<readonly Token[]>, e: Pick<EventRecord, 'trigger' | 'mentions' | 'acled'>): string[][] {
  const out: string[][] = [];
  const type = e.acled?.subEventType ?? 'none';
  for (const m of e.mentions?.length ? e.mentions : [e.trigger]) {
    const s = sentenceAt(sentences, m.start);
    const toks = s >= 0 ? bySentence[s] ?? [] : [];
    const words = toks.map((t) => text.slice(t.start, t.end));
    const i = toks.findIndex((t) => t.start >= m.start);
    out.push(senseFeatures(words, Math.max(0, i), type));
  }
  return out;
}

export function tokensBySentence(layers: Readonly<Layers>): Token[][] {
  const out: Token[][] = (layers.sentences ?? []).map(() => []);
  for (const t of layers.tokens ?? []) out[t.sentence]?.push(t);
  return out;
}
