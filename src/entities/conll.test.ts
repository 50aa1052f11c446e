import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iobToSpans, parseConll, scoreSpans, spansToIob } from './conll.js';

const DOC = '-DOC' + 'START- -X- -X- O';

test('parseConll splits documents and sentences and keeps the last column', () => {
  const text = [DOC, '', 'Anna NNP B-NP B-PER', 'Berg NNP I-NP I-PER', 'runs VBZ B-VP O', '', 'Oslo NNP B-NP B-LOC', '', DOC, '', 'IBM NNP B-NP B-ORG', ''].join('\n');
  const docs = parseConll(text);
  assert.equal(docs.length, 2);
  assert.equal(docs[0].sentences.length, 2);
  assert.deepEqual(docs[0].sentences[0].tokens, ['Anna', 'Berg', 'runs']);
  assert.deepEqual(docs[0].sentences[0].tags, ['B-PER', 'I-PER', 'O']);
  assert.equal(docs[0].sentences[0].line, 3);
});

test('iobToSpans reads IOB1 and IOB2 alike', () => {
  // IOB1: I- opens a span; B- only separates two adjacent spans of one type.
  assert.deepEqual(iobToSpans(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC']), [
    { start: 0, end: 2, type: 0 },
    { start: 2, end: 3, type: 0 },
    { start: 4, end: 5, type: 2 },
  ]);
  assert.deepEqual(iobToSpans(['B-ORG', 'I-ORG', 'I-LOC']), [
    { start: 0, end: 2, type: 1 },
    { start: 2, end: 3, type: 2 },
  ]);
  assert.deepEqual(spansToIob(3, [{ start: 1, end: 3, type: 3 }]), ['O', 'B-MISC', 'I-MISC']);
});

test('scoreSpans counts exact matches only', () => {
  const gold = [[{ start: 0, end: 2, type: 0 }, { start: 3, end: 4, type: 2 }]];
  const pred = [[{ start: 0, end: 1, type: 0 }, { start: 3, end: 4, type: 2 }, { start: 5, end: 6, type: 1 }]];
  const s = scoreSpans(gold, pred);
  assert.equal(s.overall.correct, 1);
  assert.equal(s.overall.precision, 1 / 3);
  assert.equal(s.overall.recall, 1 / 2);
  assert.equal(s.byType.LOC.f1, 1);
  assert.equal(s.byType.PER.f1, 0);
});
