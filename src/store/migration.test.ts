import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { PRE_PROVENANCE } from './provenance.js';
import { openStore, type SqliteStore } from './sqlite.js';
import { sourceRaw } from './sqlite/sources.js';
import { LAYER_NAMES } from '../core/layers.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-migrate-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const fixture = fileURLToPath(new URL('../../test-fixtures/store/v4-samples.db.gz', import.meta.url));

function copyOfFixture(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, gunzipSync(readFileSync(fixture)));
  return path;
}

/** Everything the store and its read port answer about the fixture's data. */
function everything(store: SqliteStore) {
  const ids = store.listArticles({ limit: 1000 }).map((a) => a.id);
  return {
    articles: ids.map((id) => store.getArticle(id)),
    stats: store.stats(),
    search: store.search('ceasefire'),
    phrase: store.search('"the ministry"'),
    mentioning: store.articlesMentioning({ from: '2025-01-01', to: '2025-12-31' }),
    layers: LAYER_NAMES.map((l) => store.layerRows(l)),
    quantities: store.queries.quantities({}, { limit: 1000, offset: 0 }),
    events: store.queries.articleEvents({}, { limit: 1000, offset: 0 }),
    entityKeys: store.queries.entityKeys(),
    entityMentions: store.queries.entityMentions('LOC', ['sudan', 'ukraine', 'russia'], 100),
    facets: store.queries.facets(undefined, {}),
  };
}

test('migration 4 → 5: a database written by the previous code opens and every article, layer and answer is kept', () => {
  const path = copyOfFixture('v4.db');
  const oldSize = statSync(path).size;
  const old = new Database(path, { readonly: true });
  assert.equal(old.pragma('user_version', { simple: true }), 4, 'the fixture is a version-4 database');
  const raws = old.prepare('SELECT id, raw FROM sources ORDER BY id').all() as Array<{ id: number; raw: string }>;
  old.close();

  // Read-only over the old schema: the same code reads the JSON text it finds.
  const before = openStore(path, { readonly: true });
  const expected = everything(before);
  before.close();
  assert.ok(expected.articles.length >= 10 && expected.stats.layers.tokens! > 1000, 'the fixture has articles and tokens');

  const store = openStore(path);
  try {
    assert.deepEqual(everything(store), expected);
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.pragma('user_version', { simple: true }), 6, 'migrated through 5 (compact layers) and 6 (provenance)');
    for (const table of ['layer_tokens', 'layer_sentences', 'layer_entities', 'layer_quotes', 'layer_times']) {
      assert.equal(raw.prepare(`SELECT count(*) FROM ${table} WHERE typeof(data) = 'text'`).pluck().get(), 0, `${table} rewritten`);
    }
    for (const { id, raw: text } of raws) assert.equal(sourceRaw(raw, id), text, `source ${id} raw kept`);
    assert.equal(raw.prepare('SELECT count(*) FROM sources WHERE typeof(raw) = \'text\'').pluck().get(), 0);
    assert.equal(raw.pragma('freelist_count', { simple: true }), 0, 'vacuumed after the rewrite');
    raw.close();
  } finally {
    store.close();
  }
  assert.ok(statSync(path).size < oldSize * 0.8, `file ${oldSize} -> ${statSync(path).size} bytes once checkpointed`);
  // Idempotent: opening again changes nothing.
  const again = openStore(path);
  assert.deepEqual(everything(again), expected);
  again.close();
});

test('migration 4 → 5: articles stored before it still find their near-duplicates by recomputed signatures', () => {
  const path = copyOfFixture('v4-near.db');
  const store = openStore(path);
  try {
    const [first] = store.listArticles({ limit: 1 });
    const original = store.getArticle(first.id)!;
    const copy = { ...original.article, id: `${original.article.id}-copy`, text: `${original.article.text} Updated.` };
    const outcome = store.writeBatch({
      source: { file: 'copy.txt', format: 'text', bytes: copy.text.length, raw: copy.text },
      analyzed: [{ article: copy, layers: {}, diagnostics: [] }],
      diagnostics: [],
    });
    assert.deepEqual(outcome.nearDuplicates.map((d) => d.of), [original.nearDuplicateOf ?? original.article.id]);
  } finally {
    store.close();
  }
});

test('migration 5 → 6: articles stored before provenance are marked as made by an unknown version of each component', () => {
  const path = copyOfFixture('v4.db');
  const store = openStore(path);
  try {
    const ids = store.listArticles({ limit: 1000 }).map((a) => a.id);
    assert.ok(ids.length >= 10);
    for (const id of ids) assert.deepEqual(store.provenance(id), PRE_PROVENANCE, id);
    const current = PRE_PROVENANCE.map((c) => ({ ...c, version: '1.0.0' }));
    assert.equal(store.staleArticles(current).length, ids.length, 'every one of them is stale');
    assert.equal(store.staleArticles(current, { component: 'events' }).length, ids.length);
    assert.deepEqual(store.staleArticles(PRE_PROVENANCE), [], 'none differs from the set it was marked with');
  } finally {
    store.close();
  }
});
