/**
 * `npm run fuzz [-- RUNS [SEED]]`: the nightly-style fuzz run (default 1,000,000 inputs each for the
 * query parser and ingest). `npm test` runs a small fixed-seed slice (fuzz.test.ts).
 */
import { fuzzIngest } from './ingest.js';
import { fuzzQueries } from './query.js';

const runs = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const chunk = 50_000;
console.log(`fuzz: ${runs} queries and ${runs} ingest inputs, seed ${seed}`);
for (const [name, fuzz] of [['query', fuzzQueries], ['ingest', fuzzIngest]] as const) {
  const started = Date.now();
  for (let done = 0, i = 0; done < runs; done += chunk, i++) {
    fuzz(Math.min(chunk, runs - done), seed + i);
    console.log(`${name}: ${Math.min(done + chunk, runs)} ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}
