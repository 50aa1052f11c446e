/**
 * Tagging a document with the NER model's stages.
 *
 * `FastTagger` is the run-time path. It interns word forms to integer ids once per document (shared
 * by the stages) and keeps, per word id and stage, the summed weights of the word's own features and
 * of its features as a neighbour at each context offset; per adjacent word pair, the summed bigram
 * features; and the rows of every feature whose value set is fixed (document case, gazetteer,
 * first-pass tags) resolved once. Scoring a token is then seven vector adds plus a few rows, fused
 * with the greedy decoder. Weights are int16 and every sum is an exact integer, so it makes the same
 * decisions as the reference path below, whatever the order of addition.
 *
 * `tagWithStages` is the reference: the training path's feature rows (FeatureExtractor) decoded by
 * `decodeSentence`, the decoder training uses. Tests check that both tag alike.
 */
import { HashIndex } from './hash.js';
import {
  ALLOWED,
  FIXED_HASHES,
  GAZ_KINDS,
  NUM_TAGS,
  PAD_END,
  PAD_START,
  TYPES,
  FeatureExtractor,
  bigramHashes,
  capsWordHash,
  docCaseKind,
  docEvidence,
  dynamicHashes,
  dynamicTagRows,
  firstShapeHash,
  gazetteerMatches,
  isAllCaps,
  p1ShapeHash,
  p1WordHash,
  singleTokenPhraseHash,
  stackWordHash,
  tagPart,
  tagsToSpans,
  wordFeatures,
  type CasingTable,
  type ClusterTable,
  type Doc,
  type Gazetteer,
  type TokenSpan,
  type Weights,
} from './features.js';

// ------------------------------------------------------------------ decoding (shared)

/** Tags that leave a span open (B-, I-): not allowed on a sentence's last token. */
const NOT_LAST = (() => {
  const a = new Uint8Array(NUM_TAGS);
  for (let t = 0; t < NUM_TAGS; t++) a[t] = tagPart(t) === 'B' || tagPart(t) === 'I' ? 1 : 0;
  return a;
})();

/** The highest-scoring tag that BILOU allows after `prev` (ties: the lowest tag); no open span at the end. */
function bestAllowedTag(scores: Float64Array | Int32Array, prev: number, last: boolean): number {
  const allowedBase = prev * NUM_TAGS;
  let best = 0;
  let bestScore = -Infinity;
  for (let t = 0; t < NUM_TAGS; t++) {
    if (last && NOT_LAST[t] === 1) continue;
    if (ALLOWED[allowedBase + t] === 0) continue;
    if (scores[t] > bestScore) {
      bestScore = scores[t];
      best = t;
    }
  }
  return best;
}

function addWeights(scores: Float64Array, weights: Weights, row: number): void {
  const base = row * NUM_TAGS;
  for (let t = 0; t < NUM_TAGS; t++) scores[t] += weights[base + t];
}

const SCORES = new Float64Array(NUM_TAGS);
const DYN: number[] = [];

/** Greedy left-to-right decoding of one sentence's feature rows with BILOU constraints (training and reference). */
export function decodeSentence(
  weights: Weights,
  rows: Int32Array,
  offsets: Int32Array,
  lw: Uint32Array,
  shape: Uint32Array,
  resolve: (hash: number) => number,
  out: Int8Array,
): void {
  const n = offsets.length - 1;
  const scores = SCORES;
  const dyn = DYN;
  let p1 = NUM_TAGS;
  let p2 = NUM_TAGS;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    for (let k = offsets[i]; k < offsets[i + 1]; k++) addWeights(scores, weights, rows[k]);
    dynamicHashes(p1, p2, lw[i], shape[i], dyn);
    for (const hsh of dyn) {
      const r = resolve(hsh);
      if (r >= 0) addWeights(scores, weights, r);
    }
    const best = bestAllowedTag(scores, p1, i === n - 1);
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}

/** Reference tagging of a document (sentences of token forms) with a sequence of stages; spans per sentence. */
export function tagWithStages(
  doc: Doc,
  stages: ReadonlyArray<{ weights: Weights; extractor: FeatureExtractor; resolve: (h: number) => number }>,
): TokenSpan[][] {
  let previous: TokenSpan[][] | null = null;
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    const evidence = docEvidence(doc, s === 0 ? null : previous);
    const result: TokenSpan[][] = [];
    for (let si = 0; si < doc.length; si++) {
      const sentence = doc[si];
      if (sentence.length === 0) {
        result.push([]);
        continue;
      }
      const tags = new Int8Array(sentence.length);
      const f = stage.extractor.sentence(sentence, evidence, si);
      decodeSentence(stage.weights, f.rows, f.offsets, f.lw, f.shape, stage.resolve, tags);
      result.push(tagsToSpans(tags));
    }
    previous = result;
  }
  return HARMONIZE && previous !== null ? harmonize(doc, previous) : (previous ?? []);
}

const HARMONIZE = process.env.DATELINE_NER_HARMONIZE !== '0';
const CUT = process.env.DATELINE_NER_CUT !== '0';
const LEAD = process.env.DATELINE_NER_LEAD !== '0';
const LEADING_WORDS = new Set([
  'if', 'instead', 'but', 'when', 'while', 'after', 'before', 'although', 'as', 'at', 'in', 'on', 'by', 'for', 'with',
  'from', 'and', 'or', 'so', 'yet', 'meanwhile', 'however', 'also', 'then', 'now', 'there', 'here', 'this', 'that',
  'these', 'those', 'he', 'she', 'it', 'we', 'they', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'its', 'under',
  'during', 'since', 'until', 'because', 'though', 'where', 'why', 'how', 'what', 'who', 'both', 'only', 'even',
]);
const INNER_WORDS = new Set([
  'of', 'and', "'s", 'de', 'the', 'van', 'for', 'der', 'in', 'on', 'et', 'al', 'da', 'den', 'du', 'des', 'la', 'le',
  'von', 'y', 'bin', 'ibn', 'el', 'di', 'del', 'st.', '&', 'at', 'a', 'to', 'dos', 'das',
]);

/**
 * Document-level agreement after the last stage: the same name written several times gets its
 * majority type, and a lone word that ends a multi-word person name elsewhere in the document is
 * that person ("Dmitry Peskov" … "Peskov").
 */
export function harmonize(doc: Doc, spans: TokenSpan[][]): TokenSpan[][] {
  const votes = new Map<string, Int32Array>();
  const surnames = new Set<string>();
  const surface = (si: number, s: TokenSpan): string => doc[si].slice(s.start, s.end).join(' ').toLowerCase();
  spans.forEach((list, si) =>
    list.forEach((s) => {
      const key = surface(si, s);
      let v = votes.get(key);
      if (v === undefined) votes.set(key, (v = new Int32Array(4)));
      v[s.type]++;
      if (s.type === 0 && s.end - s.start > 1) surnames.add(doc[si][s.end - 1].toLowerCase());
    }),
  );
  return spans.map((list, si) =>
    list.map((s0) => {
      let s = s0;
      // Greedy decoding can leave a span open over ordinary words ("Trump believes this …"): names
      // hold few lowercase words besides particles and function words.
      if (CUT) for (let i = s.start + 1; i < s.end; i++) {
        const w = doc[si][i];
        if (w !== w.toLowerCase() || w === w.toUpperCase() || INNER_WORDS.has(w)) continue;
        let end = i;
        while (end > s.start + 1 && INNER_WORDS.has(doc[si][end - 1])) end--;
        s = { ...s, end };
        break;
      }
      // A sentence-initial function word is not part of a name ("If Germany were …").
      if (LEAD && s.start === 0 && s.end - s.start > 1 && LEADING_WORDS.has(doc[si][0].toLowerCase())) s = { ...s, start: 1 };
      // A person's possessive "'s" is not part of the name (CoNLL keeps it only inside organisation names).
      if (s.type === 0 && s.end - s.start > 1 && doc[si][s.end - 1] === "'s") s = { ...s, end: s.end - 1 };
      const key = surface(si, s);
      if (s.end - s.start === 1 && surnames.has(key) && s.type !== 0) return { ...s, type: 0 };
      const v = votes.get(key);
      if (v === undefined) return s;
      let best = s.type;
      for (let t = 0; t < 4; t++) if (v[t] > v[best]) best = t;
      return best === s.type ? s : { ...s, type: best };
    }),
  );
}

// ------------------------------------------------------------------ run-time tagger

const NT = NUM_TAGS;
/** Tag histories: the tags, and NUM_TAGS for "outside the sentence". */
const NH = NUM_TAGS + 1;
/**
 * Per word id and stage (Int32, `W_STRIDE` apart): the summed rows of its own features (bias
 * included) and of its features as a neighbour at offsets -2, -1, +1, +2 (NT each); then the rows of
 * previous-tag × word (NH) and first-pass-tag × word (NT), resolved on first use.
 */
const W_P1 = 5 * NT;
const W_STACK = W_P1 + NH;
const W_STRIDE = W_STACK + NT;
/** Per word pair and stage: the right word's bigram features, then the left word's (NT each). */
const P_STRIDE = 2 * NT;
/** Per word shape and stage: rows of first-token × shape and previous-tag × shape (NH), resolved on first use. */
const S_STRIDE = 1 + NH;
/** A row not resolved yet (resolving gives -1 for a feature the model does not know). */
const UNSET = -2;

// Rows of the fixed-value features, per stage.
const X_CAPS = 0;
const X_CASE = 1;
const X_CASE_POS = X_CASE + 4;
const X_GAZ = X_CASE_POS + 4 * 3;
const X_STACK = X_GAZ + GAZ_KINDS.length * 4;
const X_STACK_PAIR = X_STACK + 3 * NH;
const X_PRED_NONE = X_STACK_PAIR + NH * NH;
const X_PRED = X_PRED_NONE + 1;
const X_SPAN = X_PRED + TYPES.length;
const X_MAJ = X_SPAN + TYPES.length;
const X_SIZE = X_MAJ + TYPES.length;

// Word flags.
const F_LETTER = 1;
const F_CAP = 2;
const F_ALLCAPS = 4;
/** Sentence punctuation after which a capital says nothing about the next word (see docEvidence). */
const F_BREAK = 8;
const BREAKS = new Set(['.', '"', ':', '?', '!']);

/** The word and pair caches are dropped between documents beyond these sizes (~60 MB and ~45 MB for two stages). */
const CACHE_LIMITS = { words: 60_000, pairs: 160_000 };

interface StageTables {
  weights: Int16Array;
  index: HashIndex;
  /** Rows of previous-tag and tag-bigram features (see dynamicTagRows). */
  p1: Int32Array;
  p12: Int32Array;
  fixed: Int32Array;
  bias: number;
  words: Int32Array;
  pairs: Int32Array;
  shapes: Int32Array;
}

/** Open-addressing (word id, word id) → pair id map. */
class PairIndex {
  private slots = new Int32Array(3 * 4096);
  private mask = 4095;
  size = 0;

  private static slot(a: number, b: number, mask: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca6b);
    h ^= h >>> 15;
    return h & mask;
  }

  get(a: number, b: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = PairIndex.slot(a, b, mask);
    for (;;) {
      const at = i * 3;
      const ka = slots[at];
      if (ka === 0) return -1;
      if (ka === a + 1 && slots[at + 1] === b) return slots[at + 2];
      i = (i + 1) & mask;
    }
  }

  /** Adds a pair known to be absent. */
  add(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const slots = this.slots;
    let i = PairIndex.slot(a, b, this.mask);
    while (slots[i * 3] !== 0) i = (i + 1) & this.mask;
    slots[i * 3] = a + 1;
    slots[i * 3 + 1] = b;
    slots[i * 3 + 2] = value;
    this.size++;
  }

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.slots.length / 3) - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== 0) this.add(old[i] - 1, old[i + 1], old[i + 2]);
  }
}

function growInt32<T extends ArrayBufferLike>(a: Int32Array<T>, length: number, fill = 0): Int32Array<T> {
  if (a.length >= length) return a;
  const next = new Int32Array(Math.max(length, a.length * 2));
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next as Int32Array<T>;
}

/** The run-time tagger of one model (see the file comment). Not re-entrant: one document at a time. */
export class FastTagger {
  private readonly stages: StageTables[];
  // Words: forms interned to ids, with what the bigram, document and gazetteer features read.
  private readonly ids = new Map<string, number>();
  private words = 0;
  private lw = new Uint32Array(1024);
  private shape = new Uint32Array(1024);
  private cluster = new Uint32Array(1024);
  private shapeOf = new Int32Array(1024);
  private lowerOf = new Int32Array(1024);
  private phrase = new Uint32Array(1024);
  private flags = new Uint8Array(1024);
  // Lowercase forms, the keys of the document evidence; a stamp tells whether a count belongs to this document (or stage).
  private readonly lowers = new Map<string, number>();
  private lowerCount = 0;
  private caseStamp = new Int32Array(1024);
  private capMid = new Int32Array(1024);
  private lowMid = new Int32Array(1024);
  private labelStamp = new Int32Array(1024);
  private labels = new Int32Array(1024 * 2 * TYPES.length);
  private epoch = 0;
  private caseEpoch = 0;
  private labelEpoch = 0;
  private readonly shapeIndex = new HashIndex(256);
  private shapeCount = 0;
  private readonly pairIndex = new PairIndex();
  private pairCount = 0;
  // Per-document buffers, tokens back to back.
  private tok = new Int32Array(1024);
  /** Sentence si's n + 1 pair ids (pad, w0), …, (w(n-1), pad) start at sentenceStart[si] + si. */
  private pairOf = new Int32Array(1024);
  private tagsA = new Int8Array(1024);
  private tagsB = new Int8Array(1024);
  private gazHead = new Int32Array(1024);
  private gazNext = new Int32Array(256);
  private gazFeature = new Int32Array(256);
  private gazCount = 0;
  private gazBase = 0;
  private readonly acc = new Int32Array(NT);
  private readonly bigrams = new Uint32Array(8);
  private readonly gazCapitalized = (i: number): boolean => (this.flags[this.tok[this.gazBase + i]] & F_CAP) !== 0;
  private readonly gazFirst = (i: number): number => this.phrase[this.tok[this.gazBase + i]];
  private readonly gazEmit = (j: number, feature: number): void => {
    const e = this.gazCount++;
    if (e >= this.gazNext.length) {
      this.gazNext = growInt32(this.gazNext, e + 1);
      this.gazFeature = growInt32(this.gazFeature, e + 1);
    }
    const k = this.gazBase + j;
    this.gazFeature[e] = feature;
    this.gazNext[e] = this.gazHead[k];
    this.gazHead[k] = e;
  };

  constructor(
    stages: ReadonlyArray<{ weights: Int16Array; index: HashIndex }>,
    private readonly clusters: ClusterTable | null,
    private readonly gazetteer: Gazetteer | null,
    private readonly casing: CasingTable | null,
    private readonly limits: { words: number; pairs: number } = CACHE_LIMITS,
  ) {
    this.stages = stages.map(({ weights, index }) => {
      const resolve = (hsh: number): number => index.get(hsh);
      const rows = dynamicTagRows(resolve);
      const F = FIXED_HASHES;
      const fixed = new Int32Array(X_SIZE);
      fixed[X_CAPS] = resolve(F.capsSentence);
      for (let k = 0; k < 4; k++) {
        fixed[X_CASE + k] = resolve(F.docCase[k]);
        for (let p = 0; p < 3; p++) fixed[X_CASE_POS + k * 3 + p] = resolve(F.docCasePosition[k][p]);
      }
      for (let k = 0; k < GAZ_KINDS.length; k++) for (let p = 0; p < 4; p++) fixed[X_GAZ + k * 4 + p] = resolve(F.gazetteer[k][p]);
      for (let o = 0; o < 3; o++) for (let t = 0; t < NH; t++) fixed[X_STACK + o * NH + t] = resolve(F.stack[o][t]);
      for (let k = 0; k < NH * NH; k++) fixed[X_STACK_PAIR + k] = resolve(F.stackPair[k]);
      fixed[X_PRED_NONE] = resolve(F.docPredNone);
      for (let t = 0; t < TYPES.length; t++) {
        fixed[X_PRED + t] = resolve(F.docPred[t]);
        fixed[X_SPAN + t] = resolve(F.docSpan[t]);
        fixed[X_MAJ + t] = resolve(F.docMajority[t]);
      }
      return {
        weights,
        index,
        p1: rows.p1,
        p12: rows.p12,
        fixed,
        bias: resolve(F.bias),
        words: new Int32Array(1024 * W_STRIDE),
        pairs: new Int32Array(4096 * P_STRIDE),
        shapes: new Int32Array(64 * S_STRIDE),
      };
    });
  }

  /** Tags one document: sentences of token forms (normalised with normalizeForm); spans per sentence. */
  tagDocument(doc: Doc): TokenSpan[][] {
    if (this.stages.length === 0) return [];
    if (this.words > this.limits.words || this.pairCount > this.limits.pairs) this.clear();
    const ns = doc.length;
    let total = 0;
    for (let si = 0; si < ns; si++) total += doc[si].length;
    this.ensureDocument(total, ns);
    const start = this.wordId(PAD_START);
    const end = this.wordId(PAD_END);
    const sentenceStart = new Int32Array(ns + 1);
    const caps = new Uint8Array(ns);
    const tok = this.tok;
    let k = 0;
    for (let si = 0; si < ns; si++) {
      sentenceStart[si] = k;
      const sentence = doc[si];
      let letters = 0;
      let capitals = 0;
      for (let i = 0; i < sentence.length; i++) {
        const id = this.wordId(sentence[i]);
        tok[k++] = id;
        const fl = this.flags[id];
        if ((fl & F_LETTER) !== 0) {
          letters++;
          if ((fl & F_ALLCAPS) !== 0) capitals++;
        }
      }
      caps[si] = letters >= 2 && capitals / letters > 0.8 ? 1 : 0;
    }
    sentenceStart[ns] = k;
    for (let si = 0; si < ns; si++) {
      const b = sentenceStart[si];
      const n = sentenceStart[si + 1] - b;
      if (n === 0) continue;
      const pb = b + si;
      let prev = start;
      for (let i = 0; i < n; i++) {
        const id = tok[b + i];
        this.pairOf[pb + i] = this.pairId(prev, id);
        prev = id;
      }
      this.pairOf[pb + n] = this.pairId(prev, end);
    }
    this.countCasing(sentenceStart, caps);
    this.gazHead.fill(-1, 0, total);
    this.gazCount = 0;
    if (this.gazetteer !== null) {
      for (let si = 0; si < ns; si++) {
        this.gazBase = sentenceStart[si];
        gazetteerMatches(this.gazetteer, doc[si], caps[si] === 1, this.gazCapitalized, this.gazFirst, this.gazEmit);
      }
    }
    let previous: Int8Array | null = null;
    let current = this.tagsA;
    for (let s = 0; s < this.stages.length; s++) {
      if (previous !== null) this.countLabels(previous, sentenceStart);
      for (let si = 0; si < ns; si++) {
        const b = sentenceStart[si];
        const n = sentenceStart[si + 1] - b;
        if (n > 0) this.decode(this.stages[s], previous, b, b + si, n, caps[si] === 1, start, end, current);
      }
      previous = current;
      current = current === this.tagsA ? this.tagsB : this.tagsA;
    }
    const spans: TokenSpan[][] = new Array<TokenSpan[]>(ns);
    for (let si = 0; si < ns; si++) {
      const b = sentenceStart[si];
      spans[si] = tagsToSpans(previous!.subarray(b, sentenceStart[si + 1]));
    }
    return HARMONIZE ? harmonize(doc, spans) : spans;
  }

  /** Scores and greedily decodes one sentence (tokens b..b+n) with one stage; `stack` is the previous stage's tags. */
  private decode(
    st: StageTables,
    stack: Int8Array | null,
    b: number,
    pb: number,
    n: number,
    caps: boolean,
    start: number,
    end: number,
    out: Int8Array,
  ): void {
    const acc = this.acc;
    const weights = st.weights;
    const index = st.index;
    const W = st.words;
    const P = st.pairs;
    const SH = st.shapes;
    const fixed = st.fixed;
    const p1Rows = st.p1;
    const p12Rows = st.p12;
    const tok = this.tok;
    const pairOf = this.pairOf;
    const flags = this.flags;
    const lowerOf = this.lowerOf;
    const shapeOf = this.shapeOf;
    const lwOf = this.lw;
    const gazHead = this.gazHead;
    const gazNext = this.gazNext;
    const gazFeature = this.gazFeature;
    const caseStamp = this.caseStamp;
    const caseEpoch = this.caseEpoch;
    const labelStamp = this.labelStamp;
    const labelEpoch = this.labelEpoch;
    const labels = this.labels;
    const NL = TYPES.length;
    let p1 = NT;
    let p2 = NT;
    for (let i = 0; i < n; i++) {
      const w = tok[b + i];
      const wb = w * W_STRIDE;
      const m2 = (i >= 2 ? tok[b + i - 2] : start) * W_STRIDE + NT;
      const m1 = (i >= 1 ? tok[b + i - 1] : start) * W_STRIDE + 2 * NT;
      const q1 = (i + 1 < n ? tok[b + i + 1] : end) * W_STRIDE + 3 * NT;
      const q2 = (i + 2 < n ? tok[b + i + 2] : end) * W_STRIDE + 4 * NT;
      const pl = pairOf[pb + i] * P_STRIDE;
      const pr = pairOf[pb + i + 1] * P_STRIDE + NT;
      for (let t = 0; t < NT; t++) acc[t] = W[wb + t] + W[m2 + t] + W[m1 + t] + W[q1 + t] + W[q2 + t] + P[pl + t] + P[pr + t];
      const sb = shapeOf[w] * S_STRIDE;
      if (i === 0) {
        let r = SH[sb];
        if (r === UNSET) r = SH[sb] = index.get(firstShapeHash(this.shape[w]));
        if (r >= 0) addRow(acc, weights, r);
      }
      if (caps) {
        addRow(acc, weights, fixed[X_CAPS]);
        addRow(acc, weights, index.get(capsWordHash(lwOf[w])));
      }
      for (let e = gazHead[b + i]; e >= 0; e = gazNext[e]) addRow(acc, weights, fixed[X_GAZ + gazFeature[e]]);
      const fl = flags[w];
      const named = (fl & F_LETTER) !== 0 && (caps || (fl & F_CAP) !== 0);
      if (named) {
        const lid = lowerOf[w];
        const seen = caseStamp[lid] === caseEpoch;
        let capMid = seen ? this.capMid[lid] : 0;
        let lowMid = seen ? this.lowMid[lid] : 0;
        // Exclude this token's own contribution.
        if (!caps && i > 0 && seen) {
          if ((fl & F_CAP) !== 0) capMid--;
          else lowMid--;
        }
        const kind = docCaseKind(capMid, lowMid);
        addRow(acc, weights, fixed[X_CASE + kind]);
        addRow(acc, weights, fixed[X_CASE_POS + kind * 3 + (caps ? 0 : i === 0 ? 1 : 2)]);
      }
      if (stack !== null) {
        const tPrev = i > 0 ? stack[b + i - 1] : NT;
        const tCur = stack[b + i];
        const tNext = i + 1 < n ? stack[b + i + 1] : NT;
        addRow(acc, weights, fixed[X_STACK + tPrev]);
        addRow(acc, weights, fixed[X_STACK + NH + tCur]);
        addRow(acc, weights, fixed[X_STACK + 2 * NH + tNext]);
        addRow(acc, weights, fixed[X_STACK_PAIR + tPrev * NH + tCur]);
        let r = W[wb + W_STACK + tCur];
        if (r === UNSET) r = W[wb + W_STACK + tCur] = index.get(stackWordHash(tCur, lwOf[w]));
        addRow(acc, weights, r);
        if (named) {
          const lid = lowerOf[w];
          if (labelStamp[lid] !== labelEpoch) addRow(acc, weights, fixed[X_PRED_NONE]);
          else {
            const lb = lid * 2 * NL;
            let best = -1;
            let bestCount = 0;
            for (let t = 0; t < NL; t++) {
              const c = labels[lb + t];
              if (c > 0) addRow(acc, weights, fixed[X_PRED + t]);
              if (c > bestCount) {
                bestCount = c;
                best = t;
              }
              if (labels[lb + NL + t] > 0) addRow(acc, weights, fixed[X_SPAN + t]);
            }
            if (best >= 0) addRow(acc, weights, fixed[X_MAJ + best]);
          }
        }
      }
      // Previous-tag features.
      addRow(acc, weights, p1Rows[p1]);
      addRow(acc, weights, p12Rows[p1 * NH + p2]);
      let r = W[wb + W_P1 + p1];
      if (r === UNSET) r = W[wb + W_P1 + p1] = index.get(p1WordHash(p1, lwOf[w]));
      addRow(acc, weights, r);
      r = SH[sb + 1 + p1];
      if (r === UNSET) r = SH[sb + 1 + p1] = index.get(p1ShapeHash(p1, this.shape[w]));
      addRow(acc, weights, r);
      const best = bestAllowedTag(acc, p1, i === n - 1);
      out[b + i] = best;
      p2 = p1;
      p1 = best;
    }
  }

  private wordId(form: string): number {
    const known = this.ids.get(form);
    return known !== undefined ? known : this.addWord(form);
  }

  private addWord(form: string): number {
    const wf = wordFeatures(form, this.clusters, this.casing);
    const id = this.words++;
    if (id >= this.lw.length) this.growWords(id + 1);
    this.lw[id] = wf.lw;
    this.shape[id] = wf.shape;
    this.cluster[id] = wf.cluster;
    this.flags[id] =
      (wf.letter ? F_LETTER : 0) | (wf.capitalized ? F_CAP : 0) | (isAllCaps(form) ? F_ALLCAPS : 0) | (BREAKS.has(form) ? F_BREAK : 0);
    this.phrase[id] = singleTokenPhraseHash(form);
    let lid = this.lowers.get(wf.lower);
    if (lid === undefined) {
      lid = this.lowerCount++;
      if (lid >= this.caseStamp.length) this.growLowers(lid + 1);
      this.lowers.set(wf.lower, lid);
    }
    this.lowerOf[id] = lid;
    let sid = this.shapeIndex.get(wf.shape);
    if (sid < 0) sid = this.addShape(wf.shape);
    this.shapeOf[id] = sid;
    const m = wf.ctxLength;
    for (const st of this.stages) {
      const W = st.words;
      const base = id * W_STRIDE;
      W.fill(0, base, base + W_P1);
      W.fill(UNSET, base + W_P1, base + W_STRIDE);
      addRow(W, st.weights, st.bias, base);
      sumRows(st, wf.self, 0, wf.self.length, W, base);
      for (let o = 0; o < 4; o++) sumRows(st, wf.ctx, o * m, (o + 1) * m, W, base + (o + 1) * NT);
    }
    this.ids.set(form, id);
    return id;
  }

  private addShape(shape: number): number {
    const sid = this.shapeCount++;
    for (const st of this.stages) {
      st.shapes = growInt32(st.shapes, (sid + 1) * S_STRIDE);
      st.shapes.fill(UNSET, sid * S_STRIDE, (sid + 1) * S_STRIDE);
    }
    this.shapeIndex.set(shape, sid);
    return sid;
  }

  private pairId(a: number, b: number): number {
    const known = this.pairIndex.get(a, b);
    if (known >= 0) return known;
    const id = this.pairCount++;
    const h = this.bigrams;
    bigramHashes(this.lw[a], this.shape[a], this.cluster[a], this.lw[b], this.shape[b], this.cluster[b], h);
    for (const st of this.stages) {
      const base = id * P_STRIDE;
      if (base + P_STRIDE > st.pairs.length) st.pairs = growInt32(st.pairs, base + P_STRIDE);
      const P = st.pairs;
      P.fill(0, base, base + P_STRIDE);
      sumRows(st, h, 0, 4, P, base);
      sumRows(st, h, 4, 8, P, base + NT);
    }
    this.pairIndex.add(a, b, id);
    return id;
  }

  /** Mid-sentence capitalised / lowercase counts per lowercase form (docEvidence's casing). */
  private countCasing(sentenceStart: Int32Array, caps: Uint8Array): void {
    const epoch = (this.caseEpoch = ++this.epoch);
    const tok = this.tok;
    const flags = this.flags;
    for (let si = 0; si < caps.length; si++) {
      if (caps[si] === 1) continue;
      for (let k = sentenceStart[si] + 1; k < sentenceStart[si + 1]; k++) {
        const fl = flags[tok[k]];
        if ((fl & F_LETTER) === 0 || (flags[tok[k - 1]] & F_BREAK) !== 0) continue;
        const lid = this.lowerOf[tok[k]];
        if (this.caseStamp[lid] !== epoch) {
          this.caseStamp[lid] = epoch;
          this.capMid[lid] = 0;
          this.lowMid[lid] = 0;
        }
        if ((fl & F_CAP) !== 0) this.capMid[lid]++;
        else this.lowMid[lid]++;
      }
    }
  }

  /** Per lowercase form, the previous stage's labels by type, and by type inside multi-token spans (docEvidence's labels). */
  private countLabels(tags: Int8Array, sentenceStart: Int32Array): void {
    const epoch = (this.labelEpoch = ++this.epoch);
    const NL = TYPES.length;
    const count = (k: number, type: number, multi: boolean): void => {
      const lid = this.lowerOf[this.tok[k]];
      const lb = lid * 2 * NL;
      if (this.labelStamp[lid] !== epoch) {
        this.labelStamp[lid] = epoch;
        this.labels.fill(0, lb, lb + 2 * NL);
      }
      this.labels[lb + type]++;
      if (multi) this.labels[lb + NL + type]++;
    };
    // The spans tagsToSpans reads.
    for (let si = 0; si + 1 < sentenceStart.length; si++) {
      let open = -1;
      let openType = -1;
      for (let k = sentenceStart[si]; k < sentenceStart[si + 1]; k++) {
        const tag = tags[k];
        if (tag === 0) {
          open = -1;
          continue;
        }
        const part = (tag - 1) & 3;
        const type = (tag - 1) >> 2;
        if (part === 3) {
          count(k, type, false);
          open = -1;
        } else if (part === 0) {
          open = k;
          openType = type;
        } else if (part === 2 && open >= 0) {
          for (let j = open; j <= k; j++) count(j, openType, k > open);
          open = -1;
        }
      }
    }
  }

  private ensureDocument(tokens: number, sentences: number): void {
    if (this.tok.length < tokens) {
      const size = Math.max(tokens, this.tok.length * 2);
      this.tok = new Int32Array(size);
      this.tagsA = new Int8Array(size);
      this.tagsB = new Int8Array(size);
      this.gazHead = new Int32Array(size);
    }
    if (this.pairOf.length < tokens + sentences) this.pairOf = new Int32Array(Math.max(tokens + sentences, this.pairOf.length * 2));
  }

  private growWords(length: number): void {
    const size = Math.max(length, this.lw.length * 2);
    const grow = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(a);
      return next;
    };
    this.lw = grow(this.lw, (n) => new Uint32Array(n));
    this.shape = grow(this.shape, (n) => new Uint32Array(n));
    this.cluster = grow(this.cluster, (n) => new Uint32Array(n));
    this.phrase = grow(this.phrase, (n) => new Uint32Array(n));
    this.shapeOf = grow(this.shapeOf, (n) => new Int32Array(n));
    this.lowerOf = grow(this.lowerOf, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    for (const st of this.stages) st.words = growInt32(st.words, size * W_STRIDE);
  }

  private growLowers(length: number): void {
    const size = Math.max(length, this.caseStamp.length * 2);
    this.caseStamp = growInt32(this.caseStamp, size);
    this.capMid = growInt32(this.capMid, size);
    this.lowMid = growInt32(this.lowMid, size);
    this.labelStamp = growInt32(this.labelStamp, size);
    this.labels = growInt32(this.labels, size * 2 * TYPES.length);
  }

  /** Drops the word and pair caches (between documents: ids must stay valid within one). */
  private clear(): void {
    this.ids.clear();
    this.words = 0;
    this.lowers.clear();
    this.lowerCount = 0;
    this.pairIndex.clear();
    this.pairCount = 0;
  }
}

/** Adds weight row `row` (skipped when negative: a feature the model does not know) to `acc[at..at+NT)`. */
function addRow(acc: Int32Array, weights: Int16Array, row: number, at = 0): void {
  if (row < 0) return;
  const base = row * NT;
  for (let t = 0; t < NT; t++) acc[at + t] += weights[base + t];
}

/** Adds the rows of the features `hashes[from..to)` of one stage to `out[at..at+NT)`. */
function sumRows(st: StageTables, hashes: Uint32Array, from: number, to: number, out: Int32Array, at: number): void {
  for (let k = from; k < to; k++) addRow(out, st.weights, st.index.get(hashes[k]), at);
}
