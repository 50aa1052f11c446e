import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COREF_GOLD, parseCorefGold, scoreCoref } from './coref.js';

test('parseCorefGold reads headers, marks and offsets', () => {
  const [a] = parseCorefGold('# note\n=== x1|2024-01-02|heldout\n[[Ann Lee|ann]] met [[Lee|ann]] in [[Rome|rome]].\n');
  assert.equal(a.id, 'x1');
  assert.equal(a.split, 'heldout');
  assert.equal(a.text, 'Ann Lee met Lee in Rome.');
  assert.deepEqual(a.mentions.map((m) => a.text.slice(m.start, m.end)), ['Ann Lee', 'Lee', 'Rome']);
  assert.deepEqual(a.mentions.map((m) => m.cluster), ['ann', 'ann', 'rome']);
});

test('the coref gold holds at least 200 mentions in 30 articles, and held-out clustering stays above its floors', () => {
  const all = parseCorefGold(readFileSync(COREF_GOLD, 'utf8'));
  assert.ok(all.length >= 30);
  assert.ok(all.reduce((n, a) => n + a.mentions.length, 0) >= 200);
  const res = scoreCoref(all.filter((a) => a.split === 'heldout'));
  // Measured P 1.000 / R 0.963 when written (P 0.950 / R 0.870 before the spelling and owner rules).
  assert.ok(res.precision >= 0.97, `B-cubed precision ${res.precision}`);
  assert.ok(res.recall >= 0.92, `B-cubed recall ${res.recall}`);
});
