import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { extractEvents } from '../events/extract.js';
import { buildDoc, STRIKE_DOC } from '../events/testdoc.js';
import { ACLED_COLUMNS, acledDate, acledExport, toAcledCsv } from './acled.js';
import { csvRow, parseCsv } from './csv.js';
import { toGeoJson, toJsonl, toPloverJson } from './formats.js';
import { GKG_COLUMNS, toGkgTsv } from './gkg.js';
import { singleSourceEvents } from './types.js';

function sample() {
  const { article, layers } = buildDoc(STRIKE_DOC);
  layers.events = extractEvents(article, layers);
  return { article, layers, events: singleSourceEvents({ ...article, source: 'Wire, "Desk"' }, layers) };
}

test('CSV quoting follows RFC 4180 and round-trips', () => {
  const row = ['plain', 'a,b', 'say "hi"', 'two\nlines', 3, null];
  assert.equal(csvRow(row), 'plain,"a,b","say ""hi""","two\nlines",3,');
  assert.deepEqual(parseCsv(`${csvRow(row)}\r\n`), [['plain', 'a,b', 'say "hi"', 'two\nlines', '3', '']]);
});

test('ACLED CSV: 31 columns, the codebook date format, conservative fatalities, quoted notes', () => {
  const { events } = sample();
  const rows = parseCsv(toAcledCsv(events, new Date('2025-03-06T00:00:00Z')));
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  for (const r of rows) assert.equal(r.length, 31);
  const col = (name: string) => ACLED_COLUMNS.indexOf(name as (typeof ACLED_COLUMNS)[number]);
  const strike = rows.find((r) => r[col('location')] === 'Rivne');
  assert.ok(strike);
  assert.equal(strike[col('event_date')], '4-Mar-25');
  assert.equal(strike[col('sub_event_type')], 'Shelling/artillery/missile attack');
  assert.equal(strike[col('actor1')], 'Military Forces of Russia');
  assert.equal(strike[col('fatalities')], '12');
  assert.equal(strike[col('latitude')], '50.62');
  assert.equal(strike[col('source')], 'Wire, "Desk"');
  assert.equal(strike[col('time_precision')], '1');
  assert.ok(events.some((x) => x.event.acled?.subEventType === 'Disrupted weapons use' && !x.event.place));
  assert.ok(!rows.some((r) => r[col('sub_event_type')] === 'Disrupted weapons use'), 'the interceptions have no place: left out');
  assert.ok(acledExport(events).leftOut.noPlace >= 1);
  assert.ok(rows.slice(1).every((r) => r[col('iso3')] && r[col('region')] && r[col('admin1')] && r[col('event_date')] && r[col('time_precision')]));
  assert.ok(!rows.some((r) => r[col('event_type')] === ''), 'events without an ACLED type (meetings) are left out');
  assert.equal(acledDate('2020-05-09'), '9-May-20');
});

const acledSample = sharedPath('data', 'acled-sample', 'acled.csv');
test('ACLED header matches the real ACLED sample', { skip: !existsSync(acledSample) && 'shared data absent: data/acled-sample' }, () => {
  const header = readFileSync(acledSample, 'utf8').split(/\r?\n/, 1)[0].split(',');
  assert.deepEqual([...ACLED_COLUMNS], header);
});

test('GeoJSON is a FeatureCollection of points in [lon, lat] order', () => {
  const { events } = sample();
  const fc = toGeoJson(events);
  assert.equal(fc.type, 'FeatureCollection');
  const rivne = fc.features.find((f) => f.properties.place === 'Rivne');
  assert.ok(rivne);
  assert.deepEqual(rivne.geometry, { type: 'Point', coordinates: [26.25, 50.62] });
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates;
    assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
  }
  JSON.parse(JSON.stringify(fc));
});

test('PLOVER JSON and JSONL carry type, mode, actor, recipient and every source', () => {
  const { events } = sample();
  const plover = JSON.parse(toPloverJson(events)) as Array<Record<string, unknown>>;
  const meeting = plover.find((p) => p.event === 'CONSULT');
  assert.ok(meeting);
  assert.equal(meeting.date, '2025-03-03');
  const strike = plover.find((p) => (p.location as { place_name?: string } | null)?.place_name === 'Rivne');
  assert.equal(strike?.event, 'ASSAULT');
  assert.equal(strike?.dead, 12);
  const lines = toJsonl(events).trimEnd().split('\n');
  assert.equal(lines.length, events.length);
  for (const l of lines) assert.ok(JSON.parse(l).sources.length >= 1);
});

test('GKG TSV: 27 columns per row, counts and amounts with offsets', () => {
  const { article, layers } = sample();
  const lines = toGkgTsv([{ article, layers }]).replace(/\n$/, '').split('\n');
  assert.deepEqual(lines[0].split('\t'), [...GKG_COLUMNS]);
  const row = lines[1].split('\t');
  assert.equal(row.length, 27);
  const at = (name: string) => row[GKG_COLUMNS.indexOf(name as (typeof GKG_COLUMNS)[number])];
  assert.match(at('Counts'), /^KILL#12#people#4#Rivne#UA#/);
  assert.match(at('Amounts'), /300,drones,\d+/);
  assert.equal(at('DATE'), '20250305000000');
});

test('GKG TSV: a publication known only to the year or month gives no DATE, never month or day 00', () => {
  const { article, layers } = sample();
  for (const value of ['2025', '2025-03']) {
    const partial = { ...layers, published: [{ ...(layers.published?.[0] ?? { source: 'content', confidence: 0.5, evidence: [], rule: 'test' }), value }] } as typeof layers;
    const row = toGkgTsv([{ article: { ...article, published: null }, layers: partial }]).split('\n')[1].split('\t');
    const at = (name: string) => row[GKG_COLUMNS.indexOf(name as (typeof GKG_COLUMNS)[number])];
    assert.equal(at('DATE'), '', value);
    const id = at('GKGRECORDID');
    assert.ok(id.startsWith('00000000000000-') || /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}-/.test(id), `${value}: ${id}`);
  }
});

const gkgSchema = sharedPath('data', 'gdelt-sample', 'schema', 'gkg2.csv');
test('GKG header matches the GDELT GKG 2.x schema names', { skip: !existsSync(gkgSchema) && 'shared data absent: data/gdelt-sample' }, () => {
  const names = parseCsv(readFileSync(gkgSchema, 'utf8')).slice(1).map((r) => r[0]).filter(Boolean);
  assert.deepEqual([...GKG_COLUMNS], names);
});

test('ACLED CSV and PLOVER leave out crime, accident and disaster events and background references; GeoJSON keeps them with their kind', () => {
  const { events } = sample();
  const strike = events.find((x) => x.event.place?.name === 'Rivne');
  assert.ok(strike && strike.event.acled);
  const asKind = (patch: object) => events.map((x) => (x === strike ? { ...x, event: { ...x.event, ...patch } } : x));
  const col = ACLED_COLUMNS.indexOf('location');
  const locations = (xs: typeof events) => parseCsv(toAcledCsv(xs)).slice(1).map((r) => r[col]);
  assert.ok(locations(events).includes('Rivne'));
  assert.ok((JSON.parse(toPloverJson(events)) as Array<{ id: string }>).some((p) => p.id === strike.id));
  for (const patch of [{ kind: 'crime' }, { kind: 'disaster' }, { reference: true }]) {
    const xs = asKind(patch);
    assert.ok(!locations(xs).includes('Rivne'), JSON.stringify(patch));
    const plover = JSON.parse(toPloverJson(xs)) as Array<{ id: string }>;
    assert.ok(!plover.some((p) => p.id === strike.id), JSON.stringify(patch));
  }
  const feature = toGeoJson(asKind({ kind: 'crime' })).features.find((f) => f.properties.place === 'Rivne');
  assert.ok(feature);
  assert.equal(feature.properties.kind, 'crime');
  assert.equal(feature.properties.event_type, null);
});
