import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes } from './decode.js';
import { parseJsonLine } from './json.js';
import { readInputs, type Batch } from './read.js';

const RECORD = (n: number) => JSON.stringify({ title: `Record ${n}`, text: `(GENEVA) — Paragraph number ${n} of the fixture, said the envoy.` });

async function collect(path: string): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const b of readInputs([path])) batches.push(b);
  return batches;
}

function temp(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-hostile-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('JSONL is judged line by line: a NUL or FF FE at the start of line 1 costs that line at most', async (t) => {
  const dir = temp(t);
  const good = [RECORD(2), RECORD(3)].join('\n');
  writeFileSync(join(dir, 'nul.jsonl'), Buffer.concat([Buffer.from([0]), Buffer.from(`${RECORD(1)}\n${good}\n`)]));
  const nul = (await collect(join(dir, 'nul.jsonl'))).flatMap((b) => b.articles);
  assert.deepEqual(nul.map((a) => a.title), ['Record 1', 'Record 2', 'Record 3'], 'the NUL is removed and its record kept');
  assert.ok(nul[0].normalizations.includes('nul-removed'));

  writeFileSync(join(dir, 'broken.jsonl'), Buffer.concat([Buffer.from('{"title": "x", \0 oops\n'), Buffer.from(`${good}\n`)]));
  const broken = await collect(join(dir, 'broken.jsonl'));
  assert.deepEqual(broken.flatMap((b) => b.articles).map((a) => a.title), ['Record 2', 'Record 3']);
  assert.deepEqual(broken.flatMap((b) => b.diagnostics).filter((d) => d.severity === 'error').map((d) => [d.code, d.where?.line]), [['INGEST_NOT_JSON', 1]]);

  writeFileSync(join(dir, 'fffe.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${RECORD(1)}\n${good}\n`)]));
  const fffe = await collect(join(dir, 'fffe.jsonl'));
  assert.deepEqual(fffe.flatMap((b) => b.articles).map((a) => a.title), ['Record 2', 'Record 3'], 'not decoded as UTF-16');
  assert.deepEqual(fffe.flatMap((b) => b.diagnostics).map((d) => [d.code, d.where?.line]), [['INGEST_NOT_JSON', 1]]);

  // Real UTF-16 (its bytes bear the mark out) is still read as UTF-16.
  writeFileSync(join(dir, 'wide.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${RECORD(1)}\n${good}`, 'utf16le')]));
  assert.equal((await collect(join(dir, 'wide.jsonl'))).flatMap((b) => b.articles).length, 3);
});

test('a text file with stray NULs keeps its text, flagged; FF FE before UTF-8 text is not UTF-16', () => {
  const d = decodeBytes(Buffer.from('(KYIV) — Sirens\0 sounded at 3 a.m.\nAt least 14\0 people were killed.\n'));
  assert.ok(d.ok);
  assert.equal(d.text, '(KYIV) — Sirens sounded at 3 a.m.\nAt least 14 people were killed.\n');
  assert.ok(d.normalizations.includes('nul-removed'));
  assert.deepEqual(d.notes?.map((n) => [n.code, n.line]), [['INGEST_NUL_REMOVED', 1]]);
  assert.ok(d.raw?.includes('\0'), 'the source keeps the bytes');
  const fake = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sirens sounded in Kyiv at three in the morning.')]));
  assert.ok(fake.ok);
  assert.notEqual(fake.encoding, 'utf-16le');
  assert.match(fake.text, /Sirens sounded in Kyiv/);
  assert.ok(fake.notes?.some((n) => n.code === 'INGEST_NOT_UTF16'));
  const cjk = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文新闻报道', 'utf16le')]));
  assert.ok(cjk.ok);
  assert.equal(cjk.text, '中文新闻报道');
});

test('random bytes never become Latin-1 articles; a real Latin-1 file still reads', () => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  let accepted = 0;
  for (let i = 0; i < 600; i++) {
    const bytes = Uint8Array.from({ length: 64 + (i % 400) }, next);
    // Even without NUL and control bytes, random high bytes are not text.
    const high = bytes.map((b) => (i % 2 ? b | 0x80 : b));
    if (decodeBytes(high).ok) accepted++;
  }
  assert.equal(accepted, 0);
  const latin1 = decodeBytes(Buffer.from('Le président a déclaré que la réunion était terminée à Genève.', 'latin1'));
  assert.ok(latin1.ok);
  assert.equal(latin1.encoding, 'latin1');
});

test('a lone surrogate escape (\\ud800) becomes U+FFFD, flagged, so the text is valid UTF-8', () => {
  const r = parseJsonLine('{"title": "bad \\udc00 title", "text": "Half a pair \\ud800 here; a whole pair \\ud83d\\ude00 stays."}', 1, 1, 'f.jsonl', [], {});
  assert.ok(r?.article);
  assert.equal(r.article.text, 'Half a pair \uFFFD here; a whole pair 😀 stays.');
  assert.equal(r.article.title, 'bad \uFFFD title');
  assert.equal(Buffer.from(r.article.text, 'utf8').toString('utf8'), r.article.text);
  assert.ok(r.article.normalizations.includes('lone-surrogate->U+FFFD'));
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['INGEST_LONE_SURROGATE']);
});

test('devices, pipes and stdin are read within --max-bytes; a FIFO in a folder is skipped with a message', async (t) => {
  const { Readable } = await import('node:stream');
  const { execFileSync } = await import('node:child_process');
  const { existsSync, mkdirSync } = await import('node:fs');
  const limit = 1 << 20;
  if (existsSync('/dev/zero')) {
    const started = Date.now();
    const zero: Batch[] = [];
    for await (const b of readInputs(['/dev/zero'], { maxBytes: limit })) zero.push(b);
    assert.deepEqual(zero.flatMap((b) => b.diagnostics).map((d) => d.code), ['INGEST_TOO_LARGE']);
    assert.ok(Date.now() - started < 5000);
  }
  let produced = 0;
  const endless = Readable.from(
    (function* () {
      for (;;) {
        produced += 65536;
        yield Buffer.alloc(65536, 0x61);
      }
    })(),
  );
  const stdin: Batch[] = [];
  for await (const b of readInputs(['-'], { maxBytes: limit, stdin: endless })) stdin.push(b);
  assert.deepEqual(stdin.flatMap((b) => b.diagnostics).map((d) => d.code), ['INGEST_TOO_LARGE']);
  assert.ok(produced <= limit + 4 * 65536, `read ${produced} bytes of stdin for a ${limit}-byte limit`);

  const dir = temp(t);
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'a.txt'), 'Sirens sounded in Kyiv at three in the morning, officials said.');
  try {
    execFileSync('mkfifo', [join(dir, 'corpus', 'pipe.txt')]);
  } catch {
    return; // no mkfifo here
  }
  const walked: Batch[] = [];
  for await (const b of readInputs([join(dir, 'corpus')])) walked.push(b);
  assert.equal(walked.flatMap((b) => b.articles).length, 1);
  const skipped = walked.flatMap((b) => b.diagnostics).filter((d) => d.code === 'INGEST_SKIPPED');
  assert.equal(skipped.length, 1);
  assert.match(skipped[0].message, /named pipe/);
});
