import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../core/article.js';
import { assemblePipeline } from '../core/pipeline.js';
import type { Entity } from '../core/layers.js';
import { segment } from '../segment/segment.js';
import { entities, findDateline, letterCase } from './component.js';
import { nameKey } from './names.js';

const pipeline = assemblePipeline([segment, entities]);

function analyze(text: string) {
  const article = makeArticle({ text, origin: { file: 'test.txt', format: 'text' } });
  return { text, ...pipeline.run(article) };
}

// A dispatch of our own: a caps dateline, ranks, pre-nominal titles, an apposition, surnames,
// transliteration variants, a possessive organisation and curly apostrophes.
const DISPATCH = [
  '(GENEVA) — Swiss President Karin Keller-Sutter said on Monday that talks with Iranian officials would resume next week in Geneva.',
  'Iranian Foreign Minister Abbas Araghchi told reporters that the meeting had been constructive.',
  '“We are ready to continue,” Araghchi said.',
  'Mark Rutte, secretary general of NATO, said the alliance would follow the talks closely.',
  'Lt. Gen. Alexus Grynkewich briefed Rutte on Tuesday, officials said.',
  'German Chancellor Friedrich Merz’s office said Merz would travel to Geneva on Thursday.',
  'Ukrainian President Volodymyr Zelenskiy spoke with Rutte by phone, and Zelensky later thanked the alliance.',
].join('\n');

function byName(list: Entity[], name: string): Entity {
  const e = list.find((x) => x.name === name);
  assert.ok(e, `no entity named ${name}; have ${list.map((x) => `${x.name}/${x.type}`).join(', ')}`);
  return e;
}

test('entities: one entity per person, with titles peeled off and roles attached', () => {
  const { text, layers } = analyze(DISPATCH);
  const list = layers.entities ?? [];
  const geneva = list.find((e) => e.key === 'geneva');
  assert.ok(geneva, 'the dateline city is an entity');
  assert.equal(geneva.type, 'LOC');
  assert.ok(!list.some((e) => e.type === 'PER' && /GENEVA/.test(e.name)), 'a caps dateline is never a person');

  const araghchi = byName(list, 'Abbas Araghchi');
  assert.equal(araghchi.type, 'PER');
  assert.equal(araghchi.mentions.length, 2, 'the surname joins the full name');
  assert.ok(araghchi.roles.some((r) => r.title === 'Foreign Minister' && r.affiliation === 'Iran'));

  const rutte = byName(list, 'Mark Rutte');
  assert.equal(rutte.mentions.length, 3);
  assert.ok(rutte.roles.some((r) => /^secretary general of NATO$/.test(r.title)), JSON.stringify(rutte.roles));

  const gen = byName(list, 'Alexus Grynkewich');
  assert.ok(gen.roles.some((r) => /Lt\. Gen\./.test(r.title)), 'ranks are kept as a title, not in the name');

  const merz = byName(list, 'Friedrich Merz');
  assert.equal(merz.mentions.length, 2);
  assert.ok(merz.roles.some((r) => r.title === 'Chancellor' && r.affiliation === 'Germany'));
  const office = list.find((e) => e.owner === merz.id);
  assert.ok(office, 'possessive organisation linked to its owner');
  assert.equal(office.type, 'ORG');
  assert.match(text.slice(office.mentions[0].start, office.mentions[0].end), /Merz’s office$/);

  const zel = list.filter((e) => e.key === nameKey('Volodymyr Zelenskyy'));
  assert.equal(zel.length, 1, 'transliteration variants are one entity');
  assert.equal(zel[0].mentions.length, 2);
  assert.ok(zel[0].roles.some((r) => r.title === 'President' && r.affiliation === 'Ukraine'));

  const ks = byName(list, 'Karin Keller-Sutter');
  assert.ok(ks.roles.some((r) => r.title === 'President' && r.affiliation === 'Switzerland'));

  // Every span reproduces its surface; mentions point at their entity.
  for (const m of layers.mentions ?? []) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(list[m.entity].mentions.some((s) => s.start <= m.start && s.end >= m.end) || m.kind === 'possessive');
  }
  for (const e of list) {
    assert.equal(e.id, `e${list.indexOf(e)}`);
    for (const r of e.roles) assert.ok(r.evidence.start >= 0 && r.evidence.end <= text.length && r.evidence.start < r.evidence.end);
  }
});

test('entities: bad input gives sensible output, never a crash', () => {
  assert.deepEqual(analyze('').layers.entities, []);
  const none = analyze('it rained all day and then it stopped. nobody came.');
  assert.deepEqual(none.layers.entities, []);
  const caps = analyze('PRESIDENT JOE BIDEN MET CHANCELLOR OLAF SCHOLZ IN BERLIN ON FRIDAY.');
  assert.ok(Array.isArray(caps.layers.entities));
  const cyrillic = analyze('Президент Украины Владимир Зеленский заявил в среду, что переговоры продолжатся.');
  assert.ok(Array.isArray(cyrillic.layers.entities));
  const long = analyze(Array.from({ length: 10000 }, (_, i) => (i % 50 === 0 ? 'Paris' : 'word')).join(' '));
  assert.ok(Array.isArray(long.layers.entities));
  for (const r of [caps, cyrillic, long]) {
    for (const m of r.layers.mentions ?? []) assert.equal(r.text.slice(m.start, m.end), m.text);
  }
});

test('findDateline reads capitalised wire datelines', () => {
  assert.deepEqual(findDateline('(NEW YORK) — The talks'), { start: 1, end: 9 });
  assert.deepEqual(findDateline('KYIV, Ukraine (AP) — Drones'), { start: 0, end: 4 });
  assert.equal(findDateline('The President said'), null);
});

test('entities: courtesy titles are peeled off names but are not roles; ranks and offices are', () => {
  const { layers } = analyze('Mr Blair met Mrs. Thatcher and Prime Minister Gordon Brown in London. Col. Ruth Okafor joined them.');
  const list = layers.entities ?? [];
  assert.deepEqual(byName(list, 'Blair').roles, []);
  assert.deepEqual(byName(list, 'Thatcher').roles, []);
  assert.deepEqual(byName(list, 'Gordon Brown').roles.map((r) => r.title), ['Prime Minister']);
  assert.ok(byName(list, 'Ruth Okafor').roles.some((r) => /^Col\.?$/.test(r.title)), 'a rank is kept as a role');
});

test('letterCase agrees with the toLowerCase/toUpperCase comparison it replaces', () => {
  const reference = (w: string): number => (w.toLowerCase() === w.toUpperCase() ? 0 : w === w.toUpperCase() ? 1 : 2);
  for (const w of ['', '2025', '—', 'U.S.', 'NATO', 'Nato', 'nato', 'É', 'ÉTÉ', 'été', 'KYIV’S', 'x-RAY', 'ß', 'STRAßE', 'Київ', 'КИЇВ', '北京', 'A北']) {
    assert.equal(letterCase(w), reference(w), w);
  }
});
