/**
 * The tsquery compiler (query/compile-tsquery.ts) on a real PostgreSQL: the same rows and the same
 * expected hits as compile-fts5.test.ts, so both engines read every query form alike; user text is
 * never tsquery syntax. Also: a read-only PostgreSQL store refuses writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toTsquery } from '../query/compile-tsquery.js';
import { batchOf, sampleArticle } from '../conformance.js';
import { SyncPg } from './sync-client.js';
import { openPgStore } from './store.js';
import { requirePostgres } from './test-server.js';

const server = requirePostgres('tsquery');
const ROWS = [
  'Dmitry Peskov said the talks were over',
  'Drones killed three people in Kharkiv',
  'A missile strike on Doha was reported',
  'The U.S. envoy met Peskov in Moscow',
];

if (server) {
  const url = server.freshDatabase();
  openPgStore(url).close(); // the `dateline` text-search configuration
  const pg = new SyncPg(url);
  const hits = (q: string): number[] => {
    const ts = toTsquery(q);
    if (ts === null) return [];
    return pg
      .all<{ i: number }>("SELECT i FROM unnest($1::text[]) WITH ORDINALITY AS r(t, i) WHERE to_tsvector('dateline', t) @@ to_tsquery('dateline', $2) ORDER BY i", [ROWS, ts])
      .map((r) => Number(r.i));
  };

  test('compiled queries run on PostgreSQL and mean what they mean on FTS5', () => {
    assert.deepEqual(hits('Peskov'), [1, 4]);
    assert.deepEqual(hits('"Dmitry Peskov"'), [1]);
    assert.deepEqual(hits('Peskov -Moscow'), [1]);
    assert.deepEqual(hits('Peskov NOT (Moscow OR talks)'), []);
    assert.deepEqual(hits('kill* OR strike'), [2, 3]);
    assert.deepEqual(hits('NEAR(missile Doha, 2)'), [3]);
    assert.deepEqual(hits('NEAR(missile reported, 1)'), []);
    assert.deepEqual(hits('U.S. envoy'), [4]);
    assert.deepEqual(hits('Peskov AND ('), [1, 4]);
    assert.deepEqual(hits('killing'), [2], 'stems');
  });

  test('user text is never tsquery syntax: quotes, colons, bangs and ampersands are words', () => {
    for (const q of ['title:Peskov', '^Peskov', 'Peskov"', "it's", 'a & b', '!Doha', 'x <-> y', 'NEAR(', '*', 'a"b"c', 'NOT', 'OR OR', 'back\\slash']) {
      assert.doesNotThrow(() => hits(q), q);
    }
    assert.deepEqual(hits('Doha:'), [3]);
    assert.deepEqual(hits('!Doha'), [3]);
  });

  test('a read-only PostgreSQL store refuses writes', () => {
    const store = openPgStore(url, { readonly: true });
    try {
      assert.throws(() => store.writeBatch(batchOf('x.txt', [{ article: sampleArticle('A read-only store takes no articles.') }])), /read-only/);
      assert.equal(store.stats().articles, 0);
    } finally {
      store.close();
    }
  });
} else {
  test('tsquery (skipped: no PostgreSQL here)', { skip: true }, () => {});
}
