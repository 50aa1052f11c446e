import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestChildEnv, ingestHeapArgs, INGEST_OLD_SPACE_MB, INGEST_SEMI_SPACE_MB } from './heap.js';

test('ingest without a heap flag gets the bounded heap', () => {
  assert.deepEqual(ingestHeapArgs(['ingest', 'a.jsonl'], [], {}), [`--max-old-space-size=${INGEST_OLD_SPACE_MB}`, `--max-semi-space-size=${INGEST_SEMI_SPACE_MB}`, '--expose-gc']);
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

test('the ingest child marks its heap as set and bounds malloc unless the user chose a number', () => {
  assert.deepEqual(ingestChildEnv({ PATH: '/bin' }), { PATH: '/bin', DATELINE_HEAP_SET: '1', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '1048576' });
  assert.equal(ingestChildEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX, '8');
  assert.equal(ingestChildEnv({ MALLOC_MMAP_THRESHOLD_: '131072' }).MALLOC_MMAP_THRESHOLD_, '131072');
  assert.equal(ingestChildEnv({ MALLOC_TRIM_THRESHOLD_: '0' }).MALLOC_TRIM_THRESHOLD_, '0');
});
