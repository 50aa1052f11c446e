import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanNote, parseAcledDate } from './events.js';

test('cleanNote drops size tags, a leading sub-event label and fatality sentences, nothing else', () => {
  assert.equal(
    cleanNote('Looting: On 8 May 2020, armed men raided a shop in the town [size=no report]. 2 fatalities. The owner fled.'),
    'On 8 May 2020, armed men raided a shop in the town . The owner fled.',
  );
  assert.equal(cleanNote('Movement of forces: Around 7 May 2020 (as reported), troops arrived.'), 'Around 7 May 2020 (as reported), troops arrived.');
  // A colon inside the note is no label.
  assert.equal(cleanNote('On 7 May 2020, the mayor said: the road is closed.'), 'On 7 May 2020, the mayor said: the road is closed.');
});

test('parseAcledDate reads ACLED day-month-year dates', () => {
  assert.equal(parseAcledDate('9-May-20'), '2020-05-09');
  assert.equal(parseAcledDate('2020-05-09'), '2020-05-09');
  assert.equal(parseAcledDate('May 2020'), null);
});
