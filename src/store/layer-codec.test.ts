import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeItem, decodePacked, decodeRaw, encodeItem, encodePacked, encodeRaw, rawNeedsText } from './layer-codec.js';
import { ByteReader, ByteWriter } from './varint.js';

const text = 'The ministry said on Tuesday that 12 drones were shot down over the region overnight. Officials in Kyiv disputed it.';

function tokensOf(s: string) {
  const out: Array<{ start: number; end: number; pos: string; sentence: number; spaceBefore: boolean }> = [];
  for (const m of s.matchAll(/\w+|[^\s\w]/g)) {
    const start = m.index!;
    out.push({ start, end: start + m[0].length, pos: /^\d/.test(m[0]) ? 'NUM' : /\w/.test(m[0]) ? 'NOUN' : 'PUNCT', sentence: s.slice(0, start).split('. ').length - 1, spaceBefore: s[start - 1] === ' ' });
  }
  return out;
}

test('varint: any safe integer round-trips, small ones in one byte', () => {
  const values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 2 ** 31, -(2 ** 31) - 5, 2 ** 52 - 1, -(2 ** 52)];
  const w = new ByteWriter();
  for (const v of values) w.int(v);
  w.string('Zürich – 東京');
  const r = new ByteReader(w.done());
  assert.deepEqual(values.map(() => r.int()), values);
  assert.equal(r.string(), 'Zürich – 東京');
  assert.ok(r.atEnd);
  const one = new ByteWriter();
  one.int(-64);
  assert.equal(one.done().length, 1);
});

test('layer codec: packed tokens round-trip exactly and take under 2 bytes a token', () => {
  const tokens = tokensOf(text.repeat(20));
  const blob = encodePacked('tokens', tokens);
  assert.equal(blob[0], 2, 'column-wise form');
  assert.deepEqual(decodePacked('tokens', blob), tokens);
  assert.ok(blob.length < tokens.length * 2, `${blob.length} bytes for ${tokens.length} tokens`);
  assert.ok(blob.length * 10 < JSON.stringify(tokens).length);
});

test('layer codec: sentences, paragraphs and mentions round-trip; empty lists too', () => {
  const sentences = [
    { start: 0, end: 85, index: 0, paragraph: 0 },
    { start: 86, end: 116, index: 1, paragraph: 0 },
    { start: 118, end: 130, index: 2, paragraph: 1 },
  ];
  const mentions = [
    { start: 4, end: 12, text: 'ministry', entity: 0, kind: 'nominal' },
    { start: 99, end: 103, text: 'Kyiv', entity: 1, kind: 'name' },
    { start: 2, end: 3, text: 'it', entity: 0, kind: 'pronoun' },
  ];
  assert.deepEqual(decodePacked('sentences', encodePacked('sentences', sentences)), sentences);
  assert.deepEqual(decodePacked('mentions', encodePacked('mentions', mentions)), mentions, 'offsets may go backwards');
  assert.deepEqual(decodePacked('paragraphs', encodePacked('paragraphs', [])), []);
  const long = Array.from({ length: 400 }, (_, i) => ({ start: i * 10, end: i * 10 + 8, index: i, paragraph: i >> 3 }));
  const blob = encodePacked('sentences', long);
  assert.equal(blob[0], 2, 'a long list is deflated');
  assert.deepEqual(decodePacked('sentences', blob), long);
  assert.equal(encodePacked('sentences', sentences)[0], 6, 'a short one is not');
});

test('layer codec: a list that does not fit the column schema is kept whole as JSON', () => {
  const odd = [
    { start: 0, end: 3, pos: 'NOUN', sentence: 0, spaceBefore: false, lemma: 'the' },
    { start: 4, end: 5.5, pos: 'NOUN', sentence: 0, spaceBefore: true },
  ];
  const blob = encodePacked('tokens', odd);
  assert.equal(blob[0], 1, 'JSON form');
  assert.deepEqual(decodePacked('tokens', blob), odd);
  const huge = [{ start: 0, end: 2 ** 52, index: 0 }];
  assert.deepEqual(decodePacked('paragraphs', encodePacked('paragraphs', huge)), huge);
  const missing = [{ start: 0, end: 3, text: 'UN', entity: 0 }];
  assert.deepEqual(decodePacked('mentions', encodePacked('mentions', missing)), missing);
});

test('layer codec: JSON text written before version 5 still decodes (legacy column-wise tokens too)', () => {
  assert.deepEqual(decodePacked('sentences', '[{"start":0,"end":4,"index":0,"paragraph":0}]'), [{ start: 0, end: 4, index: 0, paragraph: 0 }]);
  const legacy = (d: unknown) => (d as { start: number[] }).start.map((start) => ({ start }));
  assert.deepEqual(decodePacked('tokens', '{"start":[1,5]}', legacy), [{ start: 1 }, { start: 5 }]);
  assert.deepEqual(decodeItem('entities', { data: '{"id":"e0"}' }), { id: 'e0' });
});

test('layer codec: items are stored in binary at under 40% of their JSON; events stay JSON text', () => {
  const entity = { id: 'e4', start: 209, end: 215, name: 'Russia', type: 'LOC', mentions: [{ start: 209, end: 215 }], roles: [], key: 'russia', confidence: 0.75 };
  const blob = encodeItem('entities', entity);
  assert.ok(Buffer.isBuffer(blob) && blob.length * 5 < JSON.stringify(entity).length * 2, `${blob.length} bytes`);
  assert.deepEqual(decodeItem('entities', { data: blob }), entity);
  const event = { id: 'v0', start: 1, end: 9, plover: { type: 'ATTACK' } };
  assert.equal(encodeItem('events', event), JSON.stringify(event));
  assert.throws(() => decodeItem('events', { data: Buffer.from([9, 0]) }));
});

test('layer codec: a top-level field equal to its row column is left to the column, and read back from the row', () => {
  const entity = { id: 'e4', start: 209, end: 215, name: 'Russia', type: 'LOC', mentions: [{ start: 209, end: 215 }], roles: [], key: 'russia', confidence: 0.75 };
  const columns = { start: 209, end: 215, name: 'Russia', type: 'LOC', key: 'russia', mention_count: 1 };
  const alone = encodeItem('entities', entity) as Buffer;
  const blob = encodeItem('entities', entity, columns) as Buffer;
  assert.ok(blob.length + 10 <= alone.length, `${blob.length} vs ${alone.length} bytes`);
  const back = decodeItem<typeof entity>('entities', { data: blob, ...columns });
  assert.deepEqual(back, entity);
  assert.deepEqual(Object.keys(back), Object.keys(entity), 'field order kept');
  assert.throws(() => decodeItem('entities', { data: blob }), /column the read did not select/);
  // A column holding something else (here the start of a nested span) never stands in for a field.
  const other = encodeItem('entities', entity, { start: 1, name: 'Moscow' }) as Buffer;
  assert.deepEqual(decodeItem('entities', { data: other, start: 1, name: 'Moscow' }), entity);
});

test('layer codec: an item JSON would change is kept as JSON text, and decodes as JSON.parse would', () => {
  const odd = { start: 1, end: 2, value: NaN, missing: undefined, list: [1, undefined] };
  const stored = encodeItem('quantities', odd);
  assert.equal(typeof stored, 'string');
  assert.deepEqual(decodeItem('quantities', { data: stored }), JSON.parse(JSON.stringify(odd)));
});

test('layer codec: a raw source deflates against its article text to a few bytes, and decodes only with it', () => {
  const raw = `Drones shot down\n\n${text}\n`;
  const against = encodeRaw(raw, text)!;
  assert.ok(rawNeedsText(against));
  assert.ok(against.length < 40, `${against.length} bytes`);
  assert.equal(decodeRaw(against, text), raw);
  assert.throws(() => decodeRaw(against));
  const longText = Array.from({ length: 3000 }, (_, i) => `Sentence ${i} of a long article.`).join(' ');
  const longRaw = `Title\n\n${longText}`;
  const longBlob = encodeRaw(longRaw, longText)!;
  assert.ok(longBlob.length * 10 < longRaw.length, `${longBlob.length} bytes for ${longRaw.length} characters`);
  assert.equal(decodeRaw(longBlob, longText), longRaw);
  const plain = encodeRaw(raw)!;
  assert.ok(!rawNeedsText(plain));
  assert.equal(decodeRaw(plain), raw);
  assert.equal(encodeRaw(null), null);
  assert.equal(decodeRaw('kept as text'), 'kept as text');
});

test('layer codec: a large raw source holding its article text whole keeps only what surrounds it', () => {
  const body = 'Officials in Łódź said 12 drones were shot down. 🙂 '.repeat(30_000);
  const raw = `Drones shot down\n\n${body}\n\n`;
  const blob = encodeRaw(raw, body)!;
  assert.ok(rawNeedsText(blob));
  assert.ok(blob.length < 60, `${blob.length} bytes`);
  assert.equal(decodeRaw(blob, body), raw);
  assert.throws(() => decodeRaw(blob));
  // A text the raw does not hold whole deflates as before, and decodes the same.
  const edited = body.replace('Łódź', 'Lodz');
  const other = encodeRaw(raw, edited)!;
  assert.ok(other.length > 100);
  assert.equal(decodeRaw(other, edited), raw);
  // A cut inside a surrogate pair is never made: the emoji's halves stay together.
  const half = body.slice(body.indexOf('🙂') + 1);
  assert.equal(decodeRaw(encodeRaw(raw, half)!, half), raw);
});
