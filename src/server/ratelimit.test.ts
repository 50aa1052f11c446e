import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBuckets } from './ratelimit.js';

test('a bucket allows its burst, then refills at the configured rate', () => {
  let now = 0;
  const b = new TokenBuckets({ perSecond: 2, burst: 3, now: () => now });
  assert.deepEqual([b.take('x'), b.take('x'), b.take('x')], [0, 0, 0]);
  assert.ok(b.take('x') >= 1);
  now += 500; // one token back
  assert.equal(b.take('x'), 0);
  assert.ok(b.take('x') >= 1);
  assert.equal(b.take('y'), 0, 'clients have their own buckets');
});

test('idle buckets are swept so the map does not grow without bound', () => {
  let now = 0;
  const b = new TokenBuckets({ perSecond: 10, burst: 10, now: () => now });
  for (let i = 0; i < 100; i++) b.take(`client-${i}`);
  assert.equal(b.size, 100);
  now += 120_000;
  b.take('late');
  assert.equal(b.size, 1);
});
