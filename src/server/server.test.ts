import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureStore, fixtureIds } from './fixtures.js';
import { openStore } from '../store/sqlite.js';
import { search } from '../api/search.js';
import { SearchPool } from './search-pool.js';
import { startServer } from './server.js';

test('end to end over a real socket: UI, API, and answers while an upload is being ingested', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-serve-'));
  const db = join(dir, 'e2e.db');
  buildFixtureStore(db).close();
  const server = await startServer({ db, port: 0, allowIngest: true });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /dateline/);
    const hits = (await (await fetch(`${server.url}api/search?q=drones`)).json()) as { total: number; items: Array<{ id: string }> };
    assert.equal(hits.total, 2);
    // Searches run on worker threads; they answer exactly what the inline query does.
    const inline = openStore(db, { readonly: true });
    assert.deepEqual(hits, JSON.parse(JSON.stringify(search(inline, 'drones', {}, { limit: 50, offset: 0 }))));
    inline.close();
    const article = (await (await fetch(`${server.url}api/articles/${fixtureIds().strike}`)).json()) as { id: string };
    assert.equal(article.id, fixtureIds().strike);

    // A large upload: while it is analysed, health and search keep answering and report progress.
    const lines = Array.from({ length: 120 }, (_, i) =>
      JSON.stringify({ title: `Ferry timetable ${i}`, text: `Ferry service ${i} between Alderport and Brindle Quay resumes on weekday ${i % 7} with ${i + 3} crossings.`, date: '2026-05-01' }),
    );
    const upload = fetch(`${server.url}api/ingest?name=ferries.jsonl`, { method: 'POST', body: lines.join('\n') });
    let sawRunning = false;
    let answered = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const health = (await (await fetch(`${server.url}api/health`)).json()) as { ingest: { running: boolean; analysed: number } };
      const search = await fetch(`${server.url}api/search?q=Riverton`);
      assert.equal(search.status, 200);
      answered++;
      if (health.ingest.running && health.ingest.analysed > 0) {
        sawRunning = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = (await (await upload).json()) as { inserted: string[] };
    assert.ok(sawRunning, `never saw the ingest running (${answered} polls)`);
    assert.equal(result.inserted.length, 120);
    const found = (await (await fetch(`${server.url}api/search?q=Alderport&limit=1`)).json()) as { total: number };
    assert.equal(found.total, 120);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('binds 127.0.0.1 by default and refuses uploads when read-only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-serve-'));
  const db = join(dir, 'new.db');
  const server = await startServer({ db, port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:/);
    const health = (await (await fetch(`${server.url}api/health`)).json()) as { articles: number; readOnly: boolean };
    assert.deepEqual(health, { ...health, articles: 0, readOnly: true });
    const r = await fetch(`${server.url}api/ingest?name=a.txt`, { method: 'POST', body: 'text' });
    assert.equal(r.status, 403);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a search pool whose workers cannot start reports itself unhealthy instead of respawning', async () => {
  const pool = new SearchPool(join(tmpdir(), 'dateline-no-such-dir', 'none.db'), 2);
  const deadline = Date.now() + 10_000;
  while (pool.healthy && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(pool.healthy, false);
  await pool.close();
});
