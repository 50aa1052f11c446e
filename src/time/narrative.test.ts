import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeExpr } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { parseIsoDay } from './calendar.js';
import { detectNarrative, timesForText } from './time.js';

function times(text: string, reference: string | null): TimeExpr[] {
  return timesForText(text, segmentText(text).sentences, reference);
}

function value(list: TimeExpr[], surface: string): string {
  const hit = list.find((t) => t.text === surface);
  assert.ok(hit, `no "${surface}" among: ${list.map((t) => t.text).join(' | ')}`);
  return hit.value;
}

function narrative(text: string, reference: string): boolean {
  const day = parseIsoDay(reference) as number;
  return detectNarrative(text, segmentText(text).sentences, { from: day, to: day, confidence: 1 });
}

// A short history of our own, published decades after the events it tells.
const HISTORY = [
  'In September 1944 the advance slowed as supply lines stretched.',
  'By the middle of December, the line in the Ardennes was thinly held.',
  'The offensive opened on 16 December under heavy fog.',
  'The next day, armoured columns broke through.',
  'Three days later the town was surrounded, and the garrison held out that night.',
  'The salient was not cut off until late January.',
].join('\n');

test('a history is read in narrative mode: relative dates count from the story, not the publication date', () => {
  assert.equal(narrative(HISTORY, '2009-06-15'), true);
  const t = times(HISTORY, '2009-06-15');
  assert.equal(value(t, 'the middle of December'), '1944-12');
  assert.equal(value(t, '16 December'), '1944-12-16');
  assert.equal(value(t, 'The next day'), '1944-12-17');
  // "three days later" stays a TimeML duration, but moves the story: "that night" is the 20th.
  assert.equal(value(t, 'Three days'), 'P3D');
  assert.equal(value(t, 'that night'), '1944-12-20TNI');
  // The story moves forward: January after December is the next year's.
  assert.equal(value(t, 'late January'), '1945-01');
  assert.equal(t.find((x) => x.text === 'the middle of December')?.anchor, 'event');
});

test('a story time no finer than a year gives no day: "the next day" after "In 1789" has no value and is left out', () => {
  const t = times('In 1789 France was bankrupt. In June the deputies met. The next day they swore an oath.', '2020-06-01');
  assert.equal(value(t, 'June'), '1789-06');
  assert.equal(t.find((x) => x.text === 'The next day'), undefined);
});

test('"since 1614" is a bound, not where the story is', () => {
  const t = times('In 1789 the king summoned the Estates-General for the first time since 1614. The deputies met on 5 May.', '2020-06-01');
  assert.equal(value(t, '5 May'), '1789-05-05');
});

test('news keeps the article date, however much history it recalls', () => {
  const news = [
    'The two companies reached an agreement on Tuesday, officials said.',
    'They first clashed in 1981 and again in 1989, and settled in 1991.',
    'A hearing will be held in December.',
  ].join('\n');
  assert.equal(narrative(news, '2006-03-28'), false);
  const t = times(news, '2006-03-28');
  assert.equal(value(t, 'Tuesday'), '2006-03-28');
  assert.equal(value(t, 'December'), '2006-12');
  // A dated lede makes a text news even with no weekday: the dateline is near the document date.
  assert.equal(narrative('March 28, 2006. The band sued in 1981 and 1989. It won in 1991.', '2006-03-28'), false);
});

test('seasons and holidays in a story: "that spring", "the following spring", Christmas of the story year', () => {
  const t = times('The plague reached Sicily in October 1347. By the following spring it was in Florence. In 1968 the flights resumed, and the crew flew at Christmas. That summer was hot.', '2022-02-14');
  assert.equal(value(t, 'the following spring'), '1348-SP');
  assert.equal(value(t, 'Christmas'), '1968-12-25');
  assert.equal(value(t, 'That summer'), '1968-SU');
});
