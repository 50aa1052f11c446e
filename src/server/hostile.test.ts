import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureStore } from './fixtures.js';
import { PoolBusyError, SearchPool } from './search-pool.js';
import { startServer } from './server.js';

function fixtureDb(): { db: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-hostile-'));
  const db = join(dir, 'h.db');
  buildFixtureStore(db).close();
  return { db, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('costly queries are refused fast with 400 BAD_QUERY while health keeps answering', async () => {
  const { db, done } = fixtureDb();
  const server = await startServer({ db, port: 0 });
  try {
    const hostile = [Array(40).fill('a*').join(' '), `NEAR(${Array(300).fill('w').join(' ')})`, Array(60).fill('drones').join(' OR ')];
    for (const q of hostile) {
      const started = Date.now();
      const r = await fetch(`${server.url}api/search?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 400, q.slice(0, 20));
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'BAD_QUERY');
      assert.ok(Date.now() - started < 2000);
      const f = await fetch(`${server.url}api/facets?q=${encodeURIComponent(q)}`);
      assert.equal(f.status, 400);
    }
    // Many searches and facet counts in flight (after the workers are up): health answers about as fast
    // as it does beside as many trivial requests (the client shares this thread, so that is the floor).
    assert.equal((await fetch(`${server.url}api/facets?q=drones`)).status, 200);
    const healthBeside = async (path: (i: number) => string) => {
      const load = Array.from({ length: 40 }, (_, i) => fetch(`${server.url}${path(i)}`).then((r) => r.status));
      const started = performance.now();
      assert.equal((await fetch(`${server.url}api/health`)).status, 200);
      const took = performance.now() - started;
      return { took, statuses: await Promise.all(load) };
    };
    const floor = await healthBeside(() => 'api/health');
    const heavy = await healthBeside((i) => `api/${i % 2 ? 'facets' : 'search'}?q=drones%20OR%20strike`);
    assert.ok(heavy.took < Math.max(100, 3 * floor.took), `health took ${heavy.took.toFixed(0)} ms under search load, ${floor.took.toFixed(0)} ms beside trivial requests`);
    for (const status of heavy.statuses) assert.ok(status === 200 || status === 503, String(status));
  } finally {
    await server.close();
    done();
  }
});

test('the pool refuses past the budget with PoolBusyError, drops a job whose client left, and keeps serving', async () => {
  const { db, done } = fixtureDb();
  const starved = new SearchPool(db, 1, { budgetMs: 0 });
  const pool = new SearchPool(db, 1);
  try {
    await assert.rejects(starved.search({ query: 'drones', filters: {}, page: { limit: 5, offset: 0 } }), PoolBusyError);
    const gone = new AbortController();
    const first = pool.search({ query: 'drones', filters: {}, page: { limit: 5, offset: 0 } });
    const second = pool.search({ query: 'strike', filters: {}, page: { limit: 5, offset: 0 } }, gone.signal);
    gone.abort();
    await assert.rejects(second, PoolBusyError);
    assert.equal((await first).total, 2);
    const facets = await pool.run({ op: 'facets', query: 'drones', filters: {} });
    assert.equal(facets.articles, 2);
    const refused = pool.run({ op: 'search', query: 'a* b* c*', filters: {}, page: { limit: 5, offset: 0 } });
    await assert.rejects(refused, /prefix needs at least 3 letters/);
  } finally {
    await starved.close();
    await pool.close();
    done();
  }
});

test('over budget, searches and facet counts answer 503 QUERY_BUDGET from the pool while health answers', async () => {
  const { db, done } = fixtureDb();
  const server = await startServer({ db, port: 0, searchBudgetMs: 0 });
  try {
    for (const path of ['api/search?q=drones', 'api/facets?q=drones', 'api/facets']) {
      const r = await fetch(`${server.url}${path}`);
      assert.equal(r.status, 503, path);
      assert.equal(r.headers.get('retry-after'), '1');
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'QUERY_BUDGET');
    }
    assert.equal((await fetch(`${server.url}api/health`)).status, 200);
  } finally {
    await server.close();
    done();
  }
});

test('beyond loopback: no start without a token; with one, requests without it are refused and uploads need it', async () => {
  const { db, done } = fixtureDb();
  await assert.rejects(startServer({ db, port: 0, host: '0.0.0.0' }), /needs a token/);
  await assert.rejects(startServer({ db, port: 0, host: '0.0.0.0', token: 'short' }), /at least 16/);
  const token = 'a-long-enough-secret-token';
  const server = await startServer({ db, port: 0, host: '0.0.0.0', token, allowIngest: true });
  try {
    assert.equal((await fetch(`${server.url}api/health`)).status, 401);
    const upload = await fetch(`${server.url}api/ingest?name=a.txt`, { method: 'POST', body: 'Rebinding page upload.' });
    assert.equal(upload.status, 401);
    const ok = await fetch(`${server.url}api/health`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(ok.status, 200);
    const wrong = await fetch(`${server.url}api/health`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    assert.equal(wrong.status, 401);
    // Host checks stay on: a rebound DNS name is refused even with the token.
    const rebound = await new Promise<number>((resolve, reject) =>
      request(`${server.url}api/health`, { headers: { authorization: `Bearer ${token}`, host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end(),
    );
    assert.equal(rebound, 403);
    // A browser logs in once: the cookie, then the UI loads without the header.
    const login = await fetch(`${server.url}?token=${token}`, { redirect: 'manual' });
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/');
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    assert.equal((await fetch(server.url, { headers: { cookie } })).status, 200);
  } finally {
    await server.close();
  }
  const open = await startServer({ db, port: 0, host: '0.0.0.0', token, openReads: true, allowIngest: true });
  try {
    assert.equal((await fetch(`${open.url}api/health`)).status, 200);
    assert.equal((await fetch(`${open.url}api/ingest?name=a.txt`, { method: 'POST', body: 'x' })).status, 401);
  } finally {
    await open.close();
    done();
  }
});

test('a port in use is one clear coded error', async () => {
  const { db, done } = fixtureDb();
  const first = await startServer({ db, port: 0 });
  try {
    await assert.rejects(startServer({ db, port: first.port }), (e: Error) => /SERVE_LISTEN/.test(e.message) && /port is in use/.test(e.message));
  } finally {
    await first.close();
    done();
  }
});
