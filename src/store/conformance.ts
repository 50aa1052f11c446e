/**
 * The Store conformance suite. Every Store implementation runs it from its own test file:
 * `storeConformance('sqlite', () => openStore(tmpPath()))`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle, type Article } from '../core/article.js';
import type { Layers } from '../core/layers.js';
import type { BatchInput, Store } from './store.js';
import { storeRunner } from './conformance-kit.js';

export function sampleArticle(text: string, extra: Partial<Article> = {}): Article {
  return { ...makeArticle({ text, origin: { file: 'hand-made.txt', format: 'text', line: 1 }, published: '2025-11-19' }), ...extra };
}

export function batchOf(file: string, articles: Array<{ article: Article; layers?: Layers }>): BatchInput {
  return {
    source: { file, format: 'text', bytes: 100, raw: articles.map((a) => a.article.text).join('\n') },
    analyzed: articles.map((a) => ({ article: a.article, layers: a.layers ?? {}, diagnostics: [] })),
    diagnostics: [],
  };
}

const STRIKE =
  'At least 20 people were killed in a strike on the western city of Ternopil, the Interior Ministry said. ' +
  'Rescuers worked through the night as two residential buildings burned.';
const TALKS = 'Kremlin spokesperson Dmitry Peskov said there were no plans for talks with the delegation in Kyiv.';
const DRONES = 'The air force said Russia launched 476 drones and 48 missiles overnight, and defenders downed 442 drones.';

export function storeConformance(name: string, makeStore: () => Store): void {
  const withStore = storeRunner(makeStore);

  test(`${name} store: an article round-trips with its text, metadata and layers`, withStore((store) => {
    const article = sampleArticle(STRIKE, { title: 'Strike on Ternopil', dateline: { start: 0, end: 0, text: '', place: 'LONDON' } });
    const layers: Layers = {
      sentences: [{ start: 0, end: 103, index: 0, paragraph: 0 }],
      times: [{ start: 0, end: 5, text: 'At le', type: 'DATE', value: '2025-11-19', anchor: 'published', stated: ['day'], implied: [], confidence: 1, range: { from: '2025-11-19', to: '2025-11-19' } }],
    };
    const outcome = store.writeBatch(batchOf('a.txt', [{ article, layers }]));
    assert.deepEqual(outcome.inserted, [article.id]);
    const stored = store.getArticle(article.id);
    assert.ok(stored);
    assert.equal(stored.article.text, STRIKE);
    assert.equal(stored.article.title, 'Strike on Ternopil');
    assert.equal(stored.article.published, '2025-11-19');
    assert.deepEqual(stored.article.dateline, article.dateline);
    assert.deepEqual(stored.layers.sentences, layers.sentences);
    assert.deepEqual(stored.layers.times, layers.times);
    assert.equal(stored.sightings.length, 1);
    assert.equal(stored.sightings[0].file, 'a.txt');
  }));

  test(`${name} store: re-ingesting the same article is a no-op that records the sighting`, withStore((store) => {
    const article = sampleArticle(TALKS);
    store.writeBatch(batchOf('first.txt', [{ article }]));
    const again = store.writeBatch(batchOf('second.txt', [{ article }, { article }]));
    assert.deepEqual(again.inserted, []);
    assert.deepEqual(again.duplicates, [article.id, article.id]);
    assert.equal(store.stats().articles, 1);
    assert.deepEqual(
      store.getArticle(article.id)?.sightings.map((s) => s.file),
      ['first.txt', 'second.txt', 'second.txt'],
    );
  }));

  test(`${name} store: a near-duplicate (same story, small edits) is linked to the original`, withStore((store) => {
    const original = sampleArticle(`${STRIKE} ${DRONES} ${TALKS}`);
    const edited = sampleArticle(`${STRIKE} ${DRONES.replace('overnight', 'during the night')} ${TALKS} Updated at 10:00.`);
    const unrelated = sampleArticle('The central bank held interest rates steady on Thursday, citing slowing inflation and weak demand.');
    store.writeBatch(batchOf('a.txt', [{ article: original }]));
    const outcome = store.writeBatch(batchOf('b.txt', [{ article: edited }, { article: unrelated }]));
    assert.deepEqual(outcome.inserted, [edited.id, unrelated.id]);
    assert.equal(outcome.nearDuplicates.length, 1);
    assert.equal(outcome.nearDuplicates[0].id, edited.id);
    assert.equal(outcome.nearDuplicates[0].of, original.id);
    assert.equal(store.getArticle(edited.id)?.nearDuplicateOf, original.id);
    assert.equal(store.getArticle(unrelated.id)?.nearDuplicateOf, null);
  }));

  test(`${name} store: full-text search ranks, stems, folds diacritics and highlights`, withStore((store) => {
    const a = sampleArticle(STRIKE, { title: 'Ternopil strike' });
    const b = sampleArticle(TALKS);
    const c = sampleArticle('Officials in România said the drone crossed the border.');
    store.writeBatch(batchOf('a.txt', [{ article: a }, { article: b }, { article: c }]));
    const hits = store.search('kill');
    assert.deepEqual(hits.map((h) => h.id), [a.id]);
    const [s, e] = hits[0].highlights[0];
    assert.equal(hits[0].snippet.slice(s, e), 'killed');
    assert.deepEqual(store.search('"Dmitry Peskov"').map((h) => h.id), [b.id]);
    assert.deepEqual(store.search('Romania').map((h) => h.id), [c.id]);
    assert.equal(store.countSearch('Ternopil OR Peskov'), 2);
    // Invalid FTS5 syntax falls back to plain words instead of failing.
    assert.deepEqual(store.search('Peskov AND (').map((h) => h.id), [b.id]);
    assert.deepEqual(store.search(''), []);
  }));

  test(`${name} store: search and lists page with limit and offset`, withStore((store) => {
    const articles = Array.from({ length: 7 }, (_, i) => sampleArticle(`Report number ${i} about drones over the border region ${'x'.repeat(i)}.`, { published: `2025-11-1${i}` }));
    store.writeBatch(batchOf('many.txt', articles.map((article) => ({ article }))));
    const first = store.search('drones', { limit: 3 });
    const second = store.search('drones', { limit: 3, offset: 3 });
    const third = store.search('drones', { limit: 3, offset: 6 });
    assert.equal(first.length, 3);
    assert.equal(second.length, 3);
    assert.equal(third.length, 1);
    assert.equal(new Set([...first, ...second, ...third].map((h) => h.id)).size, 7);
    assert.equal(store.listArticles({ limit: 2, offset: 5 }).length, 2);
    assert.deepEqual(
      store.listArticles({ from: '2025-11-12', to: '2025-11-13' }).map((x) => x.published),
      ['2025-11-12', '2025-11-13'],
    );
  }));

  test(`${name} store: search filters by publication day, and articles are found by the dates they mention`, withStore((store) => {
    const early = sampleArticle('Drones hit the port on Monday, officials said.', { published: '2025-11-03' });
    const late = sampleArticle('Drones hit the refinery on Friday, officials said.', { published: '2025-11-28' });
    const times: Layers['times'] = [
      { start: 30, end: 39, text: 'on Friday', type: 'DATE', value: '2025-11-28', anchor: 'published', stated: ['weekday'], implied: ['day'], confidence: 0.9, range: { from: '2025-11-28', to: '2025-11-28' } },
    ];
    const month: Layers['times'] = [
      { start: 0, end: 6, text: 'Drones', type: 'DATE', value: '2025-11', anchor: 'published', stated: ['month'], implied: [], confidence: 0.9, range: { from: '2025-11-01', to: '2025-11-30' } },
    ];
    store.writeBatch(batchOf('d.txt', [{ article: early, layers: { times: month } }, { article: late, layers: { times } }]));
    assert.deepEqual(store.search('drones', { from: '2025-11-20' }).map((h) => h.id), [late.id]);
    assert.equal(store.countSearch('drones', { to: '2025-11-10' }), 1);
    assert.deepEqual(
      store.articlesMentioning({ from: '2025-11-28', to: '2025-11-28' }).map((r) => [r.articleId, r.value]).sort(),
      [[early.id, '2025-11'], [late.id, '2025-11-28']].sort(),
    );
    assert.deepEqual(store.articlesMentioning({ from: '2025-12-01', to: '2025-12-31' }), []);
  }));

  test(`${name} store: layer rows are queryable by declared columns`, withStore((store) => {
    const article = sampleArticle(DRONES);
    const quantities: Layers['quantities'] = [
      { start: 30, end: 40, text: '476 drones', value: 476, unit: 'drones', hedge: 'exact', role: 'launched', claimant: null, confidence: 0.9 },
      { start: 80, end: 90, text: '442 drones', value: 442, unit: 'drones', hedge: 'exact', role: 'downed', claimant: null, confidence: 0.9 },
    ];
    store.writeBatch(batchOf('q.txt', [{ article, layers: { quantities } }]));
    const downed = store.layerRows('quantities', { where: { role: 'downed' } });
    assert.equal(downed.length, 1);
    assert.equal(downed[0].articleId, article.id);
    assert.equal(downed[0].item.value, 442);
    assert.equal(store.layerRows('quantities', { articleIds: [article.id] }).length, 2);
    assert.equal(store.stats().layers.quantities, 2);
  }));

  test(`${name} store: diagnostics are kept with where they came from`, withStore((store) => {
    const batch = batchOf('bad.jsonl', []);
    batch.diagnostics.push({ severity: 'error', code: 'INGEST_NOT_JSON', message: 'line is not valid JSON', where: { file: 'bad.jsonl', line: 3, record: 3 } });
    batch.diagnostics.push({ severity: 'info', code: 'TIME_NO_REFERENCE_DATE', message: 'no date', where: { file: 'bad.jsonl', line: 4, record: 4 } });
    batch.diagnostics.push({ severity: 'info', code: 'TIME_NO_REFERENCE_DATE', message: 'no date', where: { file: 'bad.jsonl', line: 5, record: 5 } });
    store.writeBatch(batch);
    assert.deepEqual(store.diagnostics({ severity: 'error' }), [
      { severity: 'error', code: 'INGEST_NOT_JSON', message: 'line is not valid JSON', where: { file: 'bad.jsonl', line: 3, record: 3 } },
    ]);
    assert.equal(store.diagnostics().length, 3);
    assert.deepEqual(store.diagnostics({ code: 'TIME_NO_REFERENCE_DATE', offset: 1 }).map((d) => d.where?.line), [5]);
    assert.equal(store.countDiagnostics(), 3);
    assert.equal(store.countDiagnostics({ severity: 'info' }), 2);
    assert.equal(store.countDiagnostics({ severity: 'warning' }), 0);
  }));

  test(`${name} store: a batch that fails part-way leaves the store as it was`, withStore((store) => {
    const good = sampleArticle(STRIKE);
    store.writeBatch(batchOf('before.txt', [{ article: good }]));
    const before = store.stats();
    const ok = sampleArticle(TALKS);
    // A layer whose items cannot be serialised (a BigInt) makes the write throw after the first article.
    const poisoned = { article: sampleArticle(DRONES), layers: { quantities: [{ value: 1n }] } as unknown as Layers };
    assert.throws(() => store.writeBatch(batchOf('during.txt', [{ article: ok }, poisoned])));
    assert.deepEqual(store.stats(), before);
    assert.equal(store.hasArticle(ok.id), false);
  }));

  test(`${name} store: each article's layers record the components (name + version) that made them`, withStore((store) => {
    const made = [{ name: 'segment', version: '1.0.0' }, { name: 'events', version: '1.1.0' }];
    const older = [{ name: 'segment', version: '1.0.0' }, { name: 'events', version: '1.0.0' }];
    const strike = sampleArticle(STRIKE);
    const talks = sampleArticle(TALKS);
    const drones = sampleArticle(DRONES);
    const batch = batchOf('a.txt', [{ article: strike }, { article: talks }, { article: drones }]);
    batch.analyzed[0].components = made;
    batch.analyzed[1].components = older;
    store.writeBatch(batch);
    assert.deepEqual(store.provenance(strike.id), made);
    assert.deepEqual(store.provenance(talks.id), older);
    assert.deepEqual(store.provenance(drones.id), [], 'a write without components records none');
    assert.equal(store.provenance('no-such-article'), null);
    // Stale: another version of any component, or none recorded; in ingest order.
    assert.deepEqual(store.staleArticles(made), [talks.id, drones.id]);
    assert.deepEqual(store.staleArticles(made, { component: 'segment' }), [drones.id]);
    assert.deepEqual(store.staleArticles(older), [strike.id, drones.id]);
    assert.deepEqual(store.staleArticles([...made, { name: 'quotes', version: '1' }]), [strike.id, talks.id, drones.id], 'a new component makes every article stale');
    // A rewrite replaces the layers and the provenance of the articles given, and nothing else.
    const sentences = [{ start: 0, end: 20, index: 0, paragraph: 0 }];
    assert.equal(store.derivedStale(), false);
    store.rewriteArticles([{ article: talks, layers: { sentences }, diagnostics: [], components: made }]);
    assert.deepEqual(store.provenance(talks.id), made);
    assert.deepEqual(store.getArticle(talks.id)?.layers, { sentences });
    assert.deepEqual(store.staleArticles(made), [drones.id]);
    assert.equal(store.derivedStale(), true, 'a rewrite leaves events and stories to rebuild');
    store.rebuildDerived();
    assert.equal(store.derivedStale(), false);
    assert.equal(store.stats().articles, 3);
  }));
}
