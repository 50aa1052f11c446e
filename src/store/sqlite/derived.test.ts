import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestBatches } from './derived.js';

test('ingestBatches: consecutive articles of one ingest time form one batch, split at the size, never merged across times', () => {
  const rows = [
    { id: 'a', at: 't1' },
    { id: 'b', at: 't1' },
    { id: 'c', at: 't1' },
    { id: 'd', at: 't2' },
    { id: 'e', at: 't1' },
  ];
  assert.deepEqual([...ingestBatches(rows, 2)], [
    { ids: ['a', 'b'], at: 't1' },
    { ids: ['c'], at: 't1' },
    { ids: ['d'], at: 't2' },
    { ids: ['e'], at: 't1' },
  ]);
  assert.deepEqual([...ingestBatches([])], []);
});
