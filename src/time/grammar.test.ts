import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentText } from '../segment/segment.js';
import { extractTimes, timesForText } from './time.js';
import { commonValue, epochDay, isoDay, isoWeek, weekday } from './calendar.js';
import { pickYear, resolveWeekday } from './grammar.js';

/** The shapes of TIMEX3 values we emit. */
const VALUE = new RegExp(
  [
    '^(?:\\d{4}|XXXX)(?:-(?:\\d\\d|XX)(?:-(?:\\d\\d|XX))?)?(?:T(?:\\d\\d:\\d\\dZ?|MO|AF|EV|NI|MI))?$',
    '^(?:\\d{4}|XXXX)-(?:W\\d\\d|WXX)(?:-(?:\\d|WE))?(?:TNI)?$',
    '^XXXX-WXX-\\d(?:T(?:\\d\\d:\\d\\d|MO|AF|EV|NI))?$',
    '^(?:\\d{4}|XXXX)-(?:Q[1-4X]|H[12]|SP|SU|FA|WI)$',
    '^\\d{2,3}X?$',
    '^XXXX-XX-XXT(?:MO|AF|EV|NI|\\d\\d:\\d\\dZ?)$',
    '^P(?:T?[\\dX.]+(?:Y|M|W|D|H|S|DE|CE|WE|Q))+$',
    '^PT\\d+H\\d+M$',
    '^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$',
    '^XXX$',
  ].join('|'),
);

const WORDS = [
  'on', 'Tuesday', 'Wednesday', 'last', 'next', 'week', 'month', 'year', 'years', 'ago', 'earlier', 'later', 'after',
  'before', 'the', 'past', 'three', 'a', 'day', 'days', 'Oct.', '30', 'June', 'May', '1998', '2025', 'fiscal',
  'third', 'quarter', 'summer', 'the 1990s', 'now', 'recently', 'daily', 'every', 'at', 'noon', '5', 'p.m.', 'GMT',
  'overnight', 'into', 'morning', 'yesterday', 'today', 'will', 'said', 'since', 'until', 'five-hour', 'for', 'around',
  'four', 'hours', 'mid-November', 'late', 'early', ',', '.', '’s', 'and', 'half', '12/03/2025', '2025-11-19', 'Q3',
];

test('any mix of temporal words: no throw, truthful spans, well-formed values, sane ranges', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 40000 }), (words, day) => {
      const text = words.join(' ');
      const { sentences } = segmentText(text);
      const out = extractTimes(text, sentences, { from: day, to: day, confidence: 1 });
      for (const t of out) {
        assert.equal(text.slice(t.start, t.end), t.text);
        assert.ok(t.start < t.end);
        assert.match(t.value, VALUE, `value ${t.value} for "${t.text}"`);
        if (t.range) assert.ok(t.range.from <= t.range.to, `${t.text}: ${t.range.from} > ${t.range.to}`);
        assert.ok(t.confidence >= 0 && t.confidence <= 1);
      }
      for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].end <= out[i].start, 'expressions never overlap');
    }),
    { numRuns: 300 },
  );
});

test('a very long sentence stays fast (linear overlap resolution)', () => {
  const text = Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'on Tuesday' : 'in 1998')).join(' and ');
  const t0 = performance.now();
  const out = timesForText(text, [{ start: 0, end: text.length }], '2025-12-03');
  assert.ok(out.length >= 3000);
  assert.ok(performance.now() - t0 < 3000);
});

test('calendar helpers: ISO weeks, weekdays, common values', () => {
  assert.equal(weekday(epochDay(2025, 12, 3)), 3);
  assert.deepEqual(isoWeek(epochDay(2025, 11, 26)), { year: 2025, week: 48 });
  assert.deepEqual(isoWeek(epochDay(2021, 1, 3)), { year: 2020, week: 53 });
  assert.equal(commonValue('2025-11-05', '2025-11-26'), '2025-11');
  assert.equal(commonValue('2024-12-31', '2025-01-02'), '202');
  assert.equal(isoDay(epochDay(2024, 2, 29)), '2024-02-29');
});

test('news policy: weekdays look back unless the future is cued; yearless months pick the nearer past', () => {
  const wed = epochDay(2025, 12, 3);
  assert.equal(isoDay(resolveWeekday(wed, 2, null, null)), '2025-12-02');
  assert.equal(isoDay(resolveWeekday(wed, 3, null, null)), '2025-12-03');
  assert.equal(isoDay(resolveWeekday(wed, 3, null, 'last')), '2025-11-26');
  assert.equal(isoDay(resolveWeekday(wed, 5, 'future', null)), '2025-12-05');
  assert.equal(isoDay(resolveWeekday(wed, 3, null, 'next')), '2025-12-10');
  assert.equal(pickYear(wed, 6, null, null), 2025);
  assert.equal(pickYear(wed, 1, 5, null), 2026, 'Jan. 5 said on Dec. 3 is a month ahead');
  assert.equal(pickYear(wed, 1, 5, 'past'), 2025);
  assert.equal(pickYear(wed, 11, 28, 'future'), 2025, 'a deadline a few days past stays this year');
});
