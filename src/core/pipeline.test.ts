import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemblePipeline, type Component } from './pipeline.js';
import { makeArticle } from './article.js';
import { DatelineError } from './errors.js';

const article = makeArticle({ text: 'Peskov spoke.', origin: { file: 'mem', format: 'text' } });

function component(name: string, requires: Component['requires'], assigns: Component['assigns'], run?: Component['run']): Component {
  return {
    name,
    version: '1',
    requires,
    assigns,
    run: run ?? (() => Object.fromEntries(assigns.map((a) => [a, []]))),
  };
}

test('pipeline: a requirement no earlier component assigns fails at assembly with a code', () => {
  assert.throws(
    () => assemblePipeline([component('quotes', ['entities'], ['quotes'])]),
    (e: unknown) => e instanceof DatelineError && e.code === 'PIPELINE_MISSING_REQUIREMENT',
  );
});

test('pipeline: two components assigning one layer fail at assembly', () => {
  assert.throws(
    () => assemblePipeline([component('a', [], ['times']), component('b', [], ['times'])]),
    (e: unknown) => e instanceof DatelineError && e.code === 'PIPELINE_DOUBLE_ASSIGN',
  );
});

test('pipeline: duplicate names fail at assembly', () => {
  assert.throws(
    () => assemblePipeline([component('a', [], ['times']), component('a', [], ['quotes'])]),
    (e: unknown) => e instanceof DatelineError && e.code === 'PIPELINE_DUPLICATE_COMPONENT',
  );
});

test('pipeline: an undeclared output is a programmer error', () => {
  const pipeline = assemblePipeline([component('a', [], ['times'], () => ({ times: [], quotes: [] }))]);
  assert.throws(
    () => pipeline.run(article),
    (e: unknown) => e instanceof DatelineError && e.code === 'PIPELINE_BAD_OUTPUT',
  );
});

test('pipeline: a component that throws on content yields empty layers and a diagnostic', () => {
  const pipeline = assemblePipeline([
    component('boom', [], ['times'], () => {
      throw new Error('odd content');
    }),
    component('after', ['times'], ['quotes'], (_a, layers) => ({ quotes: layers.times === undefined ? [] : [] })),
  ]);
  const result = pipeline.run(article);
  assert.deepEqual(result.layers.times, []);
  assert.deepEqual(result.layers.quotes, []);
  assert.equal(result.diagnostics.length, 1);
  assert.equal(result.diagnostics[0].code, 'COMPONENT_FAILED');
  assert.equal(result.diagnostics[0].component, 'boom');
  assert.match(result.diagnostics[0].message, /odd content/);
});

test('pipeline: components release their working memory after each window of a windowed article, never after an ordinary one', () => {
  const seen: string[] = [];
  const released = (name: string): Component => ({
    ...component(name, [], ['paragraphs'], (a) => {
      seen.push(`run ${a.text.length}`);
      return { paragraphs: [] };
    }),
    release: () => seen.push(`release ${name}`),
  });
  const pipeline = assemblePipeline([released('one'), component('other', [], ['sentences'])], { windowChars: 100 });
  pipeline.run(article);
  assert.deepEqual(seen, ['run 13']);
  seen.length = 0;
  const long = makeArticle({ text: 'Peskov spoke today. Putin spoke later. Lavrov said nothing. '.repeat(5), origin: { file: 'mem', format: 'text' } });
  pipeline.run(long);
  const runs = seen.filter((s) => s.startsWith('run')).length;
  assert.ok(runs >= 2, seen.join(', '));
  assert.deepEqual(seen.slice(-1), ['release one']);
  assert.equal(seen.filter((s) => s.startsWith('release')).length, runs);
  seen.forEach((s, i) => assert.ok(s.startsWith(i % 2 === 0 ? 'run' : 'release'), `each window's run, then a release: ${seen.join(', ')}`));
});

test('pipeline: layers flow in declaration order', () => {
  const seen: string[] = [];
  const pipeline = assemblePipeline([
    component('first', [], ['paragraphs'], () => {
      seen.push('first');
      return { paragraphs: [{ start: 0, end: 6, index: 0 }] };
    }),
    component('second', ['paragraphs'], ['sentences'], (_a, layers) => {
      seen.push('second');
      return { sentences: (layers.paragraphs ?? []).map((p) => ({ ...p, paragraph: 0 })) };
    }),
  ]);
  const result = pipeline.run(article);
  assert.deepEqual(seen, ['first', 'second']);
  assert.deepEqual(result.layers.sentences, [{ start: 0, end: 6, index: 0, paragraph: 0 }]);
  assert.deepEqual(pipeline.assigns, ['paragraphs', 'sentences']);
});
