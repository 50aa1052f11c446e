import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from './extract.js';
import type { ChoiceContext } from './main-choice-features.js';
import { dayCandidates, placeCandidates } from './main-choice-features.js';
import { applyMainChoice, mainChoiceModels, mainIncident, overrides, type MainChoiceModels } from './main-choice.js';
import { dominantTown, leadEnd, townEvidence } from './setting.js';
import { buildDoc } from './testdoc.js';

const DAYTON = { surface: 'Dayton', name: 'Dayton', lat: 39.76, lon: -84.19, country: 'US', precision: 'city' as const };
const COLUMBUS = { surface: 'Columbus', name: 'Columbus', lat: 39.96, lon: -83.0, country: 'US', precision: 'city' as const };

function report() {
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'A man was shot and killed outside a bar in Dayton on Saturday night.\n\nThe coroner identified him on Monday, police said Monday. A vigil was planned in Columbus, where he grew up.',
    places: [DAYTON, COLUMBUS],
    times: [
      { surface: 'Saturday night', value: '2025-03-15TNI', from: '2025-03-15', to: '2025-03-15' },
      { surface: 'Monday', value: '2025-03-17', from: '2025-03-17', to: '2025-03-17' },
      { surface: 'Monday', value: '2025-03-17', from: '2025-03-17', to: '2025-03-17', nth: 1 },
    ],
  });
  const events = extractEvents(article, layers, { mainChoice: false });
  const lead = leadEnd(layers.paragraphs, article.text);
  const towns = townEvidence(layers.places ?? [], lead, article.text);
  const ctx: ChoiceContext = { article, layers, lead, setting: dominantTown(towns), towns };
  return { events, ctx };
}

const model = (weights: Record<string, number>, threshold: number, margin: number) => ({ version: 't', bias: 0, threshold, margin, weights });

test('day candidates are the days the report states and its own date, with where and how each is told', () => {
  const { events, ctx } = report();
  const main = mainIncident(events);
  assert.ok(main, 'the killing is the main incident');
  const days = dayCandidates(main, ctx);
  assert.deepEqual(days.map((d) => d.day).sort(), ['2025-03-15', '2025-03-17']);
  const sat = days.find((d) => d.day === '2025-03-15')!.features;
  for (const f of ['sameSentFirst', 'form:weekday', 'form:timeofday', 'lead', 'rel:2', 'incSent']) assert.ok(sat.includes(f), `${f} in ${sat.join(' ')}`);
  const mon = days.find((d) => d.day === '2025-03-17')!.features;
  for (const f of ['pub', 'said', 'rel:0']) assert.ok(mon.includes(f), `${f} in ${mon.join(' ')}`);
  assert.ok(!mon.includes('sameSent'), 'Monday is told in another sentence');
  assert.ok(sat.includes('onlyRecentInc') && !sat.includes('afterInc'), `Saturday is the only day told beside the killing: ${sat.join(' ')}`);
  assert.ok(mon.includes('afterInc') && !mon.includes('onlyRecentInc'), `Monday's statement comes after it: ${mon.join(' ')}`);
});

test('place candidates are only towns the article names (or its setting), never invented', () => {
  const { events, ctx } = report();
  const main = mainIncident(events)!;
  const names = placeCandidates(main, ctx).map((c) => c.place.name).sort();
  assert.deepEqual(names, ['Columbus', 'Dayton']);
});

test('the learned day replaces the rules’ only above its threshold and margin; below, the rules’ day stays', () => {
  const prefer = model({ sameSentFirst: 2, 'form:weekday': 1, said: -3, pub: -1 }, 0.8, 1);
  const models: MainChoiceModels = { version: 't', date: prefer, place: model({}, 0.99, 9) };
  // The rules' day made wrong by hand (the report's own date), to see the model mend it.
  let { events, ctx } = report();
  let main = mainIncident(events)!;
  main.date = { value: '2025-03-17', precision: 'day', range: { from: '2025-03-17', to: '2025-03-17' }, how: 'implied' };
  applyMainChoice(events, ctx, models);
  assert.equal(main.date?.value, '2025-03-15');
  assert.ok(main.how?.includes('date:learned'));
  // Too high a threshold: the model is unsure, the rules' value stays.
  ({ events, ctx } = report());
  main = mainIncident(events)!;
  main.date = { value: '2025-03-17', precision: 'day', range: { from: '2025-03-17', to: '2025-03-17' }, how: 'implied' };
  applyMainChoice(events, ctx, { ...models, date: { ...prefer, threshold: 0.999 } });
  assert.equal(main.date?.value, '2025-03-17');
  assert.ok(!main.how?.includes('date:learned'));
});

test('a stated day the model doubts is kept, with a lower confidence, not replaced by a guess', () => {
  const { events, ctx } = report();
  const main = mainIncident(events)!;
  const before = main.confidence;
  const day = main.date?.value;
  applyMainChoice(events, ctx, { version: 't', date: model({ cur: -5 }, 0.99, 9), place: model({}, 0.99, 9) });
  assert.equal(main.date?.value, day);
  assert.ok(main.how?.includes('date:learned-unsure'));
  assert.ok(main.confidence < before);
});

test('the learned place moves the main incident to the town told with it in the lead', () => {
  const { events, ctx } = report();
  const main = mainIncident(events)!;
  main.place = { ...ctx.layers.places!.find((p) => p.name === 'Columbus')! };
  applyMainChoice(events, ctx, { version: 't', date: model({}, 0.99, 9), place: model({ sameSentFirst: 2, lead: 1, incSent: 1 }, 0.8, 1) });
  assert.equal(main.place?.name, 'Dayton');
  assert.ok(main.how?.includes('place:learned'));
});

test('the shipped model keeps a plain report’s stated day and town', () => {
  if (!mainChoiceModels()) return;
  const { article, layers } = buildDoc({
    published: '2025-03-17',
    text: 'A man was shot and killed outside a bar in Dayton on Saturday night, police said.\n\nNo arrests have been made.',
    places: [DAYTON],
    times: [{ surface: 'Saturday night', value: '2025-03-15TNI', from: '2025-03-15', to: '2025-03-15' }],
  });
  const main = mainIncident(extractEvents(article, layers));
  assert.equal(main?.date?.value, '2025-03-15');
  assert.equal(main?.place?.name, 'Dayton');
});

test('a value told with the trigger in the lead is kept, unless it lies far from the setting and the pick is at the setting', () => {
  const m = model({}, 0.5, 0);
  const cur = { features: ['cur', 'leadTrig', 'settingFar'] };
  const atSetting = { features: ['notCur', 'setting'] };
  const elsewhere = { features: ['notCur', 'settingFar300'] };
  assert.equal(overrides(m, { best: atSetting, z: 3, zCur: 0, cur }), true);
  assert.equal(overrides(m, { best: elsewhere, z: 3, zCur: 0, cur }), false);
  assert.equal(overrides(m, { best: atSetting, z: 3, zCur: 0, cur: { features: ['cur', 'leadTrig', 'setting'] } }), false);
  assert.equal(overrides(m, { best: atSetting, z: -3, zCur: -5, cur }), false, 'below the threshold');
});
