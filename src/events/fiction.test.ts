/**
 * A film's or novel's plot is no event (fiction.ts), and "strikes" is not its own violent context
 * (trigger-accept.ts): hand-made sentences through the default pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from './extract.js';
import { fictionVeto } from './fiction.js';

const pipeline = defaultPipeline();
const acled = (es: readonly EventRecord[]) => es.filter((e) => e.acled && (e.kind ?? 'conflict') === 'conflict');

function run(text: string) {
  const article = makeArticle({ text, origin: { file: 'test', format: 'text', record: 0 }, published: '2022-05-04' });
  const layers = pipeline.run(article).layers;
  return { text, layers, rules: acled(extractEvents(article, layers)), final: acled(layers.events ?? []) };
}

test('fiction: an abduction and an attack in a film\'s plot are no events', () => {
  const r = run('In the film, rebels abducted three aid workers near Maiduguri before soldiers attacked the village.');
  assert.ok(r.rules.length >= 2, 'the rules propose an abduction and an attack');
  assert.equal(fictionVeto(r.text, r.layers, r.rules).length, 0);
  assert.equal(r.final.length, 0);
});

test('fiction: a news report of a kidnapping keeps its event', () => {
  const r = run('Rebels abducted three aid workers near Maiduguri on Monday before soldiers attacked the village.');
  assert.ok(r.rules.length > 0);
  assert.equal(fictionVeto(r.text, r.layers, r.rules).length, r.rules.length);
});

test('strike: labour strikes are not their own violent context; rocket strikes are', () => {
  assert.equal(run('The show is unlikely to be back until both strikes are settled.').final.length, 0);
  assert.equal(run('Russian strikes hit Kharkiv on Monday, officials said.').final.length, 1);
});
