/**
 * The acceptance checks on the user's sample (../shared/corpus), through the default
 * pipeline; skipped when the sample is absent or the pipeline does not yet run places and events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultPipeline } from '../api/default-pipeline.js';
import type { EventRecord } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';
import { toAcledCsv } from '../export/acled.js';
import { parseCsv } from '../export/csv.js';
import { toGeoJson } from '../export/formats.js';
import { singleSourceEvents } from '../core/merged-event.js';
import { readInputs } from '../ingest/read.js';
import { haversineKm } from './extract.js';

const seed = sharedPath('corpus', '000_6706b69dbb82096a.txt');
const names = new Set(defaultPipeline().components.map((c) => c.name));
const skip = !existsSync(seed) ? 'shared data absent: corpus/000_6706b69dbb82096a.txt' : !names.has('events') || !names.has('places') ? 'default pipeline does not run places and events yet' : false;

test('seed: Ternopil and Doha strikes, interceptions, the Moscow and Florida meetings; exports parse', { skip }, async () => {
  const events: EventRecord[] = [];
  const exportable = [];
  for await (const batch of readInputs([seed])) {
    for (const a of batch.articles) {
      const r = defaultPipeline().run(a);
      events.push(...(r.layers.events ?? []));
      exportable.push(...singleSourceEvents(a, r.layers));
    }
  }
  const near = (e: EventRecord, lat: number, lon: number) => e.place !== null && haversineKm(e.place, { lat, lon }) < 15;
  const ternopil = events.find((e) => e.acled?.eventType === 'Explosions/Remote violence' && near(e, 49.55, 25.59));
  assert.ok(ternopil, 'strike on Ternopil');
  assert.ok((ternopil.killed?.value ?? 0) >= 20);
  assert.equal(ternopil.injured?.value, 66);
  assert.match(ternopil.claimant?.text ?? '', /Interior Ministry/);
  assert.ok(ternopil.actors.some((a) => a.name === 'Russia'));
  const doha = events.find((e) => e.acled?.eventType === 'Explosions/Remote violence' && near(e, 25.29, 51.53));
  assert.ok(doha, 'strike on Doha');
  assert.equal(doha.killed?.value, 6);
  assert.ok(doha.actors.some((a) => a.name === 'Israel'));
  assert.ok(doha.targets.some((a) => /Hamas/.test(a.name ?? a.text)));
  const intercept = events.find((e) => e.acled?.subEventType === 'Disrupted weapons use' && (e.figures ?? []).some((f) => f.value === 442));
  assert.ok(intercept, 'interceptions');
  assert.ok((intercept.figures ?? []).some((f) => f.value === 41 && /missile/.test(f.unit ?? '')));
  const consult = events.filter((e) => e.plover?.type === 'CONSULT');
  assert.ok(consult.some((e) => e.place?.name === 'Moscow' && e.date?.value === '2025-12-02'), 'Moscow meeting dated');
  assert.ok(consult.some((e) => /Florida/.test(e.place?.name ?? '') && e.date?.value === '2025-11-30'), 'Florida meeting dated');
  const rows = parseCsv(toAcledCsv(exportable));
  assert.ok(rows.length > 3 && rows.every((r) => r.length === 31));
  const fc = toGeoJson(exportable);
  assert.equal(fc.type, 'FeatureCollection');
  assert.ok(fc.features.every((f) => Math.abs(f.geometry.coordinates[1]) <= 90));
});
