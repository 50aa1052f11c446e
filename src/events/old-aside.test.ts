import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import { buildDoc } from './testdoc.js';

// An old-dated aside ("the massacre of 35 people at Port Arthur in 1996") is another incident: it
// neither dates this week's shooting (which would make it a reference) nor gives it its toll.
const TEXT =
  'A gunman opened fire at a mosque in Springfield, killing two worshippers, police said.\n\n' +
  'The suspect was arrested at the scene.\n\n' +
  'Lawmakers recalled the massacre of 35 people at Port Arthur in 1996.';
const SPRINGFIELD = { surface: 'Springfield', name: 'Springfield', lat: 39.8, lon: -89.65, country: 'US', precision: 'city' as const };

test('an old-dated mention does not join, date or count for the undated news told before it', () => {
  const { article, layers } = buildDoc({
    text: TEXT,
    published: '2025-03-15',
    places: [SPRINGFIELD],
    times: [{ surface: '1996', value: '1996', from: '1996-01-01', to: '1996-12-31' }],
    quantities: [
      { surface: 'two worshippers', value: 2, unit: 'worshippers', role: 'killed' },
      { surface: '35 people', value: 35, unit: 'people', role: null },
    ],
  });
  const events = extractEvents(article, layers);
  const news = events.filter((e) => !e.reference && (e.status ?? 'asserted') === 'asserted' && e.killed);
  assert.equal(news.length, 1);
  assert.equal(news[0].killed?.value, 2);
  assert.notEqual(news[0].date?.value, '1996');
  // The aside stays an event of its own, a reference dated 1996.
  const aside = events.find((e) => e.date?.value === '1996');
  assert.ok(aside, 'the 1996 mention is kept as its own event');
  assert.equal(aside.reference, true);
  // Its 35 dead are never this week's toll.
  assert.ok(events.filter((e) => !e.reference).every((e) => e.killed?.value !== 35));
});
