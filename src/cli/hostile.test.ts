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

test('terminal safety: escapes and line breaks from a hostile feed never reach the terminal raw', async (t) => {
  const { terminalSafe } = await import('./io.js');
  assert.equal(terminalSafe('a\x1b[2Jb\rc\x07\u202ed'), 'a\uFFFD[2Jb\uFFFDc\uFFFD\uFFFDd');
  assert.equal(terminalSafe('\x1b[1mbold\x1b[22m \x1b[2J', true), '\x1b[1mbold\x1b[22m \uFFFD[2J', 'our own colour codes survive, others do not');
  assert.equal(terminalSafe('{"t": "\u009b2J"}'), '{"t": "\\u009b2J"}', 'JSON keeps its data as escapes');
  assert.equal(terminalSafe('a,b\r\nc,d\r\n'), 'a,b\r\nc,d\r\n', "a CSV's CRLF line ends are kept (an exported CSV on stdout)");
  assert.equal(terminalSafe('a\r\rb\r\n'), 'a\uFFFD\uFFFDb\r\n', 'a carriage return not ending a line is not');

  const dir = mkdtempSync(join(tmpdir(), 'dateline-tty-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 't.db');
  const name = join(dir, 'evil\x1b[2J.jsonl');
  const title = 'Clear\x1b[2J\x1b[H screen\r\nFORGED line';
  writeFileSync(name, `${JSON.stringify({ title, text: 'Drones struck the port of Odesa\x1b]0;pwned\x07 on Tuesday, officials said.' })}\n{bad json\n`);
  const ingestIO = captureIO();
  assert.equal(await main(['ingest', name, '--db', db], ingestIO), 0);
  for (const argv of [['articles'], ['search', 'Odesa'], ['diagnostics'], ['search', 'Odesa', '--json']]) {
    const io = captureIO();
    assert.equal(await main([...argv, '--db', db], io), 0, argv.join(' '));
    const all = [...io.stdout, ...io.stderr, ...ingestIO.stderr].join('\n');
    for (const control of ['\u001b', '\r', '\u0007']) assert.ok(!all.includes(control), `${argv.join(' ')}: ${JSON.stringify(control)}`);
    if (!argv.includes('--json')) assert.ok(!io.stdout.join('\n').split('\n').some((l) => l.startsWith('FORGED')), argv.join(' '));
  }
});
