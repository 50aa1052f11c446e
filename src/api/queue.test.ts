/**
 * The ingest queue on a real PostgreSQL: workers in their own processes (bin/dateline.js worker)
 * must leave the same articles, sightings, merged events and stories as one `ingest` of the same
 * inputs — with two workers at once, with the input queued twice, and with a worker killed (SIGKILL)
 * inside its write transaction, whose job another worker retries after it expires.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, open } from './dateline.js';
import { enqueue } from './queue.js';
import type { ReadStore } from '../store/queries.js';
import { requirePostgres } from '../store/postgres/test-server.js';

const server = requirePostgres('ingest queue');
const BIN = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./queue-crash-child.js', import.meta.url));
const INPUT = [fileURLToPath(new URL('../../samples', import.meta.url))];

/** What must not depend on how the inputs were ingested. */
function snapshot(store: ReadStore) {
  const ids = store.listArticles({ limit: 10_000 }).map((a) => a.id).sort();
  const stats = store.stats();
  return {
    ids,
    sightings: ids.map((id) => store.getArticle(id)!.sightings.length),
    layers: stats.layers,
    nearDuplicates: stats.nearDuplicates,
    merged: store.queries.mergedEvents({ limit: 10_000 }).map((e) => ({ id: e.id, sources: e.sources.map((s) => s.article).sort() })),
    stories: store.queries.stories(1000).map((s) => ({ id: s.id, articles: s.articles, events: s.events, title: s.title })),
  };
}

function workers(url: string, n: number, extra: string[] = []): Promise<number[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--until-empty', '--maintenance-s', '1', ...extra], { stdio: 'ignore' });
          child.on('exit', (code) => resolve(code ?? -1));
        }),
    ),
  );
}

if (server) {
  let expected: ReturnType<typeof snapshot>;

  test('queue: one ingest of the fixture, the reference', async () => {
    const store = open(server.freshDatabase());
    try {
      await ingest(store, INPUT);
      expected = snapshot(store);
      assert.ok(expected.ids.length >= 10 && expected.merged.length > 0 && expected.stories.length > 0);
    } finally {
      store.close();
    }
  });

  test('queue: two workers on the input queued twice store each article and merged event once, with the same stories', async () => {
    const url = server.freshDatabase();
    const first = await enqueue(url, INPUT);
    await enqueue(url, INPUT);
    assert.ok(first.jobs >= 2, 'several jobs to share');
    assert.deepEqual(await workers(url, 2), [0, 0]);
    const store = open(url, { readonly: true });
    try {
      const got = snapshot(store);
      // Each article was seen twice (queued twice): one row, two sightings.
      assert.deepEqual(got.sightings, expected.sightings.map((n) => n * 2));
      assert.deepEqual({ ...got, sightings: [] }, { ...expected, sightings: [] });
    } finally {
      store.close();
    }
  });

  test('queue: a worker killed (SIGKILL) inside its write loses and doubles nothing; another retries its job', { timeout: 120_000 }, async () => {
    const url = server.freshDatabase();
    await enqueue(url, INPUT, { jobTimeoutSeconds: 10 });
    const dir = mkdtempSync(join(tmpdir(), 'dateline-queue-'));
    const marker = join(dir, 'written');
    try {
      const child = spawn(process.execPath, [CHILD, url, marker], { stdio: 'ignore' });
      const started = Date.now();
      while (!existsSync(marker) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
      assert.ok(existsSync(marker), 'the worker reached its first write');
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      assert.deepEqual(await workers(url, 1), [0]);
      const store = open(url, { readonly: true });
      try {
        assert.deepEqual(snapshot(store), expected);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('queue: --queue needs a PostgreSQL database', () => {
    const r = spawnSync(process.execPath, [BIN, 'ingest', '--queue', '--db', join(tmpdir(), 'x.db'), INPUT[0]], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /PostgreSQL/);
  });
} else {
  test('ingest queue (skipped: no PostgreSQL here)', { skip: true }, () => {});
}
