import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanTime } from './timex-words.js';

test('timex-words: the CLI writes TIMEX parts of day and seasons as words, unknown values unchanged', () => {
  assert.equal(humanTime('2025-11-18TNI'), '18 Nov 2025, night');
  assert.equal(humanTime('1978-FA'), 'autumn 1978');
  assert.equal(humanTime('XXXX-XX'), 'XXXX-XX');
});
