import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin2OfPlace } from './admin2.js';
import { resolveToponyms } from './geocoder.js';

function placeOf(text: string, name: string) {
  const start = text.indexOf(name);
  const [place] = resolveToponyms(text, [{ start, end: start + name.length }], { focusFallback: true });
  assert.ok(place, `${name} resolved`);
  return place;
}

test('a town\'s second-level division is GeoNames\' district, raion or county of that town', () => {
  const cases: Array<[string, string, string]> = [
    ['Car bombs killed 12 people in Mosul, Iraq.', 'Mosul', 'Mosul'],
    ['Missiles struck Kharkiv overnight, Ukrainian officials said.', 'Kharkiv', 'Kharkiv Raion'],
    ['Fighting went on around Bakhmut in eastern Ukraine.', 'Bakhmut', 'Bakhmut Raion'],
    ['Police dispersed a rally in Houston, Texas.', 'Houston', 'Harris County'],
    ['Riot police were deployed in Lyon, France.', 'Lyon', 'Rhône'],
  ];
  for (const [text, name, district] of cases) assert.equal(admin2OfPlace(placeOf(text, name)), district, name);
});

test('no second-level division where GeoNames gives the town none, or the place is no town', () => {
  assert.equal(admin2OfPlace(placeOf('Shelling continued in Aleppo, Syria.', 'Aleppo')), null);
  const mosul = placeOf('Car bombs killed 12 people in Mosul, Iraq.', 'Mosul');
  assert.equal(admin2OfPlace({ ...mosul, precision: 'region' }), null);
  assert.equal(admin2OfPlace({ ...mosul, geonameid: undefined }), null);
  assert.equal(admin2OfPlace(null), null);
});
