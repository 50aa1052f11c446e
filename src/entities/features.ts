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
  if (!/[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2013\u2014\u2032\u00b4`]/.test(token)) return token;
  return token
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
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
}

/** Gazetteer: hash of a lowercase phrase (tokens joined by one space) → bitmask of GAZ_* kinds. */
export type Gazetteer = Map<number, number>;
export const GAZ_KINDS = ['city', 'country', 'demonym', 'region', 'org', 'bigcity'] as const;
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

export function wordHashes(form: string, clusters: ClusterTable | null): WordHashes {
  const lw = form.toLowerCase();
  const shape = shortShape(form);
  const self: number[] = [];
  const ctx: number[] = [];
  const hw = h(T_W, form);
  const hlw = h(T_LW, lw);
  const hsh = h(T_SHAPE, shape);
  self.push(hw, hlw, hsh, h(T_LSHAPE, longShape(form)));
  ctx.push(hlw, hsh);
  const n = lw.length;
  for (let k = 1; k <= 5 && k < n; k++) {
    self.push(h(T_PRE + k, lw.slice(0, k)), h(T_SUF + k, lw.slice(n - k)));
  }
  const flags: string[] = [];
  if (isAllCaps(form)) flags.push(form.length === 1 ? 'cap1' : 'allcaps');
  else if (isCapitalized(form)) flags.push(/[A-Z].*[A-Z]/.test(form) ? 'mixedcap' : 'initcap');
  if (/\d/.test(form)) flags.push('digit');
  if (form.includes('-')) flags.push('hyphen');
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(form)) flags.push('abbrev');
  if (/^\p{P}+$/u.test(form)) flags.push('punct');
  if (/[^ -\u024f]/.test(form)) flags.push('nonlatin');
  for (const f of flags) self.push(h(T_FLAG, f));
  if (/\d/.test(form)) self.push(h(T_DIG, lw.replace(/\d/g, '0')));
  const key = lw.replace(/^'+|'+$/g, '');
  const c = clusters?.get(key) ?? (key.endsWith("'s") ? clusters?.get(key.slice(0, -2)) : undefined);
  if (c !== undefined) {
    for (let level = 0; level < c.length; level++) {
      const hc = h(T_C1 + level, String(c[level]));
      self.push(hc);
      ctx.push(hc);
    }
    if (c.length > 1) self.push(mix(h(T_C2, String(c[1])), hashString(shortShape(form))));
  } else if (hasLetter(form)) {
    self.push(h(T_C1, 'none'));
  }
  const cluster = c !== undefined && c.length > 0 ? hashString(String(c[Math.min(2, c.length - 1)]), T_CB) : hlw;
  return { self, ctx, lw: hlw, shape: hsh, cluster };
}

export type Resolve = (hash: number) => number;

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
  /**
   * Score mode: offset in the extractor's vector arena of the summed weights of `self`, then of each
   * `ctx` offset (5 × NUM_TAGS floats); -1 otherwise.
   */
  vec: number;
}

/** Perceptron weights, rows × NUM_TAGS: float while training, int16 as stored and at run time. */
export type Weights = Float32Array | Int16Array;

const OFFSETS = [-2, -1, 1, 2];

function addRow(sc: Float32Array, at: number, weights: Weights, row: number): void {
  const base = row * NUM_TAGS;
  for (let t = 0; t < NUM_TAGS; t++) sc[at + t] += weights[base + t];
}
const GAZ_CACHE = new WeakMap<Gazetteer, WeakMap<readonly string[], Array<number[] | undefined>>>();
const EMPTY_ROWS = new Int32Array(0);
const EMPTY_CTX: Int32Array[] = [];
/** Floats per word in the vector arena: self + four context offsets. */
const WORD_VEC = 5 * NUM_TAGS;
const ROWS_TMP = new Int32Array(256);

/** Stage-independent word feature hashes; `ctx` holds the context hashes at offsets -2, -1, +1, +2 (`ctxLength` each). */
interface SharedWordHashes {
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
/** Keyed by a model's shared per-sentence cache, so the stages of one model share word hashes. */
const WORD_HASH_CACHE = new WeakMap<object, Map<string, SharedWordHashes>>();
const PAD_START = '<S>';
const PAD_END = '</S>';

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

/** Feature hashes that do not depend on a stage: computed once per sentence and shared. */
export interface CommonHashes {
  hashes: Uint32Array;
  offsets: Int32Array;
}

function commonHashes(
  sentence: readonly string[],
  evidence: DocEvidence,
  caps: boolean,
  at: (i: number) => CachedWord,
  gazFeats: Array<number[] | undefined> | null,
): CommonHashes {
  const n = sentence.length;
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const w = at(i);
    const prev = at(i - 1);
    const next = at(i + 1);
    out.push(
      T_BIAS,
      mix(T_BIL, mix(prev.lw, w.lw)),
      mix(T_BIR, mix(w.lw, next.lw)),
      mix(T_SBIL, mix(prev.shape, w.shape)),
      mix(T_SBIR, mix(w.shape, next.shape)),
      mix(T_CBL, mix(prev.cluster, w.cluster)),
      mix(T_CBR, mix(w.cluster, next.cluster)),
      mix(T_LWSH, mix(prev.lw, w.shape)),
      mix(T_SHLW, mix(w.shape, next.lw)),
    );
    if (i === 0) out.push(mix(T_FIRST, w.shape));
    if (caps) out.push(T_CAPSENT, mix(T_CAPSENT, w.lw));
    const gi = gazFeats?.[i];
    if (gi !== undefined) for (const g of gi) out.push(g);
    if (w.letter && (caps || w.capitalized)) {
      const cs = evidence.casing.get(w.lower);
      let capMid = cs?.[0] ?? 0;
      let lowMid = cs?.[1] ?? 0;
      // Exclude this token's own contribution.
      if (!caps && i > 0 && cs !== undefined) {
        if (w.capitalized) capMid--;
        else lowMid--;
      }
      const kind = capMid > 0 && lowMid === 0 ? 0 : lowMid > 0 && capMid === 0 ? 1 : capMid > 0 ? 2 : 3;
      out.push(H_DOCCASE[kind], H_DOCCASE_POS[kind][caps ? 0 : i === 0 ? 1 : 2]);
    }
  }
  offsets[n] = out.length;
  return { hashes: Uint32Array.from(out), offsets };
}

/** Turns documents into per-token feature-row lists, caching per-word features. */
export class FeatureExtractor {
  private cache = new Map<string, CachedWord>();
  /** Score mode: per-word summed vectors (see CachedWord.vec). */
  private vecArena = new Float32Array(1024 * WORD_VEC);
  private vecCount = 0;
  private buffer = new Int32Array(4096);
  private length = 0;

  constructor(
    readonly clusters: ClusterTable | null,
    readonly gazetteer: Gazetteer | null,
    private readonly resolve: Resolve,
    readonly casing: CasingTable | null = null,
    /** When given (run time), `sentence` returns summed static scores instead of rows. */
    private readonly weights: Weights | null = null,
    /** Stage-independent hashes per sentence, shared by the stages of one model. */
    private readonly shared: WeakMap<readonly string[], CommonHashes> | null = null,
  ) {}

  private scores: Float32Array = new Float32Array(0);
  private scoreBase = 0;

  /** Stage-independent hashes of a word (with the casing prior), shared by the stages of one model. */
  private wordFeatureHashes(form: string): SharedWordHashes {
    let byForm: Map<string, SharedWordHashes> | undefined;
    if (this.shared !== null) {
      byForm = WORD_HASH_CACHE.get(this.shared);
      if (byForm === undefined) WORD_HASH_CACHE.set(this.shared, (byForm = new Map()));
      const hit = byForm.get(form);
      if (hit !== undefined) return hit;
      if (byForm.size > 300000) byForm.clear();
    }
    const wh = wordHashes(form, this.clusters);
    const letter = hasLetter(form);
    if (this.casing !== null && letter) {
      const bucket = this.casing.get(hashString(form.toLowerCase()));
      const hc = h(T_CASEPRIOR, bucket === undefined ? 'unseen' : CASING_BUCKETS[bucket]);
      wh.self.push(hc, mix(hc, wh.shape));
      wh.ctx.push(hc);
    }
    const m = wh.ctx.length;
    const ctx = new Uint32Array(OFFSETS.length * m);
    for (let o = 0; o < OFFSETS.length; o++) {
      const salt = T_CTX + OFFSETS[o];
      for (let k = 0; k < m; k++) ctx[o * m + k] = mix(wh.ctx[k], salt);
    }
    const out: SharedWordHashes = {
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
    byForm?.set(form, out);
    return out;
  }

  private rowsOf(hashes: Uint32Array, from: number, to: number): Int32Array {
    let count = 0;
    const tmp = ROWS_TMP.length < to - from ? new Int32Array(to - from) : ROWS_TMP;
    for (let k = from; k < to; k++) {
      const r = this.resolve(hashes[k]);
      if (r >= 0) tmp[count++] = r;
    }
    return tmp.slice(0, count);
  }

  /** Sums the weight rows of `hashes[from..to)` into the vector arena at `at` (zeroed). */
  private vecOf(weights: Weights, hashes: Uint32Array, from: number, to: number, at: number): void {
    const v = this.vecArena;
    v.fill(0, at, at + NUM_TAGS);
    for (let k = from; k < to; k++) {
      const r = this.resolve(hashes[k]);
      if (r < 0) continue;
      const base = r * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) v[at + t] += weights[base + t];
    }
  }

  /** Drops the word caches when they grow too big; only between sentences (arena offsets stay valid within one). */
  private trimCache(): void {
    if (this.cache.size <= 300000) return;
    this.cache.clear();
    this.vecCount = 0;
  }

  private word(form: string): CachedWord {
    let c = this.cache.get(form);
    if (c !== undefined) return c;
    const wh = this.wordFeatureHashes(form);
    const m = wh.ctxLength;
    c = {
      self: EMPTY_ROWS,
      ctx: EMPTY_CTX,
      lw: wh.lw,
      shape: wh.shape,
      cluster: wh.cluster,
      lower: wh.lower,
      letter: wh.letter,
      capitalized: wh.capitalized,
      vec: -1,
    };
    const weights = this.weights;
    if (weights !== null) {
      // Score mode needs only the summed vectors.
      const at = this.vecCount;
      if (at + WORD_VEC > this.vecArena.length) {
        const next = new Float32Array(this.vecArena.length * 2);
        next.set(this.vecArena);
        this.vecArena = next;
      }
      this.vecCount = at + WORD_VEC;
      c.vec = at;
      this.vecOf(weights, wh.self, 0, wh.self.length, at);
      for (let o = 0; o < OFFSETS.length; o++) this.vecOf(weights, wh.ctx, o * m, (o + 1) * m, at + (o + 1) * NUM_TAGS);
    } else {
      c.self = this.rowsOf(wh.self, 0, wh.self.length);
      c.ctx = [this.rowsOf(wh.ctx, 0, m), this.rowsOf(wh.ctx, m, 2 * m), this.rowsOf(wh.ctx, 2 * m, 3 * m), this.rowsOf(wh.ctx, 3 * m, 4 * m)];
    }
    this.cache.set(form, c);
    return c;
  }

  private push(hash: number): void {
    const r = this.resolve(hash);
    if (r < 0) return;
    if (this.weights !== null) {
      const w = this.weights;
      const sc = this.scores;
      const base = r * NUM_TAGS;
      const at = this.scoreBase;
      for (let t = 0; t < NUM_TAGS; t++) sc[at + t] += w[base + t];
      return;
    }
    if (this.length === this.buffer.length) {
      const next = new Int32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = r;
  }

  private addVec(from: number): void {
    const sc = this.scores;
    const v = this.vecArena;
    const at = this.scoreBase;
    for (let t = 0; t < NUM_TAGS; t++) sc[at + t] += v[from + t];
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

  /**
   * Static feature rows for every token of one sentence: `rows` holds them back to back and
   * `offsets[i]..offsets[i+1]` are token i's. Also returns lw/shape hashes for the dynamic features.
   */
  sentence(
    sentence: readonly string[],
    evidence: DocEvidence,
    sentenceIndex: number,
  ): { rows: Int32Array; offsets: Int32Array; lw: Uint32Array; shape: Uint32Array; scores: Float32Array | null } {
    const n = sentence.length;
    const scoreMode = this.weights !== null;
    if (scoreMode) this.scores = new Float32Array(n * NUM_TAGS);
    this.trimCache();
    const words = sentence.map((w) => this.word(w));
    const start = this.word(PAD_START);
    const end = this.word(PAD_END);
    const at = (i: number): CachedWord => (i < 0 ? start : i >= n ? end : words[i]);
    this.length = 0;
    const offsets = new Int32Array(n + 1);
    const lwArr = new Uint32Array(n);
    const shArr = new Uint32Array(n);
    const caps = evidence.capsSentence[sentenceIndex] === true;
    const gazFeats = this.sharedGazetteerFeatures(sentence, caps);
    const stack = evidence.tags?.[sentenceIndex] ?? null;
    let common = this.shared?.get(sentence);
    if (common === undefined) {
      common = commonHashes(sentence, evidence, caps, at, gazFeats);
      this.shared?.set(sentence, common);
    }
    for (let i = 0; i < n; i++) {
      offsets[i] = this.length;
      this.scoreBase = i * NUM_TAGS;
      const w = words[i];
      lwArr[i] = w.lw;
      shArr[i] = w.shape;
      if (scoreMode) {
        this.addVec(w.vec);
        for (let o = 0; o < OFFSETS.length; o++) this.addVec(at(i + OFFSETS[o]).vec + (o + 1) * NUM_TAGS);
      } else {
        this.pushRows(w.self);
        for (let o = 0; o < OFFSETS.length; o++) this.pushRows(at(i + OFFSETS[o]).ctx[o]);
      }
      for (let k = common.offsets[i]; k < common.offsets[i + 1]; k++) this.push(common.hashes[k]);
      if (stack !== null) {
        const tPrev = i > 0 ? stack[i - 1] : NUM_TAGS;
        const tCur = stack[i];
        const tNext = i + 1 < n ? stack[i + 1] : NUM_TAGS;
        this.push(H_STACK[0][tPrev]);
        this.push(H_STACK[1][tCur]);
        this.push(H_STACK[2][tNext]);
        this.push(H_STACK_PAIR[tPrev * (NUM_TAGS + 1) + tCur]);
        this.push(mix(H_STACK[1][tCur], w.lw));
      }
      if (w.letter && (caps || w.capitalized)) {
        const lw = w.lower;
        if (evidence.labels !== null) {
          const labels = evidence.labels.get(lw);
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
    }
    offsets[n] = this.length;
    return {
      rows: scoreMode ? EMPTY_ROWS : this.buffer.slice(0, this.length),
      offsets,
      lw: lwArr,
      shape: shArr,
      scores: scoreMode ? this.scores : null,
    };
  }

  // ---- score mode fast path (run time): reused buffers, no per-token allocation.
  /** Summed static scores of the last `scoreSentence`, token i at `i * NUM_TAGS`. */
  scoreBuf: Float32Array = new Float32Array(64 * NUM_TAGS);
  lwBuf: Uint32Array = new Uint32Array(64);
  shapeBuf: Uint32Array = new Uint32Array(64);
  /** Cached words of the current sentence with two pads each side: token i at `win[i + 2]`. */
  private win: CachedWord[] = [];
  private readonly winAt = (i: number): CachedWord => this.win[i + 2];
  /** Rows of the stage-independent constant features (-1 when unknown), resolved once. */
  private constRows: Int32Array | null = null;

  private constantRows(): Int32Array {
    if (this.constRows !== null) return this.constRows;
    const S = NUM_TAGS + 1;
    const rows = new Int32Array(3 * S + S * S + 1 + 3 * TYPES.length);
    for (let o = 0; o < 3; o++) for (let t = 0; t < S; t++) rows[o * S + t] = this.resolve(H_STACK[o][t]);
    for (let k = 0; k < S * S; k++) rows[3 * S + k] = this.resolve(H_STACK_PAIR[k]);
    const d = 3 * S + S * S;
    rows[d] = this.resolve(H_DOCPRED_NONE);
    for (let t = 0; t < TYPES.length; t++) {
      rows[d + 1 + t] = this.resolve(H_DOCPRED[t]);
      rows[d + 1 + TYPES.length + t] = this.resolve(H_DOCSPAN[t]);
      rows[d + 1 + 2 * TYPES.length + t] = this.resolve(H_DOCMAJ[t]);
    }
    this.constRows = rows;
    return rows;
  }

  /**
   * Score mode only: the same features as `sentence`, summed into `scoreBuf` (token i's static scores
   * at `i * NUM_TAGS`) with lw/shape hashes in `lwBuf`/`shapeBuf`; returns the token count. The
   * buffers are reused by the next call.
   */
  scoreSentence(sentence: readonly string[], evidence: DocEvidence, sentenceIndex: number): number {
    const weights = this.weights;
    if (weights === null) throw new Error('scoreSentence needs weights');
    const n = sentence.length;
    const need = n * NUM_TAGS;
    if (this.scoreBuf.length < need) this.scoreBuf = new Float32Array(Math.max(need, this.scoreBuf.length * 2));
    if (this.lwBuf.length < n) {
      this.lwBuf = new Uint32Array(Math.max(n, this.lwBuf.length * 2));
      this.shapeBuf = new Uint32Array(this.lwBuf.length);
    }
    const sc = this.scoreBuf;
    sc.fill(0, 0, need);
    const lwArr = this.lwBuf;
    const shArr = this.shapeBuf;
    this.trimCache();
    const win = this.win;
    const start = this.word(PAD_START);
    const end = this.word(PAD_END);
    win.length = n + 4;
    win[0] = start;
    win[1] = start;
    for (let i = 0; i < n; i++) win[i + 2] = this.word(sentence[i]);
    win[n + 2] = end;
    win[n + 3] = end;
    const caps = evidence.capsSentence[sentenceIndex] === true;
    let common = this.shared?.get(sentence);
    if (common === undefined) {
      const gazFeats = this.sharedGazetteerFeatures(sentence, caps);
      common = commonHashes(sentence, evidence, caps, this.winAt, gazFeats);
      this.shared?.set(sentence, common);
    }
    const va = this.vecArena;
    const cHashes = common.hashes;
    const cOffsets = common.offsets;
    const resolve = this.resolve;
    const stack = evidence.tags?.[sentenceIndex] ?? null;
    const labelsMap = evidence.labels;
    const cr = stack !== null || labelsMap !== null ? this.constantRows() : null;
    const S = NUM_TAGS + 1;
    const D = 3 * S + S * S;
    const NT = TYPES.length;
    for (let i = 0; i < n; i++) {
      const at = i * NUM_TAGS;
      const w = win[i + 2];
      lwArr[i] = w.lw;
      shArr[i] = w.shape;
      const v0 = w.vec;
      const v1 = win[i].vec + NUM_TAGS;
      const v2 = win[i + 1].vec + 2 * NUM_TAGS;
      const v3 = win[i + 3].vec + 3 * NUM_TAGS;
      const v4 = win[i + 4].vec + 4 * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) sc[at + t] += va[v0 + t] + va[v1 + t] + va[v2 + t] + va[v3 + t] + va[v4 + t];
      for (let k = cOffsets[i]; k < cOffsets[i + 1]; k++) {
        const r = resolve(cHashes[k]);
        if (r >= 0) addRow(sc, at, weights, r);
      }
      if (stack !== null) {
        const tPrev = i > 0 ? stack[i - 1] : NUM_TAGS;
        const tCur = stack[i];
        const tNext = i + 1 < n ? stack[i + 1] : NUM_TAGS;
        let r = cr![tPrev];
        if (r >= 0) addRow(sc, at, weights, r);
        r = cr![S + tCur];
        if (r >= 0) addRow(sc, at, weights, r);
        r = cr![2 * S + tNext];
        if (r >= 0) addRow(sc, at, weights, r);
        r = cr![3 * S + tPrev * S + tCur];
        if (r >= 0) addRow(sc, at, weights, r);
        r = resolve(mix(H_STACK[1][tCur], w.lw));
        if (r >= 0) addRow(sc, at, weights, r);
      }
      if (labelsMap !== null && w.letter && (caps || w.capitalized)) {
        const labels = labelsMap.get(w.lower);
        if (labels === undefined) {
          const r = cr![D];
          if (r >= 0) addRow(sc, at, weights, r);
        } else {
          let best = -1;
          let bestCount = 0;
          for (let t = 0; t < NT; t++) {
            if (labels[t] > 0) {
              const r = cr![D + 1 + t];
              if (r >= 0) addRow(sc, at, weights, r);
            }
            if (labels[t] > bestCount) {
              bestCount = labels[t];
              best = t;
            }
            if (labels[NT + t] > 0) {
              const r = cr![D + 1 + NT + t];
              if (r >= 0) addRow(sc, at, weights, r);
            }
          }
          if (best >= 0) {
            const r = cr![D + 1 + 2 * NT + best];
            if (r >= 0) addRow(sc, at, weights, r);
          }
        }
      }
    }
    return n;
  }

  /** Gazetteer features of a sentence; stages share one gazetteer and see the same sentence arrays, so match once. */
  private sharedGazetteerFeatures(sentence: readonly string[], caps: boolean): Array<number[] | undefined> | null {
    if (this.gazetteer === null) return null;
    let byGaz = GAZ_CACHE.get(this.gazetteer);
    if (byGaz === undefined) GAZ_CACHE.set(this.gazetteer, (byGaz = new WeakMap()));
    let feats = byGaz.get(sentence);
    if (feats === undefined) {
      feats = this.gazetteerFeatures(sentence, caps);
      byGaz.set(sentence, feats);
    }
    return feats;
  }

  /** Gazetteer match features (BILU per kind) for phrases that start with a capitalised token. */
  private gazetteerFeatures(sentence: readonly string[], caps: boolean): Array<number[] | undefined> {
    const gaz = this.gazetteer!;
    const n = sentence.length;
    const feats: Array<number[] | undefined> = new Array<number[] | undefined>(n);
    const add = (j: number, hash: number): void => {
      (feats[j] ??= []).push(hash);
    };
    for (let i = 0; i < n; i++) {
      const first = sentence[i];
      if (!caps && !isCapitalized(first)) continue;
      let hsh = 0x811c9dc5;
      for (let len = 1; len <= GAZ_MAX_LEN && i + len <= n; len++) {
        hsh = extendPhraseHash(hsh, sentence[i + len - 1], len > 1);
        const mask = gaz.get(hsh >>> 0);
        if (mask === undefined) continue;
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if ((mask & (1 << k)) === 0) continue;
          const hk = H_GAZ[k];
          if (len === 1) add(i, hk[0]);
          else {
            add(i, hk[1]);
            for (let j = i + 1; j < i + len - 1; j++) add(j, hk[2]);
            add(i + len - 1, hk[3]);
          }
        }
      }
    }
    return feats;
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
