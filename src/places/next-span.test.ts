import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextSpans } from './next-span.js';

test('nextSpans: for each span the first one starting at or after its end, the lower index on a tie', () => {
  const spans = [
    { start: 30, end: 36 },
    { start: 0, end: 8 },
    { start: 10, end: 17 },
    { start: 10, end: 12 },
    { start: 40, end: 40 },
  ];
  // By brute force: the least start ≥ end, first index among equals.
  const expected = spans.map((s) => {
    let j = -1;
    spans.forEach((t, n) => {
      if (t.start >= s.end && (j < 0 || t.start < spans[j].start)) j = n;
    });
    return j;
  });
  assert.deepEqual([...nextSpans(spans)], expected);
  assert.deepEqual(expected, [4, 2, 0, 0, 4]);
});

test('nextSpans over 100,000 spans is one sort, not a scan per span', () => {
  const spans = Array.from({ length: 100_000 }, (_, k) => ({ start: k * 20, end: k * 20 + 8 }));
  const started = process.cpuUsage();
  const next = nextSpans(spans);
  const used = process.cpuUsage(started);
  assert.equal(next[0], 1);
  assert.equal(next[99_999], -1);
  // The scan it replaced was 10 billion comparisons.
  assert.ok((used.user + used.system) / 1000 < 2000, `${((used.user + used.system) / 1000).toFixed(0)} ms`);
});
