import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeValue, encodeValue } from './item-codec.js';

const roundTrip = (v: unknown) => decodeValue(encodeValue(v)!);

test('item codec: values round-trip as JSON would carry them', () => {
  const values: unknown[] = [
    null, true, false, 0, -0, 1, -1, 127, 128, -300, 2 ** 49, -(2 ** 49), 2 ** 60, 1e-9, 0.75, -98.5, 51.50853, 0.1 + 0.2, Math.PI,
    -1.5e300, '', 'a', 'Zürich – 東京 🙂', [], [1, [2, [3]]], {}, { '': 1, 'not a known key': 'x', start: 3 },
    { name: 'Russia', key: 'russia', text: 'Russia', again: 'Russia' },
    { type: 'LOC', kind: 'pronoun', hedge: 'at_least', unit: 'GBP' },
  ];
  for (const v of values) assert.deepEqual(roundTrip(v), JSON.parse(JSON.stringify(v)), JSON.stringify(v));
  const proto = JSON.parse('{"__proto__": {"x": 1}}') as object;
  const back = roundTrip(proto) as Record<string, unknown>;
  assert.ok(Object.prototype.hasOwnProperty.call(back, '__proto__'));
  assert.deepEqual(Object.getPrototypeOf(back), Object.prototype);
});

test('item codec: what JSON would change is refused (the caller keeps JSON text)', () => {
  for (const v of [NaN, Infinity, undefined, [undefined], new Date(0), { a: new Map() }, () => 1]) assert.equal(encodeValue(v), null);
  assert.deepEqual(roundTrip({ a: 1, b: undefined }), { a: 1 }, 'an undefined property is left out, as JSON does');
});

test('item codec: a repeated or lower-cased string costs two bytes', () => {
  const once = encodeValue({ name: 'Bank of England' })!.length;
  const twice = encodeValue({ name: 'Bank of England', key: 'bank of england' })!.length;
  assert.equal(twice - once, 3, 'key index + tag + back-reference');
});
