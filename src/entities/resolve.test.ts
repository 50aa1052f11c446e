import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsKey, endsWithKeyOf } from './resolve.js';

test('containsKey finds a key only as whole words, like a padded includes', () => {
  const padded = (full: string, part: string): boolean => full === part || ` ${full} `.includes(` ${part} `);
  const cases: Array<[string, string]> = [
    ['dmitry peskov', 'peskov'],
    ['dmitry peskov', 'dmitry'],
    ['dmitry peskov', 'eskov'],
    ['dmitry peskov', 'dmitry p'],
    ['al hayya', 'al hayya'],
    ['khalil al hayya', 'al hayya'],
    ['ana ana', 'ana'],
    ['banana ana', 'ana'],
    ['anab ana', 'ana'],
    ['anab', 'ana'],
    ['x', ''],
    ['a  b', ''],
    ['', 'a'],
  ];
  for (const [full, part] of cases) assert.equal(containsKey(full, part), padded(full, part), `${full} / ${part}`);
});

test('endsWithKeyOf: a key ends with another key after a space', () => {
  const keys = new Set(['al hayya', 'peskov']);
  assert.equal(endsWithKeyOf('khalil al hayya', keys), true);
  assert.equal(endsWithKeyOf('dmitry peskov', keys), true);
  assert.equal(endsWithKeyOf('peskov', keys), false);
  assert.equal(endsWithKeyOf('al hayya', keys), false);
  assert.equal(endsWithKeyOf('khalil alhayya', keys), false);
  assert.equal(endsWithKeyOf('dmitry peskova', keys), false);
});

test('resolve: owners stay in generic bodies, person context beats a place reading', async () => {
  const { makeArticle } = await import('../core/article.js');
  const { assemblePipeline } = await import('../core/pipeline.js');
  const { segment } = await import('../segment/segment.js');
  const { entities } = await import('./component.js');
  const pipeline = assemblePipeline([segment, entities]);
  const text = [
    "Romania's defence ministry said debris fell near Galati.",
    "Russia's defence ministry denied any attack.",
    'The Romanian Defence Ministry later summoned the envoy, and the Russian Defence Ministry said its drones hit Izmail.',
    'Kadhafi told reporters he would stay, and Qaddafi later left Tripoli.',
    'Mr Assad met envoys, and Assad said the plan was fair.',
  ].join('\n');
  const { layers } = pipeline.run(makeArticle({ text, origin: { file: 't.txt', format: 'text' } }));
  const list = layers.entities ?? [];
  const ministries = list.filter((e) => /Defence Ministry/i.test(e.name));
  assert.deepEqual(ministries.map((e) => e.key).sort(), ['romania defence ministry', 'russia defence ministry']);
  for (const m of ministries) assert.equal(m.mentions.length, 2, `${m.name}: its own two mentions`);
  const assad = list.filter((e) => e.key === 'assad');
  assert.equal(assad.length, 1);
  assert.equal(assad[0].type, 'PER');
  assert.equal(assad[0].mentions.length, 2);
  // "Kadhafi told": a person, and the same person as "Qaddafi".
  const gaddafi = list.find((e) => e.mentions.some((m) => text.slice(m.start, m.end) === 'Kadhafi'));
  assert.equal(gaddafi?.type, 'PER');
  assert.ok(gaddafi?.mentions.some((m) => text.slice(m.start, m.end) === 'Qaddafi'), JSON.stringify(list.map((e) => [e.name, e.type])));
  // Known places keep their reading even when they "say" something.
  assert.equal(list.find((e) => e.key === 'tripoli')?.type, 'LOC');
});
