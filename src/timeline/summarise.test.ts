import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../segment/segment.js';
import { timesForText } from '../time/time.js';
import { displaySpan } from './sentences.js';
import { summariseTimeline } from './summarise.js';
import { TIMELINE_PARAMS } from './params.js';
import type { TimelineDoc } from './types.js';

function doc(id: string, day: string, text: string): TimelineDoc {
  const sentences = segmentText(text).sentences;
  return { id, day, title: `title ${id}`, source: 'test', url: null, text, sentences, times: timesForText(text, sentences, day) };
}

const ARTICLES = [
  doc('a1', '2010-01-13', 'A powerful earthquake struck the capital of the island on Tuesday, destroying the presidential palace. Rescuers searched through rubble for survivors all night long.'),
  doc('a2', '2010-01-14', 'The earthquake on Tuesday flattened the cathedral and many schools in the capital. Aid flights began landing on Wednesday at the damaged airport.'),
  doc('a3', '2010-01-20', 'A strong aftershock shook the ruined capital on January 20, sending residents into the streets. Officials said the aftershock of January 20 caused little new damage.'),
  doc('a5', '2010-01-22', 'Engineers inspected the bridges damaged by the aftershock of January 20 before reopening the port road.'),
  doc('a6', '2010-01-25', 'Two weeks after the earthquake of January 12, schools in the capital remained closed and many families slept outdoors.'),
  doc('a7', '2010-01-26', 'Donors met in Montreal to plan the rebuilding of the capital destroyed by the January 12 earthquake.'),
  doc('a4', '2010-01-21', 'Officials met. Markets reopened in the capital on Thursday as traders returned to the ruined streets.'),
];

test('the days the articles point at, each told by an article sentence with its span and source', () => {
  const t = summariseTimeline(ARTICLES, { dates: 2, perDate: 1 });
  assert.deepEqual(t.dates.map((d) => d.date), ['2010-01-12', '2010-01-20']);
  const first = t.dates[0].sentences[0];
  assert.match(first.text, /earthquake/);
  const source = ARTICLES.find((a) => a.id === first.article)!;
  assert.equal(source.text.slice(first.start, first.end).trim(), first.text);
  assert.equal(first.statesDate, true);
});

test('no line of four words or fewer; a date range and the number of dates and sentences are kept', () => {
  const t = summariseTimeline(ARTICLES, { dates: 5, perDate: 2, from: '2010-01-14', to: '2010-01-31' });
  assert.ok(t.dates.length >= 1 && t.dates.length <= 5);
  for (const d of t.dates) {
    assert.ok(d.date >= '2010-01-14' && d.date <= '2010-01-31', d.date);
    assert.ok(d.sentences.length <= 2);
    for (const s of d.sentences) assert.ok(s.text.split(/\s+/).length > 4, s.text);
  }
  assert.ok(!t.dates.some((d) => d.sentences.some((s) => s.text === 'Officials met.')));
});

test('a sentence repeated on two days is shown once', () => {
  const same = 'Rescue teams from many countries dug through the rubble of the collapsed hotel.';
  const docs = [doc('b1', '2010-02-01', `${same} Talks on debt relief opened in Paris on Monday.`), doc('b2', '2010-02-03', `${same} Donors pledged new money at a meeting on Tuesday.`)];
  const t = summariseTimeline(docs, { dates: 4, perDate: 2 });
  const texts = t.dates.flatMap((d) => d.sentences.map((s) => s.text));
  assert.equal(texts.filter((x) => x === same).length, 1, texts.join(' | '));
});

test('a shown sentence drops surrounding space and a stray closing quote from its span', () => {
  const text = "He said it was over . '' About 50 people have died since Tuesday .  ";
  const span = displaySpan(text, text.indexOf("''") - 1, text.length);
  assert.equal(text.slice(span.start, span.end), 'About 50 people have died since Tuesday .');
});

test('direct speech is no timeline line, however central', () => {
  const quote = '"The earthquake destroyed the capital and the palace," the minister said.';
  const docs = [
    doc('q1', '2010-01-13', `${quote} Rescuers searched the rubble of the palace in the capital.`),
    doc('q2', '2010-01-13', `${quote} The earthquake destroyed schools in the capital.`),
    doc('q3', '2010-01-13', 'The earthquake destroyed the palace in the capital on Wednesday.'),
  ];
  const t = summariseTimeline(docs, { dates: 1, perDate: 1 });
  assert.equal(t.dates.length, 1);
  const texts = t.dates[0].sentences.map((s) => s.text);
  assert.ok(texts.length === 1 && !texts[0].includes('"'), texts.join(' | '));
  const kept = summariseTimeline(docs, { dates: 1, perDate: 1 }, { ...TIMELINE_PARAMS, directSpeech: 2 });
  assert.ok(kept.dates[0].sentences[0].text.includes('"'), 'without the filter the repeated quote is the most central line');
});
