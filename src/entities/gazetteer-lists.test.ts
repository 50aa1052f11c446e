import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companyCore, surnameOf } from './gazetteer-lists.js';
import { buildGazetteer } from './gazetteer.js';
import { GAZ_KINDS, phraseHash } from './features.js';

test('companyCore strips legal forms and SEC state tags', () => {
  assert.equal(companyCore('COCA COLA CO'), 'COCA COLA');
  assert.equal(companyCore('U.S. SILICA HOLDINGS, INC.'), 'U.S. SILICA');
  assert.equal(companyCore('Apple Inc.'), 'Apple');
  assert.equal(companyCore('TESLA, INC. /DE/'), 'TESLA');
  assert.equal(companyCore('Group Inc'), 'Group');
});

test('surnameOf takes the last capitalised word, skipping Jr.', () => {
  assert.equal(surnameOf('Joseph Robinette Biden Jr.'), 'Biden');
  assert.equal(surnameOf('Amy Klobuchar'), 'Klobuchar');
  assert.equal(surnameOf('Madonna'), null);
});

test('buildGazetteer adds listed names by kind and skips common one-word entries', () => {
  const gaz = buildGazetteer({
    cities: false,
    lists: { person: ['Amy Klobuchar'], surname: ['Klobuchar', 'Young'], company: ['Nvidia', 'Target'], org: ['Reform UK'] },
    commonWord: (w) => w === 'target' || w === 'young',
  });
  const bit = (kind: (typeof GAZ_KINDS)[number]): number => 1 << GAZ_KINDS.indexOf(kind);
  const kinds = (phrase: string): number => gaz.get(phraseHash(phrase.split(' '), 0, phrase.split(' ').length)) ?? 0;
  assert.ok(kinds('Amy Klobuchar') & bit('person'));
  assert.ok(kinds('Klobuchar') & bit('person'));
  assert.equal(kinds('Young') & bit('person'), 0);
  assert.ok(kinds('nvidia') & bit('company'));
  assert.equal(kinds('Target') & bit('company'), 0);
  assert.ok(kinds('Reform UK') & bit('org'));
});
