import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FilterError, parseSort, periodBound, periodOf, resolveEventFilters } from './event-table.js';

test('a month or year bound covers the whole period, for every month length; a non-date is refused', () => {
  assert.equal(periodBound('2011-02', true), '2011-02-28');
  assert.equal(periodBound('2012-02', true), '2012-02-29');
  assert.equal(periodBound('2011-04', true), '2011-04-30');
  assert.equal(periodBound('2011-12', true), '2011-12-31');
  assert.equal(periodBound('2011', true), '2011-12-31');
  assert.equal(periodBound('2011-02', false), '2011-02-01');
  assert.equal(periodBound('2011-02-15', true), '2011-02-15');
  assert.throws(() => periodBound('2011-02-31', true), FilterError);
  assert.throws(() => periodBound('yesterday', false), FilterError);
});

test('filters resolve countries by code or name and admin1 by name; sorts parse', () => {
  assert.deepEqual(resolveEventFilters({ country: ['LY', 'lby', 'Egypt'] }).countries, ['LY', 'LY', 'EG']);
  assert.throws(() => resolveEventFilters({ country: ['Narnia'] }), FilterError);
  const a1 = resolveEventFilters({ country: ['UA'], admin1: ['Ternopil Oblast'] }).admin1;
  assert.deepEqual(a1?.codes, [{ country: 'UA', code: '22' }]);
  const odessa = resolveEventFilters({ admin1: ['Odessa'] }).admin1?.codes.filter((c) => c.country === 'UA');
  assert.equal(odessa?.length, 1);
  assert.deepEqual(resolveEventFilters({ admin1: ['Odesa'] }).admin1?.codes.filter((c) => c.country === 'UA'), odessa, 'another spelling of the seat');
  assert.deepEqual(resolveEventFilters({ type: ['Battles,Riots'] }).types, ['Battles', 'Riots'], 'commas split a list');
  assert.deepEqual(parseSort('-fatalities'), { key: 'fatalities', desc: true });
  assert.deepEqual(parseSort('country:asc'), { key: 'country', desc: false });
  assert.deepEqual(parseSort(undefined), { key: 'date', desc: true });
  assert.throws(() => parseSort('popularity'), FilterError);
  assert.equal(periodOf('2011-02-20', 'week'), '2011-02-14', 'weeks start on Monday');
  assert.equal(periodOf('2011-02-20', 'month'), '2011-02-01');
});
