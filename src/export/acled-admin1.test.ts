import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Place } from '../core/layers.js';
import { extractEvents } from '../events/extract.js';
import { buildDoc, STRIKE_DOC } from '../events/testdoc.js';
import { admin1OfPlace } from '../places/admin1.js';
import { resolveToponyms } from '../places/geocoder.js';
import { ACLED_COLUMNS, acledExport } from './acled.js';
import { toGeoJson, toJsonl } from './formats.js';
import { singleSourceEvents } from './types.js';

/** The place the geocoder gives `name` in a hand-written sentence. */
function placeOf(text: string, name: string): Place {
  const start = text.indexOf(name);
  const [place] = resolveToponyms(text, [{ start, end: start + name.length }], { focusFallback: true });
  assert.ok(place, `${name} resolved`);
  return { ...place, text: name, start, end: start + name.length };
}

/** The strike document's Rivne event, moved to `place`. */
function eventAt(place: Place) {
  const { article, layers } = buildDoc(STRIKE_DOC);
  layers.events = extractEvents(article, layers);
  const [rivne] = singleSourceEvents(article, layers).filter((x) => x.event.place?.name === 'Rivne');
  return { ...rivne, event: { ...rivne.event, place: { ...place, confidence: 1 } } };
}

const cell = (row: unknown[], name: string) => row[ACLED_COLUMNS.indexOf(name as (typeof ACLED_COLUMNS)[number])];

test('a landmark no single town covers takes the division Natural Earth\'s polygons decide: O\'Hare → Illinois', () => {
  const ohare = placeOf("Protesters blocked a terminal at O'Hare on Monday.", "O'Hare");
  assert.equal(ohare.admin1, 'IL');
  const { rows, leftOut } = acledExport([eventAt(ohare)]);
  assert.equal(rows.length, 1);
  assert.equal(cell(rows[0], 'admin1'), 'Illinois');
  assert.equal(leftOut.noAdmin1, 0);
});

test('a GeoNames code the newer table leaves unnamed is named after the polygon of the same area: Jayapura → Papua', () => {
  const jayapura = placeOf('Police fired on protesters in Jayapura on Friday.', 'Jayapura');
  assert.deepEqual([jayapura.country, jayapura.admin1], ['ID', '36']);
  assert.equal(admin1OfPlace(jayapura), 'Papua');
  const { rows } = acledExport([eventAt(jayapura)]);
  assert.equal(cell(rows[0], 'admin1'), 'Papua');
});

test('a landmark on a border the polygons cannot settle is left out of ACLED CSV and counted, and stays in every other export', () => {
  const pentagon = placeOf('A drone crashed near the Pentagon on Monday.', 'Pentagon');
  assert.equal(pentagon.admin1, undefined, 'the District of Columbia lies 0.5 km away: nearer than the polygons\' error');
  assert.equal(admin1OfPlace(pentagon), null, 'never the nearest town\'s division');
  const ev = eventAt(pentagon);
  const { rows, leftOut } = acledExport([ev]);
  assert.equal(rows.length, 0, 'no row with a blank admin1');
  assert.deepEqual(leftOut, { outOfScope: 0, noDate: 0, noPlace: 0, countryOnly: 0, noAdmin1: 1 });
  assert.equal(toGeoJson([ev]).features.length, 1);
  assert.equal(toJsonl([ev]).trim().split('\n').length, 1);
});

test('a town whose code no table names is left out the same way, never named after a neighbour', () => {
  const ev = eventAt({ ...placeOf('Shelling hit Rivne overnight.', 'Rivne'), admin1: 'ZZ', geonameid: undefined });
  assert.equal(acledExport([ev]).leftOut.noAdmin1, 1);
});
