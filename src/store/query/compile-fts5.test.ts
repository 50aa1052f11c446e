import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { toFts5 } from './compile-fts5.js';

function fixture() {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')`);
  const rows = [
    'Dmitry Peskov said the talks were over',
    'Drones killed three people in Kharkiv',
    'A missile strike on Doha was reported',
    'The U.S. envoy met Peskov in Moscow',
  ];
  rows.forEach((text, i) => db.prepare('INSERT INTO t(rowid, title, text) VALUES (?, ?, ?)').run(i + 1, '', text));
  return (q: string) => {
    const fts = toFts5(q);
    return fts === null ? [] : (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(fts) as number[]);
  };
}

test('compiled queries run on FTS5 and mean what they say', () => {
  const hits = fixture();
  assert.deepEqual(hits('Peskov'), [1, 4]);
  assert.deepEqual(hits('"Dmitry Peskov"'), [1]);
  assert.deepEqual(hits('Peskov -Moscow'), [1]);
  assert.deepEqual(hits('Peskov NOT (Moscow OR talks)'), []);
  assert.deepEqual(hits('kill* OR strike'), [2, 3]);
  assert.deepEqual(hits('NEAR(missile Doha, 2)'), [3]);
  assert.deepEqual(hits('NEAR(missile reported, 1)'), []);
  assert.deepEqual(hits('U.S. envoy'), [4]);
  assert.deepEqual(hits('Peskov AND ('), [1, 4]);
});

test('user text is never FTS5 syntax: quotes, colons, carets and column names are words', () => {
  const hits = fixture();
  for (const q of ['title:Peskov', '^Peskov', 'Peskov"', 'text : "x', 'NEAR(', '*', '{title text}: Doha', 'a"b"c', 'NOT', 'OR OR']) {
    assert.doesNotThrow(() => hits(q), q);
  }
  assert.deepEqual(hits('Doha:'), [3]);
});
