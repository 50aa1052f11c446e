/**
 * `dateline serve --db postgres://…`: the same server over a PostgreSQL store — the UI, searches on
 * the worker pool (each worker its own PostgreSQL connection) answering what the inline query does,
 * an article, and an upload written through the store and found by the next search.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from '../api/open.js';
import { search } from '../api/search.js';
import { requirePostgres } from '../store/postgres/test-server.js';
import { fixtureArticles, fixtureIds } from './fixtures.js';
import { startServer } from './server.js';

const pg = requirePostgres('serve on PostgreSQL');

test('serve over PostgreSQL: UI, pooled search, an article, and an upload', { skip: pg ? false : 'no PostgreSQL here' }, async () => {
  const db = pg!.freshDatabase();
  const store = open(db);
  store.writeBatch({ source: { file: 'fixtures.jsonl', format: 'jsonl', bytes: 0, raw: null }, analyzed: fixtureArticles().map((a) => ({ ...a, diagnostics: [] })), diagnostics: [] });
  store.close();
  const server = await startServer({ db, port: 0, allowIngest: true, searchWorkers: 2 });
  const inline = open(db, { readonly: true });
  try {
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /dateline/);
    const hits = (await (await fetch(`${server.url}api/search?q=drones`)).json()) as { total: number };
    assert.equal(hits.total, 2);
    assert.deepEqual(hits, JSON.parse(JSON.stringify(search(inline, 'drones', {}, { limit: 50, offset: 0 }))));
    const article = (await (await fetch(`${server.url}api/articles/${fixtureIds().strike}`)).json()) as { id: string };
    assert.equal(article.id, fixtureIds().strike);
    const lines = Array.from({ length: 3 }, (_, i) => JSON.stringify({ title: `Ferry ${i}`, text: `Ferry service ${i} between Alderport and Brindle Quay resumes with ${i + 3} crossings.`, date: '2026-05-01' }));
    const upload = (await (await fetch(`${server.url}api/ingest?name=ferries.jsonl`, { method: 'POST', body: lines.join('\n') })).json()) as { inserted: string[] };
    assert.equal(upload.inserted.length, 3);
    const found = (await (await fetch(`${server.url}api/search?q=Alderport`)).json()) as { total: number };
    assert.equal(found.total, 3);
  } finally {
    inline.close();
    await server.close();
  }
});
