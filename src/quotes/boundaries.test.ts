import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';

function quotesOf(text: string): Quote[] {
  return extractQuotes(text, { ...segmentText(text), entities: [], mentions: [] });
}

function only(text: string): Quote {
  const qs = quotesOf(text);
  assert.equal(qs.length, 1, `expected one quote in ${JSON.stringify(text)}; got ${JSON.stringify(qs.map((q) => q.text))}`);
  return qs[0];
}

test('speakers: a name in apposition after a description the phrase reader cannot span', () => {
  const q = only('A longtime volunteer on the Ortiz campaign, Maria Delgado, said she would vote early this year.');
  assert.equal(q.speaker?.text, 'Maria Delgado');
  assert.equal(q.text, 'she would vote early this year');
});

test('speakers: "X, including Y, said" names the group', () => {
  const q = only('Several governors, including Ortiz, said the new tax would hurt small farms.');
  assert.equal(q.speaker?.text, 'Several governors, including Ortiz');
  assert.equal(q.text, 'the new tax would hurt small farms');
});

test('sources: "according to" a source the tagger breaks is still its source', () => {
  const q = only('The firm paid $2 million in fees last year, according to the most recent filings available from the county.');
  assert.equal(q.speaker?.text, 'the most recent filings available from the county');
  assert.equal(q.text, 'The firm paid $2 million in fees last year');
});

test('boundaries: a second speech verb of the same subject ends the first content', () => {
  const q = quotesOf('The mayor said the budget was balanced and promised that taxes would fall next year.');
  const first = q.find((x) => x.text.startsWith('the budget'));
  assert.ok(first);
  assert.equal(first.text, 'the budget was balanced');
});

test('boundaries: a comparison the writer adds is not part of what the poll respondents said', () => {
  const qs = quotesOf('In the survey, 52 percent of voters said the economy was improving, compared with 40 percent in March.');
  const q = qs.find((x) => x.text.startsWith('the economy'));
  assert.ok(q, JSON.stringify(qs.map((x) => x.text)));
  assert.equal(q.text, 'the economy was improving');
});
