import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { storeConformance, sampleArticle, batchOf } from './conformance.js';
import { queriesConformance } from './queries-conformance.js';
import { sequenceConformance } from './conformance-sequences.js';
import { deferredConformance } from './conformance-deferred.js';
import { openStore } from './sqlite.js';
import { DatelineError } from '../core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-store-'));
let n = 0;
const tmpDb = () => join(dir, `t${n++}.db`);
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

storeConformance('sqlite', () => openStore(tmpDb()));
queriesConformance('sqlite', () => openStore(tmpDb()));
sequenceConformance('sqlite', () => openStore(tmpDb()));
deferredConformance('sqlite', () => openStore(tmpDb()));

test('sqlite store: the schema is versioned and a newer database is refused with a code', () => {
  const path = tmpDb();
  openStore(path).close();
  const raw = new Database(path);
  assert.ok((raw.pragma('user_version', { simple: true }) as number) >= 1, 'migrations applied');
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.pragma('user_version = 99');
  raw.close();
  assert.throws(() => openStore(path), (e: unknown) => e instanceof DatelineError && e.code === 'STORE_MIGRATION');
});

test('sqlite store: reopening keeps data and is idempotent on schema', () => {
  const path = tmpDb();
  const a = sampleArticle('The ministry said 12 drones were shot down over the region overnight.');
  const s1 = openStore(path);
  s1.writeBatch(batchOf('a.txt', [{ article: a }]));
  s1.close();
  const s2 = openStore(path);
  assert.equal(s2.stats().articles, 1);
  assert.equal(s2.getArticle(a.id)?.article.text, a.text);
  s2.close();
});

test('sqlite store: a process killed in the middle of a batch leaves the database as before the batch', () => {
  const path = tmpDb();
  const first = sampleArticle('An earlier report that was stored before the crash, about talks in Geneva.');
  const store = openStore(path);
  store.writeBatch(batchOf('before.txt', [{ article: first }]));
  store.close();
  const child = fileURLToPath(new URL('./crash-child.js', import.meta.url));
  const result = spawnSync(process.execPath, [child, path], { encoding: 'utf8' });
  assert.equal(result.signal, 'SIGKILL', `child should die mid-batch: ${result.stderr}`);
  assert.match(result.stdout, /wrote 3 articles/);
  const after = openStore(path);
  try {
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();
    assert.equal(after.stats().articles, 1);
    assert.equal(after.stats().sources, 1);
    assert.ok(after.hasArticle(first.id));
    assert.equal(after.search('crash').length, 1);
    assert.equal(after.search('batch').length, 0);
  } finally {
    after.close();
  }
});

test('sqlite store: packed token layers round-trip exactly and count as items', () => {
  const store = openStore(tmpDb());
  try {
    const text = 'Peskov said no. Talks go on.';
    const article = sampleArticle(text);
    const tokens = [
      { start: 0, end: 6, pos: 'PROPN', sentence: 0, spaceBefore: false },
      { start: 7, end: 11, pos: 'VERB', sentence: 0, spaceBefore: true },
      { start: 12, end: 14, pos: 'DET', sentence: 0, spaceBefore: true },
      { start: 14, end: 15, pos: 'PUNCT', sentence: 0, spaceBefore: false },
      { start: 16, end: 21, pos: 'NOUN', sentence: 1, spaceBefore: true },
    ];
    store.writeBatch(batchOf('t.txt', [{ article, layers: { tokens } }]));
    assert.deepEqual(store.getArticle(article.id)?.layers.tokens, tokens);
    assert.equal(store.stats().layers.tokens, 5);
    assert.deepEqual(store.layerRows('tokens').map((r) => r.item), tokens);
  } finally {
    store.close();
  }
});

test('sqlite store: writeBatches writes what the same batches written one by one write, and all or nothing', async () => {
  const { defaultPipeline } = await import('../api/default-pipeline.js');
  const pipeline = defaultPipeline();
  const texts = [
    'KABUL — Two people were killed when a bomb exploded at a market in Kabul on Monday, police said.',
    'A bomb killed two people at a Kabul market on Monday, the interior ministry said. Police are investigating.',
    'Ministers met in Brussels on Tuesday to discuss the budget for 2026.',
    'A bomb killed two people at a Kabul market on Monday, the interior ministry said. Police are investigating.',
  ];
  const batches = texts.map((text, i) => batchOf(`f${i}.txt`, [pipeline.run(sampleArticle(text))]));
  const one = openStore(tmpDb());
  const grouped = openStore(tmpDb());
  try {
    const singly = batches.map((b) => one.writeBatch(b));
    assert.deepEqual(grouped.writeBatches(batches), singly);
    assert.equal(singly[3].duplicates.length, 1, 'the repeated article is a duplicate of the one written earlier in the group');
    const everything = (s: typeof one) => ({
      articles: s.listArticles({ limit: 100 }).map((a) => ({ ...s.getArticle(a.id), sightings: undefined, ingestedAt: undefined })),
      events: s.queries.mergedEvents({ limit: 100 }).map((e) => JSON.stringify(e).replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '""')),
      stories: s.queries.stories(100).map((x) => JSON.stringify(x).replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '""')),
      stats: s.stats(),
    });
    const a = everything(one);
    assert.ok(a.events.length >= 1 && a.stories.length >= 2, 'the batches made merged events and stories');
    assert.deepEqual(everything(grouped), a);
  } finally {
    one.close();
    grouped.close();
  }
  // A batch that fails takes the batches before it in the same group with it.
  const failing = openStore(tmpDb(), {
    afterArticleWrite: (id) => {
      if (id === batches[2].analyzed[0].article.id) throw new Error('disk full');
    },
  });
  try {
    assert.throws(() => failing.writeBatches(batches.slice(0, 3)), /disk full/);
    assert.equal(failing.stats().articles, 0);
  } finally {
    failing.close();
  }
});
