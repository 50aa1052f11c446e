/**
 * A token-level tagger of attribution *content*: for one token, the probability that it lies inside the
 * content of some attribution (what was said, claimed or believed), from local features only — the word
 * and its neighbours, the quotation-mark state, the nearest cue word on each side and how far it is, a
 * "that", commas and a colon after that cue, "according to", the token's place in its sentence and
 * paragraph. A logistic model (models/quotes/tagger.json), trained by train-recall.ts on every token of
 * the PolNeAR tune split (labels: inside a gold Content span or not).
 *
 * It does not make quotes itself. Its probabilities over a produced quote's content (the mean, the token
 * just after) can become features of the recall and keep decisions (recall.ts, keep.ts): the tagger learns
 * from ~197k labelled tokens what a content looks like, where the quote-level models see ~2k examples.
 * Only the tokens of the quotes those decisions judge are scored.
 *
 * **Not shipped** (opt-in: `QUOTES_TAGGER=on npm run train:quotes`). Measured on the tune split with
 * cross-fitted taggers (each fold's articles scored by a tagger trained on the other fold), it adds nothing
 * the decisions do not already know: recall cross-validated e2e F1 0.8357 → 0.8341, keep 0.8593 → 0.8593;
 * and as an end boundary (cut a reported content where the tagger's probability falls) it lowered tune e2e
 * F1 at every threshold (docs/benchmarks.md, "quotes12"). With no models/quotes/tagger.json the decisions
 * get no tagger features and the output is the rules' and models' alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import type { LogisticModel } from '../events/logistic.js';
import { BELIEF_CUES, SPEECH_CUES } from './lexicon.js';
import type { Tok } from './tokens.js';

export const TAGGER_MODEL_PATH = packagePath('models', 'quotes', 'tagger.json');

/** Per-article context the token features read, built once in O(tokens). */
export interface TagContext {
  toks: readonly Tok[];
  /** Inside quotation marks (0/1), reset at each paragraph break. */
  marks: Uint8Array;
  /** Nearest cue token before / after in the same sentence, or -1. */
  leftCue: Int32Array;
  rightCue: Int32Array;
  /** A "that" between the left cue and the token. */
  thatAfterCue: Uint8Array;
  /** Commas between the left cue and the token (capped at 3). */
  commasAfterCue: Uint8Array;
  /** A colon earlier in the sentence. */
  colonBefore: Uint8Array;
  /** "according" in the sentence. */
  according: Uint8Array;
  /** Index of the token in its sentence, and the sentence's length. */
  inSentence: Int32Array;
  sentenceLength: Int32Array;
  /** The sentence opens a paragraph. */
  paragraphStart: Uint8Array;
  /** Scores cached per model (NaN until computed). */
  scores: WeakMap<LogisticModel, Float32Array>;
}

function cueLemmaOf(t: Tok): string | undefined {
  if (t.lower === 'according') return 'according';
  return SPEECH_CUES.get(t.lower) ?? BELIEF_CUES.get(t.lower);
}

function isOpen(t: Tok): boolean {
  return t.text === '“' || t.text === '«' || t.text === '„';
}

function isClose(t: Tok): boolean {
  return t.text === '”' || t.text === '»';
}

function isStraight(t: Tok): boolean {
  return t.text === '"' || t.text === "''";
}

export function tagContext(text: string, toks: readonly Tok[]): TagContext {
  const n = toks.length;
  const c: TagContext = {
    toks,
    marks: new Uint8Array(n),
    leftCue: new Int32Array(n).fill(-1),
    rightCue: new Int32Array(n).fill(-1),
    thatAfterCue: new Uint8Array(n),
    commasAfterCue: new Uint8Array(n),
    colonBefore: new Uint8Array(n),
    according: new Uint8Array(n),
    inSentence: new Int32Array(n),
    sentenceLength: new Int32Array(n),
    paragraphStart: new Uint8Array(n),
    scores: new WeakMap(),
  };
  let inside = 0;
  let s0 = 0;
  let paraStart = 1;
  for (let i = 0; i <= n; i++) {
    const boundary = i === n || (i > 0 && toks[i].sentence !== toks[i - 1].sentence);
    if (boundary) {
      // close the sentence [s0, i)
      const len = i - s0;
      let hasAccording = 0;
      for (let j = s0; j < i; j++) if (toks[j].lower === 'according') hasAccording = 1;
      let cue = -1;
      let that = 0;
      let commas = 0;
      let colon = 0;
      for (let j = s0; j < i; j++) {
        c.inSentence[j] = j - s0;
        c.sentenceLength[j] = len;
        c.according[j] = hasAccording;
        c.paragraphStart[j] = paraStart;
        c.leftCue[j] = cue;
        c.thatAfterCue[j] = that;
        c.commasAfterCue[j] = commas;
        c.colonBefore[j] = colon;
        const t = toks[j];
        if (cueLemmaOf(t) !== undefined) {
          cue = j;
          that = 0;
          commas = 0;
        } else if (t.lower === 'that') that = 1;
        else if (t.text === ',' && commas < 3) commas++;
        if (t.text === ':') colon = 1;
      }
      cue = -1;
      for (let j = i - 1; j >= s0; j--) {
        c.rightCue[j] = cue;
        if (cueLemmaOf(toks[j]) !== undefined) cue = j;
      }
      if (i === n) break;
      paraStart = text.slice(toks[i - 1].end, toks[i].start).includes('\n') ? 1 : 0;
      s0 = i;
    }
    if (i > 0 && text.slice(toks[i - 1].end, toks[i].start).includes('\n')) inside = 0;
    const t = toks[i];
    if (isOpen(t)) inside = 1;
    else if (isClose(t)) {
      c.marks[i] = 1;
      inside = 0;
      continue;
    } else if (isStraight(t)) {
      // a straight mark toggles; the mark itself counts as inside
      c.marks[i] = 1;
      inside = 1 - inside;
      continue;
    }
    c.marks[i] = inside;
  }
  return c;
}

const contexts = new WeakMap<readonly Tok[], TagContext>();

/** The context of a token array, built once (the token arrays are shared per tokens layer). */
export function tagContextFor(text: string, toks: readonly Tok[]): TagContext {
  let c = contexts.get(toks);
  if (!c) {
    c = tagContext(text, toks);
    contexts.set(toks, c);
  }
  return c;
}

function distance(d: number): string {
  return d <= 1 ? '1' : d <= 3 ? '3' : d <= 6 ? '6' : d <= 12 ? '12' : d <= 25 ? '25' : 'far';
}

/** Function words and cue forms stay as themselves; other words are kept too (rare ones drop out in training). */
function word(t: Tok | undefined): string {
  return t ? t.lower : 'EDGE';
}

/** The string features of token i. */
export function tokenFeatures(c: TagContext, i: number): string[] {
  const toks = c.toks;
  const t = toks[i];
  const prev = i > 0 && toks[i - 1].sentence === t.sentence ? toks[i - 1] : undefined;
  const next = i + 1 < toks.length && toks[i + 1].sentence === t.sentence ? toks[i + 1] : undefined;
  const l = c.leftCue[i];
  const r = c.rightCue[i];
  const ll = l >= 0 ? (cueLemmaOf(toks[l]) ?? '?') : 'none';
  const rl = r >= 0 ? (cueLemmaOf(toks[r]) ?? '?') : 'none';
  const ld = l >= 0 ? distance(i - l) : 'none';
  const rd = r >= 0 ? distance(r - i) : 'none';
  const m = c.marks[i];
  const pos = c.inSentence[i];
  const len = c.sentenceLength[i];
  const third = pos === 0 ? 'first' : pos === len - 1 ? 'last' : pos * 3 < len ? 'a' : pos * 3 < 2 * len ? 'b' : 'c';
  return [
    `w=${t.lower}`,
    `p=${t.pos}`,
    `pw=${word(prev)}`,
    `nw=${word(next)}`,
    `pp=${prev?.pos ?? 'EDGE'}|${t.pos}`,
    `m=${m}`,
    `lc=${ll}|${ld}`,
    `ld=${ld}|${m}`,
    `rc=${rl}|${rd}`,
    `rd=${rd}|${m}`,
    `lr=${ld}|${rd}`,
    `that=${c.thatAfterCue[i]}|${ld}`,
    `com=${c.commasAfterCue[i]}|${ld}`,
    `colon=${c.colonBefore[i]}|${m}`,
    `acc=${c.according[i]}`,
    `sp=${third}|${c.paragraphStart[i]}`,
  ];
}

let loaded: LogisticModel | null | undefined;

/** The shipped tagger, or null when its file is missing (the decisions then get no tagger features). */
export function taggerModel(): LogisticModel | null {
  if (loaded === undefined) loaded = existsSync(TAGGER_MODEL_PATH) ? (JSON.parse(readFileSync(TAGGER_MODEL_PATH, 'utf8')) as LogisticModel) : null;
  return loaded;
}

const weightMaps = new WeakMap<LogisticModel, Map<string, number>>();

export function tokenScore(model: LogisticModel, c: TagContext, i: number): number {
  let cache = c.scores.get(model);
  if (!cache) {
    cache = new Float32Array(c.toks.length).fill(NaN);
    c.scores.set(model, cache);
  }
  const hit = cache[i];
  if (!Number.isNaN(hit)) return hit;
  let weights = weightMaps.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    weightMaps.set(model, weights);
  }
  let z = model.bias;
  for (const f of tokenFeatures(c, i)) z += weights.get(f) ?? 0;
  const p = 1 / (1 + Math.exp(-z));
  cache[i] = p;
  return p;
}

function level(p: number): string {
  return p < 0.3 ? 'lo' : p < 0.7 ? 'mid' : 'hi';
}

/** Content tokens scored for a span's mean: all of a short content, the first and last few of a long one. */
const MEAN_EDGE_TOKENS = 6;

/**
 * Features of a content token range [a, b) from the tagger's probabilities: the mean over the content and
 * the probability of the token just after it, each as low / mid / high. (Finer features — tenths, the
 * first and last token, the token before, the share under 0.5 — cross-validated worse on tune.)
 */
export function spanTagFeatures(model: LogisticModel, c: TagContext, a: number, b: number): string[] {
  if (b <= a) return ['tg=empty'];
  let sum = 0;
  let n = 0;
  for (let i = a; i < b; i++) {
    if (b - a > 2 * MEAN_EDGE_TOKENS && i === a + MEAN_EDGE_TOKENS) i = b - MEAN_EDGE_TOKENS;
    sum += tokenScore(model, c, i);
    n++;
  }
  const after = b < c.toks.length && c.toks[b].sentence === c.toks[b - 1].sentence ? level(tokenScore(model, c, b)) : 'edge';
  return [`tgmean=${level(sum / n)}`, `tgafter=${after}`];
}


