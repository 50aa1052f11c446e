import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchOf, sampleArticle } from '../conformance.js';
import { PRE_PROVENANCE } from '../provenance.js';
import { openPgStore } from './store.js';
import { SyncPg } from './sync-client.js';
import { requirePostgres } from './test-server.js';

const server = requirePostgres('postgres provenance migration');
if (server) {
  test('postgres schema 1 → 2: articles stored before provenance are marked as made by an unknown version of each component', () => {
    const url = server.freshDatabase();
    const article = sampleArticle('Negotiators met on Tuesday for a second round of talks, officials said.');
    const store = openPgStore(url);
    store.writeBatch(batchOf('a.txt', [{ article }]));
    store.close();
    // Back to schema 1 as the previous code left it: no sets table, no provenance column.
    const raw = new SyncPg(url);
    raw.many([{ sql: 'ALTER TABLE articles DROP COLUMN provenance' }, { sql: 'DROP TABLE provenance_sets' }, { sql: "UPDATE dateline_meta SET value = 1 WHERE key = 'schema'" }]);
    const reopened = openPgStore(url);
    try {
      assert.deepEqual(reopened.provenance(article.id), PRE_PROVENANCE);
      assert.deepEqual(reopened.staleArticles(PRE_PROVENANCE.map((c) => ({ ...c, version: '1.0.0' }))), [article.id]);
      assert.equal(Number(raw.value("SELECT value FROM dateline_meta WHERE key = 'schema'")), 2);
    } finally {
      reopened.close();
      raw.close();
    }
  });
} else {
  test('postgres provenance migration (skipped: no PostgreSQL here)', { skip: true }, () => {});
}
