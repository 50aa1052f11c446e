import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from './quotes.js';
import { doeReedLayers, name } from './test-docs.js';

const layersOf = doeReedLayers;

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
  const layers = layersOf(text);
  const quotes = extractQuotes(text, layers);
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'his');
  assert.equal(name(layers, quotes[0].speaker?.entity), 'Tom Reed');
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

test('nominal cues: a "that" clause missing its object is a relative clause on the noun, not what was said', () => {
  for (const text of [
    'Tom Reed defended his comments that he posted online last week.',
    "Jane Doe read out Reed's statement that she had written for him.",
  ]) {
    assert.deepEqual(extractQuotes(text, layersOf(text)).map((q) => q.text), [], text);
  }
  // a passive or an object present keeps the content
  for (const [text, content] of [
    ["Jane Doe rejected Reed's claim that the deal was signed in May.", 'that the deal was signed in May'],
    ["Jane Doe dismissed Reed's claim that he made a mistake in May.", 'that he made a mistake in May'],
    ['Tom Reed repeated his pledge that he would never give up.', 'that he would never give up'],
  ]) {
    assert.deepEqual(extractQuotes(text, layersOf(text)).map((q) => q.text), [content], text);
  }
});
