import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { NUM_TAGS, TYPES, tagU } from './features.js';
import { loadNerModelFrom, DEFAULT_MODEL_PATH } from './model.js';
import { BAG_BUCKETS, BAG_SIZE, windowWordInputs } from './window-features.js';
import { WindowNet, withStageWeights } from './window-net.js';
import { seededRandom } from './hash.js';

interface Parts {
  vocab: string[];
  emb: Int8Array;
  embScale: Float32Array;
  special: Float32Array;
  bag: Int8Array;
  bagScale: Float32Array;
  /** Version 2: the bottleneck, (DIM + BAG) × RANK. */
  a: Float32Array | null;
  w1: Float32Array;
  b1: Float32Array;
  first: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

const DIM = 3;
const BAG = 2;
const H = 4;
const RANK = 2;

/** A small random network in the file format of scripts/ner-window-train.py. */
function randomParts(seed: number, vocab: string[], bottleneck = false): Parts {
  const r = seededRandom(seed);
  const f = (n: number, s = 1): Float32Array => Float32Array.from({ length: n }, () => (r() - 0.5) * 2 * s);
  const i8 = (n: number): Int8Array => Int8Array.from({ length: n }, () => Math.round((r() - 0.5) * 254));
  return {
    vocab,
    emb: i8(vocab.length * DIM),
    embScale: f(DIM, 0.02),
    special: f(3 * DIM),
    bag: i8(BAG_BUCKETS * BAG),
    bagScale: f(BAG, 0.02),
    a: bottleneck ? f((DIM + BAG) * RANK) : null,
    w1: f(5 * (bottleneck ? RANK : DIM + BAG) * H),
    b1: f(H, 0.1),
    first: f(H),
    w2: f(H * NUM_TAGS, 2),
    b2: f(NUM_TAGS),
  };
}

function fileOf(p: Parts, weights: number[] = []): Buffer {
  const f32 = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const i8 = (a: Int8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const version = p.a !== null ? [2, p.vocab.length, DIM, BAG, H, NUM_TAGS, BAG_BUCKETS, RANK] : [1, p.vocab.length, DIM, BAG, H, NUM_TAGS, BAG_BUCKETS];
  const head = ['dateline-window', ...version, ...weights].join(' ') + '\n';
  return gzipSync(
    Buffer.concat([
      Buffer.from(head),
      f32(p.embScale),
      Buffer.from(p.vocab.map((w) => w + '\n').join('')),
      i8(p.emb),
      f32(p.special),
      f32(p.bagScale),
      i8(p.bag),
      ...(p.a !== null ? [f32(p.a)] : []),
      f32(p.w1),
      f32(p.b1),
      f32(p.first),
      f32(p.w2),
      f32(p.b2),
    ]),
  );
}

/** The network written out plainly: one token's log-probabilities from its window, no caching. */
function naive(p: Parts, sentence: string[], i: number): number[] {
  const vocab = new Map(p.vocab.map((w, k) => [w, k]));
  const bag = new Int32Array(BAG_SIZE);
  const inputOf = (form: string): number[] => {
    const row = windowWordInputs(form, vocab, bag);
    const x: number[] = [];
    for (let j = 0; j < DIM; j++) x.push(row >= 0 ? p.emb[row * DIM + j] * p.embScale[j] : p.special[(-1 - row) * DIM + j]);
    for (let j = 0; j < BAG; j++) {
      let s = 0;
      for (const b of bag) if (b >= 0) s += p.bag[b * BAG + j] * p.bagScale[j];
      x.push(s);
    }
    if (p.a === null) return x;
    const u: number[] = [];
    for (let q = 0; q < RANK; q++) u.push(x.reduce((acc, xj, j) => acc + xj * p.a![j * RANK + q], 0));
    return u;
  };
  const x: number[] = [];
  for (let o = -2; o <= 2; o++) {
    const k = i + o;
    x.push(...inputOf(k < 0 ? '<S>' : k >= sentence.length ? '</S>' : sentence[k]));
  }
  const h: number[] = [];
  for (let u = 0; u < H; u++) {
    let a = p.b1[u] + (i === 0 ? p.first[u] : 0);
    for (let j = 0; j < x.length; j++) a += x[j] * p.w1[j * H + u];
    h.push(Math.max(0, a));
  }
  const z: number[] = [];
  for (let t = 0; t < NUM_TAGS; t++) {
    let s = p.b2[t];
    for (let u = 0; u < H; u++) s += h[u] * p.w2[u * NUM_TAGS + t];
    z.push(s);
  }
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => v - lse);
}

const SENTENCES = [
  ['Olaf', 'Scholz', 'met', 'Volodymyr', 'Zelenskyy', 'in', 'Kyiv', 'on', '12', 'may', '.'],
  ['Shares', 'of', 'Nvidia', 'rose', '.'],
  ['Hi'],
];

test('the window network computes what its layers say, token by token, with or without its cache and bottleneck', () => {
  let unscored = 0;
  for (const [limit, bottleneck] of [[200_000, false], [1, false], [200_000, true], [1, true]] as const) {
    const parts = randomParts(3, ['met', 'in', 'kyiv', 'on', '00', 'may', '.', 'shares', 'of', 'rose'], bottleneck);
    const net = new WindowNet(fileOf(parts), limit);
    const lp = net.logProbs(SENTENCES);
    let k = 0;
    for (const s of SENTENCES) {
      for (let i = 0; i < s.length; i++, k++) {
        // Tokens with no capital letter within ±1 are not scored: all zeros.
        const scored = [i - 1, i, i + 1].some((j) => j >= 0 && j < s.length && /[A-Z]/.test(s[j]));
        const want = scored ? naive(parts, s, i) : new Array<number>(NUM_TAGS).fill(0);
        for (let t = 0; t < NUM_TAGS; t++) assert.ok(Math.abs(lp[k * NUM_TAGS + t] - want[t]) < 1e-4, `${s[i]} tag ${t}: ${lp[k * NUM_TAGS + t]} vs ${want[t]}`);
        const total = want.reduce((a, v) => a + Math.exp(v), 0);
        if (scored) assert.ok(Math.abs(total - 1) < 1e-6);
        else unscored++;
      }
    }
    assert.equal(k * NUM_TAGS, lp.length);
    // Tagging again from the cache gives the same numbers.
    assert.deepEqual(net.logProbs(SENTENCES), lp);
  }
  assert.equal(unscored, 4 * 4, '"12 may ." and the last "." are out of reach of a capital');
});

test('the window file carries the per-stage weights and rejects truncated or foreign files', () => {
  const parts = randomParts(5, ['a', 'b']);
  assert.deepEqual(new WindowNet(fileOf(parts)).weights, []);
  assert.deepEqual(new WindowNet(withStageWeights(fileOf(parts), [150, 600])).weights, [150, 600]);
  const bottled = randomParts(5, ['a', 'b'], true);
  assert.deepEqual(new WindowNet(withStageWeights(fileOf(bottled, [1, 2]), [150, 600])).weights, [150, 600]);
  const raw = fileOf(parts, [1, 2]);
  assert.throws(() => new WindowNet(gzipSync(Buffer.from('dateline-vectors 1 2 3\n'))), /not a window network/);
  assert.throws(() => new WindowNet(gzipSync(Buffer.concat([Buffer.from('dateline-window 1 2 3 2 4 17 32768 1 2\n'), Buffer.alloc(10)]))));
  assert.ok(raw.length > 0);
});

/** News-like documents: names repeated (the second stage's document evidence), places, a caps headline. */
function documents(): string[][][] {
  return [
    [
      ['EU', 'LEADERS', 'MEET', 'IN', 'BRUSSELS'],
      ['Ursula', 'von', 'der', 'Leyen', 'met', 'Olaf', 'Scholz', 'in', 'Brussels', 'on', 'Tuesday', '.'],
      ['Scholz', 'said', 'Germany', 'would', 'send', 'more', 'aid', 'to', 'Ukraine', '.'],
      [],
      ['Shares', 'of', 'Nvidia', 'and', 'Siemens', 'AG', 'rose', '2.5', '%', 'in', 'Frankfurt', '.'],
    ],
    [
      ['Hamas', 'and', 'Israel', 'agreed', 'to', 'a', 'ceasefire', 'in', 'Doha', ',', 'officials', 'said', '.'],
      ['Karoline', 'Leavitt', 'told', 'reporters', 'in', 'Washington', 'that', 'Leavitt', 'was', 'calm', '.'],
    ],
  ];
}

test('a window network attached to the perceptron: the fast tagger and the reference agree, and its scores count', () => {
  const model = loadNerModelFrom(DEFAULT_MODEL_PATH, undefined, null);
  const docs = documents();
  const before = docs.map((d) => model.tagDocument(d));
  // A network that strongly prefers U-MISC for every token: with a large weight every token becomes MISC.
  const parts = randomParts(9, ['said', 'in', '.']);
  parts.w2.fill(0);
  parts.b2.fill(0);
  parts.b2[tagU(TYPES.indexOf('MISC'))] = 30;
  model.attachWindow(new WindowNet(fileOf(parts)), [2000, 2000]);
  for (const doc of docs) assert.deepEqual(model.tagDocument(doc), model.referenceTagDocument(doc));
  const swamped = model.tagDocument(docs[1]);
  assert.ok(swamped.flat().every((s) => TYPES[s.type] === 'MISC'));
  // Every token with a capital letter (scored by the network) is in a span.
  docs[1].forEach((sentence, si) =>
    sentence.forEach((form, i) => {
      if (/[A-Z]/.test(form)) assert.ok(swamped[si].some((s) => s.start <= i && i < s.end), form);
    }),
  );
  // A mild random network: still the same tags on both paths; weight 0 leaves the perceptron alone.
  model.attachWindow(new WindowNet(fileOf(randomParts(11, ['said', 'in', '.']))), [300, 300]);
  for (const doc of docs) assert.deepEqual(model.tagDocument(doc), model.referenceTagDocument(doc));
  model.attachWindow(new WindowNet(fileOf(randomParts(11, ['said']))), [0, 0]);
  assert.deepEqual(docs.map((d) => model.tagDocument(d)), before);
  model.attachWindow(null);
  assert.deepEqual(docs.map((d) => model.tagDocument(d)), before);
});
