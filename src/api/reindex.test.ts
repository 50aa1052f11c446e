import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemblePipeline, type Component, type Pipeline } from '../core/pipeline.js';
import type { ReadStore } from '../store/queries.js';
import { ingest, open } from './dateline.js';
import { DEFAULT_COMPONENTS, defaultPipeline } from './default-pipeline.js';
import { reindex } from './reindex.js';
import { requirePostgres } from '../store/postgres/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-reindex-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Hand-made wire reports: two of one strike (their events merge, they share a story) and an unrelated one. */
const REPORTS = [
  {
    title: 'Missile strike kills 12 in Rivne',
    date: '2025-03-02',
    source: 'Wire A',
    text: 'KYIV, March 2 (Wire A) - A Russian missile strike killed 12 people in the city of Rivne on Sunday, regional governor Oleksandr Koval said. Rescuers pulled survivors from a damaged apartment building.',
  },
  {
    title: 'Rivne strike toll rises',
    date: '2025-03-03',
    source: 'Wire B',
    text: 'KYIV, March 3 (Wire B) - The toll from a Russian missile strike on Rivne on Sunday rose to 15 people killed, governor Oleksandr Koval said on Monday. Dozens were wounded in the attack.',
  },
  {
    title: 'Central bank holds rates',
    date: '2025-03-04',
    source: 'Gazette',
    text: 'The central bank of Norway held interest rates steady on Tuesday, citing slowing inflation, governor Ida Wolden Bache said in Oslo.',
  },
];

function writeReports(name: string, reports: typeof REPORTS): string {
  const file = join(dir, name);
  writeFileSync(file, reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

/** The default pipeline with an older events component that found no events. */
function olderPipeline(): Pipeline {
  return assemblePipeline(DEFAULT_COMPONENTS.map((c): Component => (c.name === 'events' ? { ...c, version: '0.9.0', run: () => ({ events: [] }) } : c)));
}

/** Everything a reindex may change: every article's layers and provenance, merged events, stories, entity totals. */
function everything(store: ReadStore) {
  const ids = store.listArticles({ limit: 100 }).map((a) => a.id);
  return {
    articles: ids.map((id) => ({ id, layers: store.getArticle(id)?.layers, provenance: store.provenance(id) })),
    events: store.queries.mergedEvents({ limit: 1000 }),
    stories: store.queries.stories(100),
    entityKeys: store.queries.entityKeys().sort((a, b) => (`${a.type}|${a.key}` < `${b.type}|${b.key}` ? -1 : 1)),
    stats: store.stats(),
  };
}

function reindexTests(kind: string, database: (name: string) => string): void {
  test(`${kind}: reindex re-runs only the stale articles and leaves the database equal to a fresh ingest`, async () => {
    const first = writeReports('first.jsonl', REPORTS.slice(0, 2));
    const second = writeReports('second.jsonl', REPORTS.slice(2));
    const fresh = open(database('fresh'));
    const stale = open(database('stale'));
    try {
      await ingest(fresh, [first, second]);
      await ingest(stale, [first], { pipeline: olderPipeline() });
      await ingest(stale, [second]);
      const expected = everything(fresh);
      assert.ok(expected.events.length > 0 && expected.events.some((e) => e.sources.length === 2), 'the fixture merges an event across both wires');
      assert.notDeepEqual(everything(stale), expected, 'the older events component left its mark');

      const current = defaultPipeline().components.map((c) => ({ name: c.name, version: c.version }));
      const staleIds = stale.staleArticles(current);
      assert.equal(staleIds.length, 2, 'the two reports analysed by the older component');
      assert.equal(stale.staleArticles(current, { component: 'quotes' }).length, 0, 'no article has another quotes version');

      const dry = reindex(stale, { dryRun: true });
      assert.deepEqual([dry.stale, dry.reindexed, dry.rebuilt], [2, 0, false]);
      assert.equal(stale.staleArticles(current).length, 2, 'a dry run writes nothing');

      const summary = reindex(stale, { batchSize: 1 });
      assert.deepEqual([summary.stale, summary.reindexed, summary.batches, summary.rebuilt], [2, 2, 2, true]);
      assert.deepEqual(everything(stale), expected);
      assert.deepEqual(reindex(stale), { ...summary, stale: 0, reindexed: 0, batches: 0, rebuilt: false }, 'a second run finds nothing to do');
    } finally {
      fresh.close();
      stale.close();
    }
  });

  test(`${kind}: reindex --component re-runs only articles whose version of that component differs; a cut-short rebuild is finished by the next run`, async () => {
    const file = writeReports('component.jsonl', REPORTS);
    const store = open(database('component'));
    try {
      await ingest(store, [file], { pipeline: olderPipeline() });
      assert.equal(reindex(store, { component: 'quotes', dryRun: true }).stale, 0);
      assert.equal(reindex(store, { component: 'events', dryRun: true }).stale, 3);
      assert.throws(() => reindex(store, { component: 'no-such' }), /no component named 'no-such'/);
      // Layers rewritten, stories not yet rebuilt (as after a crash between the two transactions).
      store.rewriteArticles(store.staleArticles([]).map((id) => defaultPipeline().run(store.getArticle(id)!.article)));
      assert.equal(store.derivedStale(), true);
      const summary = reindex(store);
      assert.deepEqual([summary.stale, summary.resumed, summary.rebuilt], [0, true, true]);
      assert.equal(store.derivedStale(), false);
      assert.ok(store.queries.mergedEvents({ limit: 100 }).length > 0, 'events filed from the rewritten layers');
    } finally {
      store.close();
    }
  });
}

reindexTests('sqlite', (name) => join(dir, `${name}.db`));
const server = requirePostgres('reindex');
if (server) reindexTests('postgres', () => server.freshDatabase());
