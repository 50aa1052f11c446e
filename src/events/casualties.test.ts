import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { INJURED_WITHHELD, reportsCasualties, TOLL_WITHHELD } from './casualties.js';
import { mainEventOf } from './main-choice.js';

// Two events of one report as the extractor stores them (only the fields the ranking reads).
const protest = { id: 'e1', acled: { event_type: 'Protests' }, confidence: 0.9, how: ['trigger:lexicon'] } as unknown as EventRecord;
const shooting = (how: string[]) => ({ id: 'e2', acled: null, kind: 'crime', confidence: 0.6, how }) as unknown as EventRecord;

test('a withheld toll is casualty evidence for the main-event ranking', () => {
  assert.equal(reportsCasualties(shooting([TOLL_WITHHELD])), true);
  assert.equal(reportsCasualties(shooting(['trigger:lexicon'])), false);
  assert.equal(mainEventOf([protest, shooting([TOLL_WITHHELD])])?.id, 'e2');
  // Without a told count the ACLED-typed, more confident event stays the main one.
  assert.equal(mainEventOf([protest, shooting(['trigger:lexicon'])])?.id, 'e1');
});

test('a stated toll still outranks no toll', () => {
  const dead = { ...shooting([]), killed: { value: 2 } } as unknown as EventRecord;
  assert.equal(mainEventOf([protest, dead])?.id, 'e2');
});

test('a withheld injured count is casualty evidence too, under its own flag', () => {
  assert.equal(reportsCasualties(shooting([INJURED_WITHHELD])), true);
  assert.equal(mainEventOf([protest, shooting([INJURED_WITHHELD])])?.id, 'e2');
});
