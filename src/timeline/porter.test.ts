import { test } from 'node:test';
import assert from 'node:assert/strict';
import { porterStem } from './porter.js';

test('Porter stems of the paper examples', () => {
  const cases: Record<string, string> = {
    caresses: 'caress', ponies: 'poni', cats: 'cat', feed: 'feed', agreed: 'agre', plastered: 'plaster', motoring: 'motor',
    conflated: 'conflat', hopping: 'hop', filing: 'file', happy: 'happi', relational: 'relat', conditional: 'condit',
    generalization: 'gener', electrical: 'electr', adjustment: 'adjust', adoption: 'adopt', controll: 'control', rate: 'rate',
    earthquakes: 'earthquak', devastating: 'devast',
  };
  for (const [w, s] of Object.entries(cases)) assert.equal(porterStem(w), s, w);
  assert.equal(porterStem('Haiti'), 'Haiti', 'not lowercase ASCII: unchanged');
});
