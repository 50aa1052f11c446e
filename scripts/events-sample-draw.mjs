// Draws the hand-checked event sample (test-fixtures/events-sample): a seeded random set of BBC politics
// articles and crisis timeline blocks is run through the pipeline, then EVENTS events are drawn by the same
// seeded generator, half from each source. Writes draft rows (verdicts empty) to stdout as JSONL.
// Usage (after a build): node scripts/events-sample-draw.mjs [seed] > draft.jsonl
import { candidateDocs, loadSampleDoc, runDocs } from '../dist/eval/events-sample-docs.js';
import { evidenceText, systemSaid } from '../dist/eval/events-sample-said.js';
import { mulberry32, picker } from './seeded-random.mjs';

const SEED = Number(process.argv[2] ?? 20261207);
const BBC_ARTICLES = 60;
const CRISIS_BLOCKS = 60;
const EVENTS_PER_SOURCE = 25;

const rand = mulberry32(SEED);
const pick = picker(rand);

const { bbc, crisis } = candidateDocs(['politics']);
const sources = {
  bbc: pick(bbc, BBC_ARTICLES).map((path) => loadSampleDoc(path)),
  crisis: pick(crisis, CRISIS_BLOCKS),
};
for (const [source, docs] of Object.entries(sources)) {
  const runs = runDocs(docs);
  const pool = [];
  for (const [path, run] of runs) for (const e of run.events) pool.push({ path, run, e });
  for (const { path, run, e } of pick(pool, EVENTS_PER_SOURCE)) {
    process.stdout.write(JSON.stringify({
      source, id: run.id, path, evidence: evidenceText(run.text, e), said: systemSaid(e),
      verdict: { real: null, typed: null, placed: null, dated: null, counted: null, reason: '' },
    }) + '\n');
  }
  process.stderr.write(`${source}: ${docs.length} docs, ${pool.length} events\n`);
}
