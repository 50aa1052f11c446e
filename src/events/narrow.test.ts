import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord, TimeExpr } from '../core/layers.js';
import { narrowToStatedDay } from './narrow.js';

const week: EventRecord['date'] = { value: '2024-W43', precision: 'range', range: { from: '2024-10-21', to: '2024-10-27' }, how: 'stated' };
const day = (d: string, start: number, stated = ['month', 'day']): TimeExpr => ({
  start, end: start + 8, text: d, type: 'DATE', value: d, range: { from: d, to: d }, anchor: 'published', stated, implied: [], confidence: 1,
});

test('a week is narrowed to the one day the lead states inside it', () => {
  assert.equal(narrowToStatedDay(week, [day('2024-10-24', 150)], 400)?.value, '2024-10-24');
});

test('two days in the week, a day past the lead, a day outside it or a long range: no narrowing', () => {
  assert.equal(narrowToStatedDay(week, [day('2024-10-24', 150), day('2024-10-22', 200)], 400)?.value, '2024-W43');
  assert.equal(narrowToStatedDay(week, [day('2024-10-24', 900)], 400)?.value, '2024-W43');
  assert.equal(narrowToStatedDay(week, [day('2024-10-29', 150)], 400)?.value, '2024-W43');
  assert.equal(narrowToStatedDay(week, [day('2024-10-24', 150, ['offset'])], 400)?.value, '2024-W43', 'a weekday the text implies is no stated day');
  const month: EventRecord['date'] = { value: '2024-10', precision: 'month', range: { from: '2024-10-01', to: '2024-10-31' }, how: 'stated' };
  assert.equal(narrowToStatedDay(month, [day('2024-10-24', 150)], 400)?.value, '2024-10');
});
