import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyTask, bodyTokens, tokenF1 } from './body.js';

test('bodyTokens: words in spaced text, one token per character in Chinese and Japanese', () => {
  assert.deepEqual(bodyTokens('The Council voted, 31 to 12.'), ['the', 'council', 'voted', '31', 'to', '12']);
  assert.deepEqual(bodyTokens('地铁线路'), ['地', '铁', '线', '路']);
});

test('tokenF1: bag-of-tokens precision and recall', () => {
  assert.deepEqual(tokenF1('a b c', 'a b c'), { precision: 1, recall: 1, f1: 1 });
  const r = tokenF1('a b c share', 'a b c d');
  assert.equal(r.precision, 0.75);
  assert.equal(r.recall, 0.75);
  assert.equal(tokenF1('', 'a').f1, 0);
});

test('body eval: the bundled pages keep token F1 >= 0.95 and none is rejected', async () => {
  const report = await bodyTask.run({ positionals: [], flags: {} });
  assert.ok(report.metrics.f1 >= 0.95, `F1 ${report.metrics.f1}`);
  assert.equal(report.metrics.rejected, 0);
});
