/**
 * Feature extraction for the NER tagger (Ratinov & Roth 2009 style): word identity, shape, affixes,
 * capitalisation, a ±2 context window, word clusters, gazetteer matches, document-level case evidence
 * and (second pass) document-level label evidence from the first pass.
 *
 * Every feature is a 32-bit hash; a `resolve` function maps hashes to weight rows (the trainer grows
 * its dictionary, the runtime model looks rows up and drops unknown features). Word-intrinsic and
 * context-offset features are cached per word form, so tagging mostly concatenates cached row lists.
 */
import { hashString, mix } from './hash.js';

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];
/** Tags: 0 = O; for type t: B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t (BILOU). */
export const NUM_TAGS = 1 + 4 * TYPES.length;

export const tagB = (t: number): number => 1 + 4 * t;
export const tagI = (t: number): number => 2 + 4 * t;
export const tagL = (t: number): number => 3 + 4 * t;
export const tagU = (t: number): number => 4 + 4 * t;
export const tagType = (tag: number): number => (tag === 0 ? -1 : (tag - 1) >> 2);
export const tagPart = (tag: number): 'O' | 'B' | 'I' | 'L' | 'U' => (tag === 0 ? 'O' : (['B', 'I', 'L', 'U'] as const)[(tag - 1) & 3]);

/** allowed[prev * NUM_TAGS + cur]; prev = NUM_TAGS means sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NUM_TAGS + 1) * NUM_TAGS);
  for (let prev = 0; prev <= NUM_TAGS; prev++) {
    const open = prev < NUM_TAGS && (tagPart(prev) === 'B' || tagPart(prev) === 'I');
    for (let cur = 0; cur < NUM_TAGS; cur++) {
      const part = tagPart(cur);
      let ok: boolean;
      if (open) ok = (part === 'I' || part === 'L') && tagType(cur) === tagType(prev);
      else ok = part === 'O' || part === 'B' || part === 'U';
      a[prev * NUM_TAGS + cur] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** A token span in a sentence: `[start, end)` token indexes with a type index into TYPES. */
export interface TokenSpan {
  start: number;
  end: number;
  type: number;
}

export function tagsToSpans(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const part = tagPart(tag);
    const type = tagType(tag);
    if (part === 'U') {
      spans.push({ start: i, end: i + 1, type });
      open = -1;
    } else if (part === 'B') {
      open = i;
      openType = type;
    } else if (part === 'L' && open >= 0) {
      spans.push({ start: open, end: i + 1, type: openType });
      open = -1;
    } else if (part === 'O') open = -1;
  }
  return spans;
}

export function spansToTags(length: number, spans: readonly TokenSpan[]): Int8Array {
  const tags = new Int8Array(length);
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = tagU(s.type);
    else {
      tags[s.start] = tagB(s.type);
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagI(s.type);
      tags[s.end - 1] = tagL(s.type);
    }
  }
  return tags;
}

// ------------------------------------------------------------------ token forms

/** Normalises typographic variants so news text looks like the training data ("Trump’s" → "Trump's"). */
export function normalizeForm(token: string): string {
  if (!hasVariantPunctuation(token)) return token;
  return token
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
}

/** Whether the token holds a character normalizeForm rewrites: ‘ ’ ‚ ‛ “ ” „ – — ′ ´ or `. */
function hasVariantPunctuation(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x60) continue;
    if (c === 0x60 || c === 0xb4 || c === 0x2013 || c === 0x2014 || c === 0x2032 || (c >= 0x2018 && c <= 0x201e)) return true;
  }
  return false;
}

function charClass(code: number, ch: string): string {
  if (code >= 48 && code <= 57) return 'd';
  if (ch !== ch.toLowerCase()) return 'X';
  if (ch !== ch.toUpperCase()) return 'x';
  return ch;
}

export function longShape(w: string): string {
  let s = '';
  for (let i = 0; i < w.length && i < 12; i++) s += charClass(w.charCodeAt(i), w[i]);
  return s;
}

export function shortShape(w: string): string {
  let s = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const c = charClass(w.charCodeAt(i), w[i]);
    if (c !== last) s += c;
    last = c;
  }
  return s;
}

export function isCapitalized(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128 || Number.isNaN(code)) return false;
  const c = w[0];
  return c !== c.toLowerCase();
}

function hasLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
    if (code >= 128) return w.toLowerCase() !== w.toUpperCase();
  }
  return false;
}

export function isAllCaps(w: string): boolean {
  return hasLetter(w) && w === w.toUpperCase();
}

// ------------------------------------------------------------------ templates

const T = (name: string): number => hashString(name);
const T_BIAS = T('bias');
const T_W = T('w');
const T_LW = T('lw');
const T_SHAPE = T('sh');
const T_LSHAPE = T('lsh');
const T_PRE = T('pre');
const T_SUF = T('suf');
const T_FLAG = T('flag');
const T_C1 = T('c1');
const T_C2 = T('c2');
const T_DIG = T('dig');
const T_CTX = T('ctx');
const T_CB = T('cb');
const T_CBL = T('cbl');
const T_CBR = T('cbr');
const T_LWSH = T('lwsh');
const T_SHLW = T('shlw');
const T_BIL = T('bil');
const T_BIR = T('bir');
const T_SBIL = T('sbil');
const T_SBIR = T('sbir');
const T_FIRST = T('first');
const T_CAPSENT = T('capsent');
const T_GAZ = T('gaz');
const T_DOCCASE = T('doccase');
const T_DOCPRED = T('docpred');
const T_DOCMAJ = T('docmaj');
const T_DOCSPAN = T('docspan');
const T_P1 = T('p1');
const T_P12 = T('p12');
const T_P1W = T('p1w');
const T_P1S = T('p1s');

const h = (template: number, value: string): number => hashString(value, template);

/** Word clusters: lowercase word → cluster id at each granularity (coarse to fine). */
export interface ClusterTable {
  get(word: string): readonly number[] | undefined;
  readonly size: number;
  /**
   * Whether a word with digits missing from the table is looked up digit-folded: only tables with news-vector
   * levels (which store "covid-00"), so the shipped GloVe-only model sees exactly the inputs it was trained on.
   */
  readonly foldDigits?: boolean;
}

/**
 * A cluster id meaning "this word is not in this column's source" (tables that join two sources, e.g. the GloVe
 * levels and the news-vector levels of scripts/ner-vector-clusters.py): the level gives no feature.
 */
export const NO_CLUSTER = 65535;

/**
 * The cluster ids of a lowercase word: its own row, else the row of the word without a trailing 's, else (for a
 * word with digits, in a table that folds digits) the row of its digit-folded form ("covid-19" → "covid-00", as the
 * news vectors store it).
 */
function lookupCluster(clusters: ClusterTable, key: string, digit: boolean): readonly number[] | undefined {
  const c = clusters.get(key) ?? (key.endsWith("'s") ? clusters.get(key.slice(0, -2)) : undefined);
  if (c !== undefined || !digit || clusters.foldDigits !== true) return c;
  return clusters.get(key.replace(/\d/g, '0'));
}

/** Gazetteer: hash of a lowercase phrase (tokens joined by one space) → bitmask of GAZ_* kinds. */
export type Gazetteer = Map<number, number>;
/** Kinds news* come from the self-trained news lexicon (news-lexicon.ts): each phrase's usual type in recent news. */
export const GAZ_KINDS = ['city', 'country', 'demonym', 'region', 'org', 'bigcity', 'person', 'company', 'newsper', 'newsorg', 'newsloc', 'newsmisc'] as const;
export const GAZ_MAX_LEN = 4;

export function phraseHash(tokens: readonly string[], from: number, to: number): number {
  let hsh = 0x811c9dc5;
  for (let i = from; i < to; i++) hsh = extendPhraseHash(hsh, tokens[i], i > from);
  return hsh >>> 0;
}

/** Extends a phrase hash by one token (lowercased), with a space before it when `space`. */
export function extendPhraseHash(hash: number, w: string, space: boolean): number {
  let hsh = hash;
  if (space) hsh = Math.imul(hsh ^ 32, 0x01000193);
  for (let j = 0; j < w.length; j++) {
    let c = w.charCodeAt(j);
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = w[j].toLowerCase().charCodeAt(0);
    hsh = Math.imul(hsh ^ c, 0x01000193);
  }
  return hsh;
}

/** Hashes of the word-intrinsic features, and the subset used at context offsets. */
interface WordHashes {
  self: number[];
  ctx: number[];
  lw: number;
  shape: number;
  /** Base-level cluster of the word (or its lowercase form when unclustered), for cluster bigrams. */
  cluster: number;
}

/** Code unit of charClass's result for `w[i]` (always one code unit): d, X, x or the character itself. */
function classCode(w: string, i: number): number {
  const code = w.charCodeAt(i);
  if (code >= 48 && code <= 57) return 100;
  if (code >= 65 && code <= 90) return 88;
  if (code >= 97 && code <= 122) return 120;
  if (code < 128) return code;
  const ch = w[i];
  if (ch !== ch.toLowerCase()) return 88;
  if (ch !== ch.toUpperCase()) return 120;
  return code;
}

/** hashString(s.slice(from, to), seed) without making the slice. */
function hashRange(s: string, from: number, to: number, seed: number): number {
  let x = seed >>> 0;
  for (let i = from; i < to; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  return x >>> 0;
}

const H_FLAG = {
  cap1: h(T_FLAG, 'cap1'),
  allcaps: h(T_FLAG, 'allcaps'),
  mixedcap: h(T_FLAG, 'mixedcap'),
  initcap: h(T_FLAG, 'initcap'),
  digit: h(T_FLAG, 'digit'),
  hyphen: h(T_FLAG, 'hyphen'),
  abbrev: h(T_FLAG, 'abbrev'),
  punct: h(T_FLAG, 'punct'),
  nonlatin: h(T_FLAG, 'nonlatin'),
};
const H_C1_NONE = h(T_C1, 'none');

/**
 * The word-intrinsic feature hashes. Shapes and affixes are hashed as they are read rather than
 * built as strings: h(T_SHAPE, shortShape(form)), h(T_LSHAPE, longShape(form)), h(T_PRE + k, prefix)…
 */
export function wordHashes(form: string, clusters: ClusterTable | null): WordHashes {
  const lw = form.toLowerCase();
  // Short shape (runs collapsed) under two seeds, long shape (first 12 characters) under one.
  let hsh = T_SHAPE >>> 0;
  let hshPlain = 0x811c9dc5;
  let hlsh = T_LSHAPE >>> 0;
  let last = -1;
  let digit = false;
  for (let i = 0; i < form.length; i++) {
    const c = classCode(form, i);
    if (c === 100) digit = true;
    if (c !== last) {
      hsh = Math.imul(hsh ^ c, 0x01000193);
      hshPlain = Math.imul(hshPlain ^ c, 0x01000193);
    }
    last = c;
    if (i < 12) hlsh = Math.imul(hlsh ^ c, 0x01000193);
  }
  hsh >>>= 0;
  hshPlain >>>= 0;
  const hlw = h(T_LW, lw);
  const self: number[] = [h(T_W, form), hlw, hsh, hlsh >>> 0];
  const ctx: number[] = [hlw, hsh];
  const n = lw.length;
  for (let k = 1; k <= 5 && k < n; k++) self.push(hashRange(lw, 0, k, T_PRE + k), hashRange(lw, n - k, n, T_SUF + k));
  if (isAllCaps(form)) self.push(form.length === 1 ? H_FLAG.cap1 : H_FLAG.allcaps);
  else if (isCapitalized(form)) self.push(/[A-Z].*[A-Z]/.test(form) ? H_FLAG.mixedcap : H_FLAG.initcap);
  if (digit) self.push(H_FLAG.digit);
  if (form.includes('-')) self.push(H_FLAG.hyphen);
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(form)) self.push(H_FLAG.abbrev);
  if (/^\p{P}+$/u.test(form)) self.push(H_FLAG.punct);
  if (/[^ -\u024f]/.test(form)) self.push(H_FLAG.nonlatin);
  if (digit) self.push(h(T_DIG, lw.replace(/\d/g, '0')));
  const key = lw.charCodeAt(0) === 39 || lw.charCodeAt(n - 1) === 39 ? lw.replace(/^'+|'+$/g, '') : lw;
  const c = clusters === null ? undefined : lookupCluster(clusters, key, digit);
  if (c !== undefined) {
    for (let level = 0; level < c.length; level++) {
      if (c[level] === NO_CLUSTER) continue;
      const hc = h(T_C1 + level, String(c[level]));
      self.push(hc);
      ctx.push(hc);
    }
    if (c[0] === NO_CLUSTER) self.push(H_C1_NONE);
    if (c.length > 1 && c[1] !== NO_CLUSTER) self.push(mix(h(T_C2, String(c[1])), hshPlain));
  } else if (hasLetter(form)) {
    self.push(H_C1_NONE);
  }
  const base = c !== undefined && c.length > 0 ? c[Math.min(2, c.length - 1)] : NO_CLUSTER;
  const cluster = base !== NO_CLUSTER ? hashString(String(base), T_CB) : hlw;
  return { self, ctx, lw: hlw, shape: hsh, cluster };
}

export type Resolve = (hash: number) => number;

/** Perceptron weights, rows × NUM_TAGS: float while training, int16 as stored and at run time. */
export type Weights = Float32Array | Int16Array;

/** Offsets of the neighbour features, in the order of `WordFeatures.ctx`. */
export const CONTEXT_OFFSETS = [-2, -1, 1, 2] as const;
export const PAD_START = '<S>';
export const PAD_END = '</S>';

/**
 * What the tagger knows about one word form, independent of its neighbours and of the model stage:
 * its own feature hashes (`self`, with the casing prior), the hashes it contributes as a neighbour at
 * offsets -2, -1, +1, +2 (`ctx`, `ctxLength` each), and the keys of the bigram and document features.
 */
export interface WordFeatures {
  self: Uint32Array;
  ctx: Uint32Array;
  ctxLength: number;
  lw: number;
  shape: number;
  cluster: number;
  lower: string;
  letter: boolean;
  capitalized: boolean;
}

export function wordFeatures(form: string, clusters: ClusterTable | null, casing: CasingTable | null): WordFeatures {
  const wh = wordHashes(form, clusters);
  const letter = hasLetter(form);
  if (casing !== null && letter) {
    const bucket = casing.get(hashString(form.toLowerCase()));
    const hc = h(T_CASEPRIOR, bucket === undefined ? 'unseen' : CASING_BUCKETS[bucket]);
    wh.self.push(hc, mix(hc, wh.shape));
    wh.ctx.push(hc);
  }
  const m = wh.ctx.length;
  const ctx = new Uint32Array(CONTEXT_OFFSETS.length * m);
  for (let o = 0; o < CONTEXT_OFFSETS.length; o++) {
    const salt = T_CTX + CONTEXT_OFFSETS[o];
    for (let k = 0; k < m; k++) ctx[o * m + k] = mix(wh.ctx[k], salt);
  }
  return {
    self: Uint32Array.from(wh.self),
    ctx,
    ctxLength: m,
    lw: wh.lw,
    shape: wh.shape,
    cluster: wh.cluster,
    lower: form.toLowerCase(),
    letter,
    capitalized: isCapitalized(form),
  };
}

/**
 * The bigram features of two adjacent words a b (their lw/shape/cluster keys): `out[0..4)` are b's
 * features from its left neighbour, `out[4..8)` a's features from its right neighbour.
 */
export function bigramHashes(aLw: number, aShape: number, aCluster: number, bLw: number, bShape: number, bCluster: number, out: Uint32Array): void {
  out[0] = mix(T_BIL, mix(aLw, bLw));
  out[1] = mix(T_SBIL, mix(aShape, bShape));
  out[2] = mix(T_CBL, mix(aCluster, bCluster));
  out[3] = mix(T_LWSH, mix(aLw, bShape));
  out[4] = mix(T_BIR, mix(aLw, bLw));
  out[5] = mix(T_SBIR, mix(aShape, bShape));
  out[6] = mix(T_CBR, mix(aCluster, bCluster));
  out[7] = mix(T_SHLW, mix(aShape, bLw));
}

interface CachedWord {
  self: Int32Array;
  /** Rows of context features at offsets -2, -1, +1, +2. */
  ctx: Int32Array[];
  lw: number;
  shape: number;
  cluster: number;
  lower: string;
  letter: boolean;
  capitalized: boolean;
}

const ROWS_TMP = new Int32Array(256);

/** A document for tagging: sentences of token forms (already normalised with normalizeForm). */
export type Doc = string[][];

/**
 * Per-document evidence gathered before tagging: how a word is cased elsewhere in the document, and
 * (second pass) which labels the first pass gave it elsewhere.
 */
export interface DocEvidence {
  /** lowercase word → [capitalised mid-sentence count, lowercase mid-sentence count] (non-caps sentences). */
  casing: Map<string, [number, number]>;
  /** lowercase word → per-type counts of first-pass labels, plus per-type counts inside multi-token spans. */
  labels: Map<string, Int32Array> | null;
  /** First-pass tags per sentence (second pass only). */
  tags: Int8Array[] | null;
  capsSentence: boolean[];
}

export function isCapsSentence(sentence: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of sentence) {
    if (!hasLetter(w)) continue;
    letters++;
    if (isAllCaps(w)) caps++;
  }
  return letters >= 2 && caps / letters > 0.8;
}

export function docEvidence(doc: Doc, firstPass: TokenSpan[][] | null): DocEvidence {
  const casing = new Map<string, [number, number]>();
  const capsSentence = doc.map(isCapsSentence);
  doc.forEach((sentence, si) => {
    if (capsSentence[si]) return;
    for (let i = 1; i < sentence.length; i++) {
      const w = sentence[i];
      if (!hasLetter(w)) continue;
      const prev = sentence[i - 1];
      if (prev === '.' || prev === '"' || prev === ':' || prev === '?' || prev === '!') continue;
      const lw = w.toLowerCase();
      let c = casing.get(lw);
      if (c === undefined) casing.set(lw, (c = [0, 0]));
      if (isCapitalized(w)) c[0]++;
      else c[1]++;
    }
  });
  let labels: Map<string, Int32Array> | null = null;
  let tags: Int8Array[] | null = null;
  if (firstPass !== null) {
    tags = doc.map((sentence, si) => spansToTags(sentence.length, firstPass[si] ?? []));
    labels = new Map();
    doc.forEach((sentence, si) => {
      for (const span of firstPass[si] ?? []) {
        for (let i = span.start; i < span.end; i++) {
          const lw = sentence[i].toLowerCase();
          let c = labels!.get(lw);
          if (c === undefined) labels!.set(lw, (c = new Int32Array(TYPES.length * 2)));
          c[span.type]++;
          if (span.end - span.start > 1) c[TYPES.length + span.type]++;
        }
      }
    });
  }
  return { casing, labels, tags, capsSentence };
}

/** Casing prior learned from unlabeled news: hash of a lowercase word → bucket (see casingBucket). */
export type CasingTable = Map<number, number>;
export const CASING_BUCKETS = ['low', 'mostlow', 'mixed', 'mostcap', 'cap'] as const;

/** Buckets how often a word is capitalised mid-sentence in unlabeled news. */
export function casingBucket(capitalised: number, lowercase: number): number {
  const r = capitalised / (capitalised + lowercase);
  return r < 0.05 ? 0 : r < 0.35 ? 1 : r < 0.65 ? 2 : r < 0.95 ? 3 : 4;
}

const H_DOCCASE = ['cap', 'low', 'mixed', 'none'].map((k) => h(T_DOCCASE, k));
const H_DOCCASE_POS = ['cap', 'low', 'mixed', 'none'].map((k) => ['C', 'F', 'M'].map((p) => h(T_DOCCASE, `${k}|${p}`)));
const H_DOCPRED_NONE = h(T_DOCPRED, 'none');
const H_DOCPRED = TYPES.map((t) => h(T_DOCPRED, t));
const H_DOCSPAN = TYPES.map((t) => h(T_DOCSPAN, t));
const H_DOCMAJ = TYPES.map((t) => h(T_DOCMAJ, t));
const GAZ_PARTS = ['U', 'B', 'I', 'L'];
const H_GAZ = GAZ_KINDS.map((kind) => GAZ_PARTS.map((part) => h(T_GAZ, `${part}-${kind}`)));
const T_CASEPRIOR = T('caseprior');
const T_STACK = T('stack');
const H_STACK = [-1, 0, 1].map((off) => Array.from({ length: NUM_TAGS + 1 }, (_, tag) => h(T_STACK, `${off}:${tag}`)));
const H_STACK_PAIR = Array.from({ length: (NUM_TAGS + 1) * (NUM_TAGS + 1) }, (_, k) => h(T_STACK, `pair:${k}`));

/**
 * Hashes of the features whose value set is fixed (bias, sentence and document evidence, gazetteer,
 * first-pass tags): the run-time tagger resolves each once per stage instead of once per token.
 */
export const FIXED_HASHES = {
  bias: T_BIAS,
  capsSentence: T_CAPSENT,
  /** [kind] and [kind][position]: kinds cap, low, mixed, none; positions caps sentence, first, middle. */
  docCase: H_DOCCASE,
  docCasePosition: H_DOCCASE_POS,
  /** [kind][part]: kinds GAZ_KINDS, parts U, B, I, L. */
  gazetteer: H_GAZ,
  /** [offset -1, 0, +1][first-pass tag, NUM_TAGS = outside the sentence] and the (previous, current) pair. */
  stack: H_STACK,
  stackPair: H_STACK_PAIR,
  docPredNone: H_DOCPRED_NONE,
  docPred: H_DOCPRED,
  docSpan: H_DOCSPAN,
  docMajority: H_DOCMAJ,
} as const;

/** Hash of the first-token × shape feature. */
export const firstShapeHash = (shape: number): number => mix(T_FIRST, shape);
/** Hash of the caps-sentence × word feature. */
export const capsWordHash = (lw: number): number => mix(T_CAPSENT, lw);
/** Hash of the first-pass tag × word feature (second stage). */
export const stackWordHash = (tag: number, lw: number): number => mix(H_STACK[1][tag], lw);

/** Document-case kind of a word (index into FIXED_HASHES.docCase) from its mid-sentence counts. */
export function docCaseKind(capMid: number, lowMid: number): number {
  return capMid > 0 && lowMid === 0 ? 0 : lowMid > 0 && capMid === 0 ? 1 : capMid > 0 ? 2 : 3;
}

/**
 * Gazetteer matches of the phrases (up to GAZ_MAX_LEN tokens) that start with a capitalised token
 * (any token in a caps sentence): `emit(token, kind * 4 + part)` with parts U, B, I, L.
 * `capitalized(i)` and `firstHash(i)` (the phrase hash of token i alone) may come from a cache.
 */
export function gazetteerMatches(
  gaz: { get(hash: number): number | undefined },
  sentence: readonly string[],
  caps: boolean,
  capitalized: (i: number) => boolean,
  firstHash: (i: number) => number,
  emit: (token: number, feature: number) => void,
): void {
  const n = sentence.length;
  for (let i = 0; i < n; i++) {
    if (!caps && !capitalized(i)) continue;
    let hsh = firstHash(i);
    for (let len = 1; len <= GAZ_MAX_LEN && i + len <= n; len++) {
      if (len > 1) hsh = extendPhraseHash(hsh, sentence[i + len - 1], true);
      const mask = gaz.get(hsh >>> 0);
      if (mask === undefined) continue;
      for (let k = 0; k < GAZ_KINDS.length; k++) {
        if ((mask & (1 << k)) === 0) continue;
        if (len === 1) emit(i, k * 4);
        else {
          emit(i, k * 4 + 1);
          for (let j = i + 1; j < i + len - 1; j++) emit(j, k * 4 + 2);
          emit(i + len - 1, k * 4 + 3);
        }
      }
    }
  }
}

/** Phrase hash of one token alone (the start of gazetteerMatches' phrases). */
export const singleTokenPhraseHash = (w: string): number => extendPhraseHash(0x811c9dc5, w, false);

/**
 * Turns documents into per-token feature-row lists, caching per-word features: the training path,
 * and the reference the run-time tagger (tagger.ts) is checked against.
 */
export class FeatureExtractor {
  private cache = new Map<string, CachedWord>();
  private buffer = new Int32Array(4096);
  private length = 0;
  private readonly pairTmp = new Uint32Array(8);

  constructor(
    readonly clusters: ClusterTable | null,
    readonly gazetteer: Gazetteer | null,
    private readonly resolve: Resolve,
    readonly casing: CasingTable | null = null,
  ) {}

  private rowsOf(hashes: Uint32Array, from: number, to: number): Int32Array {
    let count = 0;
    const tmp = ROWS_TMP.length < to - from ? new Int32Array(to - from) : ROWS_TMP;
    for (let k = from; k < to; k++) {
      const r = this.resolve(hashes[k]);
      if (r >= 0) tmp[count++] = r;
    }
    return tmp.slice(0, count);
  }

  private word(form: string): CachedWord {
    let c = this.cache.get(form);
    if (c !== undefined) return c;
    const wf = wordFeatures(form, this.clusters, this.casing);
    const m = wf.ctxLength;
    c = {
      self: this.rowsOf(wf.self, 0, wf.self.length),
      ctx: [this.rowsOf(wf.ctx, 0, m), this.rowsOf(wf.ctx, m, 2 * m), this.rowsOf(wf.ctx, 2 * m, 3 * m), this.rowsOf(wf.ctx, 3 * m, 4 * m)],
      lw: wf.lw,
      shape: wf.shape,
      cluster: wf.cluster,
      lower: wf.lower,
      letter: wf.letter,
      capitalized: wf.capitalized,
    };
    this.cache.set(form, c);
    return c;
  }

  private push(hash: number): void {
    const r = this.resolve(hash);
    if (r < 0) return;
    if (this.length === this.buffer.length) {
      const next = new Int32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = r;
  }

  private pushRows(rows: Int32Array): void {
    if (this.length + rows.length > this.buffer.length) {
      const next = new Int32Array(Math.max(this.buffer.length * 2, this.length + rows.length));
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer.set(rows, this.length);
    this.length += rows.length;
  }

  /** Gazetteer match features (BILU per kind) per token of a sentence. */
  private gazetteerFeatures(sentence: readonly string[], caps: boolean): Array<number[] | undefined> {
    const feats: Array<number[] | undefined> = new Array<number[] | undefined>(sentence.length);
    if (this.gazetteer === null) return feats;
    gazetteerMatches(
      this.gazetteer,
      sentence,
      caps,
      (i) => isCapitalized(sentence[i]),
      (i) => singleTokenPhraseHash(sentence[i]),
      (j, f) => (feats[j] ??= []).push(H_GAZ[f >> 2][f & 3]),
    );
    return feats;
  }

  /**
   * Static feature rows for every token of one sentence: `rows` holds them back to back and
   * `offsets[i]..offsets[i+1]` are token i's. Also returns lw/shape hashes for the dynamic features.
   */
  sentence(
    sentence: readonly string[],
    evidence: DocEvidence,
    sentenceIndex: number,
  ): { rows: Int32Array; offsets: Int32Array; lw: Uint32Array; shape: Uint32Array } {
    const n = sentence.length;
    if (this.cache.size > 300000) this.cache.clear();
    const words = sentence.map((w) => this.word(w));
    const start = this.word(PAD_START);
    const end = this.word(PAD_END);
    const at = (i: number): CachedWord => (i < 0 ? start : i >= n ? end : words[i]);
    this.length = 0;
    const offsets = new Int32Array(n + 1);
    const lwArr = new Uint32Array(n);
    const shArr = new Uint32Array(n);
    const caps = evidence.capsSentence[sentenceIndex] === true;
    const gazFeats = this.gazetteerFeatures(sentence, caps);
    const stack = evidence.tags?.[sentenceIndex] ?? null;
    const left = new Uint32Array(8);
    const right = this.pairTmp;
    for (let i = 0; i < n; i++) {
      offsets[i] = this.length;
      const w = words[i];
      const prev = at(i - 1);
      const next = at(i + 1);
      lwArr[i] = w.lw;
      shArr[i] = w.shape;
      this.pushRows(w.self);
      for (let o = 0; o < CONTEXT_OFFSETS.length; o++) this.pushRows(at(i + CONTEXT_OFFSETS[o]).ctx[o]);
      bigramHashes(prev.lw, prev.shape, prev.cluster, w.lw, w.shape, w.cluster, left);
      bigramHashes(w.lw, w.shape, w.cluster, next.lw, next.shape, next.cluster, right);
      this.push(T_BIAS);
      this.push(left[0]);
      this.push(right[4]);
      this.push(left[1]);
      this.push(right[5]);
      this.push(left[2]);
      this.push(right[6]);
      this.push(left[3]);
      this.push(right[7]);
      if (i === 0) this.push(firstShapeHash(w.shape));
      if (caps) {
        this.push(T_CAPSENT);
        this.push(capsWordHash(w.lw));
      }
      const gi = gazFeats[i];
      if (gi !== undefined) for (const g of gi) this.push(g);
      if (w.letter && (caps || w.capitalized)) {
        const cs = evidence.casing.get(w.lower);
        let capMid = cs?.[0] ?? 0;
        let lowMid = cs?.[1] ?? 0;
        // Exclude this token's own contribution.
        if (!caps && i > 0 && cs !== undefined) {
          if (w.capitalized) capMid--;
          else lowMid--;
        }
        const kind = docCaseKind(capMid, lowMid);
        this.push(H_DOCCASE[kind]);
        this.push(H_DOCCASE_POS[kind][caps ? 0 : i === 0 ? 1 : 2]);
      }
      if (stack !== null) {
        const tPrev = i > 0 ? stack[i - 1] : NUM_TAGS;
        const tCur = stack[i];
        const tNext = i + 1 < n ? stack[i + 1] : NUM_TAGS;
        this.push(H_STACK[0][tPrev]);
        this.push(H_STACK[1][tCur]);
        this.push(H_STACK[2][tNext]);
        this.push(H_STACK_PAIR[tPrev * (NUM_TAGS + 1) + tCur]);
        this.push(stackWordHash(tCur, w.lw));
      }
      if (w.letter && (caps || w.capitalized) && evidence.labels !== null) {
        const labels = evidence.labels.get(w.lower);
        if (labels === undefined) this.push(H_DOCPRED_NONE);
        else {
          let best = -1;
          let bestCount = 0;
          for (let t = 0; t < TYPES.length; t++) {
            if (labels[t] > 0) this.push(H_DOCPRED[t]);
            if (labels[t] > bestCount) {
              bestCount = labels[t];
              best = t;
            }
            if (labels[TYPES.length + t] > 0) this.push(H_DOCSPAN[t]);
          }
          if (best >= 0) this.push(H_DOCMAJ[best]);
        }
      }
    }
    offsets[n] = this.length;
    return { rows: this.buffer.slice(0, this.length), offsets, lw: lwArr, shape: shArr };
  }
}

/**
 * Rows of the previous-tag features that depend on tags only: `p1[p1]` for `p1` and
 * `p12[p1 * (NUM_TAGS + 1) + p2]` for the tag bigram (-1 when unknown).
 */
export function dynamicTagRows(resolve: Resolve): { p1: Int32Array; p12: Int32Array } {
  const S = NUM_TAGS + 1;
  const p1 = new Int32Array(S);
  const p12 = new Int32Array(S * S);
  for (let a = 0; a < S; a++) {
    p1[a] = resolve(mix(T_P1, a));
    for (let b = 0; b < S; b++) p12[a * S + b] = resolve(mix(T_P12, a * 32 + b));
  }
  return { p1, p12 };
}

/** Hash of the previous-tag × word feature (as in dynamicHashes). */
export const p1WordHash = (p1: number, lw: number): number => mix(T_P1W, mix(p1, lw));
/** Hash of the previous-tag × shape feature (as in dynamicHashes). */
export const p1ShapeHash = (p1: number, shape: number): number => mix(T_P1S, mix(p1, shape));

/** Hashes of the dynamic (previous-tag) features for one token. */
export function dynamicHashes(p1: number, p2: number, lw: number, shape: number, out: number[]): void {
  out.length = 0;
  out.push(mix(T_P1, p1), mix(T_P12, p1 * 32 + p2), mix(T_P1W, mix(p1, lw)), mix(T_P1S, mix(p1, shape)));
}
