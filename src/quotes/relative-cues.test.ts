import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from './quotes.js';
import { doeReedLayers } from './test-docs.js';

const layersOf = doeReedLayers;

test('relative cues: "who" with a weak cue is a speaker when a "that" complement follows', () => {
  const text = 'The bill was backed by Senator Jane Doe, who claimed at one point that the mines would reopen by spring.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'who');
  assert.equal(quotes[0].text, 'that the mines would reopen by spring');
  // without the complement a weak cue after "who" is no attribution ("who claimed the prize")
  const bare = 'The award went to Tom Reed, who claimed the prize in Paris last year.';
  assert.equal(extractQuotes(bare, layersOf(bare)).length, 0);
});

test('relative cues: the content of a relative clause set off by commas ends where the clause closes', () => {
  const text = 'Tom Reed, who told the convention that the party had lost its way, left the hall before the vote.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].text, 'that the party had lost its way');
});

test('relative cues: a relative clause with its own cue after an attribution is a second statement', () => {
  const text = '“We will win this county,” said Tom Reed, who predicted that turnout would double before March.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 2, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'Tom Reed');
  assert.equal(quotes[1].text, 'that turnout would double before March');
  assert.equal(quotes[1].speaker?.text, 'who');
  assert.equal(quotes[1].speaker?.entity, 'e1');
});

test('relative cues: "who" after an adjective\'s complement hangs on the whole phrase', () => {
  const text = 'Officials close to the governor, who said that the budget would pass, asked not to be named.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'who');
  assert.equal(quotes[0].speaker?.antecedent?.text, 'Officials close to the governor');
});

test('relative cues: a weak cue after "who" does not fire on its object\'s relative "that"', () => {
  for (const text of [
    'The award went to Tom Reed, who claimed the prize that he had coveted for years.',
    'Tom Reed claimed the prize that he had coveted for years.',
  ]) {
    assert.deepEqual(extractQuotes(text, layersOf(text)).map((q) => q.text), [], text);
  }
});

test('relative cues: a participle phrase set off by commas inside the content does not end it', () => {
  const text = 'Tom Reed, who told reporters that the deal, signed in May, was dead, left early.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].text, 'that the deal, signed in May, was dead');
  assert.equal(quotes[0].speaker?.text, 'who');
});
