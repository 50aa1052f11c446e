import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGenericBody, ownedBody } from './owners.js';

test('isGenericBody: role words and a state body head, nothing else', () => {
  assert.equal(isGenericBody(['defence', 'ministry']), true);
  assert.equal(isGenericBody(['ministry', 'of', 'foreign', 'affairs']), false, 'the head comes last');
  assert.equal(isGenericBody(['foreign', 'ministry']), true);
  assert.equal(isGenericBody(['military']), true);
  assert.equal(isGenericBody(['gazprom']), false);
  assert.equal(isGenericBody(['airbus', 'defence']), false);
});

test('ownedBody finds the owner inside the name or written right before it', () => {
  assert.deepEqual(ownedBody(['Russian', 'Defence', 'Ministry'], ['The']), { owner: 'Russia', body: ['Defence', 'Ministry'] });
  assert.deepEqual(ownedBody(['Defence', 'Ministry'], ['said', 'the', 'Romanian']), { owner: 'Romania', body: ['Defence', 'Ministry'] });
  assert.deepEqual(ownedBody(['Defence', 'Ministry'], ['Russia', "'s"]), { owner: 'Russia', body: ['Defence', 'Ministry'] });
  assert.deepEqual(ownedBody(['Foreign', 'Ministry'], ['the', 'United', 'States', '’s']), { owner: 'United States', body: ['Foreign', 'Ministry'] });
  // No owner written: left as it is; not a generic body: never owned.
  assert.equal(ownedBody(['Defence', 'Ministry'], ['said', 'the']), null);
  assert.equal(ownedBody(['Gazprom'], ['Russian']), null);
});
