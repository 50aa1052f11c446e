/**
 * Trains the NER model: `npm run train:ner` (node dist/entities/train.js).
 *
 *   node dist/entities/train.js [--train FILE] [--valid FILE] [--out FILE] [--epochs N] [--stages 1|2]
 *                               [--folds K] [--seed N] [--seeds K] [--clusters FILE] [--prune X] [--limit DOCS]
 *                               [--extra FILE]... [--extra-domain FILE]... [--no-lists] [--news-casing] [--news-lexicon FILE [--lexicon-dropout]]
 *   node dist/entities/train.js --repack MODEL [--prune X] [--out FILE]   (re-prune a saved model)
 *
 * Defaults: ../shared/data/conll2003/train.txt to learn, valid.txt to pick the epoch (never test.txt), 3 seeds,
 * models/ner/model.bin.gz out. --extra adds column files (extra-data.ts) to the training documents;
 * --extra-domain adds them with corpus-private feature copies (see LabelledDoc.domain);
 * --no-lists leaves the name lists of gazetteer-lists.ts out of the gazetteer; --news-casing adds the recent news
 * corpora (../shared/data/news-*) to the casing prior's text (bbc-news and polnear by default); --news-lexicon adds
 * the self-trained lexicon of news-lexicon.ts to the gazetteer (kinds newsper … newsmisc), and --lexicon-dropout
 * hides it from every other training document (TrainOptions.dropGazetteer). Greedy averaged perceptron, BILOU tags, hashed features (features.ts).
 * Stage 2 learns from stage-1 labels of the same words elsewhere in the document; its training labels
 * come from K-fold jackknifing so they are as noisy as at run time.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from '../core/paths.js';
import { parseArgs, numberFlag, stringFlag } from '../cli/args.js';
import { parseConll, iobToSpans, scoreSpans, type ConllDocument } from './conll.js';
import {
  ALLOWED,
  NUM_TAGS,
  FeatureExtractor,
  docEvidence,
  dynamicHashes,
  normalizeForm,
  spansToTags,
  tagPart,
  casingBucket,
  type CasingTable,
  type ClusterTable,
  type Doc,
  type Gazetteer,
  type TokenSpan,
} from './features.js';
import { buildGazetteer } from './gazetteer.js';
import { loadNameLists } from './gazetteer-lists.js';
import { parseColumns } from './extra-data.js';
import { loadLexicon } from './news-lexicon.js';
import { HashIndex, hashString, mix, seededRandom, shuffle } from './hash.js';

const DOMAIN_SALT = hashString('domain');
import { decodeSentence } from './tagger.js';
import {
  DEFAULT_CLUSTERS_FILE,
  DEFAULT_MODEL_PATH,
  deserializeModel,
  loadClusters,
  serializeModel,
  type NerModelData,
  type Stage,
} from './model.js';

export interface LabelledDoc {
  doc: Doc;
  gold: TokenSpan[][];
  /**
   * Extra data from another corpus (1, 2…; absent for the core data): while training, each of its
   * features also fires as a copy private to that corpus (Daumé's feature augmentation), so the
   * copies absorb the corpus' own annotation conventions; the copies are dropped from the saved model.
   */
  domain?: number;
}

export function labelledDocs(docs: ConllDocument[]): LabelledDoc[] {
  return docs.map((d) => ({
    doc: d.sentences.map((s) => s.tokens.map(normalizeForm)),
    gold: d.sentences.map((s) => iobToSpans(s.tags)),
  }));
}

interface SentFeat {
  rows: Int32Array;
  offsets: Int32Array;
  lw: Uint32Array;
  shape: Uint32Array;
  gold: Int8Array;
}

/** A growable feature dictionary: hash → row. */
class Dictionary {
  index = new HashIndex(1 << 16);
  hashes: number[] = [];
  frozen = false;
  /** Rows of corpus-private feature copies (see LabelledDoc.domain): never saved. */
  domainRows = new Set<number>();
  /** The row of `row`'s private copy for `domain`, created while the dictionary grows. */
  domainRow(row: number, domain: number): number {
    const hsh = mix(this.hashes[row], DOMAIN_SALT + domain);
    const known = this.index.get(hsh);
    if (known >= 0 || this.frozen) return known;
    const r = this.resolve(hsh);
    this.domainRows.add(r);
    return r;
  }
  resolve = (hsh: number): number => {
    const r = this.index.get(hsh);
    if (r >= 0 || this.frozen) return r;
    const row = this.hashes.length;
    this.index.set(hsh, row);
    this.hashes.push(hsh);
    return row;
  };
  lookup = (hsh: number): number => this.index.get(hsh);
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  clusters: ClusterTable | null;
  gazetteer: Gazetteer | null;
  casing: CasingTable | null;
  /** Rows whose largest |weight| is at most this fraction of the stage's largest are dropped when saving. */
  prune: number;
  /**
   * A smaller gazetteer that every other training document sees instead of `gazetteer` (feature
   * bagging, Sutton et al. 2006): the self-trained news lexicon agrees with CoNLL train's gold better
   * than with unseen text, and without this the other features learn to lean on it.
   */
  dropGazetteer?: Gazetteer;
  /** Train this many times with different shuffles and average the weights (default 1). */
  seeds?: number;
  log?: (line: string) => void;
}

export interface TrainedStage {
  dict: Dictionary;
  weights: Float32Array;
  bestEpoch: number;
  validF1: number;
}

function extract(
  data: LabelledDoc[],
  previous: TokenSpan[][][] | null,
  extractor: FeatureExtractor,
  dict: Dictionary | null,
  /** Used instead of `extractor` for every other training document (see TrainOptions.dropGazetteer). */
  alternate: FeatureExtractor | null = null,
): SentFeat[][] {
  const dyn: number[] = [];
  return data.map((d, di) => {
    const evidence = docEvidence(d.doc, previous === null ? null : previous[di]);
    const ex = alternate !== null && di % 2 === 1 ? alternate : extractor;
    return d.doc.map((sentence, si) => {
      const f = ex.sentence(sentence, evidence, si);
      const gold = spansToTags(sentence.length, d.gold[si] ?? []);
      if (dict !== null && !dict.frozen) {
        // Register previous-tag features as seen with gold history so the weights have room for them.
        let p1 = NUM_TAGS;
        let p2 = NUM_TAGS;
        for (let i = 0; i < sentence.length; i++) {
          dynamicHashes(p1, p2, f.lw[i], f.shape[i], dyn);
          for (const x of dyn) dict.resolve(x);
          p2 = p1;
          p1 = gold[i];
        }
      }
      if (dict !== null && !dict.frozen && d.domain !== undefined) return { ...withDomainCopies(f.rows, f.offsets, dict, d.domain), lw: f.lw, shape: f.shape, gold };
      return { ...f, gold };
    });
  });
}

/** Each token's rows followed by their private copies for `domain`. */
function withDomainCopies(rows: Int32Array, offsets: Int32Array, dict: Dictionary, domain: number): { rows: Int32Array; offsets: Int32Array } {
  const out = new Int32Array(rows.length * 2);
  const outOffsets = new Int32Array(offsets.length);
  let at = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    outOffsets[i] = at;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) out[at++] = rows[k];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const r = dict.domainRow(rows[k], domain);
      if (r >= 0) out[at++] = r;
    }
  }
  outOffsets[offsets.length - 1] = at;
  return { rows: out.subarray(0, at), offsets: outOffsets };
}

function decodeAll(weights: Float32Array, feats: SentFeat[][], resolve: (h: number) => number): TokenSpan[][][] {
  return feats.map((doc) =>
    doc.map((s) => {
      const out = new Int8Array(s.gold.length);
      decodeSentence(weights, s.rows, s.offsets, s.lw, s.shape, resolve, out);
      return tagsFromArray(out);
    }),
  );
}

function tagsFromArray(tags: Int8Array): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const part = tagPart(tags[i]);
    const type = (tags[i] - 1) >> 2;
    if (part === 'U') spans.push({ start: i, end: i + 1, type });
    else if (part === 'B') open = i;
    else if (part === 'L' && open >= 0) {
      spans.push({ start: open, end: i + 1, type });
      open = -1;
    }
  }
  return spans;
}

/** Trains one perceptron stage; picks the epoch with the best valid F1 when valid data is given. */
export function trainStage(
  train: LabelledDoc[],
  trainPrevious: TokenSpan[][][] | null,
  valid: LabelledDoc[] | null,
  validPrevious: TokenSpan[][][] | null,
  options: TrainOptions,
): TrainedStage {
  const log = options.log ?? ((): void => {});
  const dict = new Dictionary();
  const t0 = Date.now();
  const alternate =
    options.dropGazetteer === undefined ? null : new FeatureExtractor(options.clusters, options.dropGazetteer, dict.resolve, options.casing);
  const trainFeats = extract(train, trainPrevious, new FeatureExtractor(options.clusters, options.gazetteer, dict.resolve, options.casing), dict, alternate);
  dict.frozen = true;
  const validFeats =
    valid === null ? null : extract(valid, validPrevious, new FeatureExtractor(options.clusters, options.gazetteer, dict.lookup, options.casing), null);
  const nRows = dict.hashes.length;
  log(`  features: ${nRows} (extracted in ${Date.now() - t0} ms)`);
  const runSeed = (seed: number): { weights: Float32Array; epoch: number; f1: number } => {
    const w = new Float32Array(nRows * NUM_TAGS);
    const acc = new Float64Array(nRows * NUM_TAGS);
    let c = 1;
    const sentences = trainFeats.flat();
    const order = sentences.map((_, i) => i);
    const random = seededRandom(seed);
    const scores = new Float64Array(NUM_TAGS);
    const dyn: number[] = [];
    const dynRows: number[] = [];
    let best: { weights: Float32Array; epoch: number; f1: number } | null = null;
    const averaged = (): Float32Array => {
      const avg = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) avg[i] = w[i] - acc[i] / c;
      return avg;
    };
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const te = Date.now();
      shuffle(order, random);
      let errors = 0;
      let tokens = 0;
      for (const si of order) {
        const s = sentences[si];
        const n = s.gold.length;
        let p1 = NUM_TAGS;
        let p2 = NUM_TAGS;
        for (let i = 0; i < n; i++) {
          scores.fill(0);
          const from = s.offsets[i];
          const to = s.offsets[i + 1];
          for (let k = from; k < to; k++) {
            const base = s.rows[k] * NUM_TAGS;
            for (let t = 0; t < NUM_TAGS; t++) scores[t] += w[base + t];
          }
          dynamicHashes(p1, p2, s.lw[i], s.shape[i], dyn);
          dynRows.length = 0;
          for (const x of dyn) {
            const r = dict.lookup(x);
            if (r < 0) continue;
            dynRows.push(r);
            const base = r * NUM_TAGS;
            for (let t = 0; t < NUM_TAGS; t++) scores[t] += w[base + t];
          }
          const allowedBase = p1 * NUM_TAGS;
          const last = i === n - 1;
          let pred = 0;
          let bestScore = -Infinity;
          for (let t = 0; t < NUM_TAGS; t++) {
            if (ALLOWED[allowedBase + t] === 0) continue;
            if (last) {
              const part = tagPart(t);
              if (part === 'B' || part === 'I') continue;
            }
            if (scores[t] > bestScore) {
              bestScore = scores[t];
              pred = t;
            }
          }
          const gold = s.gold[i];
          tokens++;
          if (pred !== gold) {
            errors++;
            const update = (row: number): void => {
              const base = row * NUM_TAGS;
              w[base + gold] += 1;
              acc[base + gold] += c;
              w[base + pred] -= 1;
              acc[base + pred] -= c;
            };
            for (let k = from; k < to; k++) update(s.rows[k]);
            for (const r of dynRows) update(r);
          }
          c++;
          p2 = p1;
          p1 = pred;
        }
      }
      let line = `  epoch ${epoch}: train token error ${((100 * errors) / tokens).toFixed(2)}% (${Date.now() - te} ms)`;
      if (validFeats !== null && valid !== null) {
        const avg = averaged();
        const pred = decodeAll(avg, validFeats, dict.lookup).flat();
        const score = scoreSpans(valid.flatMap((d) => d.gold), pred);
        line += `, valid F1 ${(100 * score.overall.f1).toFixed(2)}`;
        if (best === null || score.overall.f1 > best.f1) best = { weights: avg, epoch, f1: score.overall.f1 };
      }
      log(line);
    }
    if (best === null) best = { weights: averaged(), epoch: options.epochs, f1: NaN };
    return best;
  };
  const seeds = Math.max(1, options.seeds ?? 1);
  const runs = Array.from({ length: seeds }, (_, k) => runSeed(options.seed + 1000 * k));
  if (seeds === 1) return { dict, weights: runs[0].weights, bestEpoch: runs[0].epoch, validF1: runs[0].f1 };
  // Bagging-style average of the seeds' averaged weights (same features, different orders).
  const mean = new Float32Array(runs[0].weights.length);
  for (const r of runs) for (let i = 0; i < mean.length; i++) mean[i] += r.weights[i] / seeds;
  let f1 = NaN;
  if (validFeats !== null && valid !== null) {
    f1 = scoreSpans(valid.flatMap((d) => d.gold), decodeAll(mean, validFeats, dict.lookup).flat()).overall.f1;
    log(`  ${seeds} seeds averaged: valid F1 ${(100 * f1).toFixed(2)}`);
  }
  return { dict, weights: mean, bestEpoch: Math.round(runs.reduce((n, r) => n + r.epoch, 0) / seeds), validF1: f1 };
}

/** Tags documents with a trained stage (used for jackknifing and for the valid set). */
export function tagWithTrained(
  stage: TrainedStage,
  data: LabelledDoc[],
  previous: TokenSpan[][][] | null,
  options: TrainOptions,
): TokenSpan[][][] {
  const feats = extract(data, previous, new FeatureExtractor(options.clusters, options.gazetteer, stage.dict.lookup, options.casing), null);
  return decodeAll(stage.weights, feats, stage.dict.lookup);
}

/** The saved form of a trained stage, pruned (see pruneStage). */
export function compactStage(stage: TrainedStage, prune: number): Stage {
  const weights = stage.weights;
  // Corpus-private copies never fire at run time: zero rows are pruned away.
  for (const r of stage.dict.domainRows) weights.fill(0, r * NUM_TAGS, (r + 1) * NUM_TAGS);
  return pruneStage({ keys: Uint32Array.from(stage.dict.hashes, (x) => x >>> 0), weights }, prune);
}

/**
 * Drops feature rows whose largest |weight| is at most `relative` × the stage's largest |weight|:
 * most hashed features barely move a score, and a smaller table is faster (cache) and smaller on disk.
 */
export function pruneStage(stage: Stage, relative: number): Stage {
  let scale = 0;
  for (let i = 0; i < stage.weights.length; i++) scale = Math.max(scale, Math.abs(stage.weights[i]));
  const threshold = relative * scale;
  const rows: number[] = [];
  for (let r = 0; r < stage.keys.length; r++) {
    let max = 0;
    for (let t = 0; t < NUM_TAGS; t++) max = Math.max(max, Math.abs(stage.weights[r * NUM_TAGS + t]));
    if (max > threshold) rows.push(r);
  }
  const keys = new Uint32Array(rows.length);
  const weights = new Float32Array(rows.length * NUM_TAGS);
  rows.forEach((r, i) => {
    keys[i] = stage.keys[r];
    weights.set(stage.weights.subarray(r * NUM_TAGS, (r + 1) * NUM_TAGS), i * NUM_TAGS);
  });
  return { keys, weights };
}

export interface TrainResult {
  model: Omit<NerModelData, 'clusters'>;
  report: Record<string, number>;
}

/** The whole recipe: stage 1, then (stages = 2) jackknifed stage-1 labels and stage 2. */
export function trainNer(
  train: LabelledDoc[],
  valid: LabelledDoc[] | null,
  options: TrainOptions & { stages: number; folds: number },
): TrainResult {
  const log = options.log ?? ((): void => {});
  log(`stage 1 on ${train.length} documents`);
  const stage1 = trainStage(train, null, valid, null, options);
  const report: Record<string, number> = { stage1Epoch: stage1.bestEpoch, stage1ValidF1: stage1.validF1 };
  const stages: Stage[] = [compactStage(stage1, options.prune)];
  if (options.stages >= 2) {
    const folds = Math.max(2, options.folds);
    const trainPrevious: TokenSpan[][][] = new Array<TokenSpan[][]>(train.length);
    for (let k = 0; k < folds; k++) {
      const held = train.filter((_, i) => i % folds === k);
      const rest = train.filter((_, i) => i % folds !== k);
      log(`jackknife fold ${k + 1}/${folds}: ${rest.length} documents`);
      const foldStage = trainStage(rest, null, null, null, { ...options, epochs: stage1.bestEpoch, seeds: 1, log: () => {} });
      const tagged = tagWithTrained(foldStage, held, null, options);
      let j = 0;
      train.forEach((_, i) => {
        if (i % folds === k) trainPrevious[i] = tagged[j++];
      });
    }
    const validPrevious = valid === null ? null : tagWithTrained(stage1, valid, null, options);
    log('stage 2');
    const stage2 = trainStage(train, trainPrevious, valid, validPrevious, options);
    report.stage2Epoch = stage2.bestEpoch;
    report.stage2ValidF1 = stage2.validF1;
    stages.push(compactStage(stage2, options.prune));
  }
  return {
    model: { stages, gazetteer: options.gazetteer ?? new Map(), casing: options.casing ?? new Map(), meta: { ...report, trainedOn: train.length } },
    report,
  };
}

/**
 * Casing prior from unlabeled news: for each word, how often it is capitalised when it is not the
 * first word of a sentence. Reads every .txt file under the given folders, and the `text` field of
 * every line of their `.jsonl.gz` files (the recent news corpora).
 */
export function learnCasing(folders: readonly string[], minCount = 2): CasingTable {
  const counts = new Map<string, [number, number]>();
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt') || name.endsWith('.jsonl.gz')) files.push(path);
    }
  };
  folders.forEach(walk);
  const word = /\p{L}[\p{L}\p{M}]*/gu;
  const linesOf = (file: string): string[] => {
    if (!file.endsWith('.jsonl.gz')) return readFileSync(file, 'utf8').split('\n');
    const out: string[] = [];
    for (const record of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
      if (record.trim() === '') continue;
      const text = (JSON.parse(record) as { text?: unknown }).text;
      if (typeof text === 'string') out.push(...text.split('\n'));
    }
    return out;
  };
  for (const file of files) {
    for (const line of linesOf(file)) {
      let initial = true;
      let last = 0;
      for (const m of line.matchAll(word)) {
        const between = line.slice(last, m.index);
        if (/[.!?:"\u201c\u201d]/.test(between)) initial = true;
        last = m.index + m[0].length;
        const w = m[0];
        if (initial) {
          initial = false;
          continue;
        }
        const lw = w.toLowerCase();
        if (lw === w.toUpperCase()) continue;
        let c = counts.get(lw);
        if (c === undefined) counts.set(lw, (c = [0, 0]));
        if (w[0] !== w[0].toLowerCase()) c[0]++;
        else c[1]++;
      }
    }
  }
  const table: CasingTable = new Map();
  for (const [lw, [cap, low]] of counts) {
    if (cap + low >= minCount) table.set(hashString(lw), casingBucket(cap, low));
  }
  return table;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), {
    values: ['train', 'valid', 'out', 'epochs', 'stages', 'folds', 'seed', 'seeds', 'clusters', 'prune', 'limit', 'repack', 'news-lexicon'],
    repeatable: ['extra', 'extra-domain'],
    booleans: ['no-lists', 'news-casing', 'lexicon-dropout'],
  });
  const repack = stringFlag(args, 'repack');
  if (repack !== undefined) {
    // Re-prune a saved model without training: --repack MODEL [--prune X] [--out FILE].
    const data = deserializeModel(readFileSync(repack), () => loadClusters(stringFlag(args, 'clusters') ?? DEFAULT_CLUSTERS_FILE));
    const prune = numberFlag(args, 'prune', 0.002);
    const bytes = serializeModel({ ...data, stages: data.stages.map((st) => pruneStage(st, prune)) });
    writeFileSync(stringFlag(args, 'out') ?? repack, bytes);
    process.stderr.write(`repacked ${repack}: ${(bytes.length / 1e6).toFixed(2)} MB\n`);
    return;
  }
  const trainPath = stringFlag(args, 'train') ?? sharedPath('data', 'conll2003', 'train.txt');
  const validPath = stringFlag(args, 'valid') ?? sharedPath('data', 'conll2003', 'valid.txt');
  const out = stringFlag(args, 'out') ?? DEFAULT_MODEL_PATH;
  const limit = numberFlag(args, 'limit', Infinity);
  const t0 = Date.now();
  const log = (line: string): void => {
    process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
  };
  const train = labelledDocs(parseConll(readFileSync(trainPath, 'utf8'))).slice(0, limit);
  const extra = args.flags.extra;
  for (const file of Array.isArray(extra) ? extra : typeof extra === 'string' ? [extra] : []) {
    const docs = labelledDocs(parseColumns(readFileSync(file, 'utf8')));
    log(`extra training data ${file}: ${docs.length} documents`);
    train.push(...docs);
  }
  const extraDomain = args.flags['extra-domain'];
  (Array.isArray(extraDomain) ? extraDomain : typeof extraDomain === 'string' ? [extraDomain] : []).forEach((file, k) => {
    const docs = labelledDocs(parseColumns(readFileSync(file, 'utf8'))).map((d) => ({ ...d, domain: k + 1 }));
    log(`extra training data with private feature copies ${file}: ${docs.length} documents`);
    train.push(...docs);
  });
  const valid = labelledDocs(parseConll(readFileSync(validPath, 'utf8')));
  const clusters = loadClusters(stringFlag(args, 'clusters') ?? DEFAULT_CLUSTERS_FILE);
  log(`train ${trainPath}: ${train.length} docs; valid ${validPath}: ${valid.length} docs; ${clusters.size} clustered words`);
  const casingFolders = [sharedPath('data', 'bbc-news'), sharedPath('data', 'polnear')];
  if (args.flags['news-casing'] === true) {
    for (const name of readdirSync(sharedPath('data')).sort()) if (name.startsWith('news-')) casingFolders.push(sharedPath('data', name));
  }
  const casing = learnCasing(casingFolders);
  const lexiconPath = stringFlag(args, 'news-lexicon');
  const lexicon = lexiconPath === undefined ? undefined : loadLexicon(lexiconPath);
  if (lexicon !== undefined) log(`news lexicon ${lexiconPath}: ${lexicon.length} phrases`);
  const gazetteerOptions = {
    lists: args.flags['no-lists'] === true ? undefined : loadNameLists(),
    commonWord: (lw: string): boolean => {
      const bucket = casing.get(hashString(lw));
      return bucket !== undefined && bucket <= 1;
    },
  };
  const gazetteer = buildGazetteer({ ...gazetteerOptions, lexicon });
  const dropGazetteer = args.flags['lexicon-dropout'] === true && lexicon !== undefined ? buildGazetteer(gazetteerOptions) : undefined;
  log(`gazetteer: ${gazetteer.size} phrases; casing prior: ${casing.size} words`);
  const result = trainNer(train, valid, {
    epochs: numberFlag(args, 'epochs', 12),
    stages: numberFlag(args, 'stages', 2),
    folds: numberFlag(args, 'folds', 4),
    seed: numberFlag(args, 'seed', 7),
    prune: numberFlag(args, 'prune', 0.002),
    seeds: numberFlag(args, 'seeds', 3),
    clusters,
    gazetteer,
    dropGazetteer,
    casing,
    log,
  });
  const bytes = serializeModel({ ...result.model, clusters });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB; ${JSON.stringify(result.report)}`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
