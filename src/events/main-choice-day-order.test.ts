import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDayOrderFeatures, type DayOrderCandidate } from './main-choice-day-order.js';

const cand = (day: string, ...features: string[]): DayOrderCandidate => ({ day, features });

test('the earliest recent day told beside an incident is first; later recent days come after it', () => {
  const shooting = cand('2025-03-15', 'rel:2', 'incSent');
  const statement = cand('2025-03-16', 'rel:1', 'incSent', 'said');
  const published = cand('2025-03-17', 'rel:0', 'pub', 'untold');
  addDayOrderFeatures([statement, published, shooting]);
  assert.ok(shooting.features.includes('firstInc') && !shooting.features.includes('afterInc'));
  assert.ok(statement.features.includes('afterInc') && !statement.features.includes('firstInc'));
  assert.ok(published.features.includes('afterInc'), 'the publication day follows the incident too');
});

test('an old aside is not recent: it neither comes first nor puts the report\'s day after it', () => {
  const aside = cand('2019-08-03', 'rel:old', 'incSent');
  const shooting = cand('2025-03-15', 'rel:2', 'sameSent');
  addDayOrderFeatures([aside, shooting]);
  assert.deepEqual(aside.features, ['rel:old', 'incSent']);
  assert.ok(shooting.features.includes('onlyRecentInc') && !shooting.features.includes('afterInc'));
});

test('a day told without an incident word gets no order feature of its own', () => {
  const vigil = cand('2025-03-14', 'rel:3-6');
  const shooting = cand('2025-03-15', 'rel:2', 'incSent');
  addDayOrderFeatures([vigil, shooting]);
  assert.deepEqual(vigil.features, ['rel:3-6'], 'earlier, but not told beside an incident');
  assert.ok(shooting.features.includes('onlyRecentInc'));
});
