import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { tagTokens } from './component.js';
import { TYPES } from './features.js';
import { HashIndex } from './hash.js';
import { DEFAULT_MODEL_PATH, loadNerModelFrom } from './model.js';
import { harmonize } from './tagger.js';

test('the shipped model is compact, loads fast and tags a plain sentence', () => {
  assert.ok(statSync(DEFAULT_MODEL_PATH).size < 20e6);
  const t0 = performance.now();
  const model = loadNerModelFrom(DEFAULT_MODEL_PATH);
  const ms = performance.now() - t0;
  // < 1 s on an idle core; a loose bound here because CI machines are shared.
  assert.ok(ms < 5000, `load took ${ms} ms`);
  const sentence = ['Angela', 'Merkel', 'met', 'executives', 'of', 'Siemens', 'in', 'Munich', 'on', 'Friday', '.'];
  const [spans] = model.tagDocument([sentence]);
  const found = spans.map((s) => `${sentence.slice(s.start, s.end).join(' ')}/${TYPES[s.type]}`);
  assert.deepEqual(found, ['Angela Merkel/PER', 'Siemens/ORG', 'Munich/LOC']);
});

test('tagTokens normalises curly apostrophes and handles empty input', () => {
  const curly = ['Officials', 'said', 'Putin', '’s', 'envoy', 'Steve', 'Witkoff', 'arrived', 'in', 'Moscow', '.'];
  const straight = curly.map((t) => t.replace('’', "'"));
  const [spans] = tagTokens([curly]);
  assert.deepEqual(tagTokens([straight]), [spans]);
  const found = spans.map((s) => `${curly.slice(s.start, s.end).join(' ')}/${TYPES[s.type]}`);
  assert.ok(found.includes('Steve Witkoff/PER'), found.join(', '));
  assert.ok(found.includes('Moscow/LOC'), found.join(', '));
  assert.ok(!found.some((f) => f.includes('’s')), 'the possessive is not part of a name');
  assert.deepEqual(tagTokens([]), []);
  assert.deepEqual(tagTokens([[]]), [[]]);
});

test('harmonize gives repeated names their majority type and surnames their person', () => {
  const doc = [
    ['Dmitry', 'Peskov', 'spoke', '.'],
    ['Peskov', 'said', 'Acme', 'won', '.'],
    ['Acme', 'and', 'Acme', 'lost', '.'],
  ];
  const out = harmonize(doc, [
    [{ start: 0, end: 2, type: 0 }],
    [{ start: 0, end: 1, type: 1 }, { start: 2, end: 3, type: 2 }],
    [{ start: 0, end: 1, type: 1 }, { start: 2, end: 3, type: 1 }],
  ]);
  assert.equal(out[1][0].type, 0);
  assert.equal(out[1][1].type, 1);
});

test('HashIndex maps keys and grows', () => {
  const index = new HashIndex(4);
  for (let i = 0; i < 1000; i++) index.set((i * 2654435761) >>> 0, i);
  for (let i = 0; i < 1000; i++) assert.equal(index.get((i * 2654435761) >>> 0), i);
  assert.equal(index.get(12345), -1);
  index.set(0, 7);
  assert.equal(index.get(0), 7);
});
