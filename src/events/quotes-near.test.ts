import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { quotesNear } from './quotes-near.js';

/** A small deterministic generator (no Math.random: a failure must replay). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function quote(start: number, end: number, when?: [number, number]): Quote {
  return { start, end, text: '', kind: 'direct', speaker: null, cue: null, confidence: 1, ...(when ? { when: { start: when[0], end: when[1], text: '' } } : {}) };
}

/** What event extraction may look at for a span: any quote or `when` reaching [start - 2, end]. */
function bruteForce(quotes: readonly Quote[], start: number, end: number): Quote[] {
  const reaches = (s: { start: number; end: number }) => s.start <= end && s.end >= start - 2;
  return quotes.filter((q) => reaches(q) || (q.when !== undefined && reaches(q.when)));
}

test('quotesNear gives every quote (or statement date) reaching a span, in the article order', () => {
  const r = rng(7);
  for (let round = 0; round < 50; round++) {
    const quotes: Quote[] = [];
    for (let k = 0; k < 40; k++) {
      const start = Math.floor(r() * 2000);
      // Some quotes run on for longer than the index's "long" bound.
      const length = r() < 0.1 ? 4000 + Math.floor(r() * 3000) : Math.floor(r() * 300);
      const when: [number, number] | undefined = r() < 0.5 ? [start + length + Math.floor(r() * 20), start + length + 30] : undefined;
      quotes.push(quote(start, start + length, when));
    }
    const near = quotesNear(quotes);
    for (let k = 0; k < 40; k++) {
      const start = Math.floor(r() * 2500);
      const end = start + Math.floor(r() * 200);
      assert.deepEqual(near({ start, end }), bruteForce(quotes, start, end), `round ${round}, span ${start}–${end}`);
    }
  }
});

test('quotesNear answers 40,000 sentences of an article with 40,000 quotes without scanning them all each time', () => {
  const quotes = Array.from({ length: 40_000 }, (_, k) => quote(k * 100 + 10, k * 100 + 60, [k * 100 + 70, k * 100 + 80]));
  const started = process.cpuUsage();
  const near = quotesNear(quotes);
  let found = 0;
  for (let k = 0; k < 40_000; k++) found += near({ start: k * 100, end: k * 100 + 99 }).length;
  const used = process.cpuUsage(started);
  assert.equal(found, 40_000, 'each sentence has its own quote only');
  // A scan of every quote per sentence is 1.6 billion checks (seconds); the index needs a few milliseconds.
  assert.ok((used.user + used.system) / 1000 < 1500, `${((used.user + used.system) / 1000).toFixed(0)} ms`);
});
