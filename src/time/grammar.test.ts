import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentText } from '../segment/segment.js';
import { extractTimes, timesForText } from './time.js';
import { commonValue, epochDay, isoDay, isoWeek, parseIsoDay, weekday } from './calendar.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCandidates, pickYear, prefilterMisses, resolveWeekday, type CandidateMemo } from './grammar.js';

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
    '^BC\\d{4}$',
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

/** Hand-made sentences touching every rule, in the odd forms a prefilter could miss. */
const PREFILTER_CASES = [
  'They met at 5pm, at 10:30 a.m. EST, at 4 in the morning, at eight p.m. and at 21:30 GMT, then at noon and midnight.',
  'The day before yesterday, early today, tomorrow evening and tonight; this morning and last night; mid-morning, late-night.',
  'Overnight into Wednesday morning; the previous Friday; late on Tuesday’s session; this coming Sunday; Mon. and Thurs. too.',
  'Every Friday, on Mondays and over weekends, each weekend.',
  'On Monday, Oct. 26, 1998, in late November, last May, February the twenty-fourth, June of last year, SEPTEMBER 2001.',
  'The week of March 6, 2000; April 24 and 25; the 5th of May 2004; March 5-7 and 5–6 March 2005; 2025-11-19 and 11/19/2025.',
  'In fiscal 1990, the end of 1990, early-2024, in ’96, the summer of ’97, Dec. 25, ’97 and FY2001.',
  'The 1990s, the ’90s, the mid-1980s, the nineties, the 20th century and the late-19th-century.',
  'The third quarter, third-quarter, Q3 2025, 4Q, the fourth quarter of last year, the first half, the 1988 quarter.',
  'The corresponding period last year, the same quarter a year ago, the latest quarter, the year-ago period.',
  'This summer, last fall, the spring of 1990, winter of next year; this week, the past year, earlier this month.',
  'A week ago Friday, two weeks from Tuesday; three days later, a year earlier, 10 YEARS AGO, a decade and a half ago.',
  'Year-ago, a year ago; a five-hour wait, the past three years, for around four hours, 2 1/2 days, centuries-long.',
  'For years, over decades, decades-long; in recent weeks, the coming days, the months ahead; right now, currently, nowadays.',
  'At the moment, these days, the near term, recently; daily, weekly, semiannually, every other week, per hour, each night.',
  'Nineteen ninety-eight, twenty twenty-five, the year two thousand and one; the full-year, later in the week, the past days.',
  'Year-end, year’s end, later that day; Christmas Eve, New Year’s Day, Good Friday, Easter 2020, Martin Luther King Jr. Day.',
  'Unicode next to words: three years ago\u212A, \u0130yesterday, week\u0130, the past\u00a0year, March\u00a05.',
];

test('rule prefilters never reject a sentence the rule matches (hand-made sentences, random word mixes)', () => {
  for (const s of PREFILTER_CASES) assert.deepEqual(prefilterMisses(s), [], s);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }), (words) => {
      const text = words.join(' ');
      assert.deepEqual(prefilterMisses(text), [], text);
    }),
    { numRuns: 300 },
  );
});

test('a per-article memo of rule candidates changes nothing: same candidates and resolutions, chrono on or off', () => {
  const memo: CandidateMemo = new Map();
  const ctx = { anchor: epochDay(2025, 12, 3), dir: null, lastDay: null, lastQuarter: null };
  const view = (s: string, chrono: boolean, m?: CandidateMemo): unknown =>
    findCandidates(s, chrono, m).map((c) => [c.start, c.end, c.rule, c.prio, c.resolve(ctx).value]);
  for (const s of [...PREFILTER_CASES, 'Talks on 3/4/2025 and Sept 9th at 10:00 went on.']) {
    const plain = view(s, false);
    const plainChrono = view(s, true);
    assert.deepEqual(view(s, false, memo), plain, s);
    assert.deepEqual(view(s, true, memo), plainChrono, s);
    assert.deepEqual(view(s, false, memo), plain, s);
  }
  assert.ok(memo.size >= PREFILTER_CASES.length);
});

const BBC = '../shared/data/bbc-news';

test('rule prefilters never reject a sentence the rule matches (BBC sample)', { skip: !existsSync(BBC) && `shared data absent: ${BBC}` }, () => {
  let checked = 0;
  for (const cat of readdirSync(BBC, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(BBC, cat.name)).filter((n) => n.endsWith('.txt')).sort().slice(0, 40)) {
      const text = readFileSync(join(BBC, cat.name, name), 'utf8');
      for (const s of segmentText(text).sentences) {
        const sentence = text.slice(s.start, s.end);
        assert.deepEqual(prefilterMisses(sentence), [], sentence);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
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

test('era years, year ranges, old years and centuries written as hundreds', () => {
  const at = (text: string) => findCandidates(text).map((c) => ({ text: text.slice(c.start, c.end), value: c.resolve({ anchor: null, dir: null, lastDay: null, lastQuarter: null }).value }));
  assert.deepEqual(at('Rome was founded in 753 BC and Pompeii buried in AD 79.'), [
    { text: '753 BC', value: 'BC0753' },
    { text: 'AD 79', value: '0079' },
  ]);
  assert.deepEqual(at('The war of 1915-17 and the conflict of 1939–45, the 2019/20 season.'), [
    { text: '1915', value: '1915' },
    { text: '17', value: '1917' },
    { text: '1939', value: '1939' },
    { text: '45', value: '1945' },
    { text: '2019', value: '2019' },
    { text: '20', value: '2020' },
  ]);
  assert.deepEqual(at('Henry landed in 1415; plague returned in the 1360s and again in the 1800s.'), [
    { text: '1415', value: '1415' },
    { text: 'the 1360s', value: '136' },
    { text: 'the 1800s', value: '18' },
  ]);
  // Not ranges: an ISO date, a count, a score.
  assert.deepEqual(at('Between 1200-1500 troops arrived on 2019-11-05.').map((x) => x.text), ['2019-11-05']);
});

test('a clock time or a small number is never a year', () => {
  const at = (text: string, anchor: string | null) => findCandidates(text).map((c) => c.resolve({ anchor: anchor === null ? null : parseIsoDay(anchor), dir: null, lastDay: null, lastQuarter: null }).value);
  // Live-blog entries: "20:32" is a time of the day, on its own or after a date.
  for (const anchor of ['2025-12-07', null]) {
    for (const v of [...at('20:32 Missiles hit Kyiv. 20:32 GMT Sirens sounded.', anchor), ...at('Dec 7 20:32 Update from the front.', anchor)]) {
      assert.ok(!/^(?:00|20)32/.test(v) && !/^0032/.test(v), `a clock time became a year: ${v}`);
    }
  }
  // chrono reads "May 32" as May 2032 and "Jan 5 30" as 2030: a year must be written as one.
  assert.ok(!at('In May 32 people died.', '2025-12-07').some((v) => v.startsWith('2032')));
  assert.ok(!at('On Jan 5 30 people were hurt.', '2025-12-07').some((v) => v.startsWith('2030')));
});
