/**
 * The golden fixture (the repository's samples/ corpus, analysed once by the real pipeline) written
 * into a SQLite store and a PostgreSQL store: both must give the same answers — exact hit sets and
 * totals for every query form (words, stems, phrases, prefixes, AND/OR/NOT, NEAR), the same facet
 * counts, the same merged events (merges and non-merges), stories, entity keys and layer counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeStream } from '../../api/dateline.js';
import { openStore } from '../sqlite.js';
import type { ReadStore } from '../queries.js';
import { openPgStore } from './store.js';
import { requirePostgres } from './test-server.js';

const QUERIES = [
  'drone',
  'drones',
  'killed',
  'ceasefire OR talks',
  '"power plant"',
  'kill*',
  'minist*',
  'Kyiv -Russia',
  '(energy OR power) AND strike',
  'NEAR(prisoner exchange, 5)',
  'said',
  'zzzunknownword',
];

const server = requirePostgres('postgres parity');

function hits(store: ReadStore, q: string) {
  const r = store.queries.search(q, {}, { limit: 1000, offset: 0 });
  return { total: r.total, ids: r.items.map((h) => h.id).sort() };
}

function sortFacets<T extends { value: string; count: number }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

if (server) {
  test('sqlite and postgres give the same answers on the golden fixture (samples/)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-parity-'));
    const lite = openStore(join(dir, 'fixture.db'));
    const pg = openPgStore(server.freshDatabase());
    try {
      for await (const { batch, analyzed } of analyzeStream(['samples'])) {
        const input = { source: batch.source, analyzed, diagnostics: batch.diagnostics };
        assert.deepEqual(pg.writeBatch(input), lite.writeBatch(input));
      }
      const a = lite.stats();
      const b = pg.stats();
      assert.ok(a.articles >= 10, `fixture has articles (${a.articles})`);
      assert.deepEqual(b, a);
      let matched = 0;
      for (const q of QUERIES) {
        const x = hits(lite, q);
        assert.deepEqual(hits(pg, q), x, `hits of '${q}'`);
        if (x.total > 0) matched++;
        const fa = lite.queries.facets(q, {});
        const fb = pg.queries.facets(q, {});
        assert.equal(fb.articles, fa.articles, `facet sample of '${q}'`);
        for (const k of ['type', 'place', 'month', 'source'] as const) assert.deepEqual(sortFacets(fb[k]), sortFacets(fa[k]), `${k} facet of '${q}'`);
        assert.equal(pg.countSearch(q), lite.countSearch(q), `countSearch '${q}'`);
      }
      assert.ok(matched >= QUERIES.length - 2, 'the queries match something');
      const merged = (s: ReadStore) => s.queries.mergedEvents({ limit: 10_000 }).map((e) => ({ id: e.id, sources: e.sources.map((x) => x.article).sort() }));
      assert.deepEqual(merged(pg), merged(lite));
      assert.ok(merged(lite).some((e) => e.sources.length > 1), 'some events merged across sources');
      assert.ok(merged(lite).some((e) => e.sources.length === 1), 'and some not');
      const stories = (s: ReadStore) => s.queries.stories(1000).map((x) => ({ id: x.id, articles: x.articles, events: x.events, title: x.title }));
      assert.deepEqual(stories(pg), stories(lite));
      const keys = (s: ReadStore) => s.queries.entityKeys().map((k) => `${k.type}|${k.key}|${k.mentions}|${k.articles}`).sort();
      assert.deepEqual(keys(pg), keys(lite));
      assert.deepEqual(pg.queries.articleEvents({}, { limit: 1000, offset: 0 }), lite.queries.articleEvents({}, { limit: 1000, offset: 0 }));
      assert.deepEqual(pg.queries.diagnosticCounts(), lite.queries.diagnosticCounts());
      const main = lite.queries.mainStoryId();
      assert.equal(pg.queries.mainStoryId(), main);
      if (main) assert.deepEqual(pg.queries.storyTimeline(main), lite.queries.storyTimeline(main));
    } finally {
      lite.close();
      pg.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
} else {
  test('postgres parity (skipped: no PostgreSQL here)', { skip: true }, () => {});
}
