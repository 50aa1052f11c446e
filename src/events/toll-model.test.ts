import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { buildDoc } from './testdoc.js';
import { MIN_PARAGRAPHS, setTollCandidateSink, setTollModel, titleCounts, tollModel, type TollCandidate } from './toll-model.js';

// The learned toll attribution (toll-model.ts) on hand-made reports.
const SPRINGFIELD = { surface: 'Springfield', name: 'Springfield', lat: 39.8, lon: -89.65, country: 'US', precision: 'city' as const };
const REPORT =
  'A gunman shot and killed three people at a bar in Springfield on Friday night, police said.\n\n' +
  'The three people killed were regulars, the owner said.\n\n' +
  'So far this year, 605 people have been killed in mass shootings across the country, according to data from the archive.\n\n' +
  'The suspect was arrested on Saturday.';
const spec = {
  text: REPORT,
  published: '2025-03-15',
  places: [SPRINGFIELD],
  quantities: [
    { surface: 'three people', value: 3, unit: 'people', role: 'killed' },
    { surface: 'three people', value: 3, unit: 'people', role: 'killed', nth: 1 },
    { surface: '605 people', value: 605, unit: 'people', role: 'killed' },
  ],
};
const run = () => {
  const { article, layers } = buildDoc(spec);
  return extractEvents(article, layers);
};
const REJECT_ALL = { version: 'test', bias: -10, threshold: 0.5, weights: {} };

test('an event whose every killed figure the model rejects has no killed figure (unknown), not 0', () => {
  try {
    setTollModel(REJECT_ALL);
    const events = run();
    assert.ok(events.length > 0);
    for (const e of events) assert.equal(e.killed, undefined);
    assert.ok(events.some((e) => e.how?.includes('toll:learned-drop')));
  } finally {
    setTollModel(undefined);
  }
});

test('the model leaves a one-paragraph note (an ACLED row, a brief) to the rules', () => {
  const note = 'A gunman shot and killed three people at a bar in Springfield on Friday night, police said.';
  try {
    setTollModel(REJECT_ALL);
    const { article, layers } = buildDoc({ text: note, published: '2025-03-15', places: [SPRINGFIELD], quantities: [{ surface: 'three people', value: 3, unit: 'people', role: 'killed' }] });
    assert.ok((layers.paragraphs ?? []).length < MIN_PARAGRAPHS);
    assert.equal(Math.max(...extractEvents(article, layers).map((e) => e.killed?.value ?? 0)), 3);
  } finally {
    setTollModel(undefined);
  }
});

test('the features tell a repeated toll in the lead from a yearly tally', () => {
  const sink: TollCandidate[] = [];
  try {
    setTollModel(null);
    setTollCandidateSink(sink);
    run();
  } finally {
    setTollCandidateSink(null);
    setTollModel(undefined);
  }
  const three = sink.find((c) => c.kind === 'killed' && c.value === 3);
  assert.ok(three, 'the toll of three is a candidate');
  assert.ok(three.features.includes('told-in-lead') && three.features.includes('most-told') && three.features.includes('p:0'));
  const tally = sink.find((c) => c.value === 605);
  // The running total is a cumulative claim already (figures.ts): it is no candidate of an event's toll.
  if (tally) assert.ok(tally.features.includes('s:year') && tally.features.includes('article-largest'));
});

test('the shipped model keeps a report’s own toll told in its lead and again', () => {
  const model = tollModel();
  assert.ok(model, 'models/events/toll.json is shipped');
  assert.ok(model.threshold > 0 && model.threshold < 1);
  const events = run().filter((e) => !e.reference);
  assert.equal(Math.max(...events.map((e) => e.killed?.value ?? 0)), 3);
});

test('injured figures are judged by their own model, and left to the rules when the file has none', () => {
  const text = REPORT.replace('three people at a bar', 'three people and wounded five others at a bar');
  const quantities = [...spec.quantities, { surface: 'five others', value: 5, unit: 'others', role: 'injured' }];
  const ACCEPT_ALL = { version: 'test', bias: 10, threshold: 0.5, weights: {} };
  const counts = () => {
    const { article, layers } = buildDoc({ ...spec, text, quantities });
    const events = extractEvents(article, layers).filter((e) => !e.reference);
    return { killed: Math.max(0, ...events.map((e) => e.killed?.value ?? 0)), injured: Math.max(0, ...events.map((e) => e.injured?.value ?? 0)) };
  };
  try {
    setTollModel(ACCEPT_ALL);
    assert.deepEqual(counts(), { killed: 3, injured: 5 });
    setTollModel({ ...ACCEPT_ALL, injured: REJECT_ALL });
    assert.deepEqual(counts(), { killed: 3, injured: 0 });
  } finally {
    setTollModel(undefined);
  }
});

test('titleCounts: the counts a headline states, digits or words, never a year', () => {
  assert.deepEqual([...titleCounts('Mass Shootings at New Zealand Mosques Kill 49; One Man Charged')].sort((a, b) => a - b), [1, 49]);
  assert.deepEqual([...titleCounts('Death toll rises to 24 after deadly Cambodia casino fire')], [24]);
  assert.deepEqual([...titleCounts('Texas storm in 2024 leaves 2,000 homes without power')], [2000]);
  assert.deepEqual([...titleCounts(null)], []);
  // Four-digit counts written without a comma are counts too (years 1800–2099 excepted).
  assert.deepEqual([...titleCounts('Quake toll passes 1500 killed')], [1500]);
  assert.deepEqual([...titleCounts('Flood of 1953 remembered')], []);
});

test('a withheld injured figure sets its own flag, not the one named for deaths', () => {
  const text =
    'A gunman shot and killed three people at a bar in Springfield on Friday night, police said.\n\n' +
    'Four other people were wounded in the shooting, the owner said.\n\n' +
    'The suspect was arrested on Saturday.';
  const { article, layers } = buildDoc({
    text,
    published: '2025-03-15',
    places: [SPRINGFIELD],
    quantities: [
      { surface: 'three people', value: 3, unit: 'people', role: 'killed' },
      { surface: 'Four other people', value: 4, unit: 'people', role: 'injured' },
    ],
  });
  try {
    setTollModel({ version: 'test', bias: 10, threshold: 0.5, weights: {}, injured: REJECT_ALL });
    const shooting = extractEvents(article, layers).find((e) => e.killed);
    assert.equal(shooting?.killed?.value, 3);
    assert.equal(shooting?.injured, undefined);
    assert.ok(shooting?.how?.includes('toll:learned-drop-injured'));
    assert.ok(!shooting?.how?.includes('toll:learned-drop'));
  } finally {
    setTollModel(undefined);
  }
});
