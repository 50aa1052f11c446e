import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveToponyms } from './geocoder.js';
import { isMappable, MAP_CONFIDENCE } from './mappable.js';
import { distanceKm } from './normalize.js';

/** Spans of each listed name (every occurrence), resolved jointly with the focus fallback on. */
function resolve(text: string, names: string[]) {
  const spans: Array<{ start: number; end: number; name: string }> = [];
  for (const name of names) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) spans.push({ start: at, end: at + name.length, name });
  spans.sort((a, b) => a.start - b.start);
  const out = resolveToponyms(text, spans, { focusFallback: true });
  return (name: string) => out[spans.findIndex((s) => s.name === name)];
}

test('"Columbus, Georgia" written as two names is the Georgia city and the US state', () => {
  const at = resolve('Police in Columbus, Georgia, are investigating a shooting.', ['Columbus', 'Georgia']);
  assert.equal(at('Columbus')?.admin1, 'GA');
  assert.equal(at('Georgia')?.country, 'US');
});

test('a street is no town: "Wayne Avenue" gives no Wayne, New Jersey', () => {
  const at = resolve('A man was shot on Wayne Avenue in Dayton, Ohio.', ['Wayne Avenue', 'Dayton', 'Ohio']);
  const wayne = at('Wayne Avenue');
  assert.ok(!wayne || wayne.source === 'focus', JSON.stringify(wayne));
  assert.equal(at('Dayton')?.admin1, 'OH');
});

test('containment in the text wins: an unknown name "in southern Iraq" is put in Iraq, not by another town', () => {
  const at = resolve('A bomb went off in Qxzvabad in southern Iraq. Officials in London condemned it. London said more.', ['Qxzvabad', 'Iraq', 'London']);
  const q = at('Qxzvabad');
  assert.equal(q?.country, 'IQ');
  assert.equal(q?.source, 'focus');
});

test('a small town of another state than the one the article is local to is unknown, not mapped', () => {
  const text = 'Four people were killed at a party in Ensley, police in Birmingham, Alabama said. Birmingham police asked for help. The Alabama Bureau of Investigation joined.';
  const at = resolve(text, ['Ensley', 'Birmingham', 'Alabama']);
  const ensley = at('Ensley');
  assert.ok(ensley, 'placed near the article’s town');
  assert.equal(ensley.source, 'focus');
  assert.ok(!isMappable({ ...ensley, near: 'Birmingham' }));
  assert.ok(distanceKm(ensley.lat, ensley.lon, 33.52, -86.81) < 30);
  assert.ok(MAP_CONFIDENCE > ensley.confidence);
});

test('"Washington state" is the state; "Halle" is Halle (Saale); "Lake Victoria" is no Victoria', () => {
  const wa = resolve('TACOMA, Wash. – A man threw devices at an immigration jail in Washington state early Saturday.', ['TACOMA', 'Washington']);
  assert.equal(wa('Washington')?.precision, 'region');
  assert.equal(wa('Washington')?.admin1, 'WA');
  const halle = resolve('A gunman attacked a synagogue in Halle, Germany, on Yom Kippur.', ['Halle', 'Germany']);
  assert.ok(distanceKm(halle('Halle')!.lat, halle('Halle')!.lon, 51.48, 11.97) < 20, 'GeoNames names it "Halle (Saale)"');
  const lake = resolve('The plane crashed into Lake Victoria near Bukoba, Tanzania.', ['Lake Victoria', 'Bukoba', 'Tanzania']);
  const v = lake('Lake Victoria');
  assert.ok(!v || v.source === 'focus', JSON.stringify(v));
});
