import { test } from 'node:test';
import { fuzzIngest } from './ingest.js';
import { fuzzQueries } from './query.js';

// A small deterministic slice of `npm run fuzz`: fixed seeds, so a failure here reproduces.
test('fuzz slice: 3,000 generated queries parse or are refused, and compile to FTS5 that SQLite runs', () => {
  fuzzQueries(3000, 16);
});

test('fuzz slice: 1,500 generated inputs ingest without an exception, a blank article or a lone surrogate', () => {
  fuzzIngest(1500, 16);
});
