import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crimeArticle, kindOf, politicalAgreement, type KindInput } from './kind.js';

const words = (s: string) => s.toLowerCase().match(/[\p{L}\d'-]+/gu) ?? [];
const input = (s: string, patch: Partial<KindInput> = {}): KindInput => ({ cls: 'killing', words: words(s), weapons: new Set(), orgActor: false, crimeArticle: false, trigger: 'killed', strikeWords: [], ...patch });

test('kindOf: disasters and accidents are not conflict', () => {
  assert.equal(kindOf(input('Three people died when flash floods swept through a campground')).kind, 'disaster');
  assert.equal(kindOf(input('The earthquake killed at least 200,000 people')).kind, 'disaster');
  assert.equal(kindOf(input('Two people died in a head-on crash on Interstate 40', { trigger: 'died' })).kind, 'accident');
  assert.equal(kindOf(input('A cyclist was killed after being hit by a lorry')).kind, 'accident');
  assert.equal(kindOf(input('Three people were killed in a house fire, fire officials said')).kind, 'accident');
  assert.equal(kindOf(input('a car struck a house', { cls: 'strike', trigger: 'struck', strikeWords: ['struck'] })).kind, 'accident');
});

test('kindOf: an attack stays violence even with a disaster or accident word', () => {
  assert.notEqual(kindOf(input('Gunmen shot dead two aid workers distributing earthquake relief')).kind, 'disaster');
  assert.equal(kindOf(input('Militants killed two soldiers after the floods')).kind, 'conflict');
  assert.equal(kindOf(input('Three trucks were set on fire by unknown men', { cls: 'loot', trigger: 'set' })).kind, 'conflict');
});

test('kindOf: political violence is conflict; violence told as crime reporting is crime', () => {
  assert.equal(kindOf(input('An air strike hit the town', { cls: 'strike', trigger: 'strike', strikeWords: ['strike'] })).kind, 'conflict');
  assert.equal(kindOf(input('Police fired on protesters in the capital')).kind, 'conflict');
  assert.equal(kindOf(input('A man was shot dead outside a store, police said')).kind, 'crime');
  assert.equal(kindOf(input('A man was shot dead outside a store', { crimeArticle: true })).kind, 'crime');
  assert.equal(kindOf(input('Unidentified gunmen shot dead a villager')).kind, 'conflict');
});

test('crimeArticle and politicalAgreement', () => {
  assert.ok(crimeArticle(words('Police said the suspect was arrested. The victim died in hospital.')));
  assert.ok(!crimeArticle(words('Police said militants attacked the suspect.')));
  assert.ok(!politicalAgreement(words('UK Athletics has agreed a new deal with adidas'), false, false));
  assert.ok(politicalAgreement(words('The government agreed a ceasefire with the rebels'), false, false));
});

test('kindOf: a measure or damage a hazard caused is the disaster\'s; a protest over it, or troops, stay conflict', () => {
  const posture = { cls: 'posture', trigger: 'declared' };
  assert.equal(kindOf(input('Gov. Brian Kemp declared a state of emergency ahead of the winter storm', posture)).kind, 'disaster');
  assert.equal(kindOf(input('Victims of the latest floods blocked the national road to demand justice', { cls: 'protest', trigger: 'blocked' })).kind, 'conflict');
  assert.equal(kindOf(input('Troops were deployed to the town after the floods', posture)).kind, 'conflict');
  assert.equal(kindOf(input('Militants declared a state of emergency in the town', posture)).kind, 'conflict');
});
