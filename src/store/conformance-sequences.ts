/**
 * Random ingest sequences, part of the Store conformance suite: batches drawn from a small pool of
 * hand-made articles (exact repeats, a near-duplicate pair, repeats inside one batch), written in a
 * random order, must leave exactly what a simple model predicts — every article once, one sighting per
 * time it was written, the outcome of each batch, search counts per word — on every store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { batchOf, sampleArticle } from './conformance.js';
import type { Store } from './store.js';

const POOL = [
  sampleArticle('Flooding closed the coastal road near Varna on Monday, and the regional governor ordered schools shut.'),
  sampleArticle('Flooding closed the coastal road near Varna on Monday, and the regional governor ordered the schools shut.'),
  sampleArticle('The central bank held its key rate at 4 percent, citing slowing inflation and weak lending.'),
  sampleArticle('Dockworkers at the northern port began a two-day strike over pay, halting grain shipments.'),
  sampleArticle('A wildfire spread across dry hills east of the capital, forcing the evacuation of three villages.', { published: '2025-08-02' }),
  sampleArticle('Negotiators said the talks on prisoner exchanges would resume in Geneva next week.', { published: null, publishedSource: 'unknown' }),
];
const WORDS = ['flooding', 'strike', 'villages', 'talks', 'governor', 'inflation'];

export function sequenceConformance(name: string, makeStore: () => Store, runs = 12): void {
  test(`${name} store: random ingest sequences leave every article once, with one sighting per write`, () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: POOL.length - 1 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (batches) => {
        const store = makeStore();
        try {
          const seen = new Map<string, number>();
          batches.forEach((picks, b) => {
            const articles = picks.map((i) => POOL[i]);
            const fresh = [...new Set(articles.map((a) => a.id))].filter((id) => !seen.has(id));
            const outcome = store.writeBatch(batchOf(`batch-${b}.txt`, articles.map((article) => ({ article }))));
            assert.deepEqual(outcome.inserted, fresh);
            assert.equal(outcome.inserted.length + outcome.duplicates.length, articles.length);
            for (const a of articles) seen.set(a.id, (seen.get(a.id) ?? 0) + 1);
          });
          assert.equal(store.stats().articles, seen.size);
          for (const [id, writes] of seen) {
            const stored = store.getArticle(id);
            assert.ok(stored, `${id} stored`);
            assert.equal(stored.sightings.length, writes, `sightings of ${id}`);
          }
          for (const w of WORDS) {
            const expected = POOL.filter((a) => seen.has(a.id) && a.text.toLowerCase().includes(w)).length;
            assert.equal(store.countSearch(w), expected, `articles matching '${w}'`);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: runs, seed: 20251207 },
    );
  });
}
