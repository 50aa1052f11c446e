import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rougeTokens, scoreTimeline, type Timeline } from './tilse.js';

test('ROUGE tokens: lowercase, stopwords out, Porter stems for words over 3 letters', () => {
  assert.deepEqual(rougeTokens('The earthquakes were devastating -LRB- Haiti -RRB- .'), ['earthquak', 'devast', 'lrb', 'haiti', 'rrb']);
});

test('align+ m:1: identical timelines score 1; one day off earns half; stopwords and inflection do not count', () => {
  const gold: Timeline = new Map([
    ['2010-01-12', ['a strong earthquake hits the capital']],
    ['2010-01-20', ['an aftershock shakes the city']],
  ]);
  const same = scoreTimeline(gold, gold);
  assert.deepEqual([same.ar1.f, same.ar2.f, same.date.f], [1, 1, 1]);
  const shifted = scoreTimeline(new Map([['2010-01-13', ['a strong earthquake hits the capital']]]), gold);
  assert.equal(shifted.date.f, 0);
  assert.ok(Math.abs(shifted.ar1.p - 0.5) < 1e-9, `precision ${shifted.ar1.p}`);
  const inflected = scoreTimeline(new Map([['2010-01-12', ['The strongest earthquakes hit in capitals']]]), gold);
  assert.ok(inflected.ar1.p > 0.7, `stems match: ${inflected.ar1.p}`);
  assert.equal(scoreTimeline(new Map(), gold).ar1.f, 0);
});

test('m:1 alignment: each system date goes to its cheapest gold date, and each gold date to its cheapest system date', () => {
  const gold: Timeline = new Map([['2010-01-12', ['earthquake destroys palace']]]);
  const pred: Timeline = new Map([
    ['2010-01-12', ['earthquake destroys palace']],
    ['2010-01-14', ['earthquake destroys palace']],
  ]);
  const s = scoreTimeline(pred, gold);
  assert.equal(s.ar1.r, 1);
  assert.ok(Math.abs(s.ar1.p - (3 + 3 / 3) / 6) < 1e-9, `precision ${s.ar1.p}`);
});
