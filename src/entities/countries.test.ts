import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryOfDemonym, countryOfName } from './countries.js';

test('countries: names and aliases match in any case, acronyms only as written', () => {
  assert.equal(countryOfName('Britain'), 'United Kingdom');
  assert.equal(countryOfName('great britain'), 'United Kingdom');
  assert.equal(countryOfName('U.S.'), 'United States');
  assert.equal(countryOfName('US'), 'United States');
  assert.equal(countryOfName('CAR'), 'Central African Republic');
  assert.equal(countryOfName('car'), undefined, 'a car is not the Central African Republic');
  assert.equal(countryOfName('us'), undefined, '"told us" names no country');
  assert.equal(countryOfName('Drc'), undefined);
  assert.equal(countryOfDemonym('israeli'), 'Israel');
});
