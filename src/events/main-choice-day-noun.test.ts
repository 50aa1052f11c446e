import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNounFeatures } from './main-choice-day-noun.js';
import { titleIncidentStems } from './main-choice-day-context.js';

const at = (text: string, surface: string) => {
  const start = text.indexOf(surface);
  return [{ start, end: start + surface.length }];
};

test('a day told as the modifier of an incident noun: "Saturday\'s drone attack", "the Jan. 8 missile attack"', () => {
  const stems = titleIncidentStems('Iran warns of all-out war over Saudi oil attack');
  const a = 'Zarif warned Thursday, days after Saturday’s drone attack on the plant.';
  assert.deepEqual(dayNounFeatures(a, at(a, 'Saturday'), stems), ['dayNounTitle']);
  // The statement's own day is no modifier.
  assert.deepEqual(dayNounFeatures(a, at(a, 'Thursday'), stems), []);
  const b = 'Troops were flown out after the Jan. 8 Iranian missile attack on the base.';
  assert.deepEqual(dayNounFeatures(b, at(b, 'Jan. 8'), stems), ['dayNounTitle']);
});

test('a recalled incident\'s day is a modifier too, but not of the headline\'s incident; a plain day is none', () => {
  const stems = titleIncidentStems('Gunman kills three at Jacksonville store');
  const a = 'The shooting came years after the Jan. 6 riot at the Capitol.';
  assert.deepEqual(dayNounFeatures(a, at(a, 'Jan. 6'), stems), []);
  const b = 'Police said Monday that the suspect had been arrested.';
  assert.deepEqual(dayNounFeatures(b, at(b, 'Monday'), stems), []);
  const c = 'Monday night’s shooting left three dead.';
  assert.deepEqual(dayNounFeatures(c, at(c, 'Monday'), titleIncidentStems('Three shot dead')), ['dayNounTitle']);
});

test('only the noun phrase the day modifies counts: "Thursday\'s meeting on the attack" is no incident day', () => {
  const a = 'Thursday’s meeting on the attack was cancelled.';
  assert.deepEqual(dayNounFeatures(a, at(a, 'Thursday'), titleIncidentStems('Attack on base')), []);
});
