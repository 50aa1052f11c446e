import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveToponyms } from './geocoder.js';
import { distanceKm } from './normalize.js';
import { explicitContainer } from './contained-misfit.js';
import { nextSpans } from './next-span.js';

function spansOf(text: string, names: string[]) {
  const spans: Array<{ start: number; end: number; name: string }> = [];
  for (const name of names) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) spans.push({ start: at, end: at + name.length, name });
  return spans.sort((a, b) => a.start - b.start);
}

test('a town the text puts inside another city does not resolve to a homonym abroad: "Sherpur area of Kabul city"', () => {
  const text = 'Officials said an air strike was carried out on a residential house in Sherpur area of Kabul city on Sunday. Kabul police said nothing.';
  const spans = spansOf(text, ['Sherpur', 'Kabul']);
  const out = resolveToponyms(text, spans, { focusFallback: true });
  const sherpur = out[spans.findIndex((s) => s.name === 'Sherpur')];
  assert.ok(sherpur, 'placed by its container');
  assert.equal(sherpur.country, 'AF');
  assert.ok(sherpur.confidence <= 0.2, 'a fallback, not a known town');
});

test('"the Notre Dame cathedral in Paris": no Notre Dame, Indiana, for any mention of the name', () => {
  const text = 'A fire devastated the famed Notre Dame cathedral in Paris on Monday. Students had visited Notre Dame on Friday.';
  const spans = spansOf(text, ['Notre Dame', 'Paris']);
  const out = resolveToponyms(text, spans);
  for (let i = 0; i < spans.length; i++) if (spans[i].name === 'Notre Dame') assert.ok(!out[i] || out[i]!.country === 'FR', `mention ${i} is ${out[i]?.name}, ${out[i]?.country}`);
  const paris = out[spans.findIndex((s) => s.name === 'Paris')];
  assert.ok(paris && distanceKm(paris.lat, paris.lon, 48.85, 2.35) < 20);
});

test('a town that lies in its container keeps its pick; a list or an origin is no container', () => {
  const text = 'The shooting in Brooklyn in New York City shocked residents. Paris, London and Berlin sent envoys. Students from Arlington in France are safe.';
  const spans = spansOf(text, ['Brooklyn', 'New York City', 'Paris', 'London', 'Berlin', 'Arlington', 'France']);
  const next = nextSpans(spans);
  const at = (name: string) => spans.findIndex((s) => s.name === name);
  assert.equal(explicitContainer(text, spans, next, at('Brooklyn')), at('New York City'));
  assert.equal(explicitContainer(text, spans, next, at('Paris')), -1);
  assert.equal(explicitContainer(text, spans, next, at('Arlington')), -1);
  const out = resolveToponyms(text, spans);
  assert.equal(out[at('Brooklyn')]?.country, 'US');
  assert.equal(out[at('London')]?.country, 'GB');
});

test('a bare "X in Y" only moves X to a candidate inside Y; it never leaves X unknown', () => {
  const text = 'Chelsea beat Liverpool in London on Sunday. Liverpool fans were angry.';
  const spans = spansOf(text, ['Liverpool', 'London']);
  const out = resolveToponyms(text, spans, { focusFallback: true });
  for (let i = 0; i < spans.length; i++) {
    if (spans[i].name !== 'Liverpool') continue;
    const p = out[i];
    assert.ok(p && distanceKm(p.lat, p.lon, 53.41, -2.98) < 30, `mention ${i} is ${p?.name} (${p?.confidence})`);
  }
});
