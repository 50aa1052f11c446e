import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../core/article.js';
import type { Entity, EntityType, Layers, Mention } from '../core/layers.js';
import { assemblePipeline, type Component } from '../core/pipeline.js';
import { segment } from '../segment/segment.js';
import { places, GEONAMES_NOTICE } from './component.js';

/** Hand-built entity and mention layers: every occurrence of each name becomes a mention. */
function entityLayers(text: string, names: Array<[string, EntityType]>): Pick<Layers, 'entities' | 'mentions'> {
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  names.forEach(([name, type], index) => {
    const spans: Array<{ start: number; end: number }> = [];
    let at = text.indexOf(name);
    while (at >= 0) {
      spans.push({ start: at, end: at + name.length });
      mentions.push({ start: at, end: at + name.length, text: name, entity: index, kind: 'name' });
      at = text.indexOf(name, at + name.length);
    }
    assert.ok(spans.length > 0, `test text lacks ${name}`);
    entities.push({
      ...spans[0],
      id: `e${index}`,
      name,
      type,
      mentions: spans,
      roles: [],
      key: name.toLowerCase(),
      confidence: 0.9,
    });
  });
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions };
}

/** A stand-in for the entities stage in tests: plain data, fixed per text. */
function handEntities(names: Array<[string, EntityType]>): Component {
  return {
    name: 'entities',
    version: 'test',
    requires: ['tokens'],
    assigns: ['mentions', 'entities'],
    run: (article) => entityLayers(article.text, names),
  };
}

const DOHA =
  '(DOHA, Qatar) — Israel struck Hamas leaders in Doha on Tuesday, killing six people. ' +
  'Qatar condemned the attack. Explosions were also reported in the Lviv region and in Ternopil, ' +
  'and Ukrainian officials in Kyiv said Mykolaiv was hit.';

function dohaArticle() {
  const place = 'DOHA';
  const start = DOHA.indexOf('(');
  const end = DOHA.indexOf('—') + 1;
  return makeArticle({
    text: DOHA,
    origin: { file: 'test.txt', format: 'text' },
    dateline: { start, end, text: DOHA.slice(start, end), place, region: 'Qatar' },
  });
}

test('places: dateline, LOC mentions, a country typed ORG, and a region phrase', () => {
  const pipeline = assemblePipeline([
    segment,
    handEntities([
      ['Israel', 'LOC'],
      ['Hamas', 'ORG'],
      ['Doha', 'LOC'],
      ['Qatar', 'ORG'],
      ['Lviv', 'LOC'],
      ['Ternopil', 'LOC'],
      ['Kyiv', 'LOC'],
      ['Mykolaiv', 'LOC'],
    ]),
    places,
  ]);
  const article = dohaArticle();
  const { layers, diagnostics } = pipeline.run(article);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const list = layers.places ?? [];
  for (const p of list) assert.equal(article.text.slice(p.start, p.end), p.text, 'span reproduces the surface');
  for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].start <= list[i].start, 'sorted by offset');

  const dateline = list.find((p) => p.entity === 'dateline');
  assert.ok(dateline, 'dateline place');
  assert.equal(dateline.text, 'DOHA, Qatar');
  assert.equal(dateline.country, 'QA');
  assert.ok(Math.abs(dateline.lat - 25.29) < 0.05 && Math.abs(dateline.lon - 51.53) < 0.05);

  const byText = (t: string) => list.filter((p) => p.text === t);
  assert.equal(byText('Doha')[0]?.country, 'QA');
  assert.equal(byText('Doha')[0]?.entity, 'e2');
  // Hamas is an organisation and not a country name: no place.
  assert.equal(byText('Hamas').length, 0);
  // Qatar typed ORG by the NER is still geocoded, as the country.
  assert.equal(byText('Qatar').length, 1, 'the mention inside the dateline is not doubled');
  assert.equal(byText('Qatar')[0].precision, 'country');
  // "Lviv" followed by "region" is widened and resolved as a region.
  const lviv = byText('Lviv region')[0];
  assert.ok(lviv, 'Lviv region widened');
  assert.equal(lviv.precision, 'region');
  assert.equal(lviv.country, 'UA');
  const ternopil = byText('Ternopil')[0];
  assert.ok(Math.abs(ternopil.lat - 49.55) < 0.05 && Math.abs(ternopil.lon - 25.59) < 0.05);
  assert.equal(ternopil.country, 'UA');
  assert.ok(byText('Mykolaiv')[0].geonameid !== undefined);
  assert.ok(Math.abs(byText('Mykolaiv')[0].lat - 46.97) < 0.05);
  assert.equal(byText('Israel')[0].precision, 'country');
  for (const p of list) assert.ok(p.confidence > 0 && p.confidence <= 1);
});

test('places: a village the gazetteer lacks takes the point of the town beside it, marked near, at area precision', () => {
  const text = 'Shelling hit Zorivka-Mala, a village outside Kharkiv, on Monday. Kharkiv officials said two homes burned.';
  const pipeline = assemblePipeline([segment, handEntities([['Zorivka-Mala', 'LOC'], ['Kharkiv', 'LOC']]), places]);
  const { layers } = pipeline.run(makeArticle({ text, origin: { file: 'test.txt', format: 'text' } }));
  const list = layers.places ?? [];
  const kharkiv = list.find((p) => p.text === 'Kharkiv');
  const village = list.find((p) => p.text === 'Zorivka-Mala');
  assert.ok(kharkiv && village, `both placed: ${list.map((p) => p.text).join(', ')}`);
  assert.equal(kharkiv.near, undefined, 'a gazetteer place is not approximate');
  assert.equal(village.name, 'Zorivka-Mala', 'the name stays as written');
  assert.equal(village.near, kharkiv.name);
  assert.equal(village.precision, 'area');
  assert.deepEqual([village.lat, village.lon], [kharkiv.lat, kharkiv.lon]);
  assert.ok(village.confidence < kharkiv.confidence);
});

test('places: an article with no entities and no dateline gives an empty layer', () => {
  const pipeline = assemblePipeline([segment, handEntities([]), places]);
  const article = makeArticle({ text: 'Nothing to see here.', origin: { file: 't.txt', format: 'text' } });
  assert.deepEqual(pipeline.run(article).layers.places, []);
});

test('places: declares its contract and credits GeoNames', () => {
  assert.deepEqual([...places.requires], ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities']);
  assert.deepEqual([...places.assigns], ['places']);
  assert.match(GEONAMES_NOTICE, /CC BY 4\.0/);
});

test('places: a piece of a hyphenated name ("Port" of "Port-au-Prince") is no place', () => {
  const text = 'Gunmen attacked a police post in Port-au-Prince on Sunday. Haiti said more troops would come.';
  const pipeline = assemblePipeline([segment, handEntities([['Port', 'LOC'], ['Haiti', 'LOC']]), places]);
  const { layers } = pipeline.run(makeArticle({ text, origin: { file: 'test.txt', format: 'text' } }));
  const names = (layers.places ?? []).map((p) => p.text);
  assert.ok(!names.includes('Port'), names.join(', '));
  assert.ok(names.includes('Haiti'));
});
