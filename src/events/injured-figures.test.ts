import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { isVagueCount } from './figures.js';
import { buildDoc, type DocSpec } from './testdoc.js';

const run = (spec: DocSpec) => {
  const { article, layers } = buildDoc(spec);
  return extractEvents(article, layers).filter((e) => !e.reference);
};
const DAYTON = { surface: 'Dayton', name: 'Dayton', lat: 39.76, lon: -84.19, country: 'US', precision: 'city' as const };
const SUNDAY = { surface: 'Sunday', value: '2020-01-19', from: '2020-01-19', to: '2020-01-19' };

test('"wounding three people": a count governed by the injuring verb before it is injured, even when the quantities stage gave no role', () => {
  const text = 'A gunman opened fire at a bar in Dayton on Sunday, killing two people and wounding three, police said.';
  const events = run({
    text,
    published: '2020-01-20',
    places: [DAYTON],
    times: [SUNDAY],
    quantities: [
      { surface: 'two people', value: 2, unit: 'people', role: 'killed' },
      { surface: 'three', value: 3, unit: null, role: null },
    ],
  });
  const e = events.find((x) => x.killed);
  assert.equal(e?.killed?.value, 2);
  assert.equal(e?.injured?.value, 3);
});

test('"25 fighters were killed and 55 wounded": the count whose own word is "wounded" is injured, not a second toll', () => {
  const text = 'U.S. air strikes hit militia bases in Dayton on Sunday. At least 25 militia fighters were killed and 55 wounded.';
  const events = run({
    text,
    published: '2020-01-20',
    places: [DAYTON],
    times: [SUNDAY],
    quantities: [
      { surface: '25 militia fighters', value: 25, unit: 'militia fighters', role: 'killed', hedge: 'at_least' },
      { surface: '55 wounded', value: 55, unit: 'wounded', role: 'killed' },
    ],
  });
  const e = events.find((x) => x.injured);
  assert.equal(e?.injured?.value, 55);
  assert.ok(!events.some((x) => x.killed?.value === 55));
});

test('a vague plural ("dozens", "more than two dozen") is no injured count; a plain dozen is', () => {
  assert.equal(isVagueCount('Dozens of people', 'at_least'), true);
  assert.equal(isVagueCount('two dozen people', 'more_than'), true);
  assert.equal(isVagueCount('hundreds', 'at_least'), true);
  assert.equal(isVagueCount('a dozen people', 'exact'), false);
  assert.equal(isVagueCount('12 people', 'exact'), false);
  const text = 'A gunman opened fire at a bar in Dayton on Sunday, police said. Dozens of people were injured in the stampede.';
  const events = run({
    text,
    published: '2020-01-20',
    places: [DAYTON],
    times: [SUNDAY],
    quantities: [{ surface: 'Dozens of people', value: 24, unit: 'people', role: 'injured', hedge: 'at_least' }],
  });
  assert.ok(events.length > 0);
  assert.ok(!events.some((x) => x.injured), events.map((x) => JSON.stringify(x.injured)).join());
});

test('an age after "killed at" or "wounded at" is no toll; a hedged count after the verb still is', () => {
  const age = run({
    text: 'A gunman opened fire at a bar in Dayton on Sunday. The bartender was killed at 22, his mother said. A student was wounded at 17.',
    published: '2020-01-20',
    places: [DAYTON],
    times: [SUNDAY],
    quantities: [
      { surface: '22', value: 22, unit: null, role: null },
      { surface: '17', value: 17, unit: null, role: null },
    ],
  });
  assert.ok(age.every((e) => e.killed?.value !== 22 && e.injured?.value !== 17), JSON.stringify(age.map((e) => [e.killed?.value, e.injured?.value])));
  const hedged = run({
    text: 'A gunman opened fire at a bar in Dayton on Sunday, killing at least four and wounding more than six, police said.',
    published: '2020-01-20',
    places: [DAYTON],
    times: [SUNDAY],
    quantities: [
      { surface: 'four', value: 4, unit: null, role: null },
      { surface: 'six', value: 6, unit: null, role: null },
    ],
  });
  const e = hedged.find((x) => x.killed);
  assert.equal(e?.killed?.value, 4);
  assert.equal(e?.injured?.value, 6);
});

