import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanEvidence } from './geocoder.js';
import { proposeTowns } from './town-proposer.js';

const propose = (text: string, taken: Array<{ start: number; end: number }> = []) =>
  proposeTowns(text, taken, () => scanEvidence(text)).map((t) => `${text.slice(t.start, t.end)}:${t.cand.country}.${t.cand.admin1 ?? ''}`);

test('a town qualified by its state or country is proposed in that state, whatever the tagger made of it', () => {
  assert.deepEqual(propose('A suspect was arrested by Jackson, Mississippi, authorities after a fire.'), ['Jackson:US.MS']);
  assert.deepEqual(propose('A suspect was arrested by Jackson, Tennessee, authorities after a fire.'), ['Jackson:US.TN']);
  assert.deepEqual(propose('In Jackson, Mississippi, police said a fire was set.'), ['Jackson:US.MS'], 'a sentence-opening word is no part of the name');
  assert.deepEqual(propose('BENGALURU, India – At least 11 people died on Wednesday.').map((s) => s.split(':')[1].slice(0, 2)), ['IN']);
});

test('the city, town or village of X is proposed only in a country or state the article names, or when X is unique', () => {
  assert.deepEqual(propose('At least 11 people died outside a stadium in the Indian city of Bengaluru. India mourned.').length, 1);
  // Springfield has namesakes in many states and none is named: nothing is guessed.
  assert.deepEqual(propose('The crash happened in the city of Springfield on Sunday.'), []);
  assert.deepEqual(propose('The crash happened in the city of Springfield, police in Illinois said.').map((s) => s.split(':')[1]), ['US.IL']);
});

test('no proposal for spans already geocoded, weekdays, or a name with no town in the qualifier', () => {
  const text = 'Police in Jackson, Mississippi, said on Friday, Texas officials had called. Tiger Woods, Florida golfer, crashed.';
  assert.deepEqual(propose(text, [{ start: 10, end: 17 }]), []);
});

test('a bare qualifier is a state or country, never a county of another state', () => {
  // Oregon County is in Missouri, and so is a town called Washington: the old pairing made it the place.
  assert.deepEqual(propose('Protesters gathered in Washington, Oregon on Sunday.'), []);
  assert.deepEqual(propose('A man was shot in Springfield, Missouri on Sunday.'), ['Springfield:US.MO']);
});
