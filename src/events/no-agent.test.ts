/**
 * A toll needs a violent agent (kind.ts `kind:no-violent-agent`), and a quote's speech verb is no event
 * (speech-cue.ts): hand-made sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { extractEvents } from './extract.js';
import { kindOf, NO_VIOLENT_AGENT, type KindInput } from './kind.js';
import { speechCueVeto } from './speech-cue.js';

const pipeline = defaultPipeline();

function death(sentence: string, near = ''): KindInput {
  const lower = (s: string) => s.toLowerCase().match(/[a-z0-9'-]+/g) ?? [];
  return { cls: 'killing', words: lower(sentence), weapons: new Set(), orgActor: false, crimeArticle: false, trigger: 'died', strikeWords: [], nearWords: () => lower(near) };
}

test('no-violent-agent: a death no violence is told for is no conflict event', () => {
  assert.equal(kindOf(death('Two people died in the tragedy.')).rule, NO_VIOLENT_AGENT);
  assert.equal(kindOf(death('Forty-eight people have died of the virus in Mexico.')).rule, NO_VIOLENT_AGENT);
});

test('no-violent-agent: an agent in the sentence or the next one keeps the event', () => {
  assert.notEqual(kindOf(death('Two people died when a gunman opened fire.')).rule, NO_VIOLENT_AGENT);
  assert.notEqual(kindOf(death('At least 14 people died.', 'Outnumbered, the soldiers let him go free.')).rule, NO_VIOLENT_AGENT);
  assert.notEqual(kindOf({ ...death('A man was found dead on a road.'), trigger: 'dead', foundDead: true }).rule, NO_VIOLENT_AGENT);
});

test('speech-cue: "X protested, \'…\'" reports speech, not a protest', () => {
  const text = 'Asked whether Heard was responsible for the damage, Wass protested, "That is completely untrue."';
  const article = makeArticle({ text, origin: { file: 'test', format: 'text', record: 0 }, published: '2022-05-04' });
  const layers = pipeline.run(article).layers;
  const rules = extractEvents(article, layers).filter((e) => e.acled);
  assert.ok(rules.length > 0, 'the rules propose a protest');
  assert.equal(speechCueVeto(layers, rules).length, 0);
});

test('speech-cue: a march told beside a quote keeps its event', () => {
  const text = 'Hundreds of protesters marched through Cairo on Friday demanding the resignation of the prime minister.';
  const article = makeArticle({ text, origin: { file: 'test', format: 'text', record: 0 }, published: '2011-03-04' });
  const layers = pipeline.run(article).layers;
  assert.equal(speechCueVeto(layers, extractEvents(article, layers).filter((e) => e.acled)).length, 1);
});
