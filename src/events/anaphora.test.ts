/**
 * Clause and reference rules of the extractor, each on a hand-written document: questions and
 * "whether" clauses assert nothing, figurative uses are no fighting, comparisons neither create nor
 * date events, demonstratives and background causes point back to an event already told, a passive's
 * subject is the scene, and a country is a scene only after a locative word.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from './extract.js';
import { buildDoc, type DocSpec } from './testdoc.js';

const violent = (events: EventRecord[]) =>
  events.filter((e) => e.acled && e.acled.eventType !== 'Strategic developments' && e.acled.eventType !== 'Protests');

function run(spec: DocSpec): EventRecord[] {
  const { article, layers } = buildDoc(spec);
  return extractEvents(article, layers);
}

const KHARKIV = { surface: 'Kharkiv', name: 'Kharkiv', lat: 49.99, lon: 36.23, country: 'UA', precision: 'city' as const };

test('a "whether" clause or a question asserts no event: no strike is placed where the question puts it', () => {
  const events = run({
    text:
      'A Russian drone strike on Kharkiv killed 3 people on Monday, officials said.\n' +
      'Asked whether the president was angry about these strikes in Poland, the spokesman said he had spoken to the ambassador.\n' +
      'Did Russian drones strike Poland?',
    published: '2025-03-04',
    places: [KHARKIV, { surface: 'Poland', name: 'Poland', lat: 52, lon: 19, country: 'PL', precision: 'country' }, { surface: 'Poland', name: 'Poland', lat: 52, lon: 19, country: 'PL', precision: 'country', nth: 1 }],
    times: [{ surface: 'Monday', value: '2025-03-03', from: '2025-03-03', to: '2025-03-03' }],
    quantities: [{ surface: '3 people', value: 3, unit: 'people', role: 'killed' }],
  });
  const v = violent(events);
  assert.equal(v.length, 1, v.map((e) => e.summary).join(' | '));
  assert.equal(v[0].place?.name, 'Kharkiv');
  assert.equal(v[0].killed?.value, 3);
});

test('figurative fighting is no event: "fighting poverty", "fighting wars", "a legal battle"', () => {
  const events = run({
    text:
      'A safer world begins by investing as much in fighting poverty as we do in fighting wars, the envoy said.\n' +
      'The company lost a long legal battle over the merger.',
    published: '2025-03-04',
  });
  assert.deepEqual(violent(events), []);
  // The same word with parties and a place is an event.
  const real = run({
    text: 'Fighting between army troops and rebels in Kharkiv killed 4 people on Monday.',
    published: '2025-03-04',
    places: [KHARKIV],
    quantities: [{ surface: '4 people', value: 4, unit: 'people', role: 'killed' }],
  });
  assert.equal(violent(real)[0]?.acled?.subEventType, 'Armed clash');
});

test('jets deployed after strikes are no strike there; a background cause points back to the strike told before', () => {
  const events = run({
    text:
      'Russian drones struck Izmail on Monday, killing 2 people.\n' +
      'In Romania, the ministry said two jets were deployed to watch the border, following Russian airstrikes near the border with Romania.',
    published: '2025-03-04',
    places: [
      { surface: 'Izmail', name: 'Izmail', lat: 45.35, lon: 28.84, country: 'UA', precision: 'city' },
      { surface: 'Romania', name: 'Romania', lat: 46, lon: 25, country: 'RO', precision: 'country' },
      { surface: 'Romania', name: 'Romania', lat: 46, lon: 25, country: 'RO', precision: 'country', nth: 1 },
    ],
    times: [{ surface: 'Monday', value: '2025-03-03', from: '2025-03-03', to: '2025-03-03' }],
    quantities: [{ surface: '2 people', value: 2, unit: 'people', role: 'killed' }],
  });
  const v = violent(events);
  assert.ok(!v.some((e) => e.place?.country === 'RO'), v.map((e) => e.summary).join(' | '));
  assert.equal(v.length, 1);
  assert.equal(v[0].place?.name, 'Izmail');
  assert.equal(v[0].mentions?.length, 2, 'the airstrikes are a second mention of the Izmail strike');
  assert.ok(!v[0].targets.some((t) => t.name === 'Romania'), '"the border with Romania" names no target');
});

test('"X was attacked by Y": the scene is X; a country named as a party is no scene; "Air Base" is no aircraft', () => {
  const spec: DocSpec = {
    text: 'Camp Delta was attacked by Iran in June, with Qatari troops helping the U.S. to shoot down the missiles.',
    published: '2025-09-10',
    entities: [{ name: 'Iran', type: 'LOC', surfaces: ['Iran'] }],
    places: [
      { surface: 'Camp Delta', name: 'Camp Delta', lat: 25.12, lon: 51.31, country: 'QA', precision: 'point' },
      { surface: 'Iran', name: 'Iran', lat: 32, lon: 53, country: 'IR', precision: 'country' },
      { surface: 'U.S.', name: 'United States', lat: 39.8, lon: -98.6, country: 'US', precision: 'country' },
    ],
    times: [{ surface: 'June', value: '2025-06', from: '2025-06-01', to: '2025-06-30' }],
  };
  const [attack] = violent(run(spec));
  assert.equal(attack?.place?.name, 'Camp Delta');
  assert.deepEqual(attack.actors.map((a) => a.name), ['Iran']);
  assert.equal(attack.date?.value, '2025-06');
  // Without the base geocoded the event has no place rather than the helper's country.
  const bare = violent(run({ ...spec, text: spec.text.replace('Camp Delta', 'Al Base Air Base'), places: spec.places!.slice(1) }));
  assert.equal(bare.length, 1);
  assert.equal(bare[0].place, null);
  assert.equal(bare[0].acled?.subEventType, 'Shelling/artillery/missile attack', 'missiles, and "Air Base" is not aircraft');
});

test('a comparison ("the largest since …") neither creates nor dates an event; "the attack" points back', () => {
  const events = run({
    text:
      'Russia launched 500 drones at Kharkiv overnight, the air force said.\n' +
      'The attack was the largest of March, and the largest since Russia launched 700 drones on Oct. 30.',
    published: '2025-03-04',
    places: [KHARKIV],
    times: [
      { surface: 'March', value: '2025-03', from: '2025-03-01', to: '2025-03-31' },
      { surface: 'Oct. 30', value: '2024-10-30', from: '2024-10-30', to: '2024-10-30' },
    ],
    quantities: [
      { surface: '500 drones', value: 500, unit: 'drones', role: 'launched' },
      { surface: '700 drones', value: 700, unit: 'drones', role: 'launched' },
    ],
  });
  const v = violent(events);
  assert.equal(v.length, 1, v.map((e) => e.summary).join(' | '));
  assert.equal(v[0].place?.name, 'Kharkiv');
  assert.notEqual(v[0].date?.value, '2024-10-30');
  assert.notEqual(v[0].date?.value, '2025-03', 'a superlative’s month is no date of the attack');
  assert.ok(!(v[0].figures ?? []).some((f) => f.value === 700));
  assert.equal(v[0].mentions?.length, 2);
});

test('"this attack", "these strikes" refer back whatever place they are told with', () => {
  const events = run({
    text:
      'Israeli jets struck Gaza City on Tuesday, killing 4 people.\n' +
      'Egypt condemned these strikes in a statement issued in Cairo.\n' +
      'Officials in Amman said this attack in the region was a grave violation.',
    published: '2025-03-05',
    entities: [{ name: 'Egypt', type: 'LOC', surfaces: ['Egypt'] }],
    places: [
      { surface: 'Gaza City', name: 'Gaza City', lat: 31.5, lon: 34.47, country: 'PS', precision: 'city' },
      { surface: 'Cairo', name: 'Cairo', lat: 30.04, lon: 31.24, country: 'EG', precision: 'city' },
      { surface: 'Amman', name: 'Amman', lat: 31.95, lon: 35.93, country: 'JO', precision: 'city' },
    ],
    times: [{ surface: 'Tuesday', value: '2025-03-04', from: '2025-03-04', to: '2025-03-04' }],
    quantities: [{ surface: '4 people', value: 4, unit: 'people', role: 'killed' }],
  });
  const v = violent(events);
  assert.equal(v.length, 1, v.map((e) => e.summary).join(' | '));
  assert.equal(v[0].place?.name, 'Gaza City');
  assert.equal(v[0].mentions?.length, 3);
});

test('a date before the noun names another event ("the October 7 massacre", "yesterday’s attack"): no merge into today’s strike', () => {
  const events = run({
    text:
      'An Israeli strike on Doha on Tuesday killed 6 people.\n' +
      'The minister said the group planned the October 7 massacre and yesterday’s attack in Jerusalem.\n' +
      'The strike on Doha was condemned.',
    published: '2025-09-10',
    places: [
      { surface: 'Doha', name: 'Doha', lat: 25.29, lon: 51.53, country: 'QA', precision: 'city' },
      { surface: 'Jerusalem', name: 'Jerusalem', lat: 31.77, lon: 35.21, country: 'IL', precision: 'city' },
      { surface: 'Doha', name: 'Doha', lat: 25.29, lon: 51.53, country: 'QA', precision: 'city', nth: 1 },
    ],
    times: [
      { surface: 'Tuesday', value: '2025-09-09', from: '2025-09-09', to: '2025-09-09' },
      { surface: 'October 7', value: 'XXXX-10-07', from: '2024-10-07', to: '2025-10-07' },
      { surface: 'yesterday', value: '2025-09-08', from: '2025-09-08', to: '2025-09-08' },
    ],
    quantities: [{ surface: '6 people', value: 6, unit: 'people', role: 'killed' }],
  });
  const v = violent(events);
  const doha = v.find((e) => e.place?.name === 'Doha');
  assert.ok(doha);
  assert.equal(doha.mentions?.length, 2, 'only "The strike on Doha" joins it');
  const jerusalem = v.find((e) => e.place?.name === 'Jerusalem');
  assert.equal(jerusalem?.date?.value, '2025-09-08');
  assert.equal(v.length, 3);
});
