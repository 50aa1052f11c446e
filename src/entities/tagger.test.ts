import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TYPES, type TokenSpan } from './features.js';
import { defaultNerModel, type NerModel } from './model.js';
import { FastTagger } from './tagger.js';

const show = (doc: string[][], spans: TokenSpan[][]): string[] =>
  spans.flatMap((list, si) => list.map((s) => `${si}:${doc[si].slice(s.start, s.end).join(' ')}/${TYPES[s.type]}`));

/** Hand-made news-like documents that reach every feature: names repeated (document evidence), places in the gazetteer, a caps headline, punctuation after which capitals say nothing, digits, hyphens, an empty sentence and non-Latin script. */
export function documents(): string[][][] {
  const names = ['Dmitry Peskov', 'Rustem Umerov', 'Karoline Leavitt', 'Angela Merkel', 'Ursula von der Leyen', 'Hamas', 'Siemens AG', 'the European Union'];
  const places = ['New York', 'Los Angeles', 'Kyiv', 'Doha', 'United States', 'Ternopil', 'Munich', 'Buenos Aires'];
  const verbs = ['said', 'met', 'told', 'visited', 'criticised', 'rejected'];
  const fillers = ['on Tuesday', 'in a statement', ', officials said ,', 'after talks', 'for the first time', '- a 2-0 win -', ': " We will not stop "'];
  let seed = 7;
  const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length];
  const docs: string[][][] = [];
  for (let d = 0; d < 6; d++) {
    const doc: string[][] = [['RUSSIA', 'SAYS', pick(names).toUpperCase(), 'WILL', 'VISIT', pick(places).toUpperCase()]];
    for (let k = 0; k < 7; k++) {
      const who = pick(names).split(' ');
      const where = pick(places).split(' ');
      doc.push([...who, pick(verbs), ...pick(names).split(' '), 'in', ...where, ...pick(fillers).split(' '), '.']);
      // The surname alone, later: the second stage reads what the first said about it elsewhere.
      doc.push([who[who.length - 1], 'added', 'that', ...pick(places).split(' '), 'was', 'calm', '.']);
    }
    doc.push([]);
    doc.push(['Москва', 'и', 'Kyiv', '.']);
    docs.push(doc);
  }
  return docs;
}

function fastTaggerOf(model: NerModel, limits: { words: number; pairs: number }): FastTagger {
  const stages = model.data.stages.map((stage) => ({ keys: stage.keys, weights: stage.weights as Int16Array }));
  return new FastTagger(stages, model.data.clusters, model.data.gazetteer, model.data.casing, limits);
}

test('the fast tagger tags hand-made documents exactly as the reference (training-path) features and decoder do', () => {
  const model = defaultNerModel();
  const docs = documents();
  let spans = 0;
  for (const doc of docs) {
    const fast = model.tagDocument(doc);
    const reference = model.referenceTagDocument(doc);
    assert.deepEqual(show(doc, fast), show(doc, reference));
    assert.deepEqual(fast, reference);
    spans += fast.flat().length;
  }
  assert.ok(spans > 100, `only ${spans} spans: the documents do not exercise the tagger`);
  // Tagging again (every word and pair cached) changes nothing.
  assert.deepEqual(model.tagDocument(docs[0]), model.referenceTagDocument(docs[0]));
});

test('the fast tagger gives the same tags after dropping its caches between documents', () => {
  const model = defaultNerModel();
  const small = fastTaggerOf(model, { words: 20, pairs: 20 });
  for (const doc of [...documents(), ...documents()]) assert.deepEqual(small.tagDocument(doc, model.windowScores(doc)), model.referenceTagDocument(doc));
  // Only the pair cache over its limit: pairs are dropped, words kept.
  const fewPairs = fastTaggerOf(model, { words: 1_000_000, pairs: 20 });
  for (const doc of [...documents(), ...documents()]) assert.deepEqual(fewPairs.tagDocument(doc, model.windowScores(doc)), model.referenceTagDocument(doc));
});

test('the fast tagger gives its grown buffers back on release and tags as a new one would after it', () => {
  const model = defaultNerModel();
  const tagger = fastTaggerOf(model, { words: 14_000, pairs: 56_000 });
  const fresh = tagger.heldBytes();
  // One outsized document: 3,000 distinct capitalised words in sentences of ten.
  const words = Array.from({ length: 3000 }, (_, i) => `Zq${i.toString(36)}ville`);
  const giant = Array.from({ length: 300 }, (_, s) => [...words.slice(s * 10, s * 10 + 10), '.']);
  tagger.tagDocument(giant);
  const grown = tagger.heldBytes();
  assert.ok(grown > fresh + 2_000_000, `buffers ${fresh} → ${grown} bytes: the document did not grow them`);
  tagger.release();
  assert.equal(tagger.heldBytes(), fresh);
  for (const doc of documents()) assert.deepEqual(tagger.tagDocument(doc, model.windowScores(doc)), model.referenceTagDocument(doc));
  tagger.release();
  assert.deepEqual(tagger.tagDocument(giant), model.referenceTagDocument(giant));
});

test('the fast tagger tags a plain sentence as before the speed-up, and handles empty and very long input', () => {
  const model = defaultNerModel();
  const sentence = ['Dmitry', 'Peskov', 'told', 'reporters', 'in', 'Moscow', 'that', 'Vladimir', 'Putin', 'would', 'meet', 'Steve', 'Witkoff', 'of', 'Goldman', 'Sachs', '.'];
  assert.deepEqual(show([sentence], model.tagDocument([sentence])), [
    '0:Dmitry Peskov/PER',
    '0:Moscow/LOC',
    '0:Vladimir Putin/PER',
    '0:Steve Witkoff/PER',
    '0:Goldman Sachs/ORG',
  ]);
  assert.deepEqual(model.tagDocument([]), []);
  assert.deepEqual(model.tagDocument([[], []]), [[], []]);
  const long = Array.from({ length: 10000 }, (_, i) => (i % 50 === 0 ? 'Berlin' : i % 7 === 0 ? ',' : 'word'));
  const [spans] = model.tagDocument([long]);
  assert.deepEqual(spans, model.referenceTagDocument([long])[0]);
});
