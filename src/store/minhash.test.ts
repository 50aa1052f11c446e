import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandKeys, NUM_HASHES, signature } from './minhash.js';

/** The definition the streaming signature must keep: every word of the lower-cased text, then 5-shingles. */
function reference(text: string): Uint32Array {
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hashes = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(fnv);
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const filled = new Uint8Array(NUM_HASHES);
  for (let i = 0; i < Math.max(1, hashes.length - 4); i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + 5 && j < hashes.length; j++) h = Math.imul(h ^ hashes[j], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h >>>= 0;
    if ((h & 0x03ffffff) < sig[h >>> 26]) sig[h >>> 26] = h & 0x03ffffff;
    filled[h >>> 26] = 1;
  }
  for (let b = 0; b < NUM_HASHES; b++) {
    if (filled[b]) continue;
    for (let k = 1; k < NUM_HASHES; k++) {
      if (filled[(b + k) % NUM_HASHES]) {
        sig[b] = (sig[(b + k) % NUM_HASHES] + k * 0x9e3779b1) >>> 0;
        break;
      }
    }
  }
  return sig;
}

test('the streaming signature equals the whole-text definition, short texts and Unicode case included', () => {
  const texts = [
    '',
    '— …',
    'Kyiv',
    'Four words only here',
    'Exactly five words in this',
    'İstanbul officials said İİ flights resumed; ÄÖÜ 2024 figures rose 12% in Łódź.',
    'The ministry said on Tuesday that 12 drones were shot down over the region overnight. Officials in Kyiv disputed it. '.repeat(20),
    // Longer than the chunk the text is lower-cased in: chunks end at spaces, next to final sigmas and dotted capitals.
    'ΟΔΥΣΣΕΥΣ ΟΔΟΣ İstanbul-İzmir ΣΑΣ Σ '.repeat(5000),
    `${'x'.repeat(70_000)} ${'ΛΟΓΟΣ '.repeat(20_000)}ΤΕΛΟΣ`,
  ];
  for (const t of texts) assert.deepEqual([...signature(t)], [...reference(t)], JSON.stringify(t.slice(0, 40)));
});

test('near-duplicates share a band and unrelated texts do not', () => {
  const a = 'Rescue teams in Izmir pulled a girl from the rubble on Monday, four days after the earthquake struck the coast, officials said.';
  const b = a.replace('Monday', 'Tuesday');
  const c = 'The central bank held its main interest rate at 4.5% on Thursday, citing slowing inflation and weak retail sales in the euro area.';
  const shared = (x: string, y: string) => bandKeys(signature(x)).filter((k, i) => k === bandKeys(signature(y))[i]).length;
  assert.ok(shared(a, b) > 0);
  assert.equal(shared(a, c), 0);
});
