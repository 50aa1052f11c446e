/**
 * The sense check on every conflict event (sense-veto.ts) through the default pipeline, on hand-made
 * sentences: business and sport senses of protest words go, conflict news keeps its events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from './extract.js';
import { lemma, senseModel } from './sense.js';

const pipeline = defaultPipeline();
const skip = senseModel() ? false : 'models/events/sense.json absent';

function run(text: string): { rules: EventRecord[]; final: EventRecord[] } {
  const article = makeArticle({ text, origin: { file: 'test', format: 'text', record: 0 }, published: '2011-03-04' });
  const layers = pipeline.run(article).layers;
  const conflict = (es: readonly EventRecord[]) => es.filter((e) => e.acled && (e.kind ?? 'conflict') === 'conflict');
  return { rules: conflict(extractEvents(article, layers)), final: conflict(layers.events ?? []) };
}

test('sense-veto: an oil rally and a protest lodged with the referee are no protests', { skip }, () => {
  for (const text of [
    'Oil prices rallied on Friday as traders worried about supply, and the rally lifted energy shares in London.',
    'The club will lodge a protest with the referee after the penalty decision in the second half.',
  ]) {
    const { rules, final } = run(text);
    assert.ok(rules.length > 0, `the rules propose an event: ${text}`);
    assert.equal(final.length, 0, text);
  }
});

test('sense-veto: conflict news keeps its events, each with its score in `how`', { skip }, () => {
  for (const text of [
    'Hundreds of protesters marched through Cairo on Friday demanding the resignation of the prime minister.',
    'Rebels clashed with government troops near Sirte on Monday.',
  ]) {
    const { final } = run(text);
    assert.equal(final.length, 1, text);
    assert.ok(final[0].how?.some((h) => /^sense-all:\d\.\d\d$/.test(h)), JSON.stringify(final[0].how));
  }
});

test('lemma: the forms of one verb share a lemma', () => {
  assert.deepEqual(['clashes', 'clashed', 'clashing', 'clash'].map(lemma), ['clash', 'clash', 'clash', 'clash']);
  assert.deepEqual(['strikes', 'strike', 'rallies', 'targeted', 'shot'].map(lemma), ['strike', 'strike', 'rally', 'target', 'shot']);
});
