import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Entity, EntityType } from '../core/layers.js';
import { nameKey } from '../entities/names.js';
import { batchOf, sampleArticle } from './conformance.js';
import { entityKeysVersion, readEntityKeys } from './entity-keys.js';
import { openStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-keys-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function entity(id: string, name: string, type: EntityType, mentions: number, roles: Entity['roles'] = []): Entity {
  return { id, name, type, key: nameKey(name), start: 0, end: name.length, mentions: Array.from({ length: mentions }, () => ({ start: 0, end: name.length })), roles, confidence: 0.9 };
}

const ARTICLES = [
  {
    text: 'Kremlin spokesperson Dmitry Peskov said no talks were planned in Kyiv.',
    entities: [
      entity('e0', 'Dmitry Peskov', 'PER', 2, [{ title: 'Kremlin spokesperson', evidence: { start: 0, end: 34 } }]),
      entity('e1', 'Kyiv', 'LOC', 1),
    ],
  },
  { text: 'Peskov repeated on Friday that Kyiv must decide.', entities: [entity('e0', 'Peskov', 'PER', 1), entity('e1', 'Kyiv', 'LOC', 3)] },
  {
    text: 'Dmitry Peskov, the Kremlin spokesperson, declined to comment.',
    entities: [entity('e0', 'Dmitry Peskov', 'PER', 1, [{ title: 'Kremlin spokesperson', evidence: { start: 15, end: 39 } }])],
  },
];

function ingestAll(path: string): void {
  const store = openStore(path);
  try {
    store.writeBatch(batchOf('a.txt', ARTICLES.map((a) => ({ article: sampleArticle(a.text), layers: { entities: a.entities } }))));
  } finally {
    store.close();
  }
}

function byKey(path: string): Map<string, ReturnType<typeof readEntityKeys>[number]> {
  const db = new Database(path, { readonly: true });
  try {
    return new Map(readEntityKeys(db).map((t) => [`${t.type}|${t.key}`, t]));
  } finally {
    db.close();
  }
}

test('entity keys: each batch adds its entities to per-key totals in the same transaction', () => {
  const path = join(dir, 'keys.db');
  ingestAll(path);
  const totals = byKey(path);
  assert.equal(totals.size, 3);
  const peskov = totals.get('PER|dmitry peskov');
  assert.ok(peskov);
  assert.equal(peskov.mentions, 3);
  assert.equal(peskov.articles, 2);
  assert.deepEqual(peskov.names, { 'Dmitry Peskov': 3 });
  assert.deepEqual(peskov.roles, [{ title: 'Kremlin spokesperson', count: 2 }]);
  assert.equal(totals.get('LOC|kyiv')?.mentions, 4);
  assert.equal(totals.get('PER|peskov')?.articles, 1);
  const db = new Database(path, { readonly: true });
  try {
    assert.ok(entityKeysVersion(db) > 0, 'writes move the version readers cache by');
  } finally {
    db.close();
  }
});

test('entity keys: a store made before the table existed is summed once when it is opened', () => {
  const path = join(dir, 'old.db');
  ingestAll(path);
  const expected = byKey(path);
  const raw = new Database(path);
  raw.exec('DROP TABLE entity_keys; DROP TABLE entity_keys_version;');
  raw.pragma('user_version = 3');
  raw.close();
  // Read-only and not yet migrated: the totals are summed from the layer on the fly.
  assert.deepEqual(byKey(path), expected);
  openStore(path).close();
  assert.deepEqual(byKey(path), expected);
});

test('entity keys: totals kept in memory across a batch equal totals written and read back after every article', () => {
  // One key under 60 spellings and 60 role titles (more than a row keeps), counts with many ties, over 30 articles.
  const articles = Array.from({ length: 30 }, (_, i) => ({
    text: `Article ${i} quotes the spokesperson again.`,
    entities: [0, 1, 2].map((k) => {
      const n = (i * 7 + k * 13) % 60;
      const roles = [{ title: `Role ${(i * 11 + k) % 60}`, evidence: { start: 0, end: 4 } }, ...(k === 0 ? [{ title: `role ${i % 5}`, affiliation: i % 2 ? 'Kremlin' : undefined, evidence: { start: 0, end: 4 } }] : [])];
      return { ...entity(`e${k}`, `Peskov ${n}`, 'PER', 1 + ((i + k) % 3), roles), key: 'peskov' };
    }),
  }));
  const rows = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT * FROM entity_keys ORDER BY type, key').all();
    } finally {
      db.close();
    }
  };
  const one = join(dir, 'one-by-one.db');
  const grouped = join(dir, 'grouped.db');
  for (const [path, size] of [[one, 1], [grouped, 30]] as const) {
    const store = openStore(path);
    try {
      for (let i = 0; i < articles.length; i += size) {
        store.writeBatch(batchOf(`b${i}.txt`, articles.slice(i, i + size).map((a) => ({ article: sampleArticle(a.text), layers: { entities: a.entities } }))));
      }
    } finally {
      store.close();
    }
  }
  const expected = rows(one);
  const peskov = byKey(one).get('PER|peskov')!;
  assert.equal(Object.keys(peskov.names).length, 40, 'the names were cut to what a row keeps');
  assert.equal(peskov.roles.length, 40, 'the roles were cut to what a row keeps');
  assert.deepEqual(rows(grouped), expected);
});
