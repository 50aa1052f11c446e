import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadBaseline, leadSentence } from './timeline-baseline.js';

test('the lead sentence is the first of five words or more', () => {
  assert.equal(leadSentence('Breaking. Floods hit the town on Monday, officials said. More later.'), 'Floods hit the town on Monday, officials said.');
  assert.equal(leadSentence('Too short. Also short.'), null);
});

test('the lead baseline takes the busiest publication days in range and their first distinct leads', () => {
  const doc = (published: string, text: string) => ({ published, text });
  const docs = [
    doc('2021-03-01', 'The river burst its banks in the town.'),
    doc('2021-03-02', 'Rescuers reached forty stranded families on Tuesday.'),
    doc('2021-03-02', 'Rescuers reached forty stranded families on Tuesday.'),
    doc('2021-03-02', 'The council opened three shelters for the night.'),
    doc('2021-03-03', 'Water levels began to fall across the valley.'),
    doc('2021-03-03', 'Insurers began to count the cost of the flood.'),
    doc('2021-03-09', 'An inquiry into the flood opened a week later.'),
  ];
  const t = leadBaseline(docs, { dates: 2, perDate: 2, from: '2021-03-01', to: '2021-03-05' });
  assert.deepEqual([...t.keys()], ['2021-03-02', '2021-03-03']);
  assert.deepEqual(t.get('2021-03-02'), ['Rescuers reached forty stranded families on Tuesday.', 'The council opened three shelters for the night.']);
});
