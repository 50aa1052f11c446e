import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inAcledScope } from './scope.js';

test('only conflict events told as news are in ACLED scope; old layers without a kind count as conflict', () => {
  assert.equal(inAcledScope({}), true);
  assert.equal(inAcledScope({ kind: 'conflict' }), true);
  assert.equal(inAcledScope({ kind: 'crime' }), false);
  assert.equal(inAcledScope({ kind: 'accident' }), false);
  assert.equal(inAcledScope({ kind: 'disaster' }), false);
  assert.equal(inAcledScope({ kind: 'conflict', reference: true }), false);
});
