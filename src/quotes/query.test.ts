import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Layers } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';
import { filterQuotes, nameContains, quoteIsAbout, quoteMatchesSpeaker } from './query.js';
import { entityLayers } from './testing.js';

const text =
  '“Talks will go on,” Kremlin spokesperson Dmitry Peskov said of Vladimir Putin’s plans. “We are ready,” he added.\n' +
  'Zelenskyy said Ukraine would not give up land.';

function layers(): Layers {
  const l: Layers = {
    ...segmentText(text),
    ...entityLayers(text, [
      { name: 'Dmitry Peskov', type: 'PER', aliases: ['Peskov'] },
      { name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'] },
      { name: 'Volodymyr Zelenskyy', type: 'PER', aliases: ['Zelenskyy'] },
      { name: 'Ukraine', type: 'LOC' },
    ]),
  };
  l.quotes = extractQuotes(text, l);
  return l;
}

test('query: names match whole words, in order, ignoring case and accents', () => {
  assert.ok(nameContains('Kremlin spokesperson Dmitry Peskov', 'peskov'));
  assert.ok(nameContains('Zelénskyy', 'Zelenskyy'));
  assert.ok(!nameContains('Peskova', 'Peskov'));
  assert.ok(!nameContains('Dmitry Peskov', ''));
});

test('query: --speaker matches the speaker phrase or its resolved entity (pronouns included)', () => {
  const l = layers();
  const entities = l.entities ?? [];
  const byPeskov = (l.quotes ?? []).filter((q) => quoteMatchesSpeaker(q, entities, 'Peskov'));
  assert.equal(byPeskov.length, 2, 'the direct quote and the "he added" continuation');
  assert.ok(byPeskov.some((q) => q.speaker?.kind === 'pronoun'));
  assert.equal((l.quotes ?? []).filter((q) => quoteMatchesSpeaker(q, entities, 'Volodymyr Zelenskyy')).length, 1);
  assert.equal((l.quotes ?? []).filter((q) => quoteMatchesSpeaker(q, entities, 'Putin')).length, 0);
});

test('query: --about matches an entity mentioned inside the quote', () => {
  const l = layers();
  const entities = l.entities ?? [];
  const mentions = l.mentions ?? [];
  const zel = (l.quotes ?? []).find((q) => q.text.includes('give up land'));
  assert.ok(zel);
  assert.ok(quoteIsAbout(zel, entities, mentions, 'Ukraine'));
  assert.ok(!quoteIsAbout(zel, entities, mentions, 'Putin'));
  const both = filterQuotes(l.quotes ?? [], entities, mentions, { speaker: 'Zelenskyy', about: 'Ukraine' });
  assert.equal(both.length, 1);
  assert.equal(filterQuotes(l.quotes ?? [], entities, mentions, { speaker: 'Peskov', about: 'Ukraine' }).length, 0);
});
