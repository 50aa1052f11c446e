import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTextDate, parseMachineDate } from './parse.js';

test('parseMachineDate: the local calendar day as written, never shifted to UTC', () => {
  assert.deepEqual(parseMachineDate('2020-05-04T04:25:13+07:00'), { day: '2020-05-04', utc: false });
  assert.deepEqual(parseMachineDate('2020-05-04T23:30:00-04:00'), { day: '2020-05-04', utc: false });
  assert.deepEqual(parseMachineDate('2020-05-04T23:30:00.000Z'), { day: '2020-05-04', utc: true });
  assert.deepEqual(parseMachineDate('2020-05-04 15:41:00'), { day: '2020-05-04', utc: false });
  assert.deepEqual(parseMachineDate('20200504'), { day: '2020-05-04', utc: false });
  assert.deepEqual(parseMachineDate('Mon, 04 May 2020 23:41:00 +0700'), { day: '2020-05-04', utc: false });
  assert.deepEqual(parseMachineDate(1588550400), { day: '2020-05-04', utc: true });
});

test('parseMachineDate: placeholders and impossible days are not dates', () => {
  for (const bad of ['{{ post.date }}', 'Invalid Date', '0000-00-00T00:00:00', '2020-02-30', '2020-13-01', '', 'null', '%%PUBDATE%%']) {
    assert.equal(parseMachineDate(bad), null, bad);
  }
  assert.equal(parseMachineDate({}), null);
});

test('findTextDate: bylines in several formats and languages', () => {
  const cases: Array<[string, string]> = [
    ['Published 4 May 2020', '2020-05-04'],
    ['Updated: May 4, 2020 3:41 PM ET', '2020-05-04'],
    ['Sept. 14, 2021 at 9:05 p.m. EDT', '2021-09-14'],
    ['Monday 4th May 2020', '2020-05-04'],
    ['04.05.2020, 14:32', '2020-05-04'],
    ['Veröffentlicht am 4. Mai 2020', '2020-05-04'],
    ['Publicado el 4 de mayo de 2020', '2020-05-04'],
    ['发布时间：2020年5月4日 14:32', '2020-05-04'],
    ['公開日：2020/05/04', '2020-05-04'],
    ['2020.05.04 15:41', '2020-05-04'],
  ];
  for (const [text, day] of cases) assert.equal(findTextDate(text)?.day, day, text);
});

test('findTextDate: a slashed date whose order is ambiguous needs the page convention', () => {
  assert.equal(findTextDate('Posted 05/04/2020'), null);
  assert.equal(findTextDate('Posted 05/04/2020', 'mdy')?.day, '2020-05-04');
  assert.equal(findTextDate('Posted 05/04/2020', 'dmy')?.day, '2020-04-05');
  assert.equal(findTextDate('Posted 25/04/2020')?.day, '2020-04-25', 'a first number above 12 is the day');
  assert.equal(findTextDate('no date here, only 42 and 2020'), null);
});
