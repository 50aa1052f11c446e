import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import { runPubdates, scorePubdates, type PubdateGold, type PubdateResult } from './pubdate.js';

test('scorePubdates: day accuracy over dated pages, unknown and false-date rates', () => {
  const row = (day: string | null, got: string | null): PubdateResult => ({ file: 'f', family: 'x', split: 'test', day, got, source: '' });
  const s = scorePubdates([row('2020-05-04', '2020-05-04'), row('2020-05-04', null), row('2020-05-04', '2020-05-03'), row(null, null), row(null, '2020-01-01')]);
  assert.equal(s.pages, 5);
  assert.equal(s.dated, 3);
  assert.equal(s.dayAccuracy, 1 / 3);
  assert.equal(s.unknownRate, 1 / 3);
  assert.equal(s.falseDateRate, 1 / 2);
  assert.equal(s.accuracy, 2 / 5);
});

test('pubdate eval: the bundled held-out families meet the bar (day accuracy >= 0.90, unknown <= 10%)', () => {
  const dir = packagePath('test-fixtures', 'pubdate');
  const gold = (JSON.parse(readFileSync(`${dir}/gold.json`, 'utf8')) as PubdateGold[]).filter((g) => g.split === 'test');
  assert.ok(gold.length >= 100);
  const s = scorePubdates(runPubdates(dir, gold, '2026-01-01'));
  assert.ok(s.dayAccuracy >= 0.9, `day accuracy ${s.dayAccuracy}`);
  assert.ok(s.unknownRate <= 0.1, `unknown ${s.unknownRate}`);
  assert.ok(s.falseDateRate <= 0.1, `false dates ${s.falseDateRate}`);
});
