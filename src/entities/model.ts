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
import { HashIndex, hashString } from './hash.js';
import { DatelineError } from '../core/errors.js';
import { FastTagger, tagWithStages } from './tagger.js';
import { WindowNet } from './window-net.js';
import {
  NUM_TAGS,
  NO_CLUSTER,
  FeatureExtractor,
  type CasingTable,
  type ClusterTable,
  type Doc,
  type Gazetteer,
  type TokenSpan,
  type Weights,
} from './features.js';

export const DEFAULT_MODEL_PATH = packagePath('models', 'ner', 'model.bin.gz');
export const DEFAULT_CLUSTERS_FILE = packagePath('models', 'ner', 'clusters.tsv.gz');
/** The window network whose scores are added to the perceptron's (window-net.ts); used when present. */
const MAGIC = 'DLNER1\n';

/** One perceptron stage: feature keys and their weight rows. */
export interface Stage {
  keys: Uint32Array;
  /** rows × NUM_TAGS; int16 as stored (one scale per stage, which argmax does not need) or float while training. */
  weights: Weights;
  /** For int16 weights read from a file: the stored value of one step (float weight = int16 × scale). */
  scale?: number;
}

export interface NerModelData {
  stages: Stage[];
  gazetteer: Gazetteer;
  /** Casing prior from unlabeled news (hash of lowercase word → bucket). */
  casing: CasingTable;
  clusters: ClusterTable;
  meta: Record<string, unknown>;
}

export class NerModel {
  /** The run-time path; null for a model with float (not yet quantised) weights. */
  private readonly fast: FastTagger | null;
  private reference: Array<{ weights: Weights; extractor: FeatureExtractor; resolve: (h: number) => number }> | null = null;
  private window: WindowNet | null = null;
  /** Per stage: what one nat of the window network's log-probability weighs in the perceptron's integer scores. */
  private windowWeights: number[] = [];

  constructor(readonly data: NerModelData) {
    const quantised = data.stages.every((stage) => stage.weights instanceof Int16Array);
    this.fast = quantised
      ? new FastTagger(
          data.stages.map((stage) => ({ keys: stage.keys, weights: stage.weights as Int16Array })),
          data.clusters,
          data.gazetteer,
          data.casing,
        )
      : null;
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

  /** Adds a window network's scaled log-probabilities to each stage's scores (null: the perceptron alone). */
  attachWindow(net: WindowNet | null, weights: readonly number[] = net?.weights ?? []): void {
    this.window = net;
    this.windowWeights = [...weights];
  }

  get windowNet(): WindowNet | null {
    return this.window;
  }

  /** The integer scores each stage adds for the document (see FastTagger.tagDocument); [] without a window network. */
  windowScores(doc: Doc, logProbs: Float32Array | null = null): Int32Array[] {
    if (this.window === null) return [];
    const lp = logProbs ?? this.window.logProbs(doc);
    return this.windowWeights.map((w) => {
      const out = new Int32Array(lp.length);
      for (let i = 0; i < lp.length; i++) out[i] = Math.round(w * lp[i]);
      return out;
    });
  }

  /** Tags one document: sentences of token forms (normalise with normalizeForm first). */
  tagDocument(doc: Doc, extra: Int32Array[] = this.windowScores(doc)): TokenSpan[][] {
    return this.fast !== null ? this.fast.tagDocument(doc, extra) : this.referenceTagDocument(doc, extra);
  }

  /** Gives back the run-time tagger's grown buffers (FastTagger.release): after an outsized document only. */
  release(): void {
    this.fast?.release();
  }

  /** The same tagging through the training path's features and decoder: slower; what the fast path is checked against. */
  referenceTagDocument(doc: Doc, extra: Int32Array[] = this.windowScores(doc)): TokenSpan[][] {
    this.reference ??= this.data.stages.map((stage) => {
      const index = new HashIndex(stage.keys.length);
      for (let i = 0; i < stage.keys.length; i++) index.set(stage.keys[i], i);
      const resolve = (hsh: number): number => index.get(hsh);
      const extractor = new FeatureExtractor(this.data.clusters, this.data.gazetteer, resolve, this.data.casing);
      return { weights: stage.weights, extractor, resolve };
    });
    return tagWithStages(doc, this.reference, extra);
  }
}

// ------------------------------------------------------------------ serialisation

/** Word clusters stored by word hash: loads from typed arrays without parsing text. */
export class HashedClusters implements ClusterTable {
  private readonly index: HashIndex;
  /** A table joining news-vector levels (some cells NO_CLUSTER) folds digits; the GloVe-only table does not. */
  readonly foldDigits: boolean;

  constructor(
    readonly keys: Uint32Array,
    readonly ids: Uint16Array,
    readonly levels: number,
  ) {
    this.index = new HashIndex(keys.length);
    this.foldDigits = ids.includes(NO_CLUSTER);
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
  // Kind masks take one byte while there are at most 8 kinds in use, else two.
  const maskBytes = [...data.gazetteer.values()].some((m) => m > 0xff) ? 2 : 1;
  const gazMasks = maskBytes === 1 ? Uint8Array.from(data.gazetteer.values()) : Uint16Array.from(data.gazetteer.values());
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
      ...(maskBytes === 2 ? { gazetteerMaskBytes: 2 } : {}),
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
    gazetteerMaskBytes?: number;
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
    stages.push({ keys, weights: q, scale: s.scale });
  }
  const gazKeys = new Uint32Array(aligned(buf, at, header.gazetteer * 4));
  at += header.gazetteer * 4;
  const maskBytes = header.gazetteerMaskBytes ?? 1;
  const maskData = aligned(buf, at, header.gazetteer * maskBytes);
  const gazMasks = maskBytes === 2 ? new Uint16Array(maskData) : new Uint8Array(maskData);
  at += header.gazetteer * maskBytes;
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
  // a table that joins news-vector levels folds digits, wherever it is used (training reads this Map)
  return Object.assign(table, { foldDigits: [...table.values()].some((ids) => ids.includes(NO_CLUSTER)) });
}

export function loadClusters(path = DEFAULT_CLUSTERS_FILE): Map<string, number[]> {
  if (!existsSync(path)) return new Map();
  return parseClusters(readFileSync(path));
}

/**
 * Loads a perceptron model and, when `windowPath` names an existing file, the window network added to it.
 * The network is opt-in (none is shipped): a file dropped into models/ner/ must not change entity layers
 * under the same component version, so the default model never reads one.
 */
export function loadNerModelFrom(path: string, clustersPath = DEFAULT_CLUSTERS_FILE, windowPath: string | null = null): NerModel {
  try {
    const model = new NerModel(deserializeModel(readFileSync(path), () => loadClusters(clustersPath)));
    if (windowPath !== null && existsSync(windowPath)) model.attachWindow(new WindowNet(readFileSync(windowPath)));
    return model;
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
