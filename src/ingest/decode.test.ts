import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, looksBinary } from './decode.js';

const TEXT = '(KYIV) — Sirens sounded at 3 a.m.\nAt least 14 people were killed, officials said — «provisional».\n';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return new Uint8Array([...(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...le]);
}

test('decode: plain UTF-8 passes through untouched', () => {
  const d = decodeBytes(Buffer.from(TEXT, 'utf8'));
  assert.ok(d.ok);
  assert.equal(d.text, TEXT);
  assert.deepEqual(d.normalizations, []);
  assert.equal(d.encoding, 'utf-8');
});

test('decode: UTF-8, UTF-16 LE and UTF-16 BE byte-order marks are detected and removed', () => {
  const cases: Array<[Uint8Array, string]> = [
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8'],
    [utf16(TEXT, 'le'), 'utf-16le'],
    [utf16(TEXT, 'be'), 'utf-16be'],
  ];
  for (const [bytes, encoding] of cases) {
    const d = decodeBytes(bytes);
    assert.ok(d.ok, encoding);
    assert.equal(d.text, TEXT, encoding);
    assert.equal(d.encoding, encoding);
    assert.deepEqual(d.normalizations, ['bom']);
    assert.notEqual(d.text.charCodeAt(0), 0xfeff);
  }
});

test('decode: CRLF and lone CR line endings become LF and are recorded', () => {
  const d = decodeBytes(Buffer.from('one\r\ntwo\rthree\n', 'utf8'));
  assert.ok(d.ok);
  assert.equal(d.text, 'one\ntwo\nthree\n');
  assert.deepEqual(d.normalizations, ['crlf->lf']);
  const both = decodeBytes(utf16('a\r\nb', 'be'));
  assert.ok(both.ok);
  assert.equal(both.text, 'a\nb');
  assert.deepEqual(both.normalizations, ['bom', 'crlf->lf']);
});

test('decode: binary bytes are INGEST_BINARY; empty and blank inputs are INGEST_EMPTY', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const bin = decodeBytes(png);
  assert.equal(bin.ok, false);
  assert.equal(!bin.ok && bin.code, 'INGEST_BINARY');
  for (const empty of [new Uint8Array(0), Buffer.from(' \n\t\r\n'), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe])]) {
    const d = decodeBytes(empty);
    assert.equal(d.ok, false);
    assert.equal(!d.ok && d.code, 'INGEST_EMPTY');
  }
  assert.ok(looksBinary(new Uint8Array([65, 66, 0, 67])));
  assert.ok(!looksBinary(Buffer.from('Tabs\tand\fform feeds\r\n are text')));
});

test('decode: bytes that are not UTF-8 fall back to Latin-1 and say so', () => {
  const d = decodeBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e]));
  assert.ok(d.ok);
  assert.equal(d.text, 'Café open');
  assert.equal(d.encoding, 'latin1');
  assert.ok(d.normalizations.includes('latin1'));
  assert.deepEqual(d.ok && d.notes?.map((n) => [n.severity, n.code, n.line]), [['info', 'INGEST_LEGACY_ENCODING', 1]]);
});

test('decode: a UTF-8 file with one damaged byte keeps its UTF-8 text, marks the byte and warns with the line', () => {
  const bytes = Buffer.concat([Buffer.from('First line — fine.\nBad '), Buffer.from([0xff]), Buffer.from(' here: (ODESA) — a drone hit the port.\n')]);
  const d = decodeBytes(bytes);
  assert.ok(d.ok);
  assert.equal(d.text, 'First line — fine.\nBad \ufffd here: (ODESA) — a drone hit the port.\n');
  assert.equal(d.encoding, 'utf-8');
  assert.deepEqual(d.notes?.map((n) => [n.severity, n.code, n.line]), [['warning', 'INGEST_INVALID_UTF8', 2]]);
  assert.deepEqual(Buffer.from(d.raw ?? '', 'latin1'), bytes, 'the raw text keeps every byte');
});
