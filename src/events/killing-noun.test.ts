import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { buildDoc } from './testdoc.js';

// "the killing of five people at a nightclub": the count after a noun of killing is a toll, even
// where the quantities stage gave it no role.
const SPRINGFIELD = { surface: 'Springfield', name: 'Springfield', lat: 39.8, lon: -89.65, country: 'US', precision: 'city' as const };

test('a count after "the killing of" is the dead of the event told there', () => {
  const text = 'Grief over the killing of five people at a Springfield nightclub has led to questions about the gunman.\n\nThe suspect was arrested on Saturday.';
  const { article, layers } = buildDoc({ text, published: '2025-03-15', places: [SPRINGFIELD], quantities: [{ surface: 'five people', value: 5, unit: 'people', role: null }] });
  const killed = extractEvents(article, layers).filter((e) => !e.reference).map((e) => e.killed?.value ?? 0);
  assert.equal(Math.max(0, ...killed), 5);
});

test('a count after "the release of" is no toll', () => {
  const text = 'Grief over the release of five people at a Springfield nightclub has led to questions about the gunman.\n\nThe suspect was arrested on Saturday.';
  const { article, layers } = buildDoc({ text, published: '2025-03-15', places: [SPRINGFIELD], quantities: [{ surface: 'five people', value: 5, unit: 'people', role: null }] });
  assert.ok(extractEvents(article, layers).every((e) => !e.killed));
});
