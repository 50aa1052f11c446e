import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { buildDoc } from './testdoc.js';
import { contextPlace, earlierIncident } from './reference.js';

// Tolls and dates of another incident told inside a local report (issue 11: over-counting).
const DAYTON = { surface: 'Dayton', name: 'Dayton', lat: 39.76, lon: -84.19, country: 'US', precision: 'city' as const };
const TORONTO = { surface: 'Toronto', name: 'Toronto', lat: 43.65, lon: -79.38, country: 'CA', precision: 'city' as const };

const killedOf = (text: string, spec: Parameters<typeof buildDoc>[0]) => {
  const events = extractEvents(buildDoc({ ...spec, text }).article, buildDoc({ ...spec, text }).layers);
  return Math.max(0, ...events.filter((e) => !e.reference).map((e) => e.killed?.value ?? 0));
};

test('a toll told with no place of its own right after another incident in another country is not the local event’s', () => {
  const text =
    'A student shot and killed a classmate at a school in Dayton on Friday.\n\nThe Dayton shooting came two days after a gunman attacked a school in Toronto. Four students were killed in the attack.';
  const spec = { published: '2025-03-15', places: [DAYTON, { ...DAYTON, nth: 1 }, TORONTO], quantities: [{ surface: 'Four students', value: 4, unit: 'students', role: 'killed' }] };
  assert.equal(killedOf(text, { ...spec, text }), 1);
  // The same toll told right after the local place is the local event's.
  const local = 'A gunman attacked a school in Toronto on Friday.\n\nFour students were killed in the attack.';
  assert.equal(killedOf(local, { published: '2025-03-15', text: local, places: [TORONTO], quantities: [{ surface: 'Four students', value: 4, unit: 'students', role: 'killed' }] }), 4);
});

test('a toll in an "after …" clause about another event noun is that event’s', () => {
  const text = 'A student shot his classmate in Dayton on Friday, killing the 15-year-old, two days after a school shooting left four victims dead.';
  const spec = { published: '2025-03-15', text, places: [DAYTON], quantities: [{ surface: 'four victims', value: 4, unit: 'victims', role: 'killed' }] };
  assert.equal(killedOf(text, spec), 1);
});

test('earlierIncident: a stated date that ends before the main incident’s is another, earlier incident', () => {
  const day = (d: string) => ({ value: d, precision: 'day' as const, range: { from: d, to: d }, how: 'stated' as const });
  const month = { value: '2025-02', precision: 'month' as const, range: { from: '2025-02-01', to: '2025-02-28' }, how: 'stated' as const };
  assert.equal(earlierIncident(month, day('2025-03-14')), true);
  assert.equal(earlierIncident(day('2025-03-16'), day('2025-03-14')), false, 'a later death is the same incident’s toll');
  assert.equal(earlierIncident({ ...day('2025-03-10'), how: 'implied' }, day('2025-03-14')), false, 'only stated dates');
  assert.equal(earlierIncident(day('2025-03-14'), day('2025-03-14')), false);
  assert.equal(earlierIncident(day('2025-03-13'), day('2025-03-14')), false, 'a day apart is the slack of the main date');
  assert.equal(earlierIncident(day('2025-03-01'), day('2025-03-14')), true);
});

test('contextPlace: the last place named in the sentence or the one before, never after the point', () => {
  const sentences = [{ start: 0, end: 20 }, { start: 21, end: 40 }, { start: 41, end: 60 }];
  const places = [{ start: 5, end: 9, n: 'a' }, { start: 25, end: 30, n: 'b' }, { start: 45, end: 48, n: 'c' }];
  assert.equal(contextPlace(places, sentences, 44)?.n, 'b');
  assert.equal(contextPlace(places, sentences, 50)?.n, 'c');
  assert.equal(contextPlace(places, sentences, 24)?.n, 'a');
  assert.equal(contextPlace([places[0]], sentences, 50), null, 'two sentences back is too far');
});

test('another incident named in a background clause ("in the wake of", "echoed another") is a reference with its own toll', () => {
  const text = 'A small plane crashed into homes in Dayton on Friday, killing seven people.\n\nThe crash comes in the wake of the midair collision near Toronto that killed 67 people.';
  const spec = {
    published: '2025-03-15',
    text,
    places: [DAYTON, TORONTO],
    quantities: [
      { surface: 'seven people', value: 7, unit: 'people', role: 'killed' },
      { surface: '67 people', value: 67, unit: 'people', role: 'killed' },
    ],
  };
  assert.equal(killedOf(text, spec), 7);
  const { article, layers } = buildDoc(spec);
  const ref = extractEvents(article, layers).find((e) => e.killed?.value === 67);
  assert.ok(!ref || ref.reference, 'the collision’s toll, if kept, is a reference');
});

test('a count of attackers told as the subject of an active verb is no toll', () => {
  const text = 'Two gunmen shot and killed a journalist in Dayton on Friday.';
  const spec = { published: '2025-03-15', text, places: [DAYTON], quantities: [{ surface: 'Two gunmen', value: 2, unit: 'gunmen', role: 'killed' }] };
  assert.equal(killedOf(text, spec), 1);
  const passive = 'Two gunmen were killed in Dayton on Friday.';
  assert.equal(killedOf(passive, { ...spec, text: passive }), 2);
});
