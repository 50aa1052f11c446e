/**
 * Averages NER models of one recipe trained with different shuffle seeds (`npm run train:ner-average`):
 *
 *   node dist/entities/average-models.js --out FILE [--prune X] MODEL.bin.gz MODEL.bin.gz …
 *
 * Each stage is linear in its features (a tag's score is the sum of the weight rows its hashed features
 * select), so the mean of N models' weights scores every tag with the mean of their scores: a score ensemble
 * at one model's run-time cost. Why the stages line up:
 * - the feature keys are hashes of the same templates over the same inputs (clusters, gazetteer, casing prior),
 *   so a key means the same thing in every model; a key one model lacks (pruned, or never seen in its
 *   training) has weight 0 there and counts as 0 in the mean. The tool refuses models whose gazetteer,
 *   casing prior or cluster table differ (another recipe: the same key would read other inputs);
 * - stage 2's extra features are "stage 1 said tag T for this word elsewhere in the document": the same
 *   tag vocabulary in every model, so stage-2 rows average like stage-1 rows. At run time the averaged
 *   stage 2 reads the averaged stage 1's labels, a little cleaner than the jackknifed labels each seed's
 *   stage 2 was trained on (the same direction as every model's own run-time input);
 * - weights are stored as int16 with one scale per stage and model (model.ts): each is dequantised with its
 *   own scale (Stage.scale) before averaging, and the mean is quantised again on saving. Rows are then
 *   re-pruned with the training default (train.ts pruneStage), since the union of keys is larger than any
 *   one model's.
 * Greedy decoding makes the ensemble exact per step, not per sentence: each step's tag is the argmax of the
 * mean scores given the averaged model's own previous tags.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, numberFlag, stringFlag } from '../cli/args.js';
import { NUM_TAGS, type CasingTable, type ClusterTable, type Gazetteer } from './features.js';
import { DEFAULT_CLUSTERS_FILE, HashedClusters, deserializeModel, loadClusters, serializeModel, type NerModelData, type Stage } from './model.js';
import { pruneStage } from './train.js';

/** The float weights of a stage: int16 × its scale, or the float weights as they are. */
export function dequantise(stage: Stage): Float32Array {
  if (stage.weights instanceof Float32Array) return stage.weights;
  const scale = stage.scale;
  if (scale === undefined) throw new Error('an int16 stage without its scale cannot be averaged with others');
  const out = new Float32Array(stage.weights.length);
  for (let i = 0; i < out.length; i++) out[i] = stage.weights[i] * scale;
  return out;
}

/** The mean of N stages' weights over the union of their keys (absent keys count as 0). */
export function averageStages(stages: readonly Stage[]): Stage {
  const rowOf = new Map<number, number>();
  for (const st of stages) for (const k of st.keys) if (!rowOf.has(k)) rowOf.set(k, rowOf.size);
  const sums = new Float64Array(rowOf.size * NUM_TAGS);
  for (const st of stages) {
    const w = dequantise(st);
    for (let r = 0; r < st.keys.length; r++) {
      const base = (rowOf.get(st.keys[r]) as number) * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) sums[base + t] += w[r * NUM_TAGS + t];
    }
  }
  const keys = Uint32Array.from(rowOf.keys());
  const weights = new Float32Array(sums.length);
  for (let i = 0; i < sums.length; i++) weights[i] = sums[i] / stages.length;
  return { keys, weights };
}

function sameMap(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function asHashed(c: ClusterTable): HashedClusters {
  return c instanceof HashedClusters ? c : HashedClusters.fromMap(c as ReadonlyMap<string, readonly number[]>);
}

/** One recipe reads one cluster file, so its tables are equal row for row (hash collisions make a keyed compare unsafe). */
function sameClusters(a: ClusterTable, b: ClusterTable): boolean {
  const x = asHashed(a);
  const y = asHashed(b);
  if (x.levels !== y.levels || x.keys.length !== y.keys.length || x.ids.length !== y.ids.length) return false;
  for (let i = 0; i < x.keys.length; i++) if (x.keys[i] !== y.keys[i]) return false;
  for (let i = 0; i < x.ids.length; i++) if (x.ids[i] !== y.ids[i]) return false;
  return true;
}

/**
 * Averages models of one recipe (same gazetteer, casing prior and clusters; throws otherwise), then prunes
 * each averaged stage at `prune` × its largest |weight| (0 keeps every row).
 */
export function averageModels(models: readonly NerModelData[], prune = 0.002): NerModelData {
  if (models.length === 0) throw new Error('no models to average');
  const [first] = models;
  for (const [i, m] of models.entries()) {
    const differs = (what: string): Error => new Error(`model ${i + 1} differs from model 1 in its ${what}: not one recipe, not averaged`);
    if (m.stages.length !== first.stages.length) throw differs('number of stages');
    if (!sameMap(m.gazetteer as Gazetteer, first.gazetteer)) throw differs('gazetteer');
    if (!sameMap(m.casing as CasingTable, first.casing)) throw differs('casing prior');
    if (!sameClusters(m.clusters, first.clusters)) throw differs('cluster table');
  }
  const stages = first.stages.map((_, s) => {
    const mean = averageStages(models.map((m) => m.stages[s]));
    return prune > 0 ? pruneStage(mean, prune) : mean;
  });
  return {
    stages,
    gazetteer: first.gazetteer,
    casing: first.casing,
    clusters: first.clusters,
    meta: { averagedOf: models.length, members: models.map((m) => m.meta) },
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['out', 'prune', 'clusters'] });
  const out = stringFlag(args, 'out');
  const paths = args.positionals;
  if (out === undefined || paths.length < 2) {
    process.stderr.write('usage: average-models.js --out FILE [--prune X] MODEL.bin.gz MODEL.bin.gz …\n');
    process.exitCode = 2;
    return;
  }
  const clusters = (): ClusterTable => loadClusters(stringFlag(args, 'clusters') ?? DEFAULT_CLUSTERS_FILE);
  const models = paths.map((p) => deserializeModel(readFileSync(p), clusters));
  const avg = averageModels(models, numberFlag(args, 'prune', 0.002));
  const bytes = serializeModel(avg);
  writeFileSync(out, bytes);
  const rows = avg.stages.map((s) => s.keys.length).join(' + ');
  process.stderr.write(`averaged ${paths.length} models into ${out}: ${rows} rows, ${(bytes.length / 1e6).toFixed(2)} MB\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
