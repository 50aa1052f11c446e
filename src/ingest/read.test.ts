import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Article } from '../core/article.js';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.js';
import { packagePath } from '../core/paths.js';
import { decodeBytes } from './decode.js';
import { parseBytes, readInputs, sniffFormat, type Batch, type ReadOptions } from './read.js';

async function collect(paths: string[], options: ReadOptions = {}): Promise<{ batches: Batch[]; articles: Article[]; diagnostics: Diagnostic[] }> {
  const batches: Batch[] = [];
  for await (const b of readInputs(paths, options)) batches.push(b);
  return { batches, articles: batches.flatMap((b) => b.articles), diagnostics: batches.flatMap((b) => b.diagnostics) };
}

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function assertSpans(article: Article): void {
  if (article.dateline) assert.equal(article.text.slice(article.dateline.start, article.dateline.end), article.dateline.text);
}

const WIRE = [
  ' date 2025-11-14 Grid repairs continue after overnight strikes',
  '(KYIV) — Repair crews worked through Friday to restore power, the grid operator said.',
  'About 200,000 homes were still without electricity.',
  '(ODESA, Ukraine) — Port operations resumed on Friday afternoon.',
  '',
].join('\n');

const RECORD = (n: number) =>
  JSON.stringify({ title: `Record ${n}`, text: `(GENEVA) — Paragraph number ${n} of the fixture.`, date: '2025-11-0' + ((n % 9) + 1) });

test('bundled samples: every file ingests cleanly into 14+ dated and undated dispatches across all formats', async () => {
  const { articles, diagnostics, batches } = await collect([packagePath('samples')]);
  assert.deepEqual(
    diagnostics.filter((d) => d.severity !== 'info'),
    [],
    'the sample corpus ingests without warnings',
  );
  assert.ok(articles.length >= 14, `${articles.length} sample articles`);
  const formats = new Set(batches.filter((b) => b.articles.length).map((b) => b.source.format));
  for (const f of ['seed', 'text', 'jsonl', 'html', 'rss', 'atom', 'markdown']) assert.ok(formats.has(f as never), `no ${f} sample`);
  assert.ok(articles.every((a) => a.dateline !== null), 'every sample dispatch opens with a dateline');
  assert.ok(articles.some((a) => a.publishedSource === 'inherited'));
  assert.ok(articles.some((a) => a.publishedSource === 'unknown'));
  assert.equal(new Set(articles.map((a) => a.id)).size, articles.length, 'no two samples are the same text');
  assert.ok(!articles.some((a) => /Sample corpus|fiction/i.test(a.text)), 'samples/README.md is not ingested');
  articles.forEach(assertSpans);
});

test('directories: walked recursively in name order; hidden, unknown-extension and README files skipped', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'a', 'deeper'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'a', 'deeper', 'wire.txt'), WIRE);
  writeFileSync(join(dir, 'a', 'records.jsonl'), `${RECORD(1)}\n${RECORD(2)}\n`);
  writeFileSync(join(dir, 'b.md'), '# Title\n\nBody text of the markdown file.\n');
  writeFileSync(join(dir, 'README.md'), '# About these files\n\nNot an article.\n');
  writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
  writeFileSync(join(dir, '.hidden.txt'), 'A hidden file that must not be read.');
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, 'NOTES'), 'A file with no extension is read as text.\n');
  const { articles, diagnostics, batches } = await collect([dir]);
  assert.deepEqual(
    batches.filter((b) => b.articles.length).map((b) => b.source.file.slice(dir.length + 1)),
    ['NOTES', join('a', 'deeper', 'wire.txt'), join('a', 'records.jsonl'), 'b.md'],
  );
  assert.equal(articles.length, 1 + 2 + 2 + 1);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.code]),
    [
      ['info', 'INGEST_SKIPPED'],
      ['info', 'INGEST_SKIPPED'],
    ],
  );
  assert.ok(diagnostics.some((d) => d.where?.file?.endsWith('photo.jpg')));
  assert.ok(diagnostics.some((d) => d.where?.file?.endsWith('README.md')));
  assert.ok(!articles.some((a) => a.text.includes('hidden') || a.text.includes('refs/heads')));
});

test('stdin: "-" reads the stream and sniffs the format (seed text, JSONL, HTML)', async () => {
  const seed = await collect(['-'], { stdin: Readable.from([Buffer.from(WIRE.slice(0, 40)), Buffer.from(WIRE.slice(40))]) });
  assert.equal(seed.batches[0].source.file, '<stdin>');
  assert.equal(seed.batches[0].source.format, 'seed');
  assert.deepEqual(seed.articles.map((a) => a.dateline?.place), ['KYIV', 'ODESA']);
  assert.equal(seed.articles[0].published, '2025-11-14');
  assert.equal(seed.articles[1].publishedSource, 'inherited');
  const jsonl = await collect(['-'], { stdin: Readable.from([`${RECORD(1)}\nnot json\n${RECORD(3)}\n`]) });
  assert.equal(jsonl.batches[0].source.format, 'jsonl');
  assert.equal(jsonl.articles.length, 2);
  assert.deepEqual(jsonl.diagnostics.map((d) => [d.code, d.where?.file, d.where?.line]), [['INGEST_NOT_JSON', '<stdin>', 2]]);
  const html = await collect(['-'], {
    stdin: Readable.from([
      `<!doctype html><html><head><title>Rail line reopens</title></head><body><nav><a href="/">Home</a></nav><article><h1>Rail line reopens</h1><p>${'(WARSAW, Poland) — The rail line south-east of the capital reopened on Tuesday after repairs, the operator said, and freight trains ran on schedule through the night. '.repeat(3)}</p></article></body></html>`,
    ]),
  });
  assert.equal(html.batches[0].source.format, 'html');
  assert.equal(html.articles[0].title, 'Rail line reopens');
  assert.equal(html.articles[0].dateline?.place, 'WARSAW');
  const empty = await collect(['-'], { stdin: Readable.from([]) });
  assert.equal(empty.articles.length, 0);
  assert.equal(empty.diagnostics[0].code, 'INGEST_EMPTY');
  const big = await collect(['-'], { stdin: Readable.from([Buffer.from(WIRE)]), maxBytes: 10 });
  assert.equal(big.diagnostics[0].code, 'INGEST_TOO_LARGE');
});

test('bad inputs: each gets one message naming the file (and line), and the good records in the batch land', async () => {
  const dir = packagePath('test-fixtures', 'bad');
  const { articles, diagnostics } = await collect([dir]);
  assert.deepEqual(articles.map((a) => a.title), ['Ferry service to resume across the lake', 'Harbour cranes back in service']);
  const byCode = diagnostics.map((d) => [d.code, d.where?.file?.slice(dir.length + 1), d.where?.line ?? null]);
  assert.deepEqual(byCode, [
    ['INGEST_BINARY', 'binary.txt', null],
    ['INGEST_EMPTY', 'empty.txt', null],
    ['INGEST_NO_ARTICLE', 'no-article.html', null],
    ['INGEST_NOT_JSON', 'records-with-bad-lines.jsonl', 2],
    ['INGEST_NO_TEXT', 'records-with-bad-lines.jsonl', 3],
  ]);
  assert.ok(diagnostics.every((d) => d.severity === 'error' && d.message.length > 10));
  // What the user reads names the file (and line) once.
  for (const d of diagnostics) {
    const line = formatDiagnostic(d);
    assert.equal(line.split(d.where!.file!).length - 1, 1, line);
    if (d.where?.line) assert.ok(line.includes(`${d.where.file}:${d.where.line}`), line);
  }
  const [ferry, cranes] = articles;
  assert.deepEqual([ferry.origin.line, ferry.origin.record, cranes.origin.line, cranes.origin.record], [1, 1, 5, 4]);
});

test('paths: a missing path and an unreadable file are INGEST_UNREADABLE; the other paths still ingest', async (t) => {
  const dir = tempDir(t);
  const good = join(dir, 'good.txt');
  writeFileSync(good, WIRE);
  const missing = join(dir, 'no-such-file.txt');
  const { articles, diagnostics } = await collect([missing, good]);
  assert.equal(articles.length, 2);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'INGEST_UNREADABLE');
  assert.equal(diagnostics[0].where?.file, missing);
  assert.match(diagnostics[0].message, /ENOENT/);
  if (process.getuid?.() !== 0) {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, WIRE);
    chmodSync(locked, 0o000);
    const r = await collect([locked]);
    assert.equal(r.diagnostics[0].code, 'INGEST_UNREADABLE');
    assert.match(r.diagnostics[0].message, /EACCES/);
  }
});

test('size limit: a file over --max-bytes is INGEST_TOO_LARGE; a JSONL line over it is skipped alone', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'big.txt'), WIRE);
  const lines = [RECORD(1), JSON.stringify({ text: 'x'.repeat(500) }), RECORD(3)].join('\n');
  writeFileSync(join(dir, 'lines.jsonl'), lines);
  const { articles, diagnostics } = await collect([join(dir, 'big.txt'), join(dir, 'lines.jsonl')], { maxBytes: 200 });
  assert.deepEqual(articles.map((a) => a.title), ['Record 1', 'Record 3']);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.where?.line ?? null]),
    [
      ['INGEST_TOO_LARGE', null],
      ['INGEST_TOO_LARGE', 2],
    ],
  );
  assert.match(diagnostics[0].message, /over the 200-byte limit/);
});

test('JSONL batches also close at a character budget, so long records make small batches', async (t) => {
  const dir = tempDir(t);
  const records = Array.from({ length: 5 }, (_, i) => RECORD(i + 1));
  writeFileSync(join(dir, 'long.jsonl'), `${records.join('\n')}\n`);
  const budget = records[0].length + records[1].length;
  const streamed = await collect([join(dir, 'long.jsonl')], { batchChars: budget });
  assert.deepEqual(streamed.batches.map((b) => b.articles.length), [2, 2, 1]);
  assert.deepEqual(streamed.articles.map((a) => a.title), ['Record 1', 'Record 2', 'Record 3', 'Record 4', 'Record 5']);
});

test('JSONL files stream in batches, and handle a UTF-8 BOM, CRLF, UTF-16 and binary content', async (t) => {
  const dir = tempDir(t);
  const records = Array.from({ length: 5 }, (_, i) => RECORD(i + 1));
  writeFileSync(join(dir, 'crlf.jsonl'), `\uFEFF${records.join('\r\n')}\r\n`);
  const streamed = await collect([join(dir, 'crlf.jsonl')], { batchSize: 2 });
  assert.deepEqual(streamed.batches.map((b) => b.articles.length), [2, 2, 1]);
  assert.deepEqual(streamed.articles.map((a) => a.title), ['Record 1', 'Record 2', 'Record 3', 'Record 4', 'Record 5']);
  assert.deepEqual(streamed.diagnostics, []);
  assert.ok(streamed.articles.every((a) => !a.text.includes('\r')));
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(records.join('\n'), 'utf16le')]);
  writeFileSync(join(dir, 'utf16.jsonl'), le);
  const wide = await collect([join(dir, 'utf16.jsonl')]);
  assert.deepEqual(wide.diagnostics, []);
  assert.equal(wide.articles.length, 5);
  writeFileSync(join(dir, 'binary.jsonl'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x7b]));
  const bin = await collect([join(dir, 'binary.jsonl')]);
  assert.deepEqual(bin.diagnostics.map((d) => d.code), ['INGEST_BINARY']);
  writeFileSync(join(dir, 'empty.jsonl'), '');
  const empty = await collect([join(dir, 'empty.jsonl')]);
  assert.deepEqual(empty.diagnostics.map((d) => d.code), ['INGEST_EMPTY']);
});

test('encodings: UTF-8 BOM, UTF-16 LE and BE files give the same articles; CRLF keeps every span valid', () => {
  const crlf = WIRE.replace(/\n/g, '\r\n');
  const variants: Array<[string, Uint8Array]> = [
    ['utf8', Buffer.from(WIRE)],
    ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])],
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')])],
    ['utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(crlf, 'utf16le').swap16()])],
  ];
  const reference = parseBytes(variants[0][1], 'wire.txt').articles;
  assert.equal(reference.length, 2);
  for (const [name, bytes] of variants) {
    const batch = parseBytes(bytes, `wire-${name}.txt`);
    const decoded = decodeBytes(bytes);
    assert.ok(decoded.ok);
    assert.deepEqual(batch.articles.map((a) => a.text), reference.map((a) => a.text), name);
    assert.deepEqual(batch.articles.map((a) => a.id), reference.map((a) => a.id), `${name}: same content, same id`);
    for (const a of batch.articles) {
      assert.ok(decoded.text.includes(a.text), `${name}: article text is a substring of the decoded input`);
      assertSpans(a);
    }
    assert.equal(batch.source.raw, decoded.text);
    if (name !== 'utf8') assert.ok(batch.articles[0].normalizations.includes('bom'), name);
    if (name !== 'utf8') assert.ok(batch.articles[0].normalizations.includes('crlf->lf'), name);
  }
});

test('sniffFormat: content decides when there is no telling extension', () => {
  assert.equal(sniffFormat('[{"text":"x"}]'), 'json');
  assert.equal(sniffFormat('{"text":"x"}\n{"text":"y"}'), 'jsonl');
  assert.equal(sniffFormat('{\n  "text": "x"\n}'), 'json');
  assert.equal(sniffFormat('{"text":"x"}\nnot json\n'), 'jsonl');
  assert.equal(sniffFormat('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), 'rss');
  assert.equal(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'atom');
  assert.equal(sniffFormat('<!DOCTYPE html><html><body><p>x</p></body></html>'), 'html');
  assert.equal(sniffFormat(WIRE), 'seed');
  assert.equal(sniffFormat('---\ntitle: x\n---\nbody'), 'markdown');
  assert.equal(sniffFormat('# Heading\n\nbody'), 'markdown');
  assert.equal(sniffFormat('Just some text.'), 'text');
});

test('JSONL: a stray NUL on one line costs that line only, not the good records around it', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'nul.jsonl'), `${RECORD(1)}\n\u0000\u0000garbage\n${RECORD(3)}\n`);
  const { articles, diagnostics } = await collect([join(dir, 'nul.jsonl')]);
  assert.deepEqual(articles.map((a) => a.title), ['Record 1', 'Record 3']);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.where?.line]), [['INGEST_NOT_JSON', 2]]);
});

test('directories: symbolic links to files and folders are followed, a loop is walked once, a broken link is reported', async (t) => {
  const dir = tempDir(t);
  const store = join(dir, 'store');
  const corpus = join(dir, 'corpus');
  mkdirSync(store);
  mkdirSync(corpus);
  writeFileSync(join(store, 'wire.txt'), WIRE);
  mkdirSync(join(store, 'more'));
  writeFileSync(join(store, 'more', 'records.jsonl'), `${RECORD(1)}\n`);
  symlinkSync(join(store, 'wire.txt'), join(corpus, 'linked.txt'));
  symlinkSync(join(store, 'more'), join(corpus, 'linked-dir'));
  symlinkSync(corpus, join(corpus, 'loop'));
  symlinkSync(join(store, 'gone.txt'), join(corpus, 'broken.txt'));
  const { articles, diagnostics } = await collect([corpus]);
  assert.deepEqual(articles.map((a) => a.dateline?.place ?? a.title), ['GENEVA', 'KYIV', 'ODESA']);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.where?.file?.slice(corpus.length + 1)]), [['INGEST_UNREADABLE', 'broken.txt']]);
  assert.match(diagnostics[0].message, /broken link: ENOENT/);
});
