import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { parseConll, scoreSpans } from './conll.js';
import { TYPES, type TokenSpan } from './features.js';
import { buildGazetteer } from './gazetteer.js';
import { NerModel, deserializeModel, serializeModel } from './model.js';
import { labelledDocs, trainNer, type LabelledDoc } from './train.js';

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena'];
const LAST = ['Novak', 'Petrov', 'Rossi', 'Sato', 'Weber', 'Haddad', 'Lindqvist', 'Moreau', 'Okafor', 'Quinn', 'Varga', 'Zhou'];
const ORGS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Group', 'Stark Industries', 'Wayne Enterprises'];
const PLACES = ['Lisbon', 'Oslo', 'Nairobi', 'Lima', 'Hanoi', 'Perth', 'Quito', 'Riga'];

/** Hand-made corpus: name, organisation and place slots in a few news-like frames. */
function synthetic(count: number, seed: number): LabelledDoc[] {
  let s = seed;
  const pick = <T>(xs: T[]): T => xs[(s = (s * 1103515245 + 12345) % 2147483648) % xs.length];
  const docs: LabelledDoc[] = [];
  for (let d = 0; d < count; d++) {
    const doc: string[][] = [];
    const gold: TokenSpan[][] = [];
    for (let k = 0; k < 4; k++) {
      const per = [pick(FIRST), pick(LAST)];
      const org = pick(ORGS).split(' ');
      const loc = pick(PLACES);
      const frames: Array<() => [string[], TokenSpan[]]> = [
        () => [[...per, 'said', 'on', 'Monday', 'that', ...org, 'would', 'open', 'an', 'office', 'in', loc, '.'], [
          { start: 0, end: 2, type: 0 },
          { start: 6, end: 6 + org.length, type: 1 },
          { start: 11 + org.length, end: 12 + org.length, type: 2 },
        ]],
        () => [['The', 'chief', 'executive', 'of', ...org, ',', ...per, ',', 'flew', 'to', loc, '.'], [
          { start: 4, end: 4 + org.length, type: 1 },
          { start: 5 + org.length, end: 7 + org.length, type: 0 },
          { start: 10 + org.length, end: 11 + org.length, type: 2 },
        ]],
      ];
      const [tokens, spans] = pick(frames)();
      doc.push(tokens);
      gold.push(spans);
    }
    docs.push({ doc, gold });
  }
  return docs;
}

const options = { epochs: 4, seed: 3, clusters: null, gazetteer: null, casing: null, prune: 0, stages: 2, folds: 2 };

test('trainer learns a hand-made corpus and the saved model tags like the trained one', () => {
  const train = synthetic(40, 1);
  const held = synthetic(10, 99);
  const result = trainNer(train, null, options);
  const model = new NerModel(deserializeModel(serializeModel(result.model), new Map()));
  const pred = held.map((d) => model.tagDocument(d.doc));
  const score = scoreSpans(held.flatMap((d) => d.gold), pred.flat());
  assert.ok(score.overall.f1 > 0.9, `held-out F1 ${score.overall.f1}`);
  assert.equal(result.model.stages.length, 2);
  // Deterministic: the same seed gives the same weights.
  const again = trainNer(train, null, options);
  assert.deepEqual(Array.from(again.model.stages[1].weights.slice(0, 200)), Array.from(result.model.stages[1].weights.slice(0, 200)));
});

const trainFile = sharedPath('data', 'conll2003', 'train.txt');
test('trainer learns from a slice of CoNLL-2003 train', { skip: !existsSync(trainFile) && `shared data absent: ${trainFile}` }, () => {
  const docs = labelledDocs(parseConll(readFileSync(trainFile, 'utf8')).slice(0, 60));
  const train = docs.slice(0, 45);
  const held = docs.slice(45);
  const gazetteer = buildGazetteer({ cities: false });
  const result = trainNer(train, null, { ...options, epochs: 3, stages: 1, gazetteer });
  const model = new NerModel(deserializeModel(serializeModel(result.model), new Map()));
  const pred = held.map((d) => model.tagDocument(d.doc));
  const score = scoreSpans(held.flatMap((d) => d.gold), pred.flat());
  // A few hundred sentences get far beyond chance (all-O scores 0).
  assert.ok(score.overall.f1 > 0.4, `held-out F1 ${score.overall.f1}`);
  assert.ok(TYPES.every((t) => score.byType[t].gold >= 0));
});

test('learnCasing reads plain text and the text field of jsonl.gz news files', async () => {
  const { mkdtempSync, writeFileSync: write, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { gzipSync } = await import('node:zlib');
  const { learnCasing } = await import('./train.js');
  const { hashString } = await import('./hash.js');
  const { casingBucket } = await import('./features.js');
  const dir = mkdtempSync(join(tmpdir(), 'casing-'));
  try {
    write(join(dir, 'a.txt'), 'Shares in Binance fell. The exchange said Binance would pay.\n');
    const records = [{ text: 'Users of Binance and the exchange left.' }, { text: 'Another exchange opened.' }];
    write(join(dir, 'b.jsonl.gz'), gzipSync(records.map((r) => JSON.stringify(r)).join('\n')));
    const table = learnCasing([dir]);
    assert.equal(table.get(hashString('binance')), casingBucket(3, 0));
    assert.equal(table.get(hashString('exchange')), casingBucket(0, 3));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extra data with a domain trains private feature copies that the saved model drops', () => {
  const core = synthetic(30, 5);
  // The other corpus marks organisations as MISC: its private copies can take that convention.
  const other = synthetic(30, 6).map((d) => ({ ...d, gold: d.gold.map((s) => s.map((x) => (x.type === 1 ? { ...x, type: 3 } : x))), domain: 1 }));
  const pooled = trainNer([...core, ...other.map((d) => ({ doc: d.doc, gold: d.gold }))], null, { ...options, stages: 1 });
  const mixed = trainNer([...core, ...other], null, { ...options, stages: 1 });
  const rows = (r: typeof mixed): number => r.model.stages[0].keys.length;
  // The private copies would double the other corpus' rows: the saved table holds only shared features.
  assert.ok(rows(mixed) <= rows(pooled) * 1.02, `${rows(mixed)} vs ${rows(pooled)}`);
  const model = new NerModel(deserializeModel(serializeModel(mixed.model), new Map()));
  const held = synthetic(10, 77);
  const score = scoreSpans(held.flatMap((d) => d.gold), held.flatMap((d) => model.tagDocument(d.doc)));
  assert.ok(score.byType.ORG.f1 > 0.8, `ORG F1 ${score.byType.ORG.f1}`);
});

test('a gazetteer hidden from every other training document changes only what those documents see', () => {
  const gazetteer = buildGazetteer({ cities: false, lexicon: ORGS.map((phrase) => ({ phrase: phrase.toLowerCase(), type: 'ORG' as const, count: 5 })) });
  const train = synthetic(20, 11);
  const weights = (dropGazetteer?: Map<number, number>): number[] =>
    Array.from(trainNer(train, null, { ...options, epochs: 2, stages: 1, gazetteer, dropGazetteer }).model.stages[0].weights);
  const plain = weights();
  // The same gazetteer as the alternative: nothing changes; an empty one: the odd documents lose its features.
  assert.deepEqual(weights(gazetteer), plain);
  assert.notDeepEqual(weights(new Map()), plain);
});
