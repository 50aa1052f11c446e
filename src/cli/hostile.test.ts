import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { captureIO } from './io.js';
import { main } from './main.js';

test('ingest: a write lock held past the busy timeout ends in exit 4 with a coded message and the committed count, no stack trace', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-busy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'b.db');
  const file = join(dir, 'a.txt');
  writeFileSync(file, 'Sirens sounded in Kyiv at three in the morning, officials said on Tuesday.');
  const first = join(dir, 'first.txt');
  writeFileSync(first, 'Talks resumed in Geneva on Monday, the envoy said.');
  assert.equal(await main(['ingest', first, '--db', db], captureIO()), 0);
  const holder = new Database(db);
  holder.exec('BEGIN IMMEDIATE');
  const before = process.env.DATELINE_BUSY_TIMEOUT_MS;
  process.env.DATELINE_BUSY_TIMEOUT_MS = '200';
  try {
    const io = captureIO();
    assert.equal(await main(['ingest', file, '--db', db], io), 4);
    const err = io.stderr.join('\n');
    assert.match(err, /STORE_BUSY/);
    assert.match(err, /0 article\(s\) of this run were committed/);
    assert.doesNotMatch(err, /\n\s+at /);
  } finally {
    if (before === undefined) delete process.env.DATELINE_BUSY_TIMEOUT_MS;
    else process.env.DATELINE_BUSY_TIMEOUT_MS = before;
    holder.exec('ROLLBACK');
    holder.close();
  }
  assert.equal(await main(['ingest', file, '--db', db], captureIO()), 0, 'once the lock is gone the run completes');
});
