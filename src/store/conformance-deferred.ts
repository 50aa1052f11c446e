/**
 * Conformance of a deferred analysis (AnalyzedInput.analyze, a giant article's): every Store runs it
 * from its own test file. The analysis runs once, inside the batch's transaction, after the article's
 * row is written; its layers, diagnostics, provenance and resolved day are stored as an eager write
 * stores them; a known article is never analysed; a throw leaves nothing of the batch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Layers } from '../core/layers.js';
import { batchOf, sampleArticle } from './conformance.js';
import type { AnalyzedInput, Store } from './store.js';
import { storeRunner } from './conformance-kit.js';

const TEXT = 'Flood waters rose along the river Avon on Thursday and the council of Riverton opened shelters for families.';
const OTHER = 'The central bank raised interest rates again as inflation stayed above its target for the year.';
const LAYERS: Layers = {
  sentences: [{ start: 0, end: TEXT.length, index: 0, paragraph: 0 }],
  published: [{ value: '2025-11-20', source: 'content', confidence: 0.9, evidence: [] }],
};
const MADE = [{ name: 'segment', version: '1.0.0' }];

export function deferredConformance(name: string, makeStore: () => Store): void {
  const withStore = storeRunner(makeStore);

  test(`${name} store: a deferred analysis runs once, after the article's row is written, and is stored as an eager one`, withStore((store) => {
    // Undated by metadata: its day comes from the analysis only (the row is written before it).
    const article = sampleArticle(TEXT, { published: null, publishedSource: 'unknown', publishedConfidence: 0 });
    const batch = batchOf('giant.txt', [{ article }]);
    const seen: boolean[] = [];
    const deferred: AnalyzedInput = {
      ...batch.analyzed[0],
      analyze: () => {
        seen.push(store.hasArticle(article.id));
        return { layers: LAYERS, diagnostics: [{ severity: 'info', code: 'ARTICLE_WINDOWED', message: 'read in windows' }], components: MADE };
      },
    };
    const outcome = store.writeBatch({ ...batch, analyzed: [deferred] });
    assert.deepEqual(outcome.inserted, [article.id]);
    assert.deepEqual(seen, [true], 'analysed once, its row already written in the open transaction');
    const stored = store.getArticle(article.id);
    assert.deepEqual(stored?.layers.sentences, LAYERS.sentences);
    assert.deepEqual(store.provenance(article.id), MADE);
    assert.equal(store.countDiagnostics({ code: 'ARTICLE_WINDOWED' }), 1);
    assert.deepEqual(store.listArticles({ from: '2025-11-20', to: '2025-11-20' }).map((a) => a.id), [article.id], 'the day the analysis resolved');
    assert.equal(store.search('shelters').length, 1);
    // Known: recorded as a sighting, never analysed again.
    let again = 0;
    const repeat = store.writeBatch({ ...batch, analyzed: [{ ...deferred, analyze: () => (again++, { layers: {}, diagnostics: [] }) }] });
    assert.deepEqual([repeat.inserted, repeat.duplicates, again], [[], [article.id], 0]);
    assert.equal(store.getArticle(article.id)?.sightings.length, 2);
  }));

  test(`${name} store: a deferred analysis that throws leaves nothing of its batch`, withStore((store) => {
    const before = store.stats();
    const ok = sampleArticle(OTHER);
    const giant = sampleArticle(TEXT);
    const batch = batchOf('giant.txt', [{ article: ok }, { article: giant }]);
    batch.analyzed[1] = {
      ...batch.analyzed[1],
      analyze: () => {
        throw new Error('out of memory');
      },
    };
    assert.throws(() => store.writeBatch(batch), /out of memory/);
    assert.deepEqual(store.stats(), before);
    assert.equal(store.hasArticle(ok.id), false);
    assert.equal(store.hasArticle(giant.id), false);
  }));
}
