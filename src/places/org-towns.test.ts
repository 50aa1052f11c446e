import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, Mention, Place } from '../core/layers.js';
import { orgTowns, resolveOrgTown, townInOrgName } from './org-towns.js';

const region = (name: string, admin1: string, lat: number, lon: number, start = 500): Place => ({
  start, end: start + name.length, text: name, name, lat, lon, country: 'US', admin1, precision: 'region', confidence: 0.98,
});

test('the town part of an organisation name: before an institution word, after "University of", or the bare name', () => {
  assert.deepEqual(townInOrgName('Tigard Police Department'), { town: 'Tigard', at: 0 });
  assert.deepEqual(townInOrgName('St. Louis Metropolitan Police Department'), { town: 'St. Louis', at: 0 });
  assert.deepEqual(townInOrgName('Gadsden City School'), { town: 'Gadsden', at: 0 });
  assert.deepEqual(townInOrgName('University of Pittsburgh'), { town: 'Pittsburgh', at: 14 });
  assert.deepEqual(townInOrgName("Seattle's"), { town: 'Seattle', at: 0 });
  assert.equal(townInOrgName('Seattle Times'), null, 'a newspaper is no town');
  assert.equal(townInOrgName('Home Depot')?.town, 'Home Depot', 'a bare name is read whole; the gazetteer then has no such town');
  assert.equal(resolveOrgTown('Home Depot', []), null);
  assert.equal(townInOrgName('Federal Bureau of Investigation'), null);
});

test('an organisation’s town resolves only in the article’s context: its state named, or a big city without rival namesakes', () => {
  const maryland = region('Maryland', 'MD', 39.0, -76.7);
  assert.equal(resolveOrgTown('Joppatowne', [maryland])?.admin1, 'MD');
  assert.equal(resolveOrgTown('Joppatowne', []), null, 'a small town with no context');
  assert.equal(resolveOrgTown('Moscow', [region('Idaho', 'ID', 44.2, -114.6)])?.admin1, 'ID', 'the namesake in the state the article names');
  assert.equal(resolveOrgTown('Delaware', [region('Delaware', 'DE', 39.0, -75.5)]), null, 'a state is no town');
  assert.equal(resolveOrgTown('Pittsburgh', [])?.admin1, 'PA', 'a big city with no namesake of its size');
  assert.equal(resolveOrgTown('Moscow', []), null, 'a capital typed ORG is its government');
  const paris = { ...region('Paris', '11', 48.85, 2.35), country: 'FR', precision: 'city' as const };
  assert.equal(resolveOrgTown('Pittsburgh', [paris]), null, 'not when the article is set abroad');
});

test('towns in organisation names and in "X police" are found as evidence, never inside a county name or twice', () => {
  const text = 'A man was shot at Joppatowne High School on Friday, Maryland police said. Baltimore police helped. Harford County Sheriff Jeff Gahler spoke.';
  const school = { start: text.indexOf('Joppatowne'), end: text.indexOf('Joppatowne') + 'Joppatowne High School'.length };
  const entities: Entity[] = [{ id: 'e0', ...school, name: 'Joppatowne High School', type: 'ORG', mentions: [school], roles: [], key: 'joppatowne high school', confidence: 0.9 }];
  const mentions: Mention[] = [{ ...school, text: 'Joppatowne High School', entity: 0, kind: 'name' }];
  const md = region('Maryland', 'MD', 39.0, -76.7, text.indexOf('Maryland'));
  const towns = orgTowns(text, entities, mentions, [md]);
  assert.deepEqual(
    towns.map((t) => [t.text, t.admin1, t.entity]),
    [
      ['Joppatowne', 'MD', 'e0'],
      ['Baltimore', 'MD', undefined],
    ],
  );
  assert.equal(towns[0].start, school.start);
});
