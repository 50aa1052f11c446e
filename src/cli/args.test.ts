import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countFlag, isCalendarDate, parseArgs } from './args.js';

const spec = { values: ['limit', 'offset'] };

test('args: count flags take whole numbers ≥ 0; negative or fractional counts are usage errors', () => {
  assert.equal(countFlag(parseArgs(['--limit', '0'], spec), 'limit', 50), 0);
  assert.equal(countFlag(parseArgs([], spec), 'limit', 50), 50);
  assert.equal(countFlag(parseArgs(['--limit=1e20'], spec), 'limit', 50), Number.MAX_SAFE_INTEGER);
  for (const bad of ['-1', '-5', '2.5', 'abc', 'Infinity']) {
    assert.throws(() => countFlag(parseArgs([`--offset=${bad}`], spec), 'offset', 0), /USAGE|whole number|must be a number/, bad);
  }
});

test('args: calendar dates must exist (no 30 February, no month 13), leap years honoured', () => {
  for (const ok of ['2025-02-28', '2024-02-29', '2000-02-29', '2025-12-31', '2025-11', '2025', '0001-01-01']) assert.ok(isCalendarDate(ok), ok);
  for (const bad of ['2025-02-29', '2025-02-30', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00', '2025-1-1', 'yesterday']) {
    assert.ok(!isCalendarDate(bad), bad);
  }
});
