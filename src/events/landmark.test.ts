import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followsReferenceWords, isReferencePoint } from './landmark.js';

const toks = (s: string) => s.split(/\s+/).map((w) => ({ lower: w.toLowerCase() }));

test('a place told as a reference point is not the scene: "north of X", "50 miles south of X", "30 km from X"', () => {
  const a = toks('stabbed five people in a community north of New York City');
  assert.equal(isReferencePoint(a, a.findIndex((t) => t.lower === 'new')), true);
  const b = toks('a pileup about 30 miles from Springfield');
  assert.equal(isReferencePoint(b, b.length - 1), true);
  const c = toks('a shooting in Springfield');
  assert.equal(isReferencePoint(c, c.length - 1), false);
  const d = toks('rockets fired from Gaza');
  assert.equal(isReferencePoint(d, d.length - 1), false, 'an origin is not a distance');
  const text = 'Fall River, about 50 miles south of Boston, and the city of Boston.';
  assert.equal(followsReferenceWords(text, text.indexOf('Boston')), true);
  assert.equal(followsReferenceWords(text, text.lastIndexOf('Boston')), false);
});
