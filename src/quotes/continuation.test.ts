import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';

function quotesOf(text: string): Quote[] {
  return extractQuotes(text, { ...segmentText(text), entities: [], mentions: [] });
}

function byStart(qs: Quote[], prefix: string): Quote {
  const q = qs.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quote starting ${JSON.stringify(prefix)} in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
}

test('continuations: a paragraph break lost in the copy leaves `. "Next` inside the quote; it opens the next paragraph', () => {
  const text =
    'The minister spoke on Monday. Mr Hale said: "The plan has been costed in full and the Treasury has signed it off. ' +
    '"This is in addition to the money we have already committed to the new hospitals." Officials declined to comment.';
  const qs = quotesOf(text);
  const first = byStart(qs, '"The plan');
  assert.equal(first.text, '"The plan has been costed in full and the Treasury has signed it off.');
  assert.equal(first.speaker?.text, 'Mr Hale');
  const second = byStart(qs, '"This is in addition');
  assert.equal(second.text, '"This is in addition to the money we have already committed to the new hospitals."');
  assert.equal(second.speaker?.text, 'Mr Hale');
});

test('continuations: a closing straight mark is still a closing mark when no space comes before it', () => {
  const text = 'Mr Hale said: "The plan has been costed." Officials disagreed, saying the sums "did not add up".';
  const qs = quotesOf(text);
  assert.equal(byStart(qs, '"The plan').text, '"The plan has been costed."');
});

test('continuations: a quoted sentence right after another quoted sentence is the same speaker\'s', () => {
  const text =
    '"How is it that peace has not arrived?" the cardinal will ask. "How is it that there is war in so many places?" ' +
    '"How can one wish a happy Christmas to those who suffer unless we work for peace?"\n\nThe Mass begins at midnight.';
  const qs = quotesOf(text);
  const third = byStart(qs, '"How can one');
  assert.equal(third.speaker?.text, 'the cardinal');
});

test('continuations: an open quote resumes after an advert line and a caption, not after a long paragraph', () => {
  const lead = '“It is a huge disappointment,” midfielder Jorginho told Rai Sport. “It hurts, it hurts so much.\n\n';
  const tail = '“We have always created and dominated matches, but we have not been able to finish teams off.”\n';
  const inserted = lead + 'Visit the sport pages for more news, features, and videos\n\nPlayers celebrate beating Italy. Photo agency\n\n' + tail;
  assert.equal(byStart(quotesOf(inserted), '“We have always').speaker?.text, 'midfielder Jorginho');
  const story =
    lead +
    'North Macedonia will now face Portugal in the playoff final for a spot at the World Cup, after a late goal in Palermo that stunned the home crowd and the coaching staff alike.\n\n' +
    tail;
  assert.equal(quotesOf(story).find((x) => x.text.startsWith('“We have always'))?.speaker ?? null, null);
});

test('participles: "…, citing her “grit” and saying, “…”" takes the clause subject, across the earlier quotation', () => {
  const text = 'Biden praised Klobuchar in a tweet Thursday, citing her "grit and determination" and saying, "With your help, we are going to win this."';
  const q = byStart(quotesOf(text), '"With your help');
  assert.equal(q.speaker?.text, 'Biden');
});

test('participles: a participle lead-in takes its clause subject, not the object before it', () => {
  const text = 'On the campaign trail Harris pulled away from Sanders explaining, "I am not a democratic socialist. I believe in markets that work for all."';
  assert.equal(byStart(quotesOf(text), '"I am not').speaker?.text, 'Harris');
});

test('participles: "… - saying …" after a typewriter dash takes the clause subject', () => {
  const text = 'Liberal Democrat peer Lord Greaves called last week for international observers at the general election - saying otherwise there could be months of court challenges.';
  assert.equal(byStart(quotesOf(text), 'otherwise').speaker?.text, 'Liberal Democrat peer Lord Greaves');
});
