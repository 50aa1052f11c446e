import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterEntities, type EntityRecord } from './crossdoc.js';
import { nameKey } from './names.js';

const rec = (article: string, id: string, name: string, type: EntityRecord['type'], mentions = 1, roles: EntityRecord['roles'] = []): EntityRecord => ({
  article,
  id,
  name,
  type,
  key: nameKey(name),
  mentions,
  roles,
});

test('clusterEntities merges transliteration variants and unambiguous surnames', () => {
  const out = clusterEntities([
    rec('a1', 'e0', 'Volodymyr Zelenskyy', 'PER', 3, [{ title: 'President', affiliation: 'Ukraine' }]),
    rec('a2', 'e4', 'Volodymyr Zelensky', 'PER', 1, [{ title: 'President', affiliation: 'Ukraine' }]),
    rec('a3', 'e1', 'Zelenskiy', 'PER', 2),
    rec('a3', 'e2', 'Kyiv', 'LOC', 4),
  ]);
  const z = out.find((c) => c.type === 'PER');
  assert.ok(z);
  assert.equal(z.members.length, 3);
  assert.equal(z.mentions, 6);
  assert.equal(z.articles, 3);
  assert.equal(z.name, 'Volodymyr Zelenskyy');
  assert.deepEqual(z.roles, [{ title: 'President', affiliation: 'Ukraine', count: 2 }]);
  assert.equal(out.length, 2);
});

test('clusterEntities keeps an ambiguous surname apart and respects types', () => {
  const out = clusterEntities([
    rec('a1', 'e0', 'George Bush', 'PER', 2),
    rec('a2', 'e0', 'Laura Bush', 'PER', 2),
    rec('a3', 'e0', 'Bush', 'PER', 5),
    rec('a4', 'e0', 'Georgia', 'LOC', 1),
    rec('a5', 'e0', 'Georgia', 'PER', 1),
  ]);
  const bush = out.filter((c) => c.variants.includes('Bush'));
  assert.equal(bush.length, 1);
  assert.equal(bush[0].members.length, 1, 'surname alone stays apart when two people share it');
  assert.equal(out.filter((c) => c.name === 'Georgia').length, 2, 'a place and a person never merge');
});

test('clusterEntities merges middle initials and is order-independent', () => {
  const input = [rec('a1', 'e0', 'Daniel P. Driscoll', 'PER', 2), rec('a2', 'e3', 'Daniel Driscoll', 'PER', 1), rec('a3', 'e1', 'Driscoll', 'PER', 4)];
  const a = clusterEntities(input);
  const b = clusterEntities([...input].reverse());
  assert.equal(a.length, 1);
  assert.equal(a[0].mentions, 7);
  assert.deepEqual(
    a.map((c) => [c.name, c.mentions]),
    b.map((c) => [c.name, c.mentions]),
  );
});

test('clusterEntities: spellings of one person merge, a person reading wins over a place reading, different people stay apart', () => {
  const out = clusterEntities([
    rec('a1', 'e0', 'Muammar Gaddafi', 'PER', 4),
    rec('a2', 'e0', 'Moammar Kadafi', 'PER', 2),
    rec('a3', 'e0', 'Qaddafi', 'PER', 2),
    rec('a4', 'e0', 'Kadhafi', 'LOC', 1),
    rec('a5', 'e0', 'Muammar Gadhafi', 'ORG', 1),
    rec('a6', 'e0', 'Saif al-Islam Gaddafi', 'PER', 1),
    rec('a7', 'e0', 'Jordan', 'LOC', 3),
    rec('a8', 'e0', 'Michael Jordan', 'PER', 5),
  ]);
  const muammar = out.find((c) => c.keys.some((k) => k.key === 'muammar gaddafi'));
  assert.ok(muammar);
  assert.equal(muammar.type, 'PER', 'a person, although some articles read the name as a place');
  assert.deepEqual(muammar.keys.map((k) => k.key).sort(), ['kadhafi', 'moammar kadafi', 'muammar gaddafi', 'muammar gadhafi', 'qaddafi']);
  const saif = out.find((c) => c.keys.some((k) => k.key === 'saif al islam gaddafi'));
  assert.ok(saif && saif !== muammar, 'another first name is another person');
  const jordan = out.find((c) => c.keys.some((k) => k.key === 'jordan'));
  assert.ok(jordan && jordan.type === 'LOC' && jordan.keys.length === 1, 'a known place never joins a person');
});

test('clusterEntities: a shared surname goes to the person who dominates it, else stays apart', () => {
  const dominated = clusterEntities([rec('a1', 'e0', 'Bashar al-Assad', 'PER', 9), rec('a2', 'e0', 'Hafez al-Assad', 'PER', 2), rec('a3', 'e0', 'Assad', 'LOC', 3)]);
  const bashar = dominated.find((c) => c.keys.some((k) => k.key === 'bashar al assad'));
  assert.ok(bashar?.keys.some((k) => k.key === 'assad'));
  assert.equal(bashar?.type, 'PER');
  const even = clusterEntities([rec('a1', 'e0', 'Bashar al-Assad', 'PER', 3), rec('a2', 'e0', 'Hafez al-Assad', 'PER', 2), rec('a3', 'e0', 'Assad', 'PER', 3)]);
  assert.ok(even.find((c) => c.keys.some((k) => k.key === 'assad'))?.keys.length === 1);
});
