import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin1OfPlace } from './admin1.js';
import { gazetteer } from './gazetteer.js';
import { resolveToponyms } from './geocoder.js';
import { nameKey } from './normalize.js';

function placeOf(text: string, name: string) {
  const start = text.indexOf(name);
  const [place] = resolveToponyms(text, [{ start, end: start + name.length }], { focusFallback: true });
  assert.ok(place, `${name} resolved`);
  return place;
}

const landmark = (name: string) => gazetteer().aliases(nameKey(name)).find((c) => c.geonameid === undefined);

test('a landmark or district takes the admin1 code of the town it stands in', () => {
  assert.equal(landmark('White House')?.admin1, 'DC');
  assert.equal(landmark('Capitol Hill')?.admin1, 'DC');
  assert.equal(landmark('Wall Street')?.admin1, 'NY');
  assert.equal(landmark('Upper East Side')?.admin1, 'NY');
  assert.equal(landmark('Shibuya')?.admin1, '40', 'Tokyo');
  assert.equal(landmark('Holyrood')?.admin1, 'SCT');
});

test('a landmark between towns of two divisions that the polygons cannot settle, or a wide area, stays without a code; one outside every town takes its polygon\'s', () => {
  assert.equal(landmark('Pentagon')?.admin1, undefined, 'Washington DC and Arlington, Virginia both cover it');
  assert.equal(landmark("O'Hare")?.admin1, 'IL', 'beyond the disc of Chicago: Natural Earth\'s Illinois polygon, far from any border');
  assert.equal(landmark('Gatwick')?.admin1, 'ENG', 'no town covers it; every county polygon near it is in England');
  assert.equal(landmark('Stormont')?.admin1, undefined, 'no town covers it, and the polygons around it have too few towns to name');
  assert.equal(landmark('Home Counties')?.admin1, undefined, 'an area spans divisions');
  assert.equal(landmark('Long Island')?.admin1, undefined);
});

test('the ACLED admin1 of a landmark is its town\'s division', () => {
  const wh = placeOf('Protesters gathered outside the White House on Sunday.', 'White House');
  assert.equal(wh.admin1, 'DC');
  assert.equal(admin1OfPlace(wh), 'District of Columbia');
  const ws = placeOf('Shares fell on Wall Street after the report.', 'Wall Street');
  assert.equal(admin1OfPlace(ws), 'New York State');
});
