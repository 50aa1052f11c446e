import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Layers, Quantity } from '../core/layers.js';
import { makeArticle } from '../core/article.js';
import { sharedPath } from '../core/paths.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from '../quotes/quotes.js';
import { entityLayers, type EntitySpec } from '../quotes/testing.js';
import { extractQuantities, quantities as quantitiesComponent } from './quantities.js';
import { tokenValue } from './numbers.js';

function analyze(text: string, specs: EntitySpec[] = []): { quantities: Quantity[]; layers: Layers } {
  const layers: Layers = { ...segmentText(text), ...entityLayers(text, specs) };
  layers.quotes = extractQuotes(text, layers);
  return { quantities: extractQuantities(text, layers), layers };
}

function byValue(qs: Quantity[], value: number, unit?: string): Quantity {
  const q = qs.find((x) => x.value === value && (unit === undefined || x.unit === unit) && !x.parts);
  assert.ok(q, `no ${value} ${unit ?? ''} in ${JSON.stringify(qs.map((x) => [x.text, x.value, x.unit]))}`);
  return q;
}

test('quantities: numerals and number words', () => {
  assert.equal(tokenValue('476'), 476);
  assert.equal(tokenValue('2,766'), 2766);
  assert.equal(tokenValue('Five'), 5);
  assert.equal(tokenValue('twenty-one'), 21);
  assert.equal(tokenValue('drones'), null);
  const { quantities } = analyze('About five hundred rescuers, over a hundred units, 1.5 million people and twenty-one trucks arrived.');
  assert.equal(byValue(quantities, 500, 'rescuers').hedge, 'about');
  assert.equal(byValue(quantities, 100, 'units').hedge, 'more_than');
  assert.equal(byValue(quantities, 1.5e6, 'people').hedge, 'exact');
  assert.equal(byValue(quantities, 21, 'trucks').text, 'twenty-one trucks');
});

test('quantities: every span reproduces its surface', () => {
  const text = 'At least 12 people were killed and nearly 40 injured, police said. Some 5 miles of road closed.';
  const { quantities } = analyze(text);
  assert.ok(quantities.length >= 3);
  for (const q of quantities) {
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.unitSpan) assert.equal(text.slice(q.unitSpan.start, q.unitSpan.end), q.unit);
    if (q.claimant) assert.equal(text.slice(q.claimant.start, q.claimant.end), q.claimant.text);
  }
});

test('quantities: hedges', () => {
  const { quantities } = analyze(
    'At least 20 people died. Nearly 50 homes burned. Some 5 miles were closed. More than 300 flights were cancelled. Up to 40 trucks waited. Fewer than 10 shops opened.',
  );
  assert.equal(byValue(quantities, 20).hedge, 'at_least');
  assert.equal(byValue(quantities, 20).hedgeText, 'At least');
  assert.equal(byValue(quantities, 50).hedge, 'nearly');
  assert.equal(byValue(quantities, 5).hedge, 'about');
  assert.equal(byValue(quantities, 300).hedge, 'more_than');
  assert.equal(byValue(quantities, 40).hedge, 'up_to');
  assert.equal(byValue(quantities, 10).hedge, 'less_than');
});

test('quantities: roles from the governing verb or noun', () => {
  const { quantities } = analyze(
    'The army launched 120 drones. Defenders downed or suppressed 100 drones. Impacts of 15 drones were reported. ' +
      'Another 30 people were injured. At least 9 drones attacked the city. Four soldiers were killed.',
  );
  assert.equal(byValue(quantities, 120).role, 'launched');
  assert.equal(byValue(quantities, 100).role, 'downed');
  assert.equal(byValue(quantities, 15).role, 'impact');
  assert.equal(byValue(quantities, 30).role, 'injured');
  assert.equal(byValue(quantities, 9).role, 'attacked');
  assert.equal(byValue(quantities, 4, 'soldiers').role, 'killed');
});

test('quantities: coordinated counts share the verb; counts of one kind compose', () => {
  const { quantities } = analyze('Five members of the group and a member of the police were killed. Rebels fired 40 rockets and 6 missiles.');
  const composed = quantities.find((q) => q.parts);
  assert.ok(composed);
  assert.equal(composed.value, 6);
  assert.deepEqual(composed.parts, [5, 1]);
  assert.equal(composed.role, 'killed');
  assert.equal(byValue(quantities, 5, 'members').role, 'killed');
  assert.equal(byValue(quantities, 1, 'member').role, 'killed');
  assert.equal(byValue(quantities, 40, 'rockets').role, 'launched');
  assert.equal(byValue(quantities, 6, 'missiles').role, 'launched');
  assert.equal(quantities.filter((q) => q.parts).length, 1, 'rockets and missiles are different things: no sum');
});

test('quantities: years, dates, clock times, ordinals, durations and model numbers are not counts', () => {
  const { quantities } = analyze(
    'In 2014, talks on Oct. 30 began at 5:30 p.m. on the third floor and lasted for around four hours after a five-hour delay. ' +
      'Two F-16s flew past 9th Street, and Article 33 applies to Route 66. Jane Doe, 58, said so. ' +
      'The 2016 voters saw tweet 1448038800 about a 9mm pistol.',
  );
  assert.deepEqual(
    quantities.map((q) => q.text),
    ['Two F-16s'],
  );
});

test('quantities: vague plurals are lower bounds', () => {
  const { quantities } = analyze('Hundreds of people marched. Hundreds of millions of dollars were spent.');
  assert.equal(byValue(quantities, 200, 'people').hedge, 'at_least');
  assert.equal(byValue(quantities, 2e8, 'USD').hedge, 'at_least');
});

test('quantities: ranges', () => {
  const { quantities } = analyze('Between 10 and 15 people were hurt. Officials counted 20 to 25 trucks. Another 3-4 boats sank.');
  const a = byValue(quantities, 10);
  assert.equal(a.high, 15);
  assert.equal(byValue(quantities, 20).high, 25);
  assert.equal(byValue(quantities, 3).high, 4);
});

test('quantities: a compound modifier is skipped to the counted noun', () => {
  const { quantities } = analyze('Two nine-story residential buildings were hit.');
  assert.equal(quantities.length, 1);
  assert.equal(quantities[0].value, 2);
  assert.equal(quantities[0].unit, 'buildings');
  assert.equal(quantities[0].role, 'impact');
});

test('quantities: the claimant comes from the enclosing quote or the sentence attribution', () => {
  const text =
    'The air force said Russia launched 476 drones overnight.\n' +
    '“About 500 rescuers are working,” the ministry said.\n' +
    'At least 20 people were killed, the ministry said, where two buildings were hit.\n' +
    'Markets fell 3 points.';
  const { quantities, layers } = analyze(text, [{ name: 'air force', type: 'ORG' }]);
  const launched = byValue(quantities, 476);
  assert.equal(launched.claimant?.text, 'The air force');
  assert.equal(layers.entities?.find((e) => e.id === launched.claimant?.entity)?.name, 'air force');
  assert.equal(byValue(quantities, 500).claimant?.text, 'the ministry');
  assert.equal(byValue(quantities, 2, 'buildings').claimant?.text, 'the ministry');
  assert.equal(byValue(quantities, 3).claimant, null);
});

test('quantities: the component requires quotes and runs on an article', () => {
  assert.ok(quantitiesComponent.requires.includes('quotes'));
  assert.deepEqual([...quantitiesComponent.assigns], ['quantities']);
  const text = 'Three trucks arrived.';
  const article = makeArticle({ text, origin: { file: 'mem', format: 'text' } });
  const out = quantitiesComponent.run(article, { ...segmentText(text), mentions: [], entities: [], quotes: [] }, { diagnostics: [] });
  assert.equal(out.quantities?.[0].value, 3);
  assert.deepEqual(analyze('').quantities, []);
});

const seedPath = sharedPath('corpus', '000_6706b69dbb82096a.txt');

test('quantities: the seed counts carry their claimants', { skip: !existsSync(seedPath) && 'shared data absent: corpus/000_6706b69dbb82096a.txt' }, () => {
  const text = readFileSync(seedPath, 'utf8');
  const specs: EntitySpec[] = [
    { name: 'Ukraine’s air force', type: 'ORG' },
    { name: 'Ukraine’s Interior Ministry', type: 'ORG' },
    { name: 'Russia’s Defense Ministry', type: 'ORG' },
    { name: 'Hamas', type: 'ORG' },
  ];
  const { quantities, layers } = analyze(text, specs);
  const claimant = (q: Quantity): string | null => layers.entities?.find((e) => e.id === q.claimant?.entity)?.name ?? null;
  const one = (value: number, unit: string, role: string): Quantity => {
    const q = quantities.find((x) => x.value === value && x.unit === unit && x.role === role && !x.parts);
    assert.ok(q, `no ${value} ${unit} ${role}`);
    return q;
  };
  for (const [value, unit, role] of [
    [476, 'drones', 'launched'],
    [48, 'missiles', 'launched'],
    [442, 'drones', 'downed'],
    [41, 'missiles', 'downed'],
    [34, 'drones', 'impact'],
    [7, 'missiles', 'impact'],
  ] as const) {
    assert.equal(claimant(one(value, unit, role)), 'Ukraine’s air force', `${value} ${unit}`);
  }
  const killed = one(20, 'people', 'killed');
  assert.equal(killed.hedge, 'at_least');
  assert.equal(claimant(killed), 'Ukraine’s Interior Ministry');
  assert.equal(claimant(one(66, 'people', 'injured')), 'Ukraine’s Interior Ministry');
  const doha = quantities.find((q) => q.parts && q.role === 'killed');
  assert.equal(doha?.value, 6);
  assert.deepEqual(doha?.parts, [5, 1]);
  assert.ok(doha?.claimant, 'the Doha toll has a claimant (the officials of the according-to clause)');
  assert.equal(claimant(one(80, 'drones', 'downed')), 'Russia’s Defense Ministry');
  // not counts: the five-hour talks, Oct. 30, the third/ninth floor, four hours
  for (const q of quantities) assert.ok(!/hour|Oct|floor/.test(q.text), `not a count: ${q.text}`);
});

test('quantities: address blocks, ages after a copula and intents are no tolls; a stated toll after a copula stays', () => {
  const { quantities } = analyze('A man was killed in the 2600 block of Oak Street. The man who was killed was 21. She was aged 34.');
  assert.deepEqual(quantities.map((q) => q.text), []);
  const toll = analyze('The death toll was 21, officials said.').quantities;
  assert.equal(byValue(toll, 21).value, 21);
  const intent = analyze('The writer said they hoped to kill 40 people.').quantities;
  assert.notEqual(byValue(intent, 40).role, 'killed');
});
