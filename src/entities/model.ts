/**
 * The NER model at run time: a two-stage greedy averaged-perceptron tagger over hashed features
 * (see features.ts). Stage 1 tags with local and document-casing features; stage 2 adds what stage 1
 * said about the same words elsewhere in the document (Ratinov & Roth's non-local features).
 *
 * File format (`models/ner/model.bin.gz`, gzip): `DLNER1\n`, a uint32 header length, a JSON header,
 * then for each stage its feature keys (uint32) and int16-quantised weights (rows × NUM_TAGS, one
 * scale per stage), the gazetteer (uint32 phrase hashes + uint8 kind masks), the casing prior, and the
 * word clusters (uint32 word hashes + uint16 ids per level), so loading parses no text. The readable
 * cluster table `clusters.tsv.gz` beside it is what training reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath } from '../core/paths.js';
import { hashString } from './hash.js';
import { DatelineError } from '../core/errors.js';
import {
  ALLOWED,
  NUM_TAGS,
  FeatureExtractor,
  docEvidence,
  dynamicHashes,
  dynamicTagRows,
  p1ShapeHash,
  p1WordHash,
  tagPart,
  tagsToSpans,
  type CasingTable,
  type ClusterTable,
  type CommonHashes,
  type Doc,
  type Gazetteer,
  type TokenSpan,
  type Weights,
} from './features.js';

export const DEFAULT_MODEL_PATH = packagePath('models', 'ner', 'model.bin.gz');
export const DEFAULT_CLUSTERS_FILE = packagePath('models', 'ner', 'clusters.tsv.gz');
const MAGIC = 'DLNER1\n';

/**
 * Open-addressing uint32 → int32 map (faster than Map for the hot loop). Keys and values sit side by
 * side in one array so a lookup touches one cache line.
 */
export class HashIndex {
  slots: Int32Array;
  mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    const slots = this.slots;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = slots[i << 1];
      if (found === k) return slots[(i << 1) + 1];
      if (found === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const k = key === 0 ? 1 : key | 0;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = this.slots[i << 1];
      if (found === k) {
        this.slots[(i << 1) + 1] = value;
        return;
      }
      if (found === 0) {
        this.slots[i << 1] = k;
        this.slots[(i << 1) + 1] = value;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.slots.length >> 1) - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.set(old[i] >>> 0, old[i + 1]);
  }
}

/** One perceptron stage: feature keys and their weight rows. */
export interface Stage {
  keys: Uint32Array;
  /** rows × NUM_TAGS; int16 as stored (one scale per stage, which argmax does not need) or float while training. */
  weights: Weights;
}

export interface NerModelData {
  stages: Stage[];
  gazetteer: Gazetteer;
  /** Casing prior from unlabeled news (hash of lowercase word → bucket). */
  casing: CasingTable;
  clusters: ClusterTable;
  meta: Record<string, unknown>;
}

/** Greedy left-to-right decoding of one sentence with BILOU constraints. */
const SCORES = new Float64Array(NUM_TAGS);
/** Tags that leave a span open (B-, I-): not allowed on a sentence's last token. */
const NOT_LAST = (() => {
  const a = new Uint8Array(NUM_TAGS);
  for (let t = 0; t < NUM_TAGS; t++) a[t] = tagPart(t) === 'B' || tagPart(t) === 'I' ? 1 : 0;
  return a;
})();
const DYN: number[] = [];

export function decodeSentence(
  weights: Weights,
  rows: Int32Array,
  offsets: Int32Array,
  lw: Uint32Array,
  shape: Uint32Array,
  resolve: (hash: number) => number,
  out: Int8Array,
  staticScores: Float32Array | null = null,
): void {
  const n = offsets.length - 1;
  const scores = SCORES;
  const dyn = DYN;
  let p1 = NUM_TAGS;
  let p2 = NUM_TAGS;
  for (let i = 0; i < n; i++) {
    if (staticScores !== null) {
      const at = i * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) scores[t] = staticScores[at + t];
    } else {
      scores.fill(0);
      for (let k = offsets[i]; k < offsets[i + 1]; k++) addWeights(scores, weights, rows[k]);
    }
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

/**
 * Greedy decoding from precomputed static scores (the run-time path): the same decisions as
 * decodeSentence, with the tag-only dynamic features resolved once per stage (`tagRows`).
 */
export function decodeScored(
  weights: Weights,
  n: number,
  lw: Uint32Array,
  shape: Uint32Array,
  staticScores: Float32Array,
  tagRows: { p1: Int32Array; p12: Int32Array },
  resolve: (hash: number) => number,
  out: Int8Array,
): void {
  const scores = SCORES;
  const S = NUM_TAGS + 1;
  const p1Rows = tagRows.p1;
  const p12Rows = tagRows.p12;
  let p1 = NUM_TAGS;
  let p2 = NUM_TAGS;
  for (let i = 0; i < n; i++) {
    const at = i * NUM_TAGS;
    for (let t = 0; t < NUM_TAGS; t++) scores[t] = staticScores[at + t];
    let r = p1Rows[p1];
    if (r >= 0) addWeights(scores, weights, r);
    r = p12Rows[p1 * S + p2];
    if (r >= 0) addWeights(scores, weights, r);
    r = resolve(p1WordHash(p1, lw[i]));
    if (r >= 0) addWeights(scores, weights, r);
    r = resolve(p1ShapeHash(p1, shape[i]));
    if (r >= 0) addWeights(scores, weights, r);
    const best = bestAllowedTag(scores, p1, i === n - 1);
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}

/** The highest-scoring tag that BILOU allows after `prev` (ties: the lowest tag); no open span at the end. */
function bestAllowedTag(scores: Float64Array, prev: number, last: boolean): number {
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

/** Tags a document (sentences of token forms) with a sequence of stages; returns spans per sentence. */
export function tagWithStages(
  doc: Doc,
  stages: ReadonlyArray<{
    weights: Weights;
    extractor: FeatureExtractor;
    resolve: (h: number) => number;
    tagRows?: { p1: Int32Array; p12: Int32Array };
  }>,
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
      const ex = stage.extractor;
      if (stage.tagRows !== undefined) {
        const n = ex.scoreSentence(sentence, evidence, si);
        decodeScored(stage.weights, n, ex.lwBuf, ex.shapeBuf, ex.scoreBuf, stage.tagRows, stage.resolve, tags);
      } else {
        const f = ex.sentence(sentence, evidence, si);
        decodeSentence(stage.weights, f.rows, f.offsets, f.lw, f.shape, stage.resolve, tags, f.scores);
      }
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

export class NerModel {
  private readonly runtime: Array<{
    weights: Weights;
    extractor: FeatureExtractor;
    resolve: (h: number) => number;
    tagRows: { p1: Int32Array; p12: Int32Array };
  }>;

  constructor(readonly data: NerModelData) {
    const shared = new WeakMap<readonly string[], CommonHashes>();
    this.runtime = data.stages.map((stage) => {
      const index = new HashIndex(stage.keys.length);
      for (let i = 0; i < stage.keys.length; i++) index.set(stage.keys[i], i);
      const resolve = (hsh: number): number => index.get(hsh);
      return {
        weights: stage.weights,
        extractor: new FeatureExtractor(data.clusters, data.gazetteer, resolve, data.casing, stage.weights, shared),
        resolve,
        tagRows: dynamicTagRows(resolve),
      };
    });
  }

  /**
   * Restores likely case to an all-capitals word from the casing prior learned on news:
   * "BIDEN" → "Biden", "MET" → "met"; unseen words become capitalised (most are names).
   */
  truecase(word: string): string {
    if (word.length < 2 || word !== word.toUpperCase() || word === word.toLowerCase()) return word;
    const lower = word.toLowerCase();
    const bucket = this.data.casing.get(hashString(lower));
    if (bucket !== undefined && bucket <= 1) return lower;
    return word[0] + lower.slice(1);
  }

  /** Tags one document: sentences of token forms (normalise with normalizeForm first). */
  tagDocument(doc: Doc): TokenSpan[][] {
    return tagWithStages(doc, this.runtime);
  }
}

// ------------------------------------------------------------------ serialisation

/** Word clusters stored by word hash: loads from typed arrays without parsing text. */
export class HashedClusters implements ClusterTable {
  private readonly index: HashIndex;

  constructor(
    readonly keys: Uint32Array,
    readonly ids: Uint16Array,
    readonly levels: number,
  ) {
    this.index = new HashIndex(keys.length);
    for (let i = 0; i < keys.length; i++) this.index.set(keys[i], i);
  }

  get size(): number {
    return this.keys.length;
  }

  get(word: string): readonly number[] | undefined {
    const row = this.index.get(hashString(word));
    if (row < 0) return undefined;
    return Array.from(this.ids.subarray(row * this.levels, (row + 1) * this.levels));
  }

  static fromMap(map: ReadonlyMap<string, readonly number[]>): HashedClusters {
    let levels = 0;
    for (const v of map.values()) levels = Math.max(levels, v.length);
    const keys = new Uint32Array(map.size);
    const ids = new Uint16Array(map.size * levels);
    let i = 0;
    for (const [word, v] of map) {
      keys[i] = hashString(word);
      ids.set(v, i * levels);
      i++;
    }
    return new HashedClusters(keys, ids, levels);
  }
}

export function serializeModel(data: Omit<NerModelData, 'clusters'> & { clusters?: ClusterTable }): Buffer {
  const parts: Buffer[] = [];
  const stageMeta: Array<{ rows: number; scale: number }> = [];
  for (const stage of data.stages) {
    let max = 0;
    for (let i = 0; i < stage.weights.length; i++) max = Math.max(max, Math.abs(stage.weights[i]));
    const scale = max > 0 ? max / 32767 : 1;
    const q = new Int16Array(stage.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(stage.weights[i] / scale);
    stageMeta.push({ rows: stage.keys.length, scale });
    parts.push(Buffer.from(stage.keys.buffer, stage.keys.byteOffset, stage.keys.byteLength));
    parts.push(Buffer.from(q.buffer, q.byteOffset, q.byteLength));
  }
  const gazKeys = Uint32Array.from(data.gazetteer.keys());
  const gazMasks = Uint8Array.from(data.gazetteer.values());
  parts.push(Buffer.from(gazKeys.buffer), Buffer.from(gazMasks.buffer));
  const casingKeys = Uint32Array.from(data.casing.keys());
  const casingVals = Uint8Array.from(data.casing.values());
  parts.push(Buffer.from(casingKeys.buffer), Buffer.from(casingVals.buffer));
  let clusterMeta: { words: number; levels: number } | undefined;
  if (data.clusters !== undefined && data.clusters.size > 0) {
    const hc = data.clusters instanceof HashedClusters ? data.clusters : HashedClusters.fromMap(data.clusters as ReadonlyMap<string, readonly number[]>);
    clusterMeta = { words: hc.keys.length, levels: hc.levels };
    parts.push(Buffer.from(hc.keys.buffer, hc.keys.byteOffset, hc.keys.byteLength));
    parts.push(Buffer.from(hc.ids.buffer, hc.ids.byteOffset, hc.ids.byteLength));
  }
  const header = Buffer.from(
    JSON.stringify({
      numTags: NUM_TAGS,
      stages: stageMeta,
      gazetteer: gazKeys.length,
      casing: casingKeys.length,
      clusters: clusterMeta,
      meta: data.meta,
    }),
    'utf8',
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'utf8'), len, header, ...parts]), { level: 9 });
}

function aligned(buf: Buffer, offset: number, bytes: number): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + offset + bytes) as ArrayBuffer;
}

/** Reads a model; `fallback` gives word clusters for a model saved without them. */
export function deserializeModel(gz: Buffer, fallback: ClusterTable | (() => ClusterTable) = new Map()): NerModelData {
  const buf = gunzipSync(gz);
  if (buf.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw new Error('not a dateline NER model');
  let at = MAGIC.length;
  const headerLen = buf.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(buf.subarray(at, at + headerLen).toString('utf8')) as {
    numTags: number;
    stages: Array<{ rows: number; scale: number }>;
    gazetteer: number;
    casing: number;
    clusters?: { words: number; levels: number };
    meta: Record<string, unknown>;
  };
  at += headerLen;
  if (header.numTags !== NUM_TAGS) throw new Error(`model has ${header.numTags} tags, code expects ${NUM_TAGS}`);
  const stages: Stage[] = [];
  for (const s of header.stages) {
    const keys = new Uint32Array(aligned(buf, at, s.rows * 4));
    at += s.rows * 4;
    const q = new Int16Array(aligned(buf, at, s.rows * NUM_TAGS * 2));
    at += s.rows * NUM_TAGS * 2;
    // Scores are compared only within a stage, so the stage's scale never needs applying.
    stages.push({ keys, weights: q });
  }
  const gazKeys = new Uint32Array(aligned(buf, at, header.gazetteer * 4));
  at += header.gazetteer * 4;
  const gazMasks = new Uint8Array(aligned(buf, at, header.gazetteer));
  at += header.gazetteer;
  const gazetteer: Gazetteer = new Map();
  for (let i = 0; i < gazKeys.length; i++) gazetteer.set(gazKeys[i], gazMasks[i]);
  const casingKeys = new Uint32Array(aligned(buf, at, header.casing * 4));
  at += header.casing * 4;
  const casingVals = new Uint8Array(aligned(buf, at, header.casing));
  at += header.casing;
  const casing: CasingTable = new Map();
  for (let i = 0; i < casingKeys.length; i++) casing.set(casingKeys[i], casingVals[i]);
  let clusters: ClusterTable;
  if (header.clusters !== undefined) {
    const { words, levels } = header.clusters;
    const keys = new Uint32Array(aligned(buf, at, words * 4));
    at += words * 4;
    const ids = new Uint16Array(aligned(buf, at, words * levels * 2));
    clusters = new HashedClusters(keys, ids, levels);
  } else clusters = typeof fallback === 'function' ? fallback() : fallback;
  return { stages, gazetteer, casing, clusters, meta: header.meta };
}

export function parseClusters(gz: Buffer): Map<string, number[]> {
  const table = new Map<string, number[]>();
  const text = gunzipSync(gz).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    const ids: number[] = new Array<number>(cols.length - 1);
    for (let i = 1; i < cols.length; i++) ids[i - 1] = Number(cols[i]);
    table.set(cols[0], ids);
  }
  return table;
}

export function loadClusters(path = DEFAULT_CLUSTERS_FILE): Map<string, number[]> {
  if (!existsSync(path)) return new Map();
  return parseClusters(readFileSync(path));
}

export function loadNerModelFrom(path: string, clustersPath = DEFAULT_CLUSTERS_FILE): NerModel {
  try {
    return new NerModel(deserializeModel(readFileSync(path), () => loadClusters(clustersPath)));
  } catch (error) {
    throw new DatelineError('MODEL_LOAD', { path, reason: (error as Error).message }, { cause: error });
  }
}

let cached: NerModel | null = null;

/** The shipped model, loaded once on first use. */
export function defaultNerModel(): NerModel {
  cached ??= loadNerModelFrom(DEFAULT_MODEL_PATH);
  return cached;
}
