import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin1Name, admin1Named, admin1OfPlace } from './admin1.js';
import { resolveToponyms } from './geocoder.js';

/** The place the geocoder gives the one name in a sentence. */
function placeOf(text: string, name: string) {
  const start = text.indexOf(name);
  const [place] = resolveToponyms(text, [{ start, end: start + name.length }], { focusFallback: true });
  assert.ok(place, `${name} resolved`);
  return place;
}

test('a town is put in its division by name, never by the name of the division\'s seat', () => {
  const cases: Array<[string, string, string, string]> = [
    ['Car bombs killed 12 people in Mosul, Iraq, on Tuesday.', 'Mosul', 'IQ', 'Nineveh'],
    ['Rebels held Benghazi in eastern Libya.', 'Benghazi', 'LY', 'Banghazi'],
    ['Missiles struck Kharkiv overnight, Ukrainian officials said.', 'Kharkiv', 'UA', 'Kharkiv'],
    ['A drone hit an apartment block in Ternopil, in western Ukraine.', 'Ternopil', 'UA', 'Ternopil'],
    ['Gunmen attacked a market in Kano, northern Nigeria.', 'Kano', 'NG', 'Kano'],
    ['Shelling continued in Aleppo, Syria.', 'Aleppo', 'SY', 'Aleppo'],
    ['Government forces retook Ajdabiya in Libya.', 'Ajdabiya', 'LY', 'Al Wahat'],
    ['Police dispersed a rally in Houston, Texas.', 'Houston', 'US', 'Texas'],
    // The gazetteer's dump codes Sanaa to the governorate around it; the newer dump to the capital's own division.
    ['Air strikes hit Sanaa, the Yemeni capital.', 'Sanaa', 'YE', 'Amanat Alasimah'],
    // Vietnam's provinces were renumbered between the two dumps: the town's own record still names its division.
    ['Floods reached Hanoi, Vietnam.', 'Hanoi', 'VN', 'Hanoi'],
  ];
  for (const [text, name, country, division] of cases) {
    const place = placeOf(text, name);
    assert.equal(place.country, country, name);
    assert.equal(admin1OfPlace(place), division, name);
  }
});

test('a code no table names has no name (never a seat city), and a country has no division', () => {
  assert.equal(admin1Name('IQ', '15'), 'Nineveh');
  assert.equal(admin1Name('IQ', '99'), null);
  assert.equal(admin1Name('VN', '34'), null, 'renumbered between the two GeoNames dumps: left out, not a wrong name');
  const mosul = placeOf('Car bombs killed 12 people in Mosul, Iraq.', 'Mosul');
  assert.equal(admin1OfPlace({ ...mosul, admin1: '99' }), null);
  assert.equal(admin1OfPlace({ ...mosul, name: 'Iraq', precision: 'country', admin1: undefined }), null);
});

test('a region without a code is named as GeoNames names its division, else by itself', () => {
  const region = (name: string, country: string) => ({ name, country, precision: 'region' as const, lat: 0, lon: 0 });
  assert.equal(admin1OfPlace(region('Idlib Province', 'SY')), 'Idlib');
  assert.equal(admin1OfPlace(region('Kano State', 'NG')), 'Kano');
  assert.equal(admin1OfPlace(region('Donbas', 'UA')), 'Donbas', 'no GeoNames division of that name: the region itself');
});

test('filter names find divisions by their name, with or without its kind word, and by their seat', () => {
  const ua = (name: string) => admin1Named(name).filter((r) => r.country === 'UA');
  assert.deepEqual(ua('Ternopil Oblast'), [{ country: 'UA', code: '22' }]);
  assert.deepEqual(ua('Kharkiv'), [{ country: 'UA', code: '07' }]);
  assert.deepEqual(admin1Named('Nineveh'), [{ country: 'IQ', code: '15' }]);
  assert.deepEqual(admin1Named('Mosul'), [{ country: 'IQ', code: '15' }], 'by its seat');
  assert.ok(admin1Named('Kano').some((r) => r.country === 'NG' && r.code === '29'));
  assert.ok(admin1Named('Banghazi').some((r) => r.country === 'LY' && r.code === '69'));
});
