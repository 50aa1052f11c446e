import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes, isQuotedTitle } from './quotes.js';

function quotesOf(text: string): Quote[] {
  return extractQuotes(text, { ...segmentText(text), entities: [], mentions: [] });
}

test('speakers: "X went on to say", "continued to insist", "was quick to add" name X', () => {
  const qs = quotesOf(
    'Mayor Lena Ortiz went on to say that the budget was balanced. Governor Tom Reyes continued to insist the plan would work. Senator Ana Cruz was quick to add that the vote was fair.',
  );
  assert.deepEqual(
    qs.map((q) => [q.speaker?.text, q.text]),
    [
      ['Mayor Lena Ortiz', 'that the budget was balanced'],
      ['Governor Tom Reyes', 'the plan would work'],
      ['Senator Ana Cruz', 'that the vote was fair'],
    ],
  );
});

test('boundaries: "…, but went on to say, “…”" ends the first content; the quotation is its own statement', () => {
  const qs = quotesOf('Mayor Lena Ortiz joked that the river was her answer, but went on to say, “There are places in this city that need help.”');
  assert.deepEqual(
    qs.map((q) => [q.kind, q.speaker?.text, q.text]),
    [
      ['indirect', 'Mayor Lena Ortiz', 'that the river was her answer'],
      ['direct', 'Mayor Lena Ortiz', '“There are places in this city that need help.”'],
    ],
  );
});

test('dashes: a spaced hyphen stands for an em dash, so a quotation inside one keeps its own speaker', () => {
  const qs = quotesOf("The senator praised strong leaders - ''He would have loved Stalin,'' Mayor Lena Ortiz said twice - and reminded the crowd of the stakes.");
  const q = qs.find((x) => x.kind === 'direct');
  assert.ok(q, JSON.stringify(qs.map((x) => x.text)));
  assert.equal(q.text, "''He would have loved Stalin,''");
  assert.equal(q.speaker?.text, 'Mayor Lena Ortiz');
});

test('dashes: a number range "10 - 20" is not a dash', () => {
  const qs = quotesOf('Mayor Lena Ortiz said turnout would be 10 - 20 percent higher this year.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0].text, 'turnout would be 10 - 20 percent higher this year');
});

test('speakers: a complementiser or relative "that" before a name or plural noun is not part of the speaker', () => {
  const qs = quotesOf(
    'He worked for a charity in Khartoum, Sudan, that prosecutors said was suspected of funding terrorism. The Times reported that Coulter tweeted that the senator should resign. That official said the plan was dead.',
  );
  const speakers = qs.map((q) => [q.speaker?.text, q.text]);
  assert.deepEqual(speakers.find(([, t]) => t === 'was suspected of funding terrorism'), ['prosecutors', 'was suspected of funding terrorism']);
  assert.deepEqual(speakers.find(([, t]) => t === 'that the senator should resign'), ['Coulter', 'that the senator should resign']);
  assert.deepEqual(speakers.find(([, t]) => t === 'the plan was dead'), ['That official', 'the plan was dead']);
});

test('titles: a short quoted phrase in title case is a book, show or film title, not a quote', () => {
  const qs = quotesOf('In 2006 she wrote “Tough Choices,” a memoir. “We will not give up on this city,” Mayor Lena Ortiz said.');
  assert.deepEqual(
    qs.map((q) => q.text),
    ['“We will not give up on this city,”'],
  );
  assert.equal(isQuotedTitle('"Sons of Trump"'), true);
  assert.equal(isQuotedTitle('“The economy is Strong.”'), false);
  assert.equal(isQuotedTitle('“Absolutely,”'), false);
});

test('boundaries: an unpaired dash ends a reported content; a paired aside stays inside it', () => {
  const qs = quotesOf(
    'Mayor Lena Ortiz said she was encouraged by the plan — a modest boost for the council since 2009. Officials said they found those old — and previously unreported — postings last week.',
  );
  assert.deepEqual(
    qs.map((q) => q.text),
    ['she was encouraged by the plan', 'they found those old — and previously unreported — postings last week'],
  );
});

test('boundaries: a writer\'s participle after a quotation closed on its comma ends the content', () => {
  const qs = quotesOf('According to several reporters, Mayor Lena Ortiz was “incognito,” sparking a firestorm of speculation about the visit.');
  assert.deepEqual(qs.map((q) => q.text), ['Mayor Lena Ortiz was “incognito,”']);
});

test('clauses: "said … and urged X to …" — a second speech verb of the same subject is a statement of its own', () => {
  const qs = quotesOf('Mayor Lena Ortiz said the budget was balanced and urged the council to approve it before June.');
  assert.deepEqual(
    qs.map((q) => [q.speaker?.text, q.cue?.text, q.text]),
    [
      ['Mayor Lena Ortiz', 'said', 'the budget was balanced'],
      ['Mayor Lena Ortiz', 'urged', 'the council to approve it before June'],
    ],
  );
});
