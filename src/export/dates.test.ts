import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from '../events/extract.js';
import { buildDoc, STRIKE_DOC } from '../events/testdoc.js';
import { ACLED_COLUMNS, acledExport, acledRows, interCode, sourceScale, toAcledCsv } from './acled.js';
import { parseCsv } from './csv.js';
import { exportDate } from './dates.js';
import { toGeoJson, ploverRecord } from './formats.js';
import { singleSourceEvents } from './types.js';

test('export dates keep the precision the text gives: a day, a week-long span, a month; never a midpoint', () => {
  assert.deepEqual(exportDate({ value: '2025-09-09', precision: 'day', range: { from: '2025-09-09', to: '2025-09-09' }, how: 'stated' }), {
    day: '2025-09-09', from: '2025-09-09', to: '2025-09-09', timePrecision: 1, value: '2025-09-09', how: 'stated',
  });
  const month = exportDate({ value: '2025-09', precision: 'month', range: { from: '2025-09-01', to: '2025-09-30' }, how: 'stated' });
  assert.deepEqual([month.day, month.value, month.timePrecision, month.from], [null, '2025-09', 3, '2025-09-01']);
  const week = exportDate({ value: '2025-W36', precision: 'range', range: { from: '2025-09-01', to: '2025-09-07' }, how: 'stated' });
  assert.deepEqual([week.day, week.value, week.timePrecision], [null, '2025-09-01/2025-09-07', 2]);
  const year = exportDate({ value: '2024-10-07/2025-10-07', precision: 'range', range: { from: '2024-10-07', to: '2025-10-07' }, how: 'stated' });
  assert.deepEqual([year.day, year.from, year.to], [null, null, null], 'a year-long span dates no event');
  assert.equal(exportDate({ value: '2025-03-05', precision: 'day', range: { from: '2025-03-05', to: '2025-03-05' }, how: 'implied' }).how, 'implied');
});

function events(patch: Partial<EventRecord>) {
  const { article, layers } = buildDoc(STRIKE_DOC);
  layers.events = extractEvents(article, layers).map((e) => (e.place?.name === 'Rivne' ? { ...e, ...patch } : e));
  return singleSourceEvents(article, layers).filter((x) => x.event.place?.name === 'Rivne');
}

test('a month-level event is exported as that month: first day, time_precision 3, the month in the notes', () => {
  const ev = events({ date: { value: '2025-02', precision: 'month', range: { from: '2025-02-01', to: '2025-02-28' }, how: 'stated' } });
  const rows = parseCsv(toAcledCsv(ev, new Date('2025-03-06T00:00:00Z')));
  const col = (name: string) => ACLED_COLUMNS.indexOf(name as (typeof ACLED_COLUMNS)[number]);
  const row = rows[1];
  assert.equal(row[col('event_date')], '1-Feb-25');
  assert.equal(row[col('time_precision')], '3');
  assert.match(row[col('notes')], /\(date: 2025-02\)$/);
  assert.equal(ploverRecord(ev[0]).date, '2025-02');
  assert.equal(toGeoJson(ev).features[0].properties.date, '2025-02');
});

test('a place below the map confidence stays out of GeoJSON, and its event out of ACLED CSV (counted as unplaced)', () => {
  const [first] = events({});
  const guess = { ...first, event: { ...first.event, place: { ...first.event.place!, confidence: 0.2 } } };
  assert.equal(toGeoJson([guess]).features.length, 0);
  const rows = parseCsv(toAcledCsv([guess], new Date('2025-03-06T00:00:00Z')));
  assert.equal(rows.length, 1, 'the header only');
  assert.deepEqual(acledExport([guess]).leftOut, { outOfScope: 0, noDate: 0, noPlace: 1, countryOnly: 0, noAdmin1: 0 });
  assert.equal(toGeoJson([first]).features.length, 1);
});

test('ACLED rows: iso, iso3, ACLED region, admin1 as a name, inter codes from actor types; an undated or country-only event is left out and counted', () => {
  const [first] = events({});
  const row = acledRows([first], new Date('2025-03-06T00:00:00Z'))[0];
  const cell = (name: string) => row[ACLED_COLUMNS.indexOf(name as (typeof ACLED_COLUMNS)[number])];
  assert.deepEqual([cell('iso'), cell('iso3'), cell('region'), cell('country'), cell('admin1')], [804, 'UKR', 'Europe', 'Ukraine', 'Rivne']);
  assert.equal(cell('event_id_cnty'), 'UKR1');
  assert.equal(cell('inter1'), 8, 'Russia acting in Ukraine: external forces');
  const undated = { ...first, event: { ...first.event, date: null } };
  const national = { ...first, event: { ...first.event, place: { ...first.event.place!, name: 'Ukraine', precision: 'country' as const, admin1: undefined } } };
  assert.deepEqual(acledExport([undated, national]).leftOut, { outOfScope: 0, noDate: 1, noPlace: 0, countryOnly: 1, noAdmin1: 0 });
  const civilians = { start: 0, end: 9, text: 'villagers' };
  assert.equal(interCode(civilians, 'Violence against civilians', 'target', 'UA'), 7);
  assert.equal(interCode({ start: 0, end: 6, text: 'rebels' }, 'Battles', 'actor', 'LY'), 2);
  assert.equal(interCode({ start: 0, end: 4, text: 'NATO' }, 'Battles', 'actor', 'LY'), 8);
  assert.equal(interCode({ start: 0, end: 7, text: 'Ukraine', name: 'Ukraine' }, 'Battles', 'actor', 'UA'), 1);
  assert.equal(interCode({ start: 0, end: 3, text: 'Bob' }, 'Battles', 'actor', 'UA'), null, 'an actor the words do not type stays blank');
  assert.equal(sourceScale(['Reuters', 'BBC News']), 'International');
  assert.equal(sourceScale(['Reuters', 'Kyiv Independent']), '', 'not guessed');
});
