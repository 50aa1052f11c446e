import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogisticModel } from '../events/logistic.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';
import { spanTagFeatures, tagContext, tokenFeatures, tokenScore } from './tagger.js';
import { entityLayers } from './testing.js';
import { sharedTokens } from './tokens.js';

const TEXT = 'Anna Kovacs said that the border, which closed in May, would open. “We are ready,\n\nHe left the hall.';

function setup() {
  const layers = segmentText(TEXT);
  const toks = sharedTokens(TEXT, layers.tokens ?? []);
  const at = (word: string, from = 0) => toks.findIndex((t, i) => i >= from && t.text === word);
  return { layers, toks, at, ctx: tagContext(TEXT, toks) };
}

test('tagger: the context reads the nearest cue on each side, a "that" and the commas after the cue', () => {
  const { at, ctx } = setup();
  const said = at('said');
  const border = at('border');
  assert.equal(ctx.leftCue[border], said);
  assert.equal(ctx.rightCue[at('Anna')], said);
  assert.equal(ctx.leftCue[said], -1, 'a cue is not its own left cue');
  assert.equal(ctx.thatAfterCue[border], 1);
  assert.equal(ctx.thatAfterCue[at('that')], 0, 'the "that" itself comes after no "that"');
  assert.equal(ctx.commasAfterCue[at('open')], 2);
  assert.equal(ctx.rightCue[at('border')], -1);
});

test('tagger: quotation-mark state holds inside the marks and a paragraph break ends an unclosed quote', () => {
  const { at, ctx } = setup();
  assert.equal(ctx.marks[at('border')], 0);
  assert.equal(ctx.marks[at('We')], 1);
  assert.equal(ctx.marks[at('ready')], 1);
  assert.equal(ctx.marks[at('left')], 0, 'the next paragraph opens outside any quote');
  assert.equal(ctx.paragraphStart[at('left')], 1);
  assert.equal(ctx.paragraphStart[at('border')], 1, 'the first sentence opens the text');
});

test('tagger: token features name the cue and its distance; a model over them scores and span features bucket', () => {
  const { at, ctx } = setup();
  const border = at('border');
  const f = tokenFeatures(ctx, border);
  for (const x of ['w=border', 'lc=say|3', 'that=1|3', 'm=0', 'acc=0']) assert.ok(f.includes(x), `${x} in ${f.join(' ')}`);
  const model: LogisticModel = { version: '1', bias: -1, threshold: 0.5, weights: { 'that=1|3': 3, 'that=1|6': 3, 'that=1|12': 3, 'm=1': 3 } };
  assert.ok(tokenScore(model, ctx, border) > 0.8);
  assert.ok(tokenScore(model, ctx, at('Anna')) < 0.3);
  assert.deepEqual(spanTagFeatures(model, ctx, at('the'), at('open') + 1), ['tgmean=hi', 'tgafter=hi']);
  assert.deepEqual(spanTagFeatures(model, ctx, at('the'), at('open') + 2), ['tgmean=hi', 'tgafter=edge'], 'the sentence ends the span');
  assert.deepEqual(spanTagFeatures(model, ctx, at('Anna'), at('said')), ['tgmean=lo', 'tgafter=lo']);
});

test('tagger: with the shipped decision models (no tagger weights) a tagger leaves the quotes unchanged', () => {
  const text = 'Anna Kovacs said that the border would open again next week. Officials warned the talks could fail.';
  const layers = { ...segmentText(text), ...entityLayers(text, [{ name: 'Anna Kovacs', type: 'PER' }]) };
  const model: LogisticModel = { version: '1', bias: 0, threshold: 0.5, weights: { 'm=0': -2 } };
  assert.deepEqual(extractQuotes(text, layers, { taggerModel: model }), extractQuotes(text, layers, { taggerModel: null }));
});
