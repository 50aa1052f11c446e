import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { buildDoc } from './testdoc.js';
import { accidentTrigger } from './lead-accident.js';

// Crashes and fires told without a violent trigger word (lead-accident.ts), on hand-made reports.
const SPRINGFIELD = { surface: 'Springfield', name: 'Springfield', lat: 39.8, lon: -89.65, country: 'US', precision: 'city' as const };
const run = (text: string, quantities: Parameters<typeof buildDoc>[0]['quantities'] = []) => {
  const { article, layers } = buildDoc({ text, published: '2025-03-15', places: [SPRINGFIELD], quantities });
  return extractEvents(article, layers);
};

test('a tram crash in the lead with its injured is an accident event, never an ACLED conflict event', () => {
  const events = run('A tram crashed at a theme park in Springfield on Saturday night, leaving 15 people injured.\n\nThe park said it was reviewing its procedures.', [
    { surface: '15 people', value: 15, unit: 'people', role: 'injured' },
  ]);
  const crash = events.find((e) => e.how?.includes('trigger:lead-accident'));
  assert.ok(crash, 'the crash is an event');
  assert.equal(crash.kind, 'accident');
  assert.equal(crash.injured?.value, 15);
  assert.equal(crash.place?.name, 'Springfield');
});

test('a fire that broke out at a building is an event; the fire department is none', () => {
  const fire = run('A fire broke out at a synagogue in Springfield early Saturday, damaging sacred items.\n\nNo one was hurt.');
  assert.ok(fire.some((e) => e.how?.includes('trigger:lead-accident')));
  assert.equal(fire.find((e) => e.how?.includes('trigger:lead-accident'))?.kind, 'accident');
  const dept = run('The Springfield fire department held an open day on Saturday for families.\n\nChildren tried on helmets.');
  assert.ok(!dept.some((e) => e.how?.includes('trigger:lead-accident')));
});

test('a crash word without a vehicle and casualty is no accident ("car sales crashed" has no casualty)', () => {
  const events = run('Car sales crashed in Springfield last month, dealers said.\n\nPrices rose again.');
  assert.ok(!events.some((e) => e.how?.includes('trigger:lead-accident')));
});

test('a lead that tells a violent event gets no accident beside it', () => {
  const events = run('A gunman shot and killed two people in Springfield on Saturday before his car crashed into a pole, police said.\n\nThe suspect died.', [
    { surface: 'two people', value: 2, unit: 'people', role: 'killed' },
  ]);
  assert.ok(!events.some((e) => e.how?.includes('trigger:lead-accident')));
});

test('a house that caught fire on a day and a temple stampede are accidents, never conflict events (review)', () => {
  for (const text of [
    'A house caught fire on Christmas Day in Springfield, leaving a family homeless.\n\nNeighbours helped.',
    'A stampede at a temple in Springfield left dozens hurt on Saturday.\n\nThe temple was closed.',
  ]) {
    const e = run(text).find((x) => x.how?.includes('trigger:lead-accident'));
    assert.ok(e, text);
    assert.equal(e.kind, 'accident', text);
    assert.equal(e.acled ?? null, null, text);
  }
});

test('a crash named by its vehicle, arson told as "set fire to" and a burning home are accidents without a casualty word', () => {
  for (const text of [
    'A golfer was involved in a rollover car crash in Springfield on Friday.\n\nDeputies are investigating.',
    'A girl died trying to save her dog from a burning home in Springfield over the weekend.\n\nHer funeral is on Friday.',
  ]) assert.ok(run(text).some((e) => e.how?.includes('trigger:lead-accident')), text);
});

test('"set fire to" is a fire phrase; "set the agenda" and a fire season are none', () => {
  const toks = (s: string) => s.split(' ').map((w, k) => ({ start: k, end: k + 1, text: w, lower: w.toLowerCase(), pos: '' }));
  assert.equal(accidentTrigger(toks('Federal agents say he set fire to the synagogue on Oct. 31')), 5);
  assert.equal(accidentTrigger(toks('He set the agenda for the fire season')), -1);
});

test('a crash told as faked or claimed is none', () => {
  for (const text of [
    'The sprinters were charged with faking a motorcycle crash in Springfield to miss a test.\n\nThey deny it.',
    'The athlete claimed he had suffered a motorcycle crash in Springfield.\n\nOfficials doubt it.',
  ]) assert.ok(!run(text).some((e) => e.how?.includes('trigger:lead-accident')), text);
});
