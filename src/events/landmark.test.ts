import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followsReferenceWords } from './landmark.js';

test('a place told as a reference point: "north of X", "50 miles south of X", "30 km from X"; not "in X" or "from X"', () => {
  const at = (text: string, name: string, nth = 0) => {
    let i = text.indexOf(name);
    for (let k = 0; k < nth; k++) i = text.indexOf(name, i + 1);
    return followsReferenceWords(text, i);
  };
  assert.equal(at('stabbed five people in a community north of New York City', 'New York'), true);
  assert.equal(at('a pileup about 30 miles from Springfield', 'Springfield'), true);
  assert.equal(at('a crash 12 km south-east of Lyon', 'Lyon'), true);
  assert.equal(at('a shooting in Springfield', 'Springfield'), false);
  assert.equal(at('rockets fired from Gaza', 'Gaza'), false, 'an origin is not a distance');
  assert.equal(at('Fall River, about 50 miles south of Boston, and the city of Boston.', 'Boston'), true);
  assert.equal(at('Fall River, about 50 miles south of Boston, and the city of Boston.', 'Boston', 1), false);
});
