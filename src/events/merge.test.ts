import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from './extract.js';
import { matchScore, mergeReports, sourceOf } from './merge.js';
import { buildDoc, SECOND_DOC as SECOND, STRIKE_DOC, type DocSpec } from './testdoc.js';


function reports(spec: DocSpec, file: string, source: string) {
  const { article, layers } = buildDoc(spec, file);
  const a = { ...article, source };
  return extractEvents(a, layers).map((event) => ({ event, source: sourceOf(a, spec.published, event) }));
}

test('two reports of one strike merge, keeping both sources and both tolls; the conservative toll leads', () => {
  const all = [...reports(STRIKE_DOC, 'a.txt', 'Wire A'), ...reports(SECOND, 'b.txt', 'Wire B')];
  const merged = mergeReports(all, (r) => `ev-${r.source.article}-${r.event.id}`);
  const rivne = merged.filter((m) => m.event.place?.name === 'Rivne');
  assert.equal(rivne.length, 1, 'one Rivne event');
  const [ev] = rivne;
  assert.deepEqual(ev.sources.map((s) => [s.source, s.killed]).sort(), [['Wire A', 12], ['Wire B', 15]]);
  assert.equal(ev.event.killed?.value, 12, 'most conservative figure, not an average');
  assert.equal(ev.event.injured?.value, 30);
  assert.match(ev.event.summary, /\(2 sources\)\.$/);
  const kharkiv = merged.filter((m) => m.event.place?.name === 'Kharkiv');
  assert.equal(kharkiv.length, 1, 'a strike 500 km away on the same day stays its own event');
  assert.equal(kharkiv[0].sources.length, 1);
});

test('match rules: different type, far place, other day or contradicting actors never merge', () => {
  const base = reports(STRIKE_DOC, 'a.txt', 'Wire A').find((r) => r.event.place?.name === 'Rivne')!.event;
  const shift = (patch: Partial<EventRecord>): EventRecord => ({ ...base, ...patch });
  assert.ok(matchScore(base, base) >= 0.9);
  assert.equal(matchScore(base, shift({ acled: { eventType: 'Protests', subEventType: 'Peaceful protest' } })), 0);
  assert.equal(matchScore(base, shift({ date: { value: '2025-02-20', precision: 'day', range: { from: '2025-02-20', to: '2025-02-20' } } })), 0);
  assert.equal(matchScore(base, shift({ place: { ...base.place!, name: 'Lviv', lat: 49.84, lon: 24.03 } })), 0);
  assert.equal(matchScore(base, shift({ actors: [{ start: 0, end: 1, text: 'X', name: 'Ukraine' }] })), 0);
  assert.ok(matchScore(base, shift({ acled: { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' } })) > 0.6);
});

test('same-named towns far apart never merge; two violent types merge when place and day agree; a protest never does', () => {
  const base = reports(STRIKE_DOC, 'a.txt', 'Wire A').find((r) => r.event.place?.name === 'Rivne')!.event;
  const shift = (patch: Partial<EventRecord>): EventRecord => ({ ...base, ...patch });
  const springMo = shift({ place: { ...base.place!, name: 'Springfield', country: 'US', admin1: 'MO', lat: 37.21, lon: -93.29 } });
  const springIl = shift({ place: { ...base.place!, name: 'Springfield', country: 'US', admin1: 'IL', lat: 39.78, lon: -89.65 } });
  assert.equal(matchScore(springMo, springIl), 0);
  assert.ok(matchScore(base, shift({ acled: { eventType: 'Battles', subEventType: 'Armed clash' } })) >= 0.6);
  assert.equal(matchScore(base, shift({ acled: { eventType: 'Protests', subEventType: 'Peaceful protest' } })), 0);
});

test("a report's own date stands for the few days before it; a year-long span matches nothing", () => {
  const base = reports(STRIKE_DOC, 'a.txt', 'Wire A').find((r) => r.event.place?.name === 'Rivne')!.event;
  const day = base.date!.value;
  const later = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const implied = (d: string): EventRecord => ({ ...base, date: { value: d, precision: 'day', range: { from: d, to: d }, how: 'implied' } });
  assert.ok(matchScore(base, implied(later(3))) >= 0.6, 'published three days after');
  assert.equal(matchScore(base, implied(later(6))), 0, 'published six days after');
  const year: EventRecord = { ...base, date: { value: 'x', precision: 'range', range: { from: later(-200), to: later(165) }, how: 'stated' } };
  assert.ok(matchScore(base, year) < matchScore(base, base));
  assert.equal(matchScore({ ...year, place: null }, base), 0, 'no place and no usable date: too vague to merge');
});
