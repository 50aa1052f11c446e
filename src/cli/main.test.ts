import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { main } from './main.js';
import { captureIO } from './io.js';
import { EXIT } from './command.js';
import { sharedPath } from '../core/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const DISPATCHES =
  ' date 2025-11-20 Drones strike port city\n' +
  '(ODESA, Ukraine) — At least 9 people were killed when drones hit the port on Wednesday, the regional governor said.\n' +
  '“The attack lasted for about three hours,” he said.\n' +
  'Jane Roe contributed to this report.\n' +
  '(GENEVA) — Negotiators met on Tuesday for a second round of talks, officials said.\n';

async function run(argv: string[], stdin?: string) {
  const io = captureIO(stdin === undefined ? undefined : Readable.from([stdin]));
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

test('cli: help lists every command and the exit codes; unknown commands are usage errors', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, EXIT.OK);
  for (const name of ['analyze', 'ingest', 'search', 'show', 'stats', 'eval']) assert.match(help.out, new RegExp(`\\b${name}\\b`));
  assert.match(help.out, /exit codes/);
  const unknown = await run(['frobnicate']);
  assert.equal(unknown.code, EXIT.USAGE);
  assert.match(unknown.err, /unknown command 'frobnicate'/);
  const badFlag = await run(['search', '--nope', 'x']);
  assert.equal(badFlag.code, EXIT.USAGE);
  assert.match(badFlag.err, /unknown option --nope/);
  const commandHelp = await run(['ingest', '--help']);
  assert.equal(commandHelp.code, EXIT.OK);
  assert.match(commandHelp.out, /dateline ingest <paths/);
});

test('cli: analyze reads stdin and prints articles with layers, without a database', async () => {
  const result = await run(['analyze', '-', '--compact'], DISPATCHES);
  assert.equal(result.code, EXIT.OK, result.err);
  const { articles } = JSON.parse(result.out) as { articles: Array<Record<string, unknown> & { text: string; sentences: Array<{ start: number; end: number }> }> };
  assert.equal(articles.length, 2);
  assert.equal(articles[0].title, 'Drones strike port city');
  assert.equal(articles[0].statedPublished, '2025-11-20');
  assert.equal(articles[0].statedPublishedSource, 'header');
  assert.equal(articles[1].statedPublishedSource, 'inherited');
  assert.equal((articles[1].dateline as { place: string }).place, 'GENEVA');
  for (const a of articles) for (const s of a.sentences) assert.ok(a.text.slice(s.start, s.end).trim().length > 0);
});

test('cli: analyze --date fills articles that state no date; a bad --date is a usage error', async () => {
  const plain = join(dir, 'plain.txt');
  writeFileSync(plain, 'Talks resume\n\nNegotiators met on Tuesday in Geneva for a second round of talks.\n');
  const result = await run(['analyze', plain, '--date', '2025-11-21', '--compact']);
  const { articles } = JSON.parse(result.out) as { articles: Array<{ statedPublished: string; statedPublishedSource: string; title: string }> };
  assert.equal(articles[0].title, 'Talks resume');
  assert.equal(articles[0].statedPublished, '2025-11-21');
  assert.equal(articles[0].statedPublishedSource, 'metadata');
  assert.equal((await run(['analyze', plain, '--date', 'yesterday'])).code, EXIT.USAGE);
});

test('cli: ingest is idempotent, reports bad records by file and line, and search/show/stats read the result', async () => {
  const db = join(dir, 'cli.db');
  const wire = join(dir, 'wire.txt');
  writeFileSync(wire, DISPATCHES);
  const jsonl = join(dir, 'records.jsonl');
  writeFileSync(jsonl, '{"title":"Port hit","text":"Drones hit the port of Izmail overnight, officials said.","date":"2025-11-19"}\nnot json\n{"title":"no text"}\n');
  const first = await run(['ingest', wire, jsonl, '--db', db, '--json']);
  assert.equal(first.code, EXIT.OK, first.err);
  const summary = JSON.parse(first.out) as { inserted: number; duplicates: number; errors: number };
  assert.equal(summary.inserted, 3);
  assert.equal(summary.errors, 2);
  assert.match(first.err, /records\.jsonl:2 \(record 2\): line is not valid JSON/);
  assert.match(first.err, /records\.jsonl:3 \(record 3\): record has no text/);

  const again = await run(['ingest', wire, '--db', db, '--json']);
  assert.equal(again.code, EXIT.OK);
  assert.deepEqual(
    (({ inserted, duplicates }) => ({ inserted, duplicates }))(JSON.parse(again.out) as { inserted: number; duplicates: number }),
    { inserted: 0, duplicates: 2 },
  );

  const search = await run(['search', 'drones', '--db', db, '--json']);
  const hits = JSON.parse(search.out) as { total: number; hits: Array<{ id: string; snippet: string; highlights: Array<[number, number]> }> };
  assert.equal(hits.total, 2);
  const [s, e] = hits.hits[0].highlights[0];
  assert.match(hits.hits[0].snippet.slice(s, e), /^drones$/i);

  const show = await run(['show', hits.hits[0].id.slice(0, 8), '--db', db, '--json']);
  assert.equal(show.code, EXIT.OK, show.err);
  assert.equal((JSON.parse(show.out) as { id: string }).id, hits.hits[0].id);
  assert.equal((await run(['show', 'ffffffffffffffff', '--db', db])).code, EXIT.NOT_FOUND);
  const text = await run(['show', hits.hits[0].id, '--db', db]);
  const from = text.out.split('\n').find((l) => l.startsWith('from '));
  assert.match(from ?? '', /^from \S+wire\.txt:\d+ \(read 2×\)$/, 'ingested twice: one place, read twice');

  const stats = JSON.parse((await run(['stats', '--db', db, '--json'])).out) as { articles: number; diagnostics: number };
  assert.equal(stats.articles, 3);
  assert.equal(stats.diagnostics, 2);

  const errors = await run(['diagnostics', '--severity', 'error', '--db', db]);
  assert.equal(errors.code, EXIT.OK, errors.err);
  assert.deepEqual(
    errors.out.trim().split('\n').map((l) => l.replace(/^error .*records\.jsonl:(\d).*$/, 'line $1')),
    ['line 2', 'line 3'],
  );
  assert.match(errors.err, /2 of 2 diagnostics/);
  const counts = JSON.parse((await run(['diagnostics', '--counts', '--db', db, '--json'])).out) as Array<{ severity: string; count: number }>;
  assert.equal(counts.reduce((n, r) => n + r.count, 0), 2);
  assert.equal((await run(['diagnostics', '--severity', 'loud', '--db', db])).code, EXIT.USAGE);
});

test('cli: ingest counts informational notes by code instead of printing each; errors are still printed one by one', async () => {
  const db = join(dir, 'notes.db');
  const notes = join(dir, 'notes.jsonl');
  const undated = Array.from({ length: 6 }, (_, i) => JSON.stringify({ title: `Undated ${i}`, text: `Officials met on Tuesday to discuss item ${i}.` }));
  writeFileSync(notes, [...undated, 'not json'].join('\n') + '\n');
  const quiet = await run(['ingest', notes, '--db', db]);
  assert.equal(quiet.code, EXIT.OK, quiet.err);
  assert.match(quiet.err, /info: 6 × TIME_NO_REFERENCE_DATE — e\.g\. /);
  assert.match(quiet.err, /notes\.jsonl:7 \(record 7\): line is not valid JSON/);
  assert.equal(quiet.err.split('\n').filter((l) => l.startsWith('info ')).length, 0);
  const summary = await run(['ingest', notes, '--db', join(dir, 'notes2.db'), '--json']);
  const parsed = JSON.parse(summary.out) as { counts: Record<string, number>; diagnostics: Array<{ severity: string }> };
  assert.equal(parsed.counts['info TIME_NO_REFERENCE_DATE'], 6);
  assert.equal(parsed.counts['error INGEST_NOT_JSON'], 1);
});

test('cli: ingest exits 1 when nothing could be ingested, and names each bad input', async () => {
  const db = join(dir, 'bad.db');
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const result = await run(['ingest', empty, join(dir, 'missing.txt'), '--db', db]);
  assert.equal(result.code, EXIT.FAILURE);
  assert.match(result.err, /empty\.txt: empty \(no text\)/);
  assert.match(result.err, /missing\.txt: cannot read: ENOENT/);
});

test('cli: impossible dates and negative or fractional counts are usage errors, not silent results', async () => {
  const db = join(dir, 'flags.db');
  const wire = join(dir, 'flags.txt');
  writeFileSync(wire, DISPATCHES);
  assert.equal((await run(['ingest', wire, '--db', db])).code, EXIT.OK);
  for (const argv of [
    ['analyze', wire, '--date', '2025-02-30'],
    ['articles', '--from', '2025-02-30'],
    ['articles', '--to', '2025-13-45', '--json'],
    ['search', 'drones', '--from', '2025-04-31'],
    ['events', '--from', '2025-02-29'],
    ['entities', '--offset', '-5'],
    ['entities', '--limit', '-1'],
    ['articles', '--offset', '-3'],
    ['search', 'drones', '--offset', '-1'],
    ['diagnostics', '--limit', '-1'],
    ['quotes', '--limit', '2.5'],
    ['events', '--offset', '-2'],
    ['ingest', wire, '--max-bytes', '-1'],
  ]) {
    const result = await run([...argv, '--db', db]);
    assert.equal(result.code, EXIT.USAGE, `${argv.join(' ')} → ${result.code} ${result.out.slice(0, 80)}`);
  }
  const leap = await run(['articles', '--from', '2024-02-29', '--limit', '0', '--db', db, '--json']);
  assert.equal(leap.code, EXIT.OK, leap.err);
  assert.deepEqual((JSON.parse(leap.out) as { articles: unknown[] }).articles, []);
});

test('cli: a missing database, a file that is not SQLite and an SQLite file that is not dateline\'s are database errors (exit 4), not stack traces', async () => {
  const garbage = join(dir, 'garbage.db');
  writeFileSync(garbage, 'this is not a database\n'.repeat(10));
  writeFileSync(join(dir, 'garbage-input.txt'), DISPATCHES);
  const foreign = join(dir, 'foreign.db');
  const other = new Database(foreign);
  other.exec('CREATE TABLE t (x)');
  other.close();
  for (const [argv, reason] of [
    [['stats', '--db', join(dir, 'absent.db')], /no such file/],
    [['stats', '--db', garbage], /not a database/],
    [['entities', '--db', foreign], /not a dateline database/],
    [['ingest', join(dir, 'garbage-input.txt'), '--db', garbage], /not a database/],
  ] as const) {
    const result = await run([...argv]);
    assert.equal(result.code, EXIT.DATABASE, `${argv.join(' ')}: ${result.err}`);
    assert.match(result.err, /STORE_OPEN/);
    assert.match(result.err, reason);
  }
});

test('cli: quotes --speaker and timeline take any spelling that finds the entity, as `dateline entity` does', async () => {
  const db = join(dir, 'translit.db');
  const file = join(dir, 'translit.txt');
  writeFileSync(
    file,
    ' date 2025-11-21 Leaders meet\n' +
      '(KYIV) — Ukrainian President Volodymyr Zelenskyy met Polish President Karol Nawrocki in Kyiv on Friday to discuss air defence, his office said.\n' +
      '“We need more systems before winter,” Zelenskyy told reporters after the meeting.\n',
  );
  assert.equal((await run(['ingest', file, '--db', db])).code, EXIT.OK);
  const written = await run(['quotes', '--speaker', 'Zelenskyy', '--db', db, '--json']);
  const texts = (r: { out: string }) => (JSON.parse(r.out) as { quotes: Array<{ quote: { text: string } }> }).quotes.map((q) => q.quote.text);
  assert.ok(texts(written).some((t) => t.includes('more systems')), written.out);
  for (const spelling of ['Zelensky', 'Зеленський']) {
    assert.deepEqual(texts(await run(['quotes', '--speaker', spelling, '--db', db, '--json'])), texts(written), spelling);
    const timeline = await run(['timeline', spelling, '--db', db, '--json']);
    assert.equal(timeline.code, EXIT.OK, `timeline ${spelling}: ${timeline.err}`);
    assert.equal((JSON.parse(timeline.out) as { subject: { title: string } }).subject.title, 'Volodymyr Zelenskyy');
  }
  assert.equal((await run(['timeline', 'Nobody Atall', '--db', db])).code, EXIT.NOT_FOUND);
});

const seed = sharedPath('corpus', '000_6706b69dbb82096a.txt');
test('cli: the seed analyses into 4 articles with the right datelines and dates', { skip: !existsSync(seed) && `shared data absent: ${seed}` }, async () => {
  const result = await run(['analyze', seed, '--compact', '--no-tokens']);
  const { articles } = JSON.parse(result.out) as {
    articles: Array<{ title: string | null; statedPublished: string; statedPublishedSource: string; dateline: { place: string; region?: string } }>;
  };
  assert.deepEqual(
    articles.map((a) => [a.dateline.place, a.dateline.region ?? null]),
    [['NEW YORK', null], ['NEW YORK', null], ['DOHA', 'Qatar'], ['LONDON', null]],
  );
  assert.equal(articles[0].title, 'After US-Russia meeting, Ukraine to begin regrouping with European and American allies');
  assert.equal(articles[0].statedPublished, '2025-12-03');
  assert.equal(articles[0].statedPublishedSource, 'header');
  for (const a of articles.slice(1)) assert.notEqual(a.statedPublishedSource, 'header');
});
