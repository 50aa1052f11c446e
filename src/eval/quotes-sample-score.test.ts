import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runQuoteDocs, type SaidQuote } from './quotes-sample-docs.js';
import { sampleSplit, scoreRow, tallyMetrics, type QuoteSampleRow, type SampleQuote } from './quotes-sample-score.js';

const q = (start: number, end: number, speaker: string | null, over: Partial<SaidQuote> = {}): SaidQuote => ({
  start, end, kind: 'direct', speaker, entity: speaker, owner: null, cue: 'said', ...over,
});
const judged = (said: SaidQuote, content: boolean, speaker: boolean | null): SampleQuote => ({ said, verdict: { content, speaker, reason: '' } });
const row = (quotes: SampleQuote[], over: Partial<QuoteSampleRow> = {}): QuoteSampleRow => ({
  n: 0, source: 'bbc', split: 'dev', id: 'x', path: 'p', drawn: { seed: 1, commit: 'c' }, full: true, quotes, missed: [], ...over,
});

test('content, speaker and end-to-end shares follow the verdicts of unchanged quotes', () => {
  const r = row([
    judged(q(0, 10, 'Blair'), true, true),
    judged(q(20, 30, 'last week'), true, false),
    judged(q(40, 50, 'Fox'), false, null),
  ], { missed: [{ start: 60, end: 80, speaker: 'Clarke', reason: '' }] });
  const m = tallyMetrics(scoreRow(r, [q(0, 10, 'Blair'), q(20, 30, 'last week'), q(40, 50, 'Fox')]));
  assert.equal(m.content_precision, 0.667);
  assert.equal(m.speaker_accuracy, 0.5);
  assert.equal(m.e2e_precision, 0.333);
  assert.equal(m.content_recall, 0.667); // gold: 2 right contents + 1 missed
  assert.equal(m.e2e_recall, 0.333);
  assert.equal(m.articles_speaker_wrong, 1);
});

test('a changed speaker is listed for re-checking and left out; a dropped quote is counted', () => {
  const r = row([judged(q(0, 10, 'Blair'), true, true), judged(q(20, 30, 'Fox'), true, false)]);
  const t = scoreRow(r, [q(0, 10, 'Jackson')]);
  assert.equal(t.speakerChanged, 1);
  assert.equal(t.speakerJudged, 0);
  assert.equal(t.dropped, 1);
  assert.equal(t.droppedRight, 1);
  assert.match(t.recheck[0]!, /speaker now Jackson/);
  assert.equal(t.recalled, 1);
  assert.equal(t.recalledE2e, 0);
});

test('a missed quote found by a new prediction counts for content recall only; recall only on full articles', () => {
  const r = row([], { missed: [{ start: 100, end: 140, speaker: 'Clarke', reason: '' }] });
  const t = scoreRow(r, [q(105, 140, 'Clarke')]);
  assert.deepEqual([t.gold, t.recalled, t.recalledE2e, t.fresh], [1, 1, 0, 1]);
  const partial = scoreRow({ ...r, full: false }, [q(105, 140, 'Clarke')]);
  assert.equal(partial.gold, 0);
});

test('the split is a stable hash of the path', () => {
  assert.equal(sampleSplit('bbc-news/politics/1.txt'), sampleSplit('bbc-news/politics/1.txt'));
  const splits = new Set(Array.from({ length: 20 }, (_, i) => sampleSplit(`bbc-news/politics/${i}.txt`)));
  assert.deepEqual([...splits].sort(), ['dev', 'test']);
});

test('quotes of a real pipeline run are stored by offsets with speaker and cue', () => {
  const text = 'The minister said the plan would cut waiting lists. "We will not back down," said Jane Smith, the health secretary.';
  const run = runQuoteDocs([{ path: 'hand.txt', text }]).get('hand.txt')!;
  const direct = run.quotes.find((x) => text.slice(x.start, x.end).includes('We will not back down'));
  assert.ok(direct, 'the direct quote is extracted');
  assert.match(direct.speaker ?? '', /Jane Smith/);
  assert.equal(direct.cue, 'said');
  assert.equal(tallyMetrics(scoreRow(row([judged(direct, true, true)]), run.quotes)).e2e_precision, 1);
});

test('the stored sample is registered, judged throughout and split by its path hash', async () => {
  const { findEvalTask } = await import('./registry.js');
  const { quotesSampleTask, readQuoteSample } = await import('./quotes-sample.js');
  assert.equal(findEvalTask('quotes-sample'), quotesSampleTask);
  const rows = readQuoteSample();
  assert.ok(rows.length >= 30);
  for (const r of rows) {
    assert.equal(r.split, sampleSplit(r.path), r.path);
    for (const x of r.quotes) {
      assert.equal(typeof x.verdict.content, 'boolean', `${r.path} ${x.said.start}`);
      if (x.verdict.content) assert.equal(typeof x.verdict.speaker, 'boolean', `${r.path} ${x.said.start}`);
      assert.ok(x.said.start < x.said.end);
    }
    for (const m of r.missed) assert.ok(m.start < m.end && m.reason !== undefined);
  }
});
