import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHeapArgs, INGEST_OLD_SPACE_MB } from './heap.js';

test('ingest without a heap flag gets the bounded heap', () => {
  assert.deepEqual(ingestHeapArgs(['ingest', 'a.jsonl'], [], {}), [`--max-old-space-size=${INGEST_OLD_SPACE_MB}`]);
});

test('other commands run as they are', () => {
  assert.equal(ingestHeapArgs(['search', 'ingest'], [], {}), null);
  assert.equal(ingestHeapArgs([], [], {}), null);
});

test('a heap size the user chose is kept', () => {
  assert.equal(ingestHeapArgs(['ingest', 'x'], ['--max-old-space-size=4096'], {}), null);
  assert.equal(ingestHeapArgs(['ingest', 'x'], [], { NODE_OPTIONS: '--max_old_space_size=100' }), null);
});

test('the re-run child does not re-run again', () => {
  assert.equal(ingestHeapArgs(['ingest', 'x'], [], { DATELINE_HEAP_SET: '1' }), null);
});
