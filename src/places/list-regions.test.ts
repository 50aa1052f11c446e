import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveToponyms } from './geocoder.js';

function resolve(text: string, names: string[]) {
  const spans = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length }));
  return resolveToponyms(text, spans);
}

test('a list of states reads every member as a state: "Washington, Oregon and California" has no Washington, D.C.', () => {
  const out = resolve('Wildfires burned in Washington, Oregon and California on Sunday.', ['Washington', 'Oregon', 'California']);
  for (const p of out) {
    assert.equal(p?.precision, 'region');
    assert.equal(p?.country, 'US');
  }
  assert.equal(out[0]?.admin1, 'WA');
});

test('a list needs one reading for all its members: two capitals, a list of countries, towns with their states', () => {
  const capitals = resolve('Talks between Washington and Moscow stalled.', ['Washington', 'Moscow']);
  assert.equal(capitals[0]?.precision, 'city');
  assert.equal(capitals[1]?.country, 'RU');
  const countries = resolve('Troops from Georgia and Armenia met.', ['Georgia', 'Armenia']);
  assert.equal(countries[0]?.country, 'GE');
  const dc = resolve('Fans came from as far as Texas and Washington, D.C., to the festival.', ['Texas', 'Washington']);
  assert.equal(dc[1]?.precision, 'city', 'Washington, D.C. heads a qualified pair, no list');
  const towns = resolve('Shootings in Dayton, Ohio and El Paso, Texas shocked the nation.', ['Dayton', 'Ohio', 'El Paso', 'Texas']);
  assert.equal(towns[0]?.precision, 'city');
  assert.equal(towns[2]?.precision, 'city');
  assert.equal(towns[2]?.admin1, 'TX');
  const pair = resolve('Flights between New York and Washington were cancelled.', ['New York', 'Washington']);
  assert.equal(pair[0]?.precision, 'city', 'two names, one first of all a town: two cities, no list of states');
  assert.equal(pair[1]?.precision, 'city');
  const states = resolve('Storms hit Oregon and Idaho overnight.', ['Oregon', 'Idaho']);
  assert.equal(states[0]?.precision, 'region');
});
