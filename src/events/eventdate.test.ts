import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { buildDoc } from './testdoc.js';

const DAYTON = { surface: 'Dayton', name: 'Dayton', lat: 39.76, lon: -84.19, country: 'US', precision: 'city' as const };

test('an event with no date of its own takes the one told before it in its paragraph, not the report’s', () => {
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'Officers were called to a bar in Dayton on Saturday night. A man was shot and killed outside the bar.\n\nPolice said a suspect fled.',
    places: [DAYTON],
    times: [{ surface: 'Saturday night', value: '2025-03-15TNI', from: '2025-03-15', to: '2025-03-15' }],
  });
  const shot = extractEvents(article, layers).find((e) => e.killed || e.trigger.text === 'shot');
  assert.ok(shot, 'the shooting is an event');
  assert.equal(shot.date?.value, '2025-03-15');
  assert.equal(shot.date?.how, 'stated');
});

test('a date beside another verb ("on Monday identified") is not the date of the killing told after it', () => {
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'The coroner on Monday identified the man killed in a shooting in Dayton.\n\nHe was shot several times on Saturday outside a bar.',
    places: [DAYTON],
    times: [
      { surface: 'Monday', value: '2025-03-17', from: '2025-03-17', to: '2025-03-17' },
      { surface: 'Saturday', value: '2025-03-15', from: '2025-03-15', to: '2025-03-15' },
    ],
  });
  const dates = extractEvents(article, layers).filter((e) => e.acled).map((e) => e.date?.value);
  assert.ok(!dates.includes('2025-03-17'), JSON.stringify(dates));
  assert.ok(dates.includes('2025-03-15'), JSON.stringify(dates));
});

test('an undated report’s events take its own date, marked implied', () => {
  const { article, layers } = buildDoc({ published: '2025-03-17', text: 'A man was shot and killed outside a bar in Dayton.', places: [DAYTON] });
  const [e] = extractEvents(article, layers).filter((x) => x.acled);
  assert.equal(e.date?.value, '2025-03-17');
  assert.equal(e.date?.how, 'implied');
});

test('a date told after a vigil or protest and before the shooting dates that vigil, not the shooting', () => {
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'Neighbors held a vigil in Dayton on Sunday to honor the man killed in the shooting outside a bar.\n\nHe was shot several times on Saturday night.',
    places: [DAYTON],
    times: [
      { surface: 'Sunday', value: '2025-03-16', from: '2025-03-16', to: '2025-03-16' },
      { surface: 'Saturday night', value: '2025-03-15TNI', from: '2025-03-15', to: '2025-03-15' },
    ],
  });
  const violent = extractEvents(article, layers).filter((e) => e.killed);
  assert.ok(violent.length > 0, 'the killing is an event');
  assert.deepEqual([...new Set(violent.map((e) => e.date?.value))], ['2025-03-15']);
});

test('a date told after the trigger stays with it, whatever event word follows ("shot … Thursday night while conducting an investigation")', () => {
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'A trooper shot and killed a Dayton woman Saturday night while conducting an investigation.',
    places: [DAYTON],
    times: [{ surface: 'Saturday night', value: '2025-03-15TNI', from: '2025-03-15', to: '2025-03-15' }],
  });
  const [e] = extractEvents(article, layers).filter((x) => x.killed);
  assert.equal(e?.date?.value, '2025-03-15');
  assert.equal(e?.date?.how, 'stated');
});

test('an event noun that modifies a person ("the shooting suspect") takes no date from its sentence', () => {
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'Three people were found shot dead inside a Dayton home on Saturday.\n\nOn Monday, officials identified the shooting suspect as a neighbor.',
    places: [DAYTON],
    times: [
      { surface: 'Saturday', value: '2025-03-15', from: '2025-03-15', to: '2025-03-15' },
      { surface: 'Monday', value: '2025-03-17', from: '2025-03-17', to: '2025-03-17' },
    ],
  });
  const dates = extractEvents(article, layers).filter((e) => e.acled || e.kind).map((e) => e.date?.value);
  assert.ok(!dates.includes('2025-03-17'), JSON.stringify(dates));
});
