import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Layers } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';

const layersOf = (text: string): Layers => ({ ...segmentText(text), entities: [], mentions: [] });

test('noun-tagged cues: a cue the tagger reads as a noun is a verb after an agreeing common-noun subject', () => {
  const cases: Array<[string, string, string]> = [
    ['Critics claim the new bill would close rural schools within a year.', 'Critics', 'the new bill would close rural schools within a year'],
    ['Some legal observers note that the court would not truly close the prison.', 'Some legal observers', 'that the court would not truly close the prison'],
    ['The annual study warns that food prices will rise again next winter.', 'The annual study', 'that food prices will rise again next winter'],
  ];
  for (const [text, speaker, content] of cases) {
    const quotes = extractQuotes(text, layersOf(text));
    assert.equal(quotes.length, 1, `${text} ${JSON.stringify(quotes)}`);
    assert.equal(quotes[0].speaker?.text, speaker, text);
    assert.equal(quotes[0].text, content, text);
  }
});

test('noun-tagged cues: compounds, relative clauses and title case stay nouns', () => {
  for (const text of [
    'The insurance claims that were denied last year rose sharply in the spring.',
    'The insurance claims that he filed were denied by the company.',
    'Lawmakers Claim The Seat As Governors Tweet Their Prayers For The Victims',
    'The party leaders claim victory in three of the four districts.',
  ]) {
    assert.deepEqual(extractQuotes(text, layersOf(text)).map((q) => q.text), [], text);
  }
});
