import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Layers } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';
import { entityLayers } from './testing.js';

function layersOf(text: string): Layers {
  return {
    ...segmentText(text),
    ...entityLayers(text, [
      { name: 'Tom Reed', type: 'PER', aliases: ['Reed'] },
      { name: 'Jane Doe', type: 'PER', aliases: ['Doe'] },
    ]),
  };
}

test('nominal cues: the possessor of a speech noun with a "that" clause is the speaker', () => {
  const text = 'Tom Reed spoke in Ohio on Monday. Jane Doe dismissed Reed\'s central claim that the mill would reopen by spring.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'Reed');
  assert.equal(quotes[0].cue?.text, 'claim');
  assert.equal(quotes[0].text, 'that the mill would reopen by spring');
});

test('nominal cues: a possessive pronoun speaker refers back like its subject pronoun, and is not replaced by the clause subject', () => {
  const text = 'Tom Reed spoke in Ohio on Monday. Local officials rejected his warning that the county would run out of money.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'his');
  assert.equal(quotes[0].speaker?.entity, 'e0');
  assert.equal(quotes[0].text, 'that the county would run out of money');
});

test('nominal cues: no speaker-less, subject-position or relative "that" readings', () => {
  for (const text of [
    'A demand that the mill reopen was sent to the board on Monday.',
    'His warning that the county would run out of money drew a rebuke from Jane Doe.',
    'Tom Reed dismissed Ohio\'s claims that were filed against him last year.',
  ]) {
    assert.deepEqual(extractQuotes(text, layersOf(text)).map((q) => q.text), [], text);
  }
});
