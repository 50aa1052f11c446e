import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Layers, Quantity } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from '../quotes/quotes.js';
import { extractQuantities } from './quantities.js';

function quantitiesOf(text: string): Quantity[] {
  const layers: Layers = { ...segmentText(text) };
  layers.quotes = extractQuotes(text, layers);
  return extractQuantities(text, layers);
}

test('money keeps its multiplier and its currency as an ISO code', () => {
  const qs = quantitiesOf('The group agreed to pay $27bn for its rival. The repairs cost £3.5 million, and €200m was set aside. Tokyo approved 1.2 trillion yen in aid.');
  const got = qs.map((q) => [q.text, q.value, q.currency]);
  assert.deepEqual(got, [
    ['$27bn', 27_000_000_000, 'USD'],
    ['£3.5 million', 3_500_000, 'GBP'],
    ['€200m', 200_000_000, 'EUR'],
    ['1.2 trillion yen', 1_200_000_000_000, 'JPY'],
  ]);
  assert.ok(qs.every((q) => q.unit === q.currency));
});

test('a bare "m" after a number is no million without a currency sign', () => {
  const qs = quantitiesOf('She won the 200m final. Losses reached 5bn dollars.');
  assert.ok(!qs.some((q) => q.value === 200_000_000));
  assert.ok(qs.some((q) => q.value === 5_000_000_000 && q.currency === 'USD'));
});
