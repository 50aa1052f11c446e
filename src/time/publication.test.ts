import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { makeArticle, type Article } from '../core/article.js';
import type { TimeExpr } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';
import { parseBytes } from '../ingest/read.js';
import { segmentText } from '../segment/segment.js';
import { inferPublication } from './publication.js';
import { analyzeTime } from './time.js';

function inherited(text: string, date: string): Article {
  return makeArticle({ text, origin: { file: 'bundle.txt', format: 'text' }, published: date, publishedSource: 'inherited', publishedConfidence: 0.2 });
}

function infer(article: Article) {
  const seg = segmentText(article.text);
  return inferPublication(article, seg.sentences, seg.tokens);
}

test('a stated date is echoed as stated', () => {
  const a = makeArticle({ text: 'It rained on Monday.', origin: { file: 'a', format: 'text' }, published: '2023-04-05', publishedSource: 'metadata' });
  const { record, anchor } = infer(a);
  assert.deepEqual([record.value, record.source, record.confidence], ['2023-04-05', 'metadata', 1]);
  assert.equal(anchor?.from, anchor?.to);
  const upstream = makeArticle({ text: 'It rained.', origin: { file: 'a', format: 'text' }, published: '2023-04-05', publishedSource: 'content', publishedConfidence: 0.4 });
  const r2 = infer(upstream).record;
  assert.deepEqual([r2.value, r2.source, r2.confidence], ['2023-04-05', 'content', 0.4]);
});

test('"of <month> to date", a past month-day and "overnight into <weekday>" give a range of that weekday', () => {
  const a = inherited(
    'Drones struck the port overnight, officials said. The barrage was the largest of March to date and the biggest since Feb. 20.\n' +
      'Air defences worked overnight into Thursday morning.',
    '2024-04-10',
  );
  const { record, anchor } = infer(a);
  assert.equal(record.source, 'content');
  assert.equal(record.value, '2024-03');
  // Thursdays of March 2024: 7, 14, 21, 28.
  assert.deepEqual(record.range, { from: '2024-03-07', to: '2024-03-28' });
  assert.ok(record.confidence < 0.6);
  assert.ok(record.evidence.length >= 2);
  assert.ok(anchor && anchor.from < anchor.to);
});

test('an explicit full date is a lower bound, and contradicts an older inherited date', () => {
  const a = inherited('The accord signed on May 2, 2024 took effect, officials said on Friday.', '2024-01-15');
  const { record } = infer(a);
  assert.equal(record.source, 'content');
  assert.equal(record.range?.from, '2024-05-02');
  assert.ok((record.range?.to ?? '') > '2024-05-02');
  assert.ok(record.rule?.includes('inherited-contradicted'));
});

test('"today" beside a date names the publication day', () => {
  const a = inherited('Today, March 4, the council met again. It had last met on Feb. 20.', '2024-04-10');
  const { record } = infer(a);
  assert.deepEqual([record.value, record.source], ['2024-03-04', 'content']);
  assert.ok(record.rule?.includes('today-is-date'));
  assert.ok(record.confidence >= 0.5 && record.confidence < 1);
});

test('a named event ("the October 7 attack") is not a bound; "in June" is', () => {
  const a = inherited('Leaders recalled the October 7 attack. The base was hit in June, officials said on Tuesday.', '2025-12-03');
  const { record } = infer(a);
  assert.equal(record.range?.from, '2025-06-01');
  assert.equal(record.range?.to, '2025-12-03');
  assert.equal(record.evidence.length, 1);
});

test('with no content evidence the inherited date is only a weak window, never a stated value', () => {
  const a = inherited('The envoy arrived this morning and will meet officials on Wednesday.', '2025-12-03');
  const { record } = infer(a);
  assert.equal(record.source, 'inherited');
  assert.equal(record.value, null);
  assert.equal(record.range?.to, '2025-12-03');
  assert.ok(record.confidence <= 0.1);
});

// ---------------------------------------------------------------- the seed file, when present
const SEED = sharedPath('corpus', '000_6706b69dbb82096a.txt');

function seedArticles(): Article[] {
  // The real ingest splits the seed into its dispatches: the first dated by its header, the rest inherited.
  return parseBytes(readFileSync(SEED), SEED).articles;
}

function timesOf(a: Article): TimeExpr[] {
  const seg = segmentText(a.text);
  return analyzeTime(a, seg.sentences, seg.tokens).times;
}

test('seed: first article resolves against its header date; the others against inferred dates', { skip: !existsSync(SEED) && `shared data absent: ${SEED}` }, () => {
  const articles = seedArticles();
  assert.equal(articles.length, 4);
  const first = timesOf(articles[0]);
  const value = (surface: string): string | undefined => first.find((t) => t.text === surface)?.value;
  assert.equal(value('Wednesday'), '2025-12-03');
  assert.equal(value('Tuesday'), '2025-12-02');
  // Every Tuesday and Wednesday of the dispatch, "the outcomes of Tuesday's U.S.-Russia meeting" after "were set to regroup on Wednesday" included.
  assert.deepEqual([...new Set(first.filter((t) => t.text === 'Tuesday').map((t) => t.value))], ['2025-12-02']);
  assert.deepEqual([...new Set(first.filter((t) => t.text === 'Wednesday').map((t) => t.value))], ['2025-12-03']);
  assert.equal(value('yesterday'), '2025-12-02');
  assert.equal(value('last month'), '2025-11');
  assert.equal(value('Sunday'), '2025-11-30');
  for (const a of articles.slice(1)) {
    const seg = segmentText(a.text);
    const { published, times } = analyzeTime(a, seg.sentences, seg.tokens);
    assert.notEqual(published.source, 'header');
    assert.ok(published.confidence < 0.5);
    for (const t of times.filter((x) => /^(?:Tuesday|Wednesday)$/.test(x.text))) {
      assert.notEqual(t.value, '2025-12-03');
      assert.notEqual(t.value, '2025-12-02');
      assert.ok(t.confidence < 0.5, `${t.text} resolved against an uncertain date must say so`);
    }
  }
  // The Ternopil dispatch: "the largest of November to date" + "overnight into Wednesday" → a November Wednesday.
  const london = articles[3];
  const seg = segmentText(london.text);
  const { published } = analyzeTime(london, seg.sentences, seg.tokens);
  assert.equal(published.value, '2025-11');
  assert.equal(published.source, 'content');
});
