import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { keepDecides, keepFeatures } from './keep.js';
import { extractQuotes } from './quotes.js';
import { entityLayers } from './testing.js';
import { sharedTokens } from './tokens.js';

function quote(kind: Quote['kind'], speaker: boolean): Quote {
  return {
    start: 0,
    end: 5,
    text: 'words',
    kind,
    speaker: speaker ? { start: 10, end: 14, text: 'Anna', entity: 'e0', kind: 'name' } : null,
    cue: null,
    confidence: 0.9,
  };
}

test('keep: the model never decides on a direct quote with a speaker; reported speech and speakerless quotes it may drop', () => {
  assert.equal(keepDecides(quote('direct', true)), false);
  assert.equal(keepDecides(quote('direct', false)), true);
  assert.equal(keepDecides(quote('indirect', true)), true);
  assert.equal(keepDecides(quote('partial', true)), true);
});

test('keep: features describe the produced quote (kind, cue lemma, speaker kind, content form)', () => {
  const text = 'Anna Kovacs said that the border would open again next week.';
  const layers = { ...segmentText(text), ...entityLayers(text, [{ name: 'Anna Kovacs', type: 'PER' }]) };
  const seen: string[][] = [];
  const quotes = extractQuotes(text, layers, { onKeepCandidate: (_q, f) => seen.push(f) });
  assert.equal(quotes.length, 1);
  assert.equal(seen.length, 1);
  for (const f of ['kind=indirect', 'lemma=say', 'spk=name', 'verb=1', 'first=that']) assert.ok(seen[0].includes(f), f);
  const direct = keepFeatures(sharedTokens(text, layers.tokens ?? []), { quote: quote('direct', false), lemma: null, speaker: null, inherited: false, confidence: 0.4 });
  assert.ok(direct.includes('spk=none') && direct.includes('lemma=none'));
});
