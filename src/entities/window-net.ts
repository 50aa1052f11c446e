/**
 * The NER window network at run time (Collobert et al. 2011's window approach): each token's window of
 * ±2 words, each word as [dense news vector ⊕ summed hashed character features] (window-features.ts),
 * one ReLU hidden layer, log-softmax over the BILOU tags. Its log-probabilities are added, scaled, to
 * the perceptron's scores (tagger.ts), a product of experts whose weight is chosen on dev.
 *
 * The first layer is linear in each window word, so its contribution per word form and window
 * position is computed once and cached (≈ 5 × HIDDEN floats per form): a token then costs five vector
 * adds, the ReLU and the output layer.
 *
 * File (`models/ner/window.bin.gz`, gzip, written by scripts/ner-window-train.py): a header line
 * `dateline-window 1 ROWS DIM BAG HIDDEN TAGS BUCKETS [WEIGHT…]` (one weight per perceptron stage), or
 * `dateline-window 2 … BUCKETS RANK [WEIGHT…]` for a network with a linear bottleneck of that rank, DIM float32 vector scales, ROWS vocabulary lines,
 * ROWS × DIM int8 vectors, 3 × DIM float32 special rows (unknown, start, end), BAG float32 scales,
 * BUCKETS × BAG int8 character-feature rows, then float32: (version 2) the bottleneck A ((DIM + BAG) × RANK),
 * W1 (5 × (DIM + BAG, or RANK) × HIDDEN), b1, the
 * first-token row (HIDDEN), W2 (HIDDEN × TAGS), b2.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_TAGS, type Doc } from './features.js';
import { BAG_SIZE, WINDOW_END, WINDOW_START, windowWordInputs } from './window-features.js';

const WINDOW = 5;

/** Reads a header line and ROWS vocabulary lines after `skip` bytes; returns the words and the offset after them. */
function readVocab(buf: Buffer, from: number, rows: number): { vocab: Map<string, number>; end: number } {
  const vocab = new Map<string, number>();
  let at = from;
  for (let r = 0; r < rows; r++) {
    const nl = buf.indexOf(10, at);
    vocab.set(buf.toString('utf8', at, nl), r);
    at = nl + 1;
  }
  return { vocab, end: at };
}

/** The vocabulary of a vectors file of scripts/ner-vectors.py (`dateline-vectors`) or of a window network. */
export function readVectorVocab(path: string): Map<string, number> {
  const buf = gunzipSync(readFileSync(path));
  const nl = buf.indexOf(10);
  const head = buf.toString('utf8', 0, nl).split(' ');
  const rows = Number(head[2]);
  const dim = Number(head[3]);
  return readVocab(buf, nl + 1 + dim * 4, rows).vocab;
}

/** n little-endian float32 values at byte `at` (copied: the offset need not be aligned). */
function floats(buf: Buffer, at: number, n: number): Float32Array {
  if (LITTLE_ENDIAN) return new Float32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + 4 * n));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = buf.readFloatLE(at + 4 * i);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class WindowNet {
  readonly vocab: Map<string, number>;
  /** Per perceptron stage: the weight of one nat of log-probability in its integer scores (from the file's header). */
  readonly weights: number[];
  private readonly dim: number;
  private readonly bagDim: number;
  readonly hidden: number;
  private readonly emb: Int8Array;
  private readonly embScale: Float32Array;
  private readonly special: Float32Array;
  private readonly bag: Int8Array;
  private readonly bagScale: Float32Array;
  private readonly w1: Float32Array;
  private readonly b1: Float32Array;
  private readonly first: Float32Array;
  private readonly w2: Float64Array;
  private readonly b2: Float32Array;
  /**
   * Per cached form: WINDOW × hidden first-layer contributions (≈ 3 KB each at HIDDEN 160). Two generations:
   * when the young one is full it becomes the old one and the previous old one is dropped; a form found in
   * the old one moves back to the young one. At most 2 × cacheLimit forms (2 × 8,000 ≈ 51 MB).
   */
  private young = new Map<string, Float32Array>();
  private old = new Map<string, Float32Array>();
  private readonly cacheLimit: number;
  private readonly bagIds = new Int32Array(BAG_SIZE);
  private readonly x: Float64Array;
  private readonly u: Float64Array;
  /** Rank of the bottleneck (0: none) and its (DIM + BAG) × rank matrix. */
  private readonly rank: number;
  private readonly a: Float32Array | null;
  private readonly h: Float64Array;
  private readonly z = new Float64Array(NUM_TAGS);
  private readonly proj: Float32Array[] = [];
  private upper = new Uint8Array(0);

  constructor(gz: Buffer, cacheLimit = 8_000) {
    const buf = gunzipSync(gz);
    const nl = buf.indexOf(10);
    const head = buf.toString('utf8', 0, nl).split(' ');
    if (head[0] !== 'dateline-window' || (head[1] !== '1' && head[1] !== '2')) throw new Error('not a window network file');
    const [rows, dim, bagDim, hidden, tags, buckets] = head.slice(2, 8).map(Number);
    // Version 2 adds a linear bottleneck (rank) shared by the window positions.
    const rank = head[1] === '2' ? Number(head[8]) : 0;
    this.rank = rank;
    // Optional trailing fields: each perceptron stage's weight for the log-probabilities (chosen on dev).
    this.weights = head.slice(rank > 0 ? 9 : 8).map(Number);
    if (tags !== NUM_TAGS) throw new Error(`window network has ${tags} tags, want ${NUM_TAGS}`);
    this.dim = dim;
    this.bagDim = bagDim;
    this.hidden = hidden;
    this.cacheLimit = cacheLimit;
    let at = nl + 1;
    this.embScale = floats(buf, at, dim);
    at += dim * 4;
    const v = readVocab(buf, at, rows);
    this.vocab = v.vocab;
    at = v.end;
    this.emb = new Int8Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + rows * dim));
    at += rows * dim;
    this.special = floats(buf, at, 3 * dim);
    at += 3 * dim * 4;
    this.bagScale = floats(buf, at, bagDim);
    at += bagDim * 4;
    this.bag = new Int8Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + buckets * bagDim));
    at += buckets * bagDim;
    const inDim = dim + bagDim;
    this.a = rank > 0 ? floats(buf, at, inDim * rank) : null;
    at += inDim * rank * 4;
    const width = rank > 0 ? rank : inDim;
    this.w1 = floats(buf, at, WINDOW * width * hidden);
    at += WINDOW * width * hidden * 4;
    this.b1 = floats(buf, at, hidden);
    at += hidden * 4;
    this.first = floats(buf, at, hidden);
    at += hidden * 4;
    this.w2 = Float64Array.from(floats(buf, at, hidden * tags));
    at += hidden * tags * 4;
    this.b2 = floats(buf, at, tags);
    at += tags * 4;
    if (at !== buf.length) throw new Error(`window network file: ${buf.length - at} bytes left over`);
    this.x = new Float64Array(inDim);
    this.u = new Float64Array(rank);
    this.h = new Float64Array(hidden);
  }

  /** First-layer contributions of one form at each window position (cached). */
  private project(form: string): Float32Array {
    const known = this.young.get(form);
    if (known !== undefined) return known;
    const aged = this.old.get(form);
    if (aged !== undefined) {
      this.remember(form, aged);
      return aged;
    }
    const { dim, bagDim, hidden, x } = this;
    const row = windowWordInputs(form, this.vocab, this.bagIds);
    if (row >= 0) {
      const base = row * dim;
      for (let j = 0; j < dim; j++) x[j] = this.emb[base + j] * this.embScale[j];
    } else {
      const base = (-1 - row) * dim;
      for (let j = 0; j < dim; j++) x[j] = this.special[base + j];
    }
    for (let j = 0; j < bagDim; j++) x[dim + j] = 0;
    for (let k = 0; k < BAG_SIZE; k++) {
      const b = this.bagIds[k];
      if (b < 0) continue;
      const base = b * bagDim;
      for (let j = 0; j < bagDim; j++) x[dim + j] += this.bag[base + j] * this.bagScale[j];
    }
    const inDim = dim + bagDim;
    let v: Float64Array = x;
    let width = inDim;
    const a = this.a;
    if (a !== null) {
      // Through the bottleneck first: u = x · A.
      const r = this.rank;
      const u = this.u;
      u.fill(0);
      for (let j = 0; j < inDim; j++) {
        const xj = x[j];
        if (xj === 0) continue;
        const ab = j * r;
        for (let q = 0; q < r; q++) u[q] += xj * a[ab + q];
      }
      v = u;
      width = r;
    }
    const out = new Float64Array(WINDOW * hidden);
    const w1 = this.w1;
    for (let p = 0; p < WINDOW; p++) {
      const ob = p * hidden;
      for (let j = 0; j < width; j++) {
        const vj = v[j];
        if (vj === 0) continue;
        const wb = (p * width + j) * hidden;
        for (let h = 0; h < hidden; h++) out[ob + h] += vj * w1[wb + h];
      }
    }
    const stored = Float32Array.from(out);
    this.remember(form, stored);
    return stored;
  }

  private remember(form: string, v: Float32Array): void {
    if (this.young.size >= this.cacheLimit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(form, v);
  }

  /** Log-probabilities of the NUM_TAGS tags for every token of the document, tokens back to back. */
  logProbs(doc: Doc): Float32Array {
    let total = 0;
    for (const s of doc) total += s.length;
    const out = new Float32Array(total * NUM_TAGS);
    const H = this.hidden;
    const h = this.h;
    const z = this.z;
    const start = this.project(WINDOW_START);
    const end = this.project(WINDOW_END);
    const { w2, b1, b2, first } = this;
    const proj = this.proj;
    let k = 0;
    for (const sentence of doc) {
      const n = sentence.length;
      if (n > proj.length) {
        proj.length = n;
        this.upper = new Uint8Array(2 * n);
      }
      // Only tokens with a capital letter in their ±1 window are scored (the rest add nothing to the
      // perceptron's scores): lowercase stretches of news are what both models agree are outside names.
      const upper = this.upper;
      for (let i = 0; i < n; i++) upper[i] = hasUpper(sentence[i]) ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const need = upper[i] === 1 || (i > 0 && upper[i - 1] === 1) || (i + 1 < n && upper[i + 1] === 1);
        upper[n + i] = need ? 1 : 0;
      }
      for (let i = 0; i < n; i++) {
        const near = upper[n + i] === 1 || (i > 1 && upper[n + i - 2] === 1) || (i > 0 && upper[n + i - 1] === 1) || (i + 1 < n && upper[n + i + 1] === 1) || (i + 2 < n && upper[n + i + 2] === 1);
        if (near) proj[i] = this.project(sentence[i]);
      }
      for (let i = 0; i < n; i++) {
        if (upper[n + i] === 0) {
          k++;
          continue;
        }
        const v0 = i >= 2 ? proj[i - 2] : start;
        const v1 = i >= 1 ? proj[i - 1] : start;
        const v2 = proj[i];
        const v3 = i + 1 < n ? proj[i + 1] : end;
        const v4 = i + 2 < n ? proj[i + 2] : end;
        if (i === 0) for (let j = 0; j < H; j++) h[j] = b1[j] + first[j] + v0[j] + v1[H + j] + v2[2 * H + j] + v3[3 * H + j] + v4[4 * H + j];
        else for (let j = 0; j < H; j++) h[j] = b1[j] + v0[j] + v1[H + j] + v2[2 * H + j] + v3[3 * H + j] + v4[4 * H + j];
        for (let t = 0; t < NUM_TAGS; t++) z[t] = b2[t];
        for (let j = 0; j < H; j++) {
          const a = h[j];
          if (a <= 0) continue;
          const wb = j * NUM_TAGS;
          for (let t = 0; t < NUM_TAGS; t++) z[t] += a * w2[wb + t];
        }
        let max = z[0];
        for (let t = 1; t < NUM_TAGS; t++) if (z[t] > max) max = z[t];
        let sum = 0;
        for (let t = 0; t < NUM_TAGS; t++) sum += Math.exp(z[t] - max);
        const lse = max + Math.log(sum);
        const ob = k * NUM_TAGS;
        for (let t = 0; t < NUM_TAGS; t++) out[ob + t] = z[t] - lse;
        k++;
      }
    }
    return out;
  }
}

/** Whether a form holds an upper-case letter. */
function hasUpper(form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c >= 192 && form[i] !== form[i].toLowerCase()) return true;
  }
  return false;
}

export function loadWindowNet(path: string): WindowNet {
  return new WindowNet(readFileSync(path));
}

/** The file with its header's stage weights replaced (set by train-window.ts after choosing them on dev). */
export function withStageWeights(gz: Buffer, weights: readonly number[]): Buffer {
  const buf = gunzipSync(gz);
  const nl = buf.indexOf(10);
  const fields = buf.toString('utf8', 0, nl).split(' ');
  const head = fields.slice(0, fields[1] === '2' ? 9 : 8);
  return gzipSync(Buffer.concat([Buffer.from([...head, ...weights.map(String)].join(' ')), buf.subarray(nl)]), { level: 9 });
}
