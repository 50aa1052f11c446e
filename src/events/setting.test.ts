import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Place } from '../core/layers.js';
import { articleSetting, sceneOrSetting } from './setting.js';

const place = (name: string, start: number, lat: number, lon: number, extra: Partial<Place> = {}): Place => ({
  start, end: start + name.length, text: name, name, lat, lon, country: 'US', admin1: 'OH', precision: 'city', confidence: 0.95, ...extra,
});

test('the setting of a local report is its lead town; far-apart towns, guesses or a town told only later give none', () => {
  const dayton = place('Dayton', 10, 39.76, -84.19);
  const kettering = place('Kettering', 200, 39.69, -84.17);
  assert.equal(articleSetting([dayton, kettering, place('Dayton', 300, 39.76, -84.19)], 120)?.name, 'Dayton');
  assert.equal(articleSetting([dayton, place('Berlin', 200, 52.52, 13.4, { country: 'DE' })], 120), null, 'towns far apart');
  assert.equal(articleSetting([{ ...dayton, confidence: 0.2, near: 'Dayton' }], 120), null, 'a guess is no setting');
  assert.equal(articleSetting([place('Gao', 150, 16.27, -0.04, { country: 'ML' })], 120), null, 'a town only past the lead');
  assert.equal(articleSetting([place('Ohio', 5, 40.4, -82.9, { precision: 'region' })], 120), null, 'a state is no setting');
});

test('an event keeps a town of its own; no place or the setting’s own state or country gives way to the setting', () => {
  const dayton = place('Dayton', 10, 39.76, -84.19);
  const ohio = place('Ohio', 40, 40.4, -82.9, { precision: 'region' });
  const texas = place('Texas', 40, 31.0, -99.0, { precision: 'region', admin1: 'TX' });
  const lima = place('Lima', 60, 40.74, -84.1);
  assert.equal(sceneOrSetting(null, dayton)?.name, 'Dayton');
  assert.equal(sceneOrSetting(ohio, dayton)?.name, 'Dayton');
  assert.equal(sceneOrSetting(texas, dayton)?.name, 'Texas');
  assert.equal(sceneOrSetting(lima, dayton)?.name, 'Lima');
  assert.equal(sceneOrSetting(null, null), null);
});

test('a wire report keeps its lead town as setting when far towns are named fewer times in all; a "CNN —" line is no lead', async () => {
  const { leadEnd } = await import('./setting.js');
  const vb = (start: number) => place('Virginia Beach', start, 36.85, -75.98, { admin1: 'VA' });
  const dc = place('Washington', 900, 38.9, -77.04, { admin1: 'DC' });
  assert.equal(articleSetting([vb(10), vb(300), vb(600), dc], 120)?.name, 'Virginia Beach');
  assert.equal(articleSetting([vb(10), dc, place('Boston', 950, 42.36, -71.06)], 120), null, 'far towns named as often in all');
  const text = 'CNN —\n\nFive people were killed in a shooting in Vaughan on Sunday, police said.';
  assert.equal(leadEnd([{ start: 0, end: 5 }, { start: 7, end: text.length }], text), text.length);
});

test('towns pool their weight: a lead town with its suburbs and an organisation’s town outweighs an aside, but a far lead town with a dateline gives none', async () => {
  const { townEvidence, dominantTown, isDatelineLike } = await import('./setting.js');
  const tigard = place('Tigard', 10, 45.43, -122.77, { admin1: 'OR' });
  const portland = place('Portland', 40, 45.52, -122.68, { admin1: 'OR' });
  const salem = place('Salem', 600, 44.94, -123.04, { admin1: 'OR' });
  const dc = place('White House', 800, 38.9, -77.04, { admin1: 'DC', precision: 'point' });
  const orgTigard = place('Tigard', 300, 45.43, -122.77, { admin1: 'OR', confidence: 0.7 });
  const ev = townEvidence([tigard, portland, salem, dc], 120, undefined, [orgTigard]);
  assert.equal(dominantTown(ev)?.name, 'Tigard', 'Tigard 2 + org 1 + Portland 2 against Salem 1, the White House 1');
  // "Islamabad, Pakistan CNN —" over a lead that tells of Gujranwala, 200 km away: the dateline is one mention.
  const text = 'Islamabad, Pakistan CNN — \n\nA gunman shot at a rally outside Gujranwala on Thursday, killing one.';
  const isb = place('Islamabad', 0, 33.7, 73.06, { country: 'PK', admin1: '08' });
  const guj = place('Gujranwala', text.indexOf('Gujranwala'), 32.16, 74.19, { country: 'PK', admin1: '04' });
  assert.ok(isDatelineLike(text, isb));
  const w = townEvidence([isb, guj, { ...isb, start: 400, end: 409 }], text.length, text);
  assert.deepEqual(w.map((e) => e.weight), [1, 2, 1]);
  assert.equal(dominantTown(w), null, 'Islamabad 2 against Gujranwala 2');
  assert.ok(isDatelineLike('TACOMA, Wash. – A man', place('TACOMA', 0, 47.25, -122.44)));
  assert.ok(!isDatelineLike('Police in Tacoma — a city', place('Tacoma', 10, 47.25, -122.44)));
});

test('an event told only in a state takes the town that dominates the article’s towns of that state', async () => {
  const { townEvidence, sceneOrSetting } = await import('./setting.js');
  const georgia = place('Georgia', 5, 32.7, -83.4, { admin1: 'GA', precision: 'region' });
  const atlanta = (start: number) => place('Atlanta', start, 33.75, -84.39, { admin1: 'GA' });
  const minneapolis = place('Minneapolis', 900, 44.98, -93.27, { admin1: 'MN' });
  const ev = townEvidence([georgia, atlanta(400), atlanta(700), minneapolis], 120);
  assert.equal(sceneOrSetting(georgia, null, ev)?.name, 'Atlanta');
  const macon = place('Macon', 800, 32.84, -83.63, { admin1: 'GA' });
  const tie = townEvidence([georgia, atlanta(400), macon], 120);
  assert.equal(sceneOrSetting(georgia, null, tie)?.name, 'Georgia', 'two towns of the state told alike: the state stays');
});

test('the setting of a long article with a town in every sentence and no line breaks is found in linear time', () => {
  // 20,000 sentences on one line, each naming Dayton or its suburb Kettering: the dateline check
  // once searched back for the line's start from every place, and every mention's pool summed all mentions.
  const sentence = 'Police in Dayton said the road near Kettering was closed on Tuesday. ';
  const text = sentence.repeat(20_000);
  const places: Place[] = [];
  for (let k = 0; k < 20_000; k++) {
    places.push(place('Dayton', k * sentence.length + 10, 39.76, -84.19));
    places.push(place('Kettering', k * sentence.length + 36, 39.69, -84.17));
  }
  const started = process.cpuUsage();
  const setting = articleSetting(places, 1000, text);
  const used = process.cpuUsage(started);
  assert.equal(setting?.name, 'Dayton', 'the lead town, as on a short article');
  // The quadratic version took minutes here; linear work is a few tens of milliseconds.
  assert.ok((used.user + used.system) / 1000 < 2000, `${((used.user + used.system) / 1000).toFixed(0)} ms`);
});
