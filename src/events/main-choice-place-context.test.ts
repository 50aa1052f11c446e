import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../core/article.js';
import type { Place } from '../core/layers.js';
import { lookup } from '../places/geocoder.js';
import { placeContext, placeContextFeatures } from './main-choice-place-context.js';

const place = (name: string, country: string, precision: Place['precision'], admin1?: string): Place => ({
  start: 0, end: name.length, text: name, name, lat: 0, lon: 0, country, admin1, precision, confidence: 0.9,
});

const MARANA = place('Marana', 'US', 'city', 'AZ');
const SCOTTSDALE = place('Scottsdale', 'US', 'city', 'AZ');
const DOVER = place('Dover', 'US', 'city', 'DE');
const ARIZONA = place('Arizona', 'US', 'region');
const CANADA = place('Canada', 'CA', 'country');

test('the headline naming the town, and the state and country the article names, are features of a place candidate', () => {
  const article = makeArticle({ origin: { file: 't.txt', format: 'text' }, text: 'Two people are dead after a mid-air collision.', title: 'Marana, Arizona plane crash: 2 dead after mid-air collision' });
  const pc = placeContext(article, [MARANA, SCOTTSDALE, DOVER, ARIZONA, CANADA]);
  const marana = placeContextFeatures(MARANA, ['Marana'], pc);
  assert.ok(marana.includes('title') && marana.includes('state') && marana.includes('countryOther'), marana.join(' '));
  const scottsdale = placeContextFeatures(SCOTTSDALE, ['Scottsdale'], pc);
  assert.ok(!scottsdale.includes('title') && scottsdale.includes('state'), scottsdale.join(' '));
  const dover = placeContextFeatures(DOVER, ['Dover'], pc);
  assert.ok(dover.includes('stateOther') && !dover.includes('state'), dover.join(' '));
});

test('a name inside a longer word of the headline is no mention; accents and case are ignored', () => {
  const article = makeArticle({ origin: { file: 't.txt', format: 'text' }, text: 'x', title: 'DOVERSVILLE MAN HURT; Bærum mosque gunman charged' });
  const pc = placeContext(article, []);
  assert.deepEqual(placeContextFeatures(DOVER, ['Dover'], pc), []);
  assert.deepEqual(placeContextFeatures(place('Baerum', 'NO', 'city'), ['Bærum'], pc), ['title']);
});

test('a town known to the gazetteer carries its population bucket (a newsroom city is big, a local report town small)', () => {
  const town = (name: string): Place => {
    const c = lookup(name).cands.find((x) => x.precision === 'city' && x.country === 'US')!;
    return { ...place(name, 'US', 'city', c.admin1), geonameid: c.geonameid, lat: c.lat, lon: c.lon };
  };
  const article = makeArticle({ origin: { file: 't.txt', format: 'text' }, text: 'x', title: null });
  const pc = placeContext(article, []);
  assert.ok(placeContextFeatures(town('Marana'), ['Marana'], pc).includes('pop<100k'));
  assert.ok(placeContextFeatures(town('Chicago'), ['Chicago'], pc).includes('pop>=1M'));
  assert.ok(!placeContextFeatures(MARANA, ['Marana'], pc).some((f) => f.startsWith('pop')), 'no id, no population');
});
