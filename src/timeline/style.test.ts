import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../segment/segment.js';
import { timesForText } from '../time/time.js';
import { TIMELINE_PARAMS } from './params.js';
import { styleFeatures, styleModel, styleScore, untokenise } from './style.js';
import { summariseTimeline } from './summarise.js';
import type { TimelineDoc } from './types.js';

test('Penn Treebank tokenisation is undone, so a timeline file and an article give the same features', () => {
  assert.equal(untokenise("The minister did n't resign -LRB- yet -RRB- , `` he said '' ."), 'The minister didn\'t resign (yet), " he said ".');
  assert.deepEqual(
    styleFeatures("Rebels seized the town , the army 's spokesman said .").sort(),
    styleFeatures("Rebels seized the town, the army's spokesman said.").sort(),
  );
});

test('a leading date, day and month names are no features; first person inside a quotation is not the writer', () => {
  const f = styleFeatures('On Monday, the minister said: "I will stay until March."');
  assert.ok(f.includes('first:the'), f.join(' '));
  assert.ok(!f.some((x) => /monday|march/.test(x)), f.join(' '));
  assert.ok(f.includes('attribution'));
  assert.ok(!f.includes('person:1'));
  assert.ok(styleFeatures('I arrived in the capital and we have not slept since.').includes('person:1'));
  assert.ok(styleFeatures('You can send us your pictures.').includes('person:2'));
});

test('the shipped prior: event sentences score above the floor, asides to the reader below it', () => {
  const model = styleModel();
  assert.ok(model, 'models/timeline/style.json is shipped');
  const floor = TIMELINE_PARAMS.styleFloor;
  for (const s of ['Rebels seized the oil port on Friday after heavy clashes with government forces.', 'The parliament approves a new constitution and the president signs it into law.']) {
    assert.ok(styleScore(model, s) > 0.5, s);
  }
  for (const s of ['You can send us your pictures and tell us what you think.', 'If you want to help, please give to a registered charity.']) {
    assert.ok(styleScore(model, s) < floor, s);
  }
});

function doc(id: string, day: string, text: string): TimelineDoc {
  const sentences = segmentText(text).sentences;
  return { id, day, title: null, source: 'test', url: null, text, sentences, times: timesForText(text, sentences, day) };
}

test('the stage does not choose a sentence the prior puts below the floor, even the most central one', () => {
  const aside = 'You can help the survivors of the earthquake in the capital: please give to a registered charity.';
  const docs = [
    doc('c1', '2010-01-14', `${aside} Rescue teams pulled survivors from the rubble of the capital.`),
    doc('c2', '2010-01-14', `${aside} The airport reopened to aid flights.`),
    doc('c3', '2010-01-14', `${aside} Aid reached the earthquake survivors in the capital.`),
  ];
  const lines = (floor: number) => summariseTimeline(docs, { dates: 1, perDate: 1 }, { ...TIMELINE_PARAMS, styleFloor: floor }).dates.flatMap((d) => d.sentences.map((s) => s.text));
  assert.deepEqual(lines(0), [aside]);
  const shipped = lines(TIMELINE_PARAMS.styleFloor);
  assert.equal(shipped.length, 1);
  assert.notEqual(shipped[0], aside);
});
