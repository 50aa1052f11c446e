import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from './extract.js';
import { ACLED_SCHEMA, PLOVER_TYPES } from './lexicon.js';
import { buildDoc, STRIKE_DOC } from './testdoc.js';

function run(): { text: string; events: EventRecord[] } {
  const { article, layers } = buildDoc(STRIKE_DOC);
  return { text: article.text, events: extractEvents(article, layers) };
}

test('a missile strike: type, actor, place, stated date, conservative toll, claimant', () => {
  const { events } = run();
  const strike = events.find((e) => e.place?.name === 'Rivne');
  assert.ok(strike, 'strike on Rivne found');
  assert.deepEqual(strike.acled, { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' });
  assert.equal(strike.plover?.type, 'ASSAULT');
  assert.deepEqual(strike.actors.map((a) => a.name), ['Russia']);
  assert.equal(strike.date?.value, '2025-03-04');
  assert.equal(strike.date?.precision, 'day');
  assert.equal(strike.date?.how, 'stated');
  assert.equal(strike.killed?.value, 12);
  assert.equal(strike.killed?.hedge, 'at_least');
  assert.equal(strike.injured?.value, 30, 'the follow-up sentence adds the injured');
  assert.equal(strike.claimant?.text, 'Ukraine’s emergency service');
  // "the strike on Rivne" later in the article is the same event.
  assert.equal(strike.mentions?.length, 2);
  assert.match(strike.summary, /Russia .*Rivne.*at least 12 killed, 30 injured/);
});

test('interceptions are disrupted weapons use with their weapon counts; the barrage is its own event', () => {
  const { events } = run();
  const intercept = events.find((e) => e.acled?.subEventType === 'Disrupted weapons use');
  assert.ok(intercept);
  assert.equal(intercept.acled?.eventType, 'Strategic developments');
  const counts = (intercept.figures ?? []).map((f) => `${f.kind}:${f.value} ${f.unit}`);
  assert.deepEqual(counts, ['downed:280 drones', 'downed:15 missiles']);
  const barrage = events.find((e) => e.trigger.text === 'launched');
  assert.ok(barrage);
  assert.deepEqual(barrage.actors.map((a) => a.name), ['Russia']);
  assert.equal(barrage.date?.how, 'implied', 'no date in the sentence: the publication date, marked implied');
  assert.equal(barrage.date?.value, '2025-03-05');
});

test('a meeting is CONSULT with its participants, place and date; a labour strike is not violence', () => {
  const { events } = run();
  const meeting = events.find((e) => e.plover?.type === 'CONSULT');
  assert.ok(meeting);
  assert.equal(meeting.acled, null);
  assert.equal(meeting.place?.name, 'Berlin');
  assert.equal(meeting.date?.value, '2025-03-03');
  assert.deepEqual(meeting.actors.map((a) => a.name).sort(), ['France', 'Germany']);
  assert.ok(!events.some((e) => e.place?.name === 'Lyon' && e.acled?.eventType === 'Explosions/Remote violence'));
});

test('every span reproduces its surface and every type is in the ACLED/PLOVER schemas', () => {
  const { text, events } = run();
  assert.ok(events.length >= 4);
  for (const e of events) {
    assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    for (const a of [...e.actors, ...e.targets]) assert.equal(text.slice(a.start, a.end), a.text);
    if (e.claimant) assert.equal(text.slice(e.claimant.start, e.claimant.end), e.claimant.text);
    if (e.acled) assert.ok(ACLED_SCHEMA[e.acled.eventType]?.includes(e.acled.subEventType), `${e.acled.eventType}/${e.acled.subEventType}`);
    if (e.plover) assert.ok((PLOVER_TYPES as readonly string[]).includes(e.plover.type), e.plover.type);
    assert.ok(e.summary.endsWith('.'));
  }
});

test('bad content yields no events, never a throw', () => {
  const { article, layers } = buildDoc({ text: 'Nothing happened here at all.', published: null });
  assert.deepEqual(extractEvents(article, layers), []);
  assert.deepEqual(extractEvents(article, {}), []);
});

test('a stated count outranks a death told without a number; a count after "including" is part of the toll', () => {
  const { article, layers } = buildDoc({
    text: 'A gunman opened fire at a festival in Gilroy on Sunday, killing three people, before Legan was shot and killed by police.',
    published: '2019-07-29',
    places: [{ surface: 'Gilroy', name: 'Gilroy', lat: 37.0, lon: -121.57, country: 'US', precision: 'city' }],
    quantities: [{ surface: 'three people', value: 3, unit: 'people', role: 'killed' }],
  });
  const e = extractEvents(article, layers).find((x) => x.killed);
  assert.equal(e?.killed?.value, 3, JSON.stringify(extractEvents(article, layers).map((x) => [x.summary, x.figures])));
  const sub = buildDoc({
    text: 'A gunman opened fire at a school in Uvalde on Tuesday; 21 people – including 19 children – died.',
    published: '2022-05-25',
    places: [{ surface: 'Uvalde', name: 'Uvalde', lat: 29.2, lon: -99.79, country: 'US', precision: 'city' }],
    quantities: [
      { surface: '21 people', value: 21, unit: 'people', role: 'killed' },
      { surface: '19 children', value: 19, unit: 'children', role: 'killed' },
    ],
  });
  assert.equal(extractEvents(sub.article, sub.layers).find((x) => x.killed)?.killed?.value, 21);
});

test('a bare toll sentence points back: it joins no shooting told only paragraphs after it', () => {
  const text = [
    'A gunman opened fire at a grocery store in Bend on Sunday.',
    'Two people were killed, police said.',
    'The store reopened on Tuesday. Staff were offered counselling. A vigil was held.',
    'In May, a gunman opened fire at a supermarket in Buffalo.',
  ].join('\n\n');
  const { article, layers } = buildDoc({
    text,
    published: '2022-08-29',
    places: [
      { surface: 'Bend', name: 'Bend', lat: 44.06, lon: -121.31, country: 'US', precision: 'city' },
      { surface: 'Buffalo', name: 'Buffalo', lat: 42.89, lon: -78.88, country: 'US', precision: 'city' },
    ],
    quantities: [{ surface: 'Two people', value: 2, unit: 'people', role: 'killed' }],
  });
  const events = extractEvents(article, layers);
  const buffalo = events.find((e) => e.place?.name === 'Buffalo');
  assert.equal(buffalo?.killed, undefined, JSON.stringify(events.map((e) => [e.summary, e.killed?.value])));
});

test('in a local report, an event with only the report date takes the day of the incident told before it', () => {
  const text = 'Officers arrested a man on Sunday at a grocery store in Bend.\n\nTwo people were killed, police said.';
  const { article, layers } = buildDoc({
    text,
    published: '2022-08-29',
    places: [{ surface: 'Bend', name: 'Bend', lat: 44.06, lon: -121.31, country: 'US', precision: 'city' }],
    times: [{ surface: 'Sunday', value: '2022-08-28', from: '2022-08-28', to: '2022-08-28' }],
    quantities: [{ surface: 'Two people', value: 2, unit: 'people', role: 'killed' }],
  });
  const events = extractEvents(article, layers);
  const toll = events.find((e) => e.killed?.value === 2);
  assert.equal(toll?.date?.value, '2022-08-28', JSON.stringify(events.map((e) => [e.summary, e.how])));
});
