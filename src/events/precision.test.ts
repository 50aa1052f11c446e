/**
 * Issue 11's precision cases through the default pipeline: kinds, background and tolls that are no
 * event's count, and the sense check on a sport sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';
import { knownRule } from './rules.js';
import { claimantWords, extractEvents } from './extract.js';
import { buildDoc, STRIKE_DOC } from './testdoc.js';

function events(text: string, published = '2024-06-03'): EventRecord[] {
  const article = makeArticle({ text, origin: { file: 't.txt', format: 'text', record: 0 }, published });
  return defaultPipeline().run(article).layers.events ?? [];
}
const killed = (es: EventRecord[]) => Math.max(0, ...es.filter((e) => !e.reference).map((e) => e.killed?.value ?? 0));
const conflict = (es: EventRecord[]) => es.filter((e) => e.acled && e.kind === 'conflict' && !e.reference);

test('local crime: a shooting is a crime event with its toll, never an ACLED conflict event', () => {
  const es = events('Two people were killed and one was wounded in a shooting at a house party in Fresno early Saturday, police said.');
  const main = es.find((e) => e.killed);
  assert.equal(main?.kind, 'crime');
  assert.equal(main?.killed?.value, 2);
  assert.equal(main?.injured?.value, 1);
  assert.ok(main?.how?.includes('kind:crime'));
  assert.equal(killed(events('A 23-year-old man died after being stabbed outside a bar in Leeds on Friday. A man has been arrested.')), 1);
});

test('accidents and disasters keep their toll but are not ACLED events', () => {
  const crash = events('Two people died and three were injured in a head-on crash on Interstate 40 near Amarillo on Saturday.');
  assert.equal(crash.find((e) => e.killed)?.kind, 'accident');
  assert.equal(conflict(crash).length, 0);
  const flood = events('Three people died when flash floods swept through a campground in North Carolina on Saturday.');
  assert.equal(flood.find((e) => e.killed)?.kind, 'disaster');
  assert.equal(conflict(flood).length, 0);
});

test('tolls that count no one event: statistics, running totals, lumped outcomes, addresses, fears', () => {
  assert.equal(killed(events('In 2023, 21,022 passenger vehicle occupants were killed in crashes in the United States, a report said.')), 0);
  assert.equal(killed(events('The war has killed 93,000 people since 2011, the group said.')), 0);
  assert.equal(killed(events('The tsunami left three million people killed, injured or homeless, the appeal said.')), 0);
  assert.equal(killed(events('Up to 50,000 people are feared dead after the earthquake.')), 0);
  assert.equal(killed(events('One man was killed in the 2600 block of West Madison Street in Chicago on Friday.')), 1);
});

test('background: an event dated years before the article is a reference', () => {
  const es = events('Rwanda marked the anniversary of the 1994 genocide, in which 800,000 people were killed.', '2024-04-07');
  assert.equal(conflict(es).filter((e) => e.killed).length, 0);
});

test('sense: a sport "battle" or a business deal is no conflict event; a metaphor "as if" is none', () => {
  assert.equal(conflict(events('Italy coach John Kirwan believes his side can upset England as the Six Nations wooden spoon battle hots up.')).length, 0);
  assert.equal(conflict(events('Bolton boss Sam Allardyce has signed Roma defender Vincent Candela on a five-month deal.')).length, 0);
  assert.equal(conflict(events('UK Athletics has agreed a new deal with adidas to supply its squads with kit.')).length, 0);
  assert.equal(conflict(events('It is as if a massacre has been perpetrated here.')).length, 0);
});

test('every rule id an event records is catalogued in rules.ts', () => {
  const texts = [
    'A man was shot dead outside a store in Dayton, police said. He was pronounced dead at the scene.',
    'An air strike on Doha killed 6 people on Tuesday. The war has killed 93,000 people since 2011.',
    'Two people died in a head-on crash on Interstate 40. Three people died when flash floods swept a campground.',
  ];
  for (const t of texts) for (const e of events(t)) for (const id of e.how ?? []) assert.ok(knownRule(id), id);
});

test('sense: a protest verb with an object or a "that" clause, or "March" inside a sentence, is no protest', () => {
  assert.equal(conflict(events('At the conference in Cannes last month Samsung demonstrated a phone using the new chip.')).length, 0);
  assert.equal(conflict(events('European firms have protested that US laws make Wall Street listings too costly.')).length, 0);
  assert.equal(conflict(events('Confidence is forecast to drop one point in the March survey of manufacturers.')).length, 0);
  const demo = conflict(events('About 40 nurses demonstrated outside the hospital in Durban on Thursday to demand protective equipment.'));
  assert.equal(demo[0]?.acled?.eventType, 'Protests');
});

test('domain: in a football report a missile from the stands is no strike, whatever its weapon word', () => {
  const text =
    'Chelsea beat West Ham 1-0 in the Carling Cup on Wednesday night. Mateja Kezman, the scorer of the goal, needed ' +
    'treatment after being hit by a missile thrown from the crowd. The striker said the win put Chelsea top of the ' +
    'league, and the manager praised the midfield and the goalkeeper after the match.';
  assert.equal(conflict(events(text)).length, 0);
});

test('an event summary never reads "according to she": a pronoun claimant is its entity or left out; dates are in words', () => {
  const she = { start: 0, end: 3, text: 'she', entity: 'e1', kind: 'pronoun' as const };
  assert.equal(claimantWords(she, [{ id: 'e1', name: 'Anna Marsh', type: 'PER', start: 0, end: 10, mentions: [], roles: [], key: 'anna marsh', confidence: 1 }]), 'Anna Marsh');
  assert.equal(claimantWords({ ...she, entity: null }, []), null);
  assert.equal(claimantWords({ start: 0, end: 12, text: 'the ministry', entity: null, kind: 'nominal' }, []), 'the ministry');
  const { article, layers } = buildDoc(STRIKE_DOC);
  for (const e of extractEvents(article, layers)) {
    assert.doesNotMatch(e.summary, /according to (he|she|they|it)\b/i);
    assert.doesNotMatch(e.summary, /\d{4}-\d{2}-\d{2}/, 'no ISO or TIMEX values in the summary');
  }
});
