import { test } from 'node:test';
import assert from 'node:assert/strict';
import { singleDeath, singleInjury } from './deaths.js';

test('singleDeath: one death told without a number', () => {
  assert.equal(singleDeath('A 23-year-old man was shot dead outside a store.')?.value, 1);
  assert.equal(singleDeath('The victim, 34, was pronounced dead at the scene.')?.value, 1);
  assert.equal(singleDeath('A 67-year-old man was beaten to death during a robbery.')?.value, 1);
  assert.equal(singleDeath('A man was found with fatal gunshot wounds in a car park.')?.value, 1);
  assert.equal(singleDeath('The body of a 32-year-old man was found in a canal.')?.value, 1);
  assert.equal(singleDeath('A woman and her teenage son were found dead in their home.')?.value, 2);
  assert.equal(singleDeath('Both victims died at the scene.')?.value, 2);
});

test('singleDeath: "died" needs a sign of violence, an accident or a disaster', () => {
  assert.equal(singleDeath('A 19-year-old man has died after he was stabbed in east London.')?.needsCue, false);
  // An obituary: no cue, so only an event told just before may take it.
  assert.equal(singleDeath('The singer died at home in Los Angeles.')?.needsCue ?? true, true);
  assert.equal(singleDeath('A man has died, his family said.')?.needsCue, true);
  assert.equal(singleDeath('Nobody was hurt.'), null);
});

test('singleInjury: one person hurt', () => {
  assert.equal(singleInjury('A teenager was shot in the leg on Wednesday.')?.value, 1);
  assert.equal(singleInjury('A police officer was shot and wounded during a traffic stop.')?.kind, 'injured');
  assert.equal(singleInjury('A woman was stabbed to death.'), null);
});

test('singleDeath: a named victim, a reduced relative and a pronoun object are one death', () => {
  assert.equal(singleDeath('Abe was shot dead on Friday in the city of Nara.')?.rule, 'toll:named-dead');
  assert.equal(singleDeath('David Dorn, 77, was shot and killed by looters.')?.value, 1);
  assert.equal(singleDeath('Three civilians and a police officer were gunned down Tuesday.'), null, 'a count is the quantities layer’s');
  assert.equal(singleDeath('The woman killed in Saturday’s synagogue shooting was 60.')?.rule, 'toll:reduced-relative');
  assert.equal(singleDeath('Police officers fatally shot him after a chase.')?.rule, 'toll:pronoun-object');
  assert.equal(singleDeath('Brooks, 27, died after he was shot twice in the back.')?.rule, 'toll:named-died');
  assert.equal(singleDeath('A retired police captain was shot and killed early Tuesday.')?.value, 1);
  assert.equal(singleDeath('Nobody was killed in the blast.'), null);
  assert.equal(singleDeath('No one was killed.'), null);
});
