/**
 * Tagging a document with the NER model's stages.
 *
 * `FastTagger` is the run-time path. It interns word forms to integer ids once per document (shared
 * by the stages) and keeps, per word id, each stage's summed weights of the word's own features and
 * of its features as a neighbour at each context offset, plus the rows of its previous-tag and
 * first-pass-tag features; per adjacent word pair, each stage's summed bigram features; and the rows
 * of every feature whose value set is fixed (document case, gazetteer, first-pass tags) resolved once.
 * Scoring a token is then seven vector adds plus a handful of rows, fused with the greedy decoder.
 * Weights are int16 and every sum is an exact integer, so it makes the same decisions as the
 * reference path below whatever the order of addition.
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
  extra: Int32Array | null = null,
  extraBase = 0,
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
    if (extra !== null) for (let t = 0; t < NUM_TAGS; t++) scores[t] += extra[extraBase + i * NUM_TAGS + t];
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
  extra: ReadonlyArray<Int32Array | null> = [],
): TokenSpan[][] {
  let previous: TokenSpan[][] | null = null;
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    const evidence = docEvidence(doc, s === 0 ? null : previous);
    const result: TokenSpan[][] = [];
    let base = 0;
    for (let si = 0; si < doc.length; si++) {
      const sentence = doc[si];
      if (sentence.length === 0) {
        result.push([]);
        continue;
      }
      const tags = new Int8Array(sentence.length);
      const f = stage.extractor.sentence(sentence, evidence, si);
      decodeSentence(stage.weights, f.rows, f.offsets, f.lw, f.shape, stage.resolve, tags, extra[s] ?? null, base);
      base += sentence.length * NUM_TAGS;
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
/** Per word (and stage): its own features' summed weights (bias included), then its features as a neighbour at offsets -2, -1, +1, +2. */
const WORD_VEC = 5 * NT;
/** Per word pair (and stage): the right word's bigram features, then the left word's. */
const PAIR_VEC = 2 * NT;

// Rows of the fixed-value features.
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
const X_BIAS = X_MAJ + TYPES.length;
const X_SIZE = X_BIAS + 1;

// Word flags.
const F_LETTER = 1;
const F_CAP = 2;
const F_ALLCAPS = 4;
/** Sentence punctuation after which a capital says nothing about the next word (see docEvidence). */
const F_BREAK = 8;
const BREAKS = new Set(['.', '"', ':', '?', '!']);

/**
 * The word and pair caches are dropped between documents beyond these sizes: with two stages a word
 * takes 824 bytes and a pair 272 (plus its index slot). Their buffers grow by doubling, so each limit sits
 * a document's worth of new entries under a power of two: 16,384 words (13.5 MB) and 65,536 pairs
 * (17.8 MB + 3 MB of index). At 32,000 / 120,000 they held 63 MB on long news for ≈ 1 % less ingest CPU
 * (docs/benchmarks.md, "mem16").
 */
const CACHE_LIMITS = { words: 14_000, pairs: 56_000 };

/** Open-addressing (word id, word id) → pair id map. */
class PairIndex {
  // Assigned in the constructor, not as initialisers: V8 treats a field initialised once as a
  // constant, and optimised code that relied on it is thrown away when it is reassigned (growth).
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor() {
    this.slots = new Int32Array(3 * 64);
    this.mask = 63;
  }

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

  heldBytes(): number {
    return this.slots.byteLength;
  }

  /** Empties the index and gives its grown slots back (the constructor's size). */
  release(): void {
    this.slots = new Int32Array(3 * 64);
    this.mask = 63;
    this.size = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / 3 - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== 0) this.add(old[i] - 1, old[i + 1], old[i + 2]);
  }
}

function growInt32(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (a.length >= length) return a;
  const next = new Int32Array(Math.max(length, a.length * 2));
  next.set(a);
  return next;
}

function growUint32(a: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  if (a.length >= length) return a;
  const next = new Uint32Array(Math.max(length, a.length * 2));
  next.set(a);
  return next;
}

/**
 * The run-time tagger of one model (see the file comment). Not re-entrant: one document at a time.
 *
 * The stages' feature tables are merged: one hash index over the union of their features, whose row
 * holds every stage's weights side by side (zeros where a stage lacks the feature, which add
 * nothing), so one lookup serves all stages. A "row" below is the offset of a feature's weights in
 * that table (-1 for an unknown feature); stage s reads its NT weights at row + s * NT.
 */
export class FastTagger {
  private readonly stageCount: number;
  /** union feature rows: stageCount × NT weights each. */
  private readonly table: Int16Array;
  private readonly index: HashIndex;
  /** Rows of the previous-tag and tag-bigram features (see dynamicTagRows). */
  private readonly p1Rows: Int32Array;
  private readonly p12Rows: Int32Array;
  private readonly fixed = new Int32Array(X_SIZE);
  // Words: forms interned to ids, with what the bigram, document and gazetteer features read.
  private readonly ids = new Map<string, number>();
  private words = 0;
  /** Per word id, `wordStride` apart: each stage's WORD_VEC sums, then the rows of previous-tag × word (NH), first-pass tag × word (NT) and caps-sentence × word. */
  private readonly wordStride: number;
  private readonly wordP1: number;
  private readonly wordStack: number;
  private readonly wordCaps: number;
  private wordData!: Int32Array<ArrayBuffer>;
  // The growable arrays below are assigned in the constructor (allocateGrowable), not as initialisers: V8 treats a field
  // initialised once as a constant, and optimised code that relied on it is thrown away when it is
  // reassigned. They start small so that growth happens (and is seen) before optimisation.
  private lw!: Uint32Array<ArrayBuffer>;
  private shape!: Uint32Array<ArrayBuffer>;
  private cluster!: Uint32Array<ArrayBuffer>;
  private shapeOf!: Int32Array<ArrayBuffer>;
  private lowerOf!: Int32Array<ArrayBuffer>;
  private phrase!: Uint32Array<ArrayBuffer>;
  private flags!: Uint8Array<ArrayBuffer>;
  // Lowercase forms, the keys of the document evidence; a stamp tells whether a count belongs to this document (or stage).
  private readonly lowers = new Map<string, number>();
  private lowerCount = 0;
  private caseStamp!: Int32Array<ArrayBuffer>;
  private capMid!: Int32Array<ArrayBuffer>;
  private lowMid!: Int32Array<ArrayBuffer>;
  private labelStamp!: Int32Array<ArrayBuffer>;
  private labels!: Int32Array<ArrayBuffer>;
  private epoch = 0;
  private caseEpoch = 0;
  private labelEpoch = 0;
  /** Per word shape: rows of first-token × shape and previous-tag × shape (NH). */
  private readonly shapeIndex = new HashIndex(256);
  private shapeCount = 0;
  private shapeRows: Int32Array<ArrayBuffer>;
  // Word pairs: each stage's PAIR_VEC sums.
  private readonly pairIndex = new PairIndex();
  private pairCount = 0;
  private readonly pairStride: number;
  private pairData!: Int32Array<ArrayBuffer>;
  // Per-document buffers, tokens back to back.
  private tok!: Int32Array<ArrayBuffer>;
  /** Sentence si's n + 1 pair ids (pad, w0), …, (w(n-1), pad) start at sentenceStart[si] + si. */
  private pairOf!: Int32Array<ArrayBuffer>;
  private tagsA!: Int8Array<ArrayBuffer>;
  private tagsB!: Int8Array<ArrayBuffer>;
  private gazHead!: Int32Array<ArrayBuffer>;
  private gazNext!: Int32Array<ArrayBuffer>;
  private gazFeature!: Int32Array<ArrayBuffer>;
  private gazCount = 0;
  private gazBase = 0;
  private rowBuf!: Int32Array<ArrayBuffer>;
  private readonly acc = new Int32Array(NT);
  private readonly bigrams = new Uint32Array(8);
  /** Rows of one token's features besides its summed vectors (at most ~90: gazetteer matches are bounded by GAZ_MAX_LEN). */
  private readonly tokenRows = new Int32Array(256);
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
  /** The gazetteer as a HashIndex (faster than its Map); keys 0 and 1, which HashIndex conflates, go to the Map. */
  private readonly gazLookup: { get(hash: number): number | undefined };

  constructor(
    stages: ReadonlyArray<{ keys: Uint32Array; weights: Int16Array }>,
    private readonly clusters: ClusterTable | null,
    private readonly gazetteer: Gazetteer | null,
    private readonly casing: CasingTable | null,
    private readonly limits: { words: number; pairs: number } = CACHE_LIMITS,
  ) {
    const S = (this.stageCount = stages.length);
    const rowStride = S * NT;
    // Union of the stages' features: one row of S × NT weights each.
    const index = new HashIndex(stages.reduce((n, st) => n + st.keys.length, 0));
    const rowOf = stages.map((st) => new Int32Array(st.keys.length));
    let rows = 0;
    stages.forEach((st, s) => {
      for (let i = 0; i < st.keys.length; i++) {
        let row = index.get(st.keys[i]);
        if (row < 0) index.set(st.keys[i], (row = rows++ * rowStride));
        rowOf[s][i] = row;
      }
    });
    const table = new Int16Array(rows * rowStride);
    stages.forEach((st, s) => {
      const w = st.weights;
      const at = rowOf[s];
      for (let i = 0; i < st.keys.length; i++) {
        const to = at[i] + s * NT;
        const from = i * NT;
        for (let t = 0; t < NT; t++) table[to + t] = w[from + t];
      }
    });
    this.table = table;
    this.index = index;
    const resolve = (hsh: number): number => index.get(hsh);
    const dyn = dynamicTagRows(resolve);
    this.p1Rows = dyn.p1;
    this.p12Rows = dyn.p12;
    const F = FIXED_HASHES;
    const fixed = this.fixed;
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
    fixed[X_BIAS] = resolve(F.bias);
    this.wordP1 = S * WORD_VEC;
    this.wordStack = this.wordP1 + NH;
    this.wordCaps = this.wordStack + NT;
    this.wordStride = this.wordCaps + 1;
    this.pairStride = S * PAIR_VEC;
    this.shapeRows = new Int32Array(4 * (1 + NH));
    this.allocateGrowable();
    const gi = new HashIndex(gazetteer?.size ?? 0);
    if (gazetteer !== null) for (const [key, mask] of gazetteer) if (key > 1) gi.set(key, mask);
    this.gazLookup = {
      get: (hsh: number): number | undefined => {
        if (hsh <= 1) return gazetteer?.get(hsh);
        const mask = gi.get(hsh);
        return mask >= 0 ? mask : undefined;
      },
    };
  }

  /**
   * Tags one document: sentences of token forms (normalised with normalizeForm); spans per sentence.
   * `extra[s]`, when given, holds integer scores (tokens back to back × NT) that stage s adds to its own:
   * the window network's scaled log-probabilities (window-net.ts).
   */
  tagDocument(doc: Doc, extra: ReadonlyArray<Int32Array | null> = []): TokenSpan[][] {
    if (this.stageCount === 0) return [];
    // Pairs fill their cache several times faster than words: drop only the pairs when they alone are
    // over, so the words (and the feature rows summed for them) are not recomputed with them.
    if (this.words > this.limits.words) this.clear();
    else if (this.pairCount > this.limits.pairs) this.clearPairs();
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
        gazetteerMatches(this.gazLookup, doc[si], caps[si] === 1, this.gazCapitalized, this.gazFirst, this.gazEmit);
      }
    }
    let previous: Int8Array | null = null;
    let current = this.tagsA;
    for (let s = 0; s < this.stageCount; s++) {
      if (previous !== null) this.countLabels(previous, sentenceStart);
      for (let si = 0; si < ns; si++) {
        const b = sentenceStart[si];
        const n = sentenceStart[si + 1] - b;
        if (n > 0) this.decode(s, previous, b, b + si, n, caps[si] === 1, start, end, current, extra[s] ?? null);
      }
      previous = current;
      current = current === this.tagsA ? this.tagsB : this.tagsA;
    }
    const spans: TokenSpan[][] = new Array<TokenSpan[]>(ns);
    for (let si = 0; si < ns; si++) spans[si] = tagsToSpans(previous!.subarray(sentenceStart[si], sentenceStart[si + 1]));
    return HARMONIZE ? harmonize(doc, spans) : spans;
  }

  /** Scores and greedily decodes one sentence (tokens b..b+n) with stage s; `stack` holds the previous stage's tags. */
  private decode(
    s: number,
    stack: Int8Array | null,
    b: number,
    pb: number,
    n: number,
    caps: boolean,
    start: number,
    end: number,
    out: Int8Array,
    extra: Int32Array | null,
  ): void {
    const acc = this.acc;
    const rl = this.tokenRows;
    const table = this.table;
    const so = s * NT;
    const W = this.wordData;
    const WS = this.wordStride;
    const WP1 = this.wordP1;
    const WST = this.wordStack;
    const WC = this.wordCaps;
    const wv = s * WORD_VEC;
    const P = this.pairData;
    const PS = this.pairStride;
    const pv = s * PAIR_VEC;
    const SR = this.shapeRows;
    const fixed = this.fixed;
    const tok = this.tok;
    const pairOf = this.pairOf;
    const flags = this.flags;
    const lowerOf = this.lowerOf;
    const gazHead = this.gazHead;
    const gazNext = this.gazNext;
    const gazFeature = this.gazFeature;
    const labelStamp = this.labelStamp;
    const labelEpoch = this.labelEpoch;
    const labels = this.labels;
    const NL = TYPES.length;
    let p1 = NT;
    let p2 = NT;
    for (let i = 0; i < n; i++) {
      const w = tok[b + i];
      const wb = w * WS;
      // The cached vectors: the word's own, its neighbours' at each offset, its two bigrams.
      const v0 = wb + wv;
      const m2 = (i >= 2 ? tok[b + i - 2] : start) * WS + wv + NT;
      const m1 = (i >= 1 ? tok[b + i - 1] : start) * WS + wv + 2 * NT;
      const q1 = (i + 1 < n ? tok[b + i + 1] : end) * WS + wv + 3 * NT;
      const q2 = (i + 2 < n ? tok[b + i + 2] : end) * WS + wv + 4 * NT;
      const pl = pairOf[pb + i] * PS + pv;
      const pr = pairOf[pb + i + 1] * PS + pv + NT;
      for (let t = 0; t < NT; t++) acc[t] = W[v0 + t] + W[m2 + t] + W[m1 + t] + W[q1 + t] + W[q2 + t] + P[pl + t] + P[pr + t];
      // Then single rows (negative: unknown to the model), collected and added in one loop.
      let nr = 0;
      const sb = this.shapeOf[w] * (1 + NH);
      if (i === 0) rl[nr++] = SR[sb];
      if (caps) {
        rl[nr++] = fixed[X_CAPS];
        rl[nr++] = W[wb + WC];
      }
      for (let e = gazHead[b + i]; e >= 0; e = gazNext[e]) rl[nr++] = fixed[X_GAZ + gazFeature[e]];
      const fl = flags[w];
      const named = (fl & F_LETTER) !== 0 && (caps || (fl & F_CAP) !== 0);
      if (named) {
        const kind = this.caseKind(lowerOf[w], fl, caps, i);
        rl[nr++] = fixed[X_CASE + kind];
        rl[nr++] = fixed[X_CASE_POS + kind * 3 + (caps ? 0 : i === 0 ? 1 : 2)];
      }
      if (stack !== null) {
        const tPrev = i > 0 ? stack[b + i - 1] : NT;
        const tCur = stack[b + i];
        const tNext = i + 1 < n ? stack[b + i + 1] : NT;
        rl[nr++] = fixed[X_STACK + tPrev];
        rl[nr++] = fixed[X_STACK + NH + tCur];
        rl[nr++] = fixed[X_STACK + 2 * NH + tNext];
        rl[nr++] = fixed[X_STACK_PAIR + tPrev * NH + tCur];
        rl[nr++] = W[wb + WST + tCur];
        if (named) {
          const lid = lowerOf[w];
          if (labelStamp[lid] !== labelEpoch) rl[nr++] = fixed[X_PRED_NONE];
          else {
            const lb = lid * 2 * NL;
            let best = -1;
            let bestCount = 0;
            for (let t = 0; t < NL; t++) {
              const c = labels[lb + t];
              if (c > 0) rl[nr++] = fixed[X_PRED + t];
              if (c > bestCount) {
                bestCount = c;
                best = t;
              }
              if (labels[lb + NL + t] > 0) rl[nr++] = fixed[X_SPAN + t];
            }
            if (best >= 0) rl[nr++] = fixed[X_MAJ + best];
          }
        }
      }
      // Previous-tag features.
      rl[nr++] = this.p1Rows[p1];
      rl[nr++] = this.p12Rows[p1 * NH + p2];
      rl[nr++] = W[wb + WP1 + p1];
      rl[nr++] = SR[sb + 1 + p1];
      for (let j = 0; j < nr; j++) {
        const row = rl[j];
        if (row < 0) continue;
        const base = row + so;
        for (let t = 0; t < NT; t++) acc[t] += table[base + t];
      }
      if (extra !== null) {
        const eb = (b + i) * NT;
        for (let t = 0; t < NT; t++) acc[t] += extra[eb + t];
      }
      const best = bestAllowedTag(acc, p1, i === n - 1);
      out[b + i] = best;
      p2 = p1;
      p1 = best;
    }
  }

  /** Document-case kind of a token (see FeatureExtractor): its lowercase form's mid-sentence counts, less its own. */
  private caseKind(lid: number, fl: number, caps: boolean, i: number): number {
    const seen = this.caseStamp[lid] === this.caseEpoch;
    let capMid = seen ? this.capMid[lid] : 0;
    let lowMid = seen ? this.lowMid[lid] : 0;
    if (!caps && i > 0 && seen) {
      if ((fl & F_CAP) !== 0) capMid--;
      else lowMid--;
    }
    return docCaseKind(capMid, lowMid);
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
    const W = this.wordData;
    const base = id * this.wordStride;
    const m = wf.ctxLength;
    this.sumRows(wf.self, 0, wf.self.length, this.fixed[X_BIAS], W, base, WORD_VEC);
    for (let o = 0; o < 4; o++) this.sumRows(wf.ctx, o * m, (o + 1) * m, -1, W, base + (o + 1) * NT, WORD_VEC);
    const index = this.index;
    for (let p = 0; p < NH; p++) W[base + this.wordP1 + p] = index.get(p1WordHash(p, wf.lw));
    for (let t = 0; t < NT; t++) W[base + this.wordStack + t] = index.get(stackWordHash(t, wf.lw));
    W[base + this.wordCaps] = index.get(capsWordHash(wf.lw));
    this.ids.set(form, id);
    return id;
  }

  private addShape(shape: number): number {
    const sid = this.shapeCount++;
    const base = sid * (1 + NH);
    this.shapeRows = growInt32(this.shapeRows, base + 1 + NH);
    this.shapeRows[base] = this.index.get(firstShapeHash(shape));
    for (let p = 0; p < NH; p++) this.shapeRows[base + 1 + p] = this.index.get(p1ShapeHash(p, shape));
    this.shapeIndex.set(shape, sid);
    return sid;
  }

  private pairId(a: number, b: number): number {
    const known = this.pairIndex.get(a, b);
    if (known >= 0) return known;
    const id = this.pairCount++;
    const base = id * this.pairStride;
    if (base + this.pairStride > this.pairData.length) this.pairData = growInt32(this.pairData, base + this.pairStride);
    const h = this.bigrams;
    bigramHashes(this.lw[a], this.shape[a], this.cluster[a], this.lw[b], this.shape[b], this.cluster[b], h);
    this.sumRows(h, 0, 4, -1, this.pairData, base, PAIR_VEC);
    this.sumRows(h, 4, 8, -1, this.pairData, base + NT, PAIR_VEC);
    this.pairIndex.add(a, b, id);
    return id;
  }

  /**
   * For every stage s, sets `out[at + s * stride ..+NT)` to the summed weights of the features
   * `hashes[from..to)` (and of row `extra` when not negative). Resolves all first, then adds tag by
   * tag: the mostly uncached loads of one phase do not wait on each other.
   */
  private sumRows(hashes: Uint32Array, from: number, to: number, extra: number, out: Int32Array, at: number, stride: number): void {
    if (to - from + 1 > this.rowBuf.length) this.rowBuf = new Int32Array(2 * (to - from + 1));
    const rows = this.rowBuf;
    const index = this.index;
    let n = 0;
    if (extra >= 0) rows[n++] = extra;
    for (let k = from; k < to; k++) {
      const r = index.get(hashes[k]);
      if (r >= 0) rows[n++] = r;
    }
    const table = this.table;
    for (let s = 0; s < this.stageCount; s++) {
      const so = s * NT;
      const o = at + s * stride;
      for (let t = 0; t < NT; t++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += table[rows[j] + so + t];
        out[o + t] = sum;
      }
    }
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
          for (let j = open; j <= k; j++) count(j, openType, true);
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
    this.lw = growUint32(this.lw, size);
    this.shape = growUint32(this.shape, size);
    this.cluster = growUint32(this.cluster, size);
    this.phrase = growUint32(this.phrase, size);
    this.shapeOf = growInt32(this.shapeOf, size);
    this.lowerOf = growInt32(this.lowerOf, size);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
    this.wordData = growInt32(this.wordData, size * this.wordStride);
  }

  private growLowers(length: number): void {
    const size = Math.max(length, this.caseStamp.length * 2);
    this.caseStamp = growInt32(this.caseStamp, size);
    this.capMid = growInt32(this.capMid, size);
    this.lowMid = growInt32(this.lowMid, size);
    this.labelStamp = growInt32(this.labelStamp, size);
    this.labels = growInt32(this.labels, size * 2 * TYPES.length);
  }

  /**
   * Drops the caches and gives back every buffer grown past the constructor's sizes: after an outsized
   * document (a giant article read in windows, whose vocabulary grows the caches to their limits), so its
   * ≈ 40 MB are not held while the article is stored. The tagger then starts as a new one would; its
   * output never depends on what its caches hold. Never called between ordinary articles.
   */
  release(): void {
    this.clear();
    this.pairIndex.release();
    this.allocateGrowable();
  }

  /** The growable caches and per-document buffers at their starting sizes (the constructor's, and after release). */
  private allocateGrowable(): void {
    const words = 16;
    this.wordData = new Int32Array(words * this.wordStride);
    this.lw = new Uint32Array(words);
    this.shape = new Uint32Array(words);
    this.cluster = new Uint32Array(words);
    this.shapeOf = new Int32Array(words);
    this.lowerOf = new Int32Array(words);
    this.phrase = new Uint32Array(words);
    this.flags = new Uint8Array(words);
    this.caseStamp = new Int32Array(words);
    this.capMid = new Int32Array(words);
    this.lowMid = new Int32Array(words);
    this.labelStamp = new Int32Array(words);
    this.labels = new Int32Array(words * 2 * TYPES.length);
    this.pairData = new Int32Array(16 * this.pairStride);
    this.tok = new Int32Array(16);
    this.pairOf = new Int32Array(16);
    this.tagsA = new Int8Array(16);
    this.tagsB = new Int8Array(16);
    this.gazHead = new Int32Array(16);
    this.gazNext = new Int32Array(4);
    this.gazFeature = new Int32Array(4);
    this.rowBuf = new Int32Array(16);
  }

  /** Bytes of the growable buffers (caches and per-document arrays) the tagger holds now. */
  heldBytes(): number {
    const arrays: ArrayBufferView[] = [this.wordData, this.lw, this.shape, this.cluster, this.shapeOf, this.lowerOf, this.phrase, this.flags];
    arrays.push(this.caseStamp, this.capMid, this.lowMid, this.labelStamp, this.labels, this.pairData, this.tok, this.pairOf);
    arrays.push(this.tagsA, this.tagsB, this.gazHead, this.gazNext, this.gazFeature, this.rowBuf);
    return arrays.reduce((sum, a) => sum + a.byteLength, this.pairIndex.heldBytes());
  }

  /** Drops the word and pair caches (between documents: ids must stay valid within one). */
  private clear(): void {
    this.ids.clear();
    this.words = 0;
    this.lowers.clear();
    this.lowerCount = 0;
    this.clearPairs();
  }

  /** Drops the pair cache only (pair ids are looked up afresh; word ids stay valid). */
  private clearPairs(): void {
    this.pairIndex.clear();
    this.pairCount = 0;
  }
}
