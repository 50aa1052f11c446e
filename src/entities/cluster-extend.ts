/**
 * Extends the word-cluster table (clusters.tsv.gz, learned from GloVe 6B, i.e. text up to 2014) with
 * words that are new in recent news ("covid-19", "zelenskyy", "chatgpt", "tiktok"): each word absent
 * from the table but frequent in the unlabelled news corpora gets the cluster whose members share its
 * contexts. Contexts are the lowercase words at offsets -2..+2 among the most frequent words; vectors
 * are positive PMI, compared by cosine against the PPMI vector of each cluster's summed contexts. The
 * finest level is chosen among the splits of the chosen base cluster; coarser levels follow from it.
 * Existing rows keep their ids, so a model trained on the old table reads the new one unchanged, except
 * with --reassign-count: words frequent in the news whose news contexts match another cluster clearly
 * better than their own (by --reassign-margin cosine) move there, as "trump" moves out of GloVe's hotel
 * and casino cluster; a model must then be retrained on the new table.
 *
 *   node dist/entities/cluster-extend.js [--news DIR]... [--min-count 20] [--contexts 2000] [--min-similarity X]
 *                                        [--reassign-count N --reassign-margin X] [--probe WORD]... [--base FILE] [--out FILE]
 *
 * Reads `articles.jsonl.gz` files (one JSON object with a `text` field per line) under
 * ../shared/data/news-*; only the derived cluster ids are written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sharedPath } from '../core/paths.js';
import { parseArgs, numberFlag, stringFlag } from '../cli/args.js';
import { DEFAULT_CLUSTERS_FILE, parseClusters } from './model.js';

/** Offsets of the context words. */
export const CONTEXT_WINDOW = [-2, -1, 1, 2] as const;

const TOKEN = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{N}]*(?:[-&][\p{L}\p{N}]+)*|\p{N}+(?:[-.,][\p{N}\p{L}]+)*|'s\b|[^\s\p{L}\p{N}]/gu;

/** Lowercase tokens of a text, roughly as CoNLL tokenises ("Zelenskyy's" → zelenskyy 's, "COVID-19" whole). */
export function newsTokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((t) => t.toLowerCase());
}

/** Cluster-table key of a token, as features.ts looks words up. */
export const clusterKey = (w: string): string => w.replace(/^'+|'+$/g, '');

/** PPMI-weighted, unit-length sparse vector from context counts. */
export function ppmi(counts: Map<number, number>, contextTotals: Float64Array, grandTotal: number): Map<number, number> {
  let rowTotal = 0;
  for (const n of counts.values()) rowTotal += n;
  const out = new Map<number, number>();
  let norm = 0;
  for (const [d, n] of counts) {
    const v = Math.log((n * grandTotal) / (rowTotal * contextTotals[d]));
    if (v <= 0) continue;
    out.set(d, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [d, v] of out) out.set(d, v / norm);
  return out;
}

/** Dense PPMI rows (unit length) for `rows` count vectors of width `dims`. */
export function densePpmi(counts: Float64Array, rows: number, dims: number, contextTotals: Float64Array, grandTotal: number): Float32Array {
  const out = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    let rowTotal = 0;
    for (let d = 0; d < dims; d++) rowTotal += counts[r * dims + d];
    if (rowTotal === 0) continue;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const n = counts[r * dims + d];
      if (n === 0) continue;
      const v = Math.log((n * grandTotal) / (rowTotal * contextTotals[d]));
      if (v > 0) {
        out[r * dims + d] = v;
        norm += v * v;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d] /= norm;
  }
  return out;
}

export interface ExtendOptions {
  minCount: number;
  contexts: number;
  /** Least cosine to the nearest base cluster for a word to be added (below it the word stays unclustered). */
  minSimilarity: number;
  /**
   * Words of the table seen at least this often in the news are moved to the cluster their news
   * contexts match, when it beats their own cluster's cosine by `reassignMargin` (Infinity: never).
   */
  reassignCount?: number;
  reassignMargin?: number;
  /** Words whose choice is logged with its score. */
  probes?: readonly string[];
  log?: (line: string) => void;
}

/**
 * New rows for the table from tokenised documents (given twice: once to count, once to gather
 * contexts; each call of `docs` must yield the same documents).
 */
export function extendClusters(
  table: Map<string, number[]>,
  docs: () => Iterable<string[]>,
  options: ExtendOptions,
): Map<string, number[]> {
  const log = options.log ?? ((): void => {});
  const freq = new Map<string, number>();
  for (const doc of docs()) for (const w of doc) freq.set(w, (freq.get(w) ?? 0) + 1);
  const contextWords = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.contexts);
  const contextIndex = new Map(contextWords.map(([w], i) => [w, i]));
  const dims = contextIndex.size * CONTEXT_WINDOW.length;
  const candidates = new Map<string, Map<number, number>>();
  for (const [w, n] of freq) {
    const key = clusterKey(w);
    if (n >= options.minCount && /\p{L}/u.test(key) && !table.has(key) && !candidates.has(key)) candidates.set(key, new Map());
  }
  const known = new Map<string, Map<number, number>>();
  const reassignCount = options.reassignCount ?? Infinity;
  for (const [w, n] of freq) if (n >= reassignCount && table.has(w)) known.set(w, new Map());
  log(`${freq.size} word types; ${candidates.size} frequent words missing from the table; ${known.size} checked for reassignment`);
  // Cluster ids by level: base (level 2) and finest (level 3, when present).
  const levels = table.values().next().value?.length ?? 0;
  const baseLevel = Math.min(2, levels - 1);
  const fineLevel = levels - 1;
  let baseCount = 0;
  let fineCount = 0;
  for (const ids of table.values()) {
    baseCount = Math.max(baseCount, ids[baseLevel] + 1);
    fineCount = Math.max(fineCount, ids[fineLevel] + 1);
  }
  const baseCounts = new Float64Array(baseCount * dims);
  const fineCounts = new Float64Array(fineCount * dims);
  const contextTotals = new Float64Array(dims);
  let grandTotal = 0;
  for (const doc of docs()) {
    const ctx = doc.map((w) => contextIndex.get(w) ?? -1);
    for (let i = 0; i < doc.length; i++) {
      const key = clusterKey(doc[i]);
      const ids = table.get(key);
      const cand = ids === undefined ? candidates.get(key) : known.get(key);
      if (ids === undefined && cand === undefined) continue;
      for (let o = 0; o < CONTEXT_WINDOW.length; o++) {
        const j = i + CONTEXT_WINDOW[o];
        if (j < 0 || j >= doc.length || ctx[j] < 0) continue;
        const d = ctx[j] * CONTEXT_WINDOW.length + o;
        contextTotals[d]++;
        grandTotal++;
        if (ids !== undefined) {
          baseCounts[ids[baseLevel] * dims + d]++;
          fineCounts[ids[fineLevel] * dims + d]++;
        }
        if (cand !== undefined) cand.set(d, (cand.get(d) ?? 0) + 1);
      }
    }
  }
  const base = densePpmi(baseCounts, baseCount, dims, contextTotals, grandTotal);
  const fine = densePpmi(fineCounts, fineCount, dims, contextTotals, grandTotal);
  // Every level of a fine cluster, from any word of the table that has it.
  const fineIds = new Map<number, number[]>();
  const finesOfBase = new Map<number, number[]>();
  for (const ids of table.values()) {
    if (fineIds.has(ids[fineLevel])) continue;
    fineIds.set(ids[fineLevel], ids);
    const list = finesOfBase.get(ids[baseLevel]) ?? [];
    list.push(ids[fineLevel]);
    finesOfBase.set(ids[baseLevel], list);
  }
  const cosine = (v: Map<number, number>, rows: Float32Array, r: number): number => {
    let s = 0;
    for (const [d, x] of v) s += x * rows[r * dims + d];
    return s;
  };
  const nearest = (v: Map<number, number>, rows: Float32Array, choices: Iterable<number>): { best: number; score: number } => {
    let best = -1;
    let score = 0;
    for (const r of choices) {
      const s = cosine(v, rows, r);
      if (s > score) {
        score = s;
        best = r;
      }
    }
    return { best, score };
  };
  const allBases = Array.from({ length: baseCount }, (_, i) => i);
  /** The full id row for the best fine cluster inside base cluster `b`. */
  const rowFor = (v: Map<number, number>, b: number): number[] | undefined => {
    const f = nearest(v, fine, finesOfBase.get(b) ?? []).best;
    const ids = f >= 0 ? fineIds.get(f) : undefined;
    return ids === undefined ? undefined : [...ids];
  };
  const added = new Map<string, number[]>();
  const scores: number[] = [];
  for (const [word, counts] of candidates) {
    const v = ppmi(counts, contextTotals, grandTotal);
    if (v.size === 0) continue;
    const { best: b, score } = nearest(v, base, allBases);
    if (options.probes?.includes(word) === true) log(`probe ${word}: base ${b} cosine ${score.toFixed(3)}`);
    scores.push(score);
    if (b < 0 || score < options.minSimilarity) continue;
    const row = rowFor(v, b);
    if (row !== undefined) added.set(word, row);
  }
  let moved = 0;
  const margin = options.reassignMargin ?? Infinity;
  for (const [word, counts] of known) {
    const v = ppmi(counts, contextTotals, grandTotal);
    const own = table.get(word)![baseLevel];
    const ownScore = cosine(v, base, own);
    const { best: b, score } = nearest(v, base, allBases);
    if (options.probes?.includes(word) === true) log(`probe ${word}: own base ${own} cosine ${ownScore.toFixed(3)}; best ${b} cosine ${score.toFixed(3)}`);
    if (b < 0 || b === own || score < ownScore + margin) continue;
    const row = rowFor(v, b);
    if (row === undefined) continue;
    added.set(word, row);
    moved++;
  }
  scores.sort((a, b) => a - b);
  const q = (f: number): string => (scores[Math.floor(f * (scores.length - 1))] ?? 0).toFixed(3);
  log(`${added.size - moved} words added, ${moved} moved; nearest-cluster cosine quartiles ${q(0.25)} ${q(0.5)} ${q(0.75)}`);
  return added;
}

/** Lowercase token lists of every article under the folders (`*.jsonl.gz` with a `text` field). */
export function* newsDocuments(folders: readonly string[]): Generator<string[]> {
  for (const dir of folders) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.jsonl.gz')) continue;
      const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as { text?: unknown };
        if (typeof record.text === 'string') yield newsTokens(record.text);
      }
    }
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), {
    values: ['min-count', 'contexts', 'out', 'base', 'min-similarity', 'reassign-count', 'reassign-margin'],
    repeatable: ['news', 'probe'],
  });
  const news = args.flags.news;
  const folders = Array.isArray(news) ? [...news] : typeof news === 'string' ? [news] : [];
  if (folders.length === 0) {
    const data = sharedPath('data');
    for (const name of readdirSync(data).sort()) if (name.startsWith('news-')) folders.push(join(data, name));
  }
  const basePath = stringFlag(args, 'base') ?? DEFAULT_CLUSTERS_FILE;
  const out = stringFlag(args, 'out') ?? basePath;
  const table = parseClusters(readFileSync(basePath));
  const t0 = Date.now();
  const log = (line: string): void => void process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
  log(`${table.size} words in ${basePath}; news: ${folders.join(', ')}`);
  const added = extendClusters(table, () => newsDocuments(folders), {
    minCount: numberFlag(args, 'min-count', 20),
    contexts: numberFlag(args, 'contexts', 2000),
    minSimilarity: numberFlag(args, 'min-similarity', 0),
    reassignCount: numberFlag(args, 'reassign-count', Infinity),
    reassignMargin: numberFlag(args, 'reassign-margin', Infinity),
    probes: Array.isArray(args.flags.probe) ? args.flags.probe : typeof args.flags.probe === 'string' ? [args.flags.probe] : [],
    log,
  });
  const merged = new Map(table);
  for (const [w, ids] of added) merged.set(w, ids);
  const lines = [...merged.entries()].map(([w, ids]) => `${w}\t${ids.join('\t')}`);
  writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
  log(`wrote ${out}: ${lines.length} words`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
