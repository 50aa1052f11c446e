import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quote } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';
import { findEvalTask } from '../eval/registry.js';
import { groupPredictions, overlap, parseBrat, runQuotesEval, sameName, scoreArticle, splitOf } from './eval.js';

const text = '“We will win,” Mayor Lena Ortiz said. Critics think the plan is doomed.';

// brat standoff written by hand for the text above
const ann = [
  'T1\tSource 15 31\tMayor Lena Ortiz',
  'T2\tCue 32 36\tsaid',
  'T3\tContent 0 14\t“We will win,”',
  'T4\tAttribution 32 36\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tSource 38 45\tCritics',
  'T6\tCue 46 51\tthink',
  'T7\tContent 52 70\tthe plan is doomed',
  'T8\tAttribution 46 51\tthink',
  'E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5',
].join('\n');

function quote(start: number, end: number, speaker: [number, number] | null, cue: [number, number] | null, kind: Quote['kind'] = 'direct'): Quote {
  return {
    start,
    end,
    text: text.slice(start, end),
    kind,
    speaker: speaker ? { start: speaker[0], end: speaker[1], text: text.slice(...speaker), entity: null, kind: 'name' } : null,
    cue: cue ? { start: cue[0], end: cue[1], text: text.slice(...cue) } : null,
    confidence: 1,
  };
}

test('eval quotes: brat attributions parse, speech vs non-speech by cue or quotation marks', () => {
  const gold = parseBrat(ann, text);
  assert.equal(gold.length, 2);
  assert.deepEqual(gold[0].content, [{ start: 0, end: 14 }]);
  assert.deepEqual(gold[0].source, [{ start: 15, end: 31 }]);
  assert.equal(gold[0].speech, true);
  assert.equal(gold[1].speech, false, '"think" is a belief, not speech');
  const discontinuous = parseBrat('T1\tContent 0 5;10 14\tx\nT2\tCue 32 36\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2', text);
  assert.deepEqual(discontinuous[0].content, [
    { start: 0, end: 5 },
    { start: 10, end: 14 },
  ]);
});

test('eval quotes: overlap is intersection over the longer span', () => {
  assert.equal(overlap([{ start: 0, end: 10 }], [{ start: 0, end: 10 }]), 1);
  assert.equal(overlap([{ start: 0, end: 10 }], [{ start: 5, end: 25 }]), 0.25);
  assert.equal(overlap([{ start: 0, end: 10 }], [{ start: 20, end: 30 }]), 0);
});

test('eval quotes: scoring counts matches, cue and speaker hits; precision is against any gold', () => {
  const gold = parseBrat(ann, text);
  const predicted = [quote(0, 14, [15, 31], [32, 36]), quote(52, 70, [38, 45], [46, 51], 'indirect'), quote(38, 45, null, null, 'indirect')];
  const s = scoreArticle(text, predicted, gold, [0.3, 0.8]);
  assert.equal(s.predicted, 3);
  assert.equal(s.gold, 2);
  assert.equal(s.goldSpeech, 1);
  const c = s.at['0.3'];
  assert.equal(c.matchedPred, 2);
  assert.equal(c.matchedSpeech, 1);
  assert.equal(c.cueHits, 2);
  assert.equal(c.speakerHits, 2);
  assert.equal(c.namedDirectTotal, 1);
  assert.equal(c.namedDirectHits, 1);
  const wrongSpeaker = scoreArticle(text, [quote(0, 14, [38, 45], [32, 36])], gold, [0.3]);
  assert.equal(wrongSpeaker.at['0.3'].speakerHits, 0);
});

test('eval quotes: halves of an interrupted quote score as one attribution; names match by surname', () => {
  const a = quote(0, 14, [15, 31], [32, 36]);
  const b = { ...quote(38, 70, null, null), speaker: a.speaker, cue: a.cue };
  const grouped = groupPredictions([a, b]);
  assert.equal(grouped.length, 1);
  assert.equal(grouped[0].frags.length, 2);
  // a partial quote and the direct quote continuing it under the same cue are one attribution too
  const partial = { ...quote(0, 14, [15, 31], [32, 36]), kind: 'partial' as const };
  const cont = { ...quote(38, 70, null, null), speaker: partial.speaker, cue: partial.cue };
  assert.equal(groupPredictions([partial, cont]).length, 1);
  assert.equal(groupPredictions([partial, quote(38, 70, [15, 31], [46, 51])]).length, 2);
  assert.ok(sameName('Kremlin spokesperson Dmitry Peskov', 'Peskov'));
  assert.ok(!sameName('he', 'Peskov'));
  assert.ok(!sameName('Lena Ortiz', 'Peskov'));
});

test('eval quotes: the split is deterministic and roughly even', () => {
  const names = Array.from({ length: 400 }, (_, i) => `article_${i}`);
  const tune = names.filter((n) => splitOf(n) === 'tune').length;
  assert.ok(tune > 150 && tune < 250, `tune ${tune}`);
  assert.equal(splitOf('nyt_2015-11-09_x'), splitOf('nyt_2015-11-09_x'));
});

test('eval quotes: runs over a brat folder and is registered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-quotes-eval-'));
  try {
    mkdirSync(join(dir, 'train', 'text'), { recursive: true });
    mkdirSync(join(dir, 'train', 'attributions'), { recursive: true });
    writeFileSync(join(dir, 'train', 'text', 'doc_a.txt'), text);
    writeFileSync(join(dir, 'train', 'attributions', 'doc_a_ab12.ann'), ann);
    const report = await runQuotesEval({ positionals: [], flags: { brat: dir, split: 'all' } });
    assert.equal(report.task, 'quotes');
    assert.match(report.data, /1 articles, 2 gold attributions \(1 speech\)/);
    assert.equal(report.metrics.recall_speech_03, 1);
    assert.ok(report.metrics.speaker_accuracy_03 > 0);
    await assert.rejects(runQuotesEval({ positionals: [], flags: { brat: join(dir, 'missing') } }));
    await assert.rejects(runQuotesEval({ positionals: [], flags: { brat: dir, split: 'dev' } }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(findEvalTask('quotes')?.name, 'quotes');
});

const polnear = sharedPath('data', 'polnear');

test('eval quotes: PolNeAR sample scores in range', { skip: !existsSync(polnear) && 'shared data absent: data/polnear' }, async () => {
  const report = await runQuotesEval({ positionals: [], flags: { brat: polnear, split: 'heldout', limit: '12' } });
  assert.ok(report.metrics.precision_03 > 0.6, `precision ${report.metrics.precision_03}`);
  assert.ok(report.metrics.recall_speech_03 > 0.5, `speech recall ${report.metrics.recall_speech_03}`);
});
