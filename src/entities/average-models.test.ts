import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreSpans } from './conll.js';
import { NUM_TAGS, type TokenSpan } from './features.js';
import { averageModels, averageStages } from './average-models.js';
import { HashedClusters, NerModel, deserializeModel, serializeModel, type NerModelData } from './model.js';
import { trainNer, type LabelledDoc } from './train.js';

const PEOPLE = [['Anna', 'Novak'], ['Boris', 'Petrov'], ['Carla', 'Rossi'], ['Hiro', 'Sato'], ['Ines', 'Okafor'], ['Jonas', 'Weber']];
const ORGS = [['Globex'], ['Initech'], ['Acme', 'Corp'], ['Umbrella', 'Group']];
const PLACES = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Hanoi', 'Riga'];

/** Hand-made documents: a person, an organisation and a place in two news-like frames. */
function corpus(count: number, seed: number): LabelledDoc[] {
  let s = seed;
  const pick = <T>(xs: readonly T[]): T => xs[(s = (s * 1103515245 + 12345) % 2147483648) % xs.length];
  return Array.from({ length: count }, () => {
    const doc: string[][] = [];
    const gold: TokenSpan[][] = [];
    for (let k = 0; k < 3; k++) {
      const per = pick(PEOPLE);
      const org = pick(ORGS);
      const loc = pick(PLACES);
      if (pick([0, 1]) === 0) {
        doc.push([...per, 'said', 'that', ...org, 'will', 'open', 'in', loc, '.']);
        gold.push([{ start: 0, end: 2, type: 0 }, { start: 4, end: 4 + org.length, type: 1 }, { start: 7 + org.length, end: 8 + org.length, type: 2 }]);
      } else {
        doc.push(['The', 'head', 'of', ...org, ',', ...per, ',', 'went', 'to', loc, '.']);
        gold.push([{ start: 3, end: 3 + org.length, type: 1 }, { start: 4 + org.length, end: 6 + org.length, type: 0 }, { start: 9 + org.length, end: 10 + org.length, type: 2 }]);
      }
    }
    return { doc, gold };
  });
}

const options = { epochs: 3, clusters: null, gazetteer: null, casing: null, prune: 0, stages: 2, folds: 2 };

function trained(seed: number, train: LabelledDoc[]): NerModelData {
  return deserializeModel(serializeModel(trainNer(train, null, { ...options, seed }).model), new Map());
}

test('averageStages dequantises each stage with its own scale and counts a missing key as 0', () => {
  const row = (...v: number[]): number[] => [...v, ...new Array<number>(NUM_TAGS - v.length).fill(0)];
  const a = { keys: Uint32Array.of(10, 20), weights: Int16Array.from([...row(100, -50), ...row(0, 200)]), scale: 0.5 };
  const b = { keys: Uint32Array.of(20, 30), weights: Int16Array.from([...row(10, 20), ...row(-40)]), scale: 2 };
  const mean = averageStages([a, b]);
  assert.deepEqual(Array.from(mean.keys), [10, 20, 30]);
  const at = (key: number, tag: number): number => mean.weights[Array.from(mean.keys).indexOf(key) * NUM_TAGS + tag];
  assert.equal(at(10, 0), 25); // (100 × 0.5 + 0) / 2
  assert.equal(at(10, 1), -12.5);
  assert.equal(at(20, 0), 10); // (0 × 0.5 + 10 × 2) / 2
  assert.equal(at(20, 1), 70); // (200 × 0.5 + 20 × 2) / 2
  assert.equal(at(30, 0), -40);
  assert.throws(() => averageStages([{ keys: Uint32Array.of(1), weights: new Int16Array(NUM_TAGS) }, a]), /scale/);
});

test('a model averaged with itself keeps its weights; models of two seeds average into one that tags as well', () => {
  const train = corpus(30, 1);
  const held = corpus(8, 77);
  const m1 = trained(3, train);
  const m2 = trained(4, train);
  const self = deserializeModel(serializeModel(averageModels([m1, m1], 0)), new Map());
  for (let s = 0; s < m1.stages.length; s++) {
    assert.deepEqual(Array.from(self.stages[s].keys), Array.from(m1.stages[s].keys));
    assert.deepEqual(Array.from(self.stages[s].weights), Array.from(m1.stages[s].weights));
  }
  const avg = averageModels([m1, m2]);
  assert.equal(avg.meta.averagedOf, 2);
  const tagger = new NerModel(deserializeModel(serializeModel(avg), new Map()));
  const f1 = scoreSpans(held.flatMap((d) => d.gold), held.flatMap((d) => tagger.tagDocument(d.doc))).overall.f1;
  assert.ok(f1 > 0.9, `held-out F1 of the average ${f1}`);
  // The seeds differ, so the average is a new model, not a copy of either.
  assert.notDeepEqual(Array.from(avg.stages[0].weights.slice(0, 500)), Array.from(m1.stages[0].weights.slice(0, 500)));
});

test('models of different recipes (another gazetteer or casing prior) are refused', () => {
  const train = corpus(12, 5);
  const m = trained(3, train);
  const otherGazetteer = { ...m, gazetteer: new Map([[123, 1]]) };
  assert.throws(() => averageModels([m, otherGazetteer]), /gazetteer/);
  const otherCasing = { ...m, casing: new Map([[7, 2]]) };
  assert.throws(() => averageModels([m, otherCasing]), /casing/);
  const otherClusters = { ...m, clusters: new Map([['lisbon', [1, 2]]]) };
  assert.throws(() => averageModels([m, otherClusters]), /cluster/);
  assert.throws(() => averageModels([]), /no models/);
  // Two words whose hashes collide are still one table, equal to itself (a keyed compare would see a mismatch).
  const colliding = { ...m, clusters: new HashedClusters(Uint32Array.of(5, 5), Uint16Array.of(1, 2), 1) };
  assert.doesNotThrow(() => averageModels([colliding, { ...colliding, clusters: new HashedClusters(Uint32Array.of(5, 5), Uint16Array.of(1, 2), 1) }]));
});
