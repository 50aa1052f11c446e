import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';

function quotesOf(text: string): Quote[] {
  return extractQuotes(text, { ...segmentText(text), entities: [], mentions: [] });
}

test('nested: a statement inside a reported content that ends where it ends is no second attribution', () => {
  const qs = quotesOf('Mr Hockney said he had no intention of resigning and added that they felt that it was the party who were not being true to the voters.');
  assert.deepEqual(qs.map((q) => q.cue?.text), ['said', 'added']);
  assert.deepEqual(quotesOf('Biden has said he will announce his running mate by Aug. 1.').map((q) => q.text), ['he will announce his running mate by Aug. 1']);
});

test('nested: a direct quote is kept whatever reported content holds it', () => {
  const qs = quotesOf('The mayor said that "we will rebuild every house," and residents cheered.');
  assert.ok(qs.some((q) => q.speaker?.text === 'The mayor'));
});
