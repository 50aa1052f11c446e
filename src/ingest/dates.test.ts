import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from './dates.js';

test('normaliseDate: plain days stay plain, timestamps keep their own offset, epochs in s or ms', () => {
  assert.equal(normaliseDate('2025-12-03'), '2025-12-03');
  assert.equal(normaliseDate(' 2025-12-03 '), '2025-12-03');
  assert.equal(normaliseDate('Wed, 03 Dec 2025 14:05:00 +0100'), '2025-12-03T14:05:00.000+01:00');
  assert.equal(normaliseDate('2025-12-03T14:05:00+02:00'), '2025-12-03T14:05:00.000+02:00');
  assert.equal(normaliseDate('2025-12-03T14:05:00Z'), '2025-12-03T14:05:00.000Z');
  assert.equal(normaliseDate(1764547200), '2025-12-01T00:00:00.000Z');
  assert.equal(normaliseDate(1764547200000), '2025-12-01T00:00:00.000Z');
});

test('normaliseDate: impossible days, words, other types and far-off years are refused', () => {
  for (const bad of ['2025-02-30', '2025-13-01', 'yesterday', 'next Tuesday', '', '   ', 'Q4', '0001-01-01T00:00:00Z', '9999-01-01T00:00:00Z']) {
    assert.equal(normaliseDate(bad), null, bad);
  }
  for (const bad of [null, undefined, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY, 1e20]) {
    assert.equal(normaliseDate(bad), null, String(bad));
  }
});

test('normaliseDate: a date without a zone means the same day on every machine (read as UTC)', () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = tz;
      assert.equal(normaliseDate('December 3, 2025'), '2025-12-03', tz);
      assert.equal(normaliseDate('3 Dec 2025'), '2025-12-03', tz);
      assert.equal(normaliseDate('2025-12-03T14:05:00'), '2025-12-03T14:05:00.000Z', tz);
      assert.equal(normaliseDate('Wed, 03 Dec 2025 14:05:00 EST'), '2025-12-03T14:05:00.000-05:00', tz);
      assert.equal(normaliseDate('2025-12-03T14:05:00.123+05:30'), '2025-12-03T14:05:00.123+05:30', tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('normaliseDate: epochs outside 1800–2200 are refused like strings are', () => {
  assert.equal(normaliseDate(1e15), null);
  assert.equal(normaliseDate(-1e13), null);
});

test('normaliseDate: an offset timestamp keeps the publisher\'s calendar day, on every machine', () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = tz;
      const early = normaliseDate('2020-05-04T04:25:13+07:00');
      assert.equal(early, '2020-05-04T04:25:13.000+07:00', tz);
      assert.equal(Date.parse(early!), Date.parse('2020-05-03T21:25:13Z'), tz);
      assert.equal(normaliseDate('Mon, 04 May 2020 23:30:00 -0500')?.slice(0, 10), '2020-05-04', tz);
      assert.equal(normaliseDate('Mon, 04 May 2020 23:30:00 PDT')?.slice(0, 10), '2020-05-04', tz);
      assert.equal(normaliseDate('2020-05-04T00:10:00+0930'), '2020-05-04T00:10:00.000+09:30', tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});
