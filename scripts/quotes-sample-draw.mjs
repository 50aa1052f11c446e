// Draws the hand-checked quote sample (test-fixtures/quotes-sample): a seeded random set of BBC politics
// articles and recent (2019–2026) JSONL news articles, 120–600 words each, run through the shipped pipeline.
// Writes one draft row per article (every extracted quote with empty verdicts, no article text) to stdout as
// JSONL, and, with REVIEW=file, a reading copy (article text + quotes) for the hand check; never commit that.
// Usage (after a build): node scripts/quotes-sample-draw.mjs [seed] > draft.jsonl
// A later batch: SPLIT=dev PER_SOURCE=5 node scripts/quotes-sample-draw.mjs SEED — candidates of the other split
// and articles already in the sample are left out before the draw (never run, never read); rows are numbered on
// from the sample's last.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { quoteCandidates, loadQuoteDoc, runQuoteDocs } from '../dist/eval/quotes-sample-docs.js';
import { sampleSplit } from '../dist/eval/quotes-sample-score.js';
import { mulberry32, picker } from './seeded-random.mjs';

const SEED = Number(process.argv[2] ?? 20261207);
const PER_SOURCE = Number(process.env.PER_SOURCE ?? 15);
const SPLIT = process.env.SPLIT ?? null;
const SAMPLE = 'test-fixtures/quotes-sample/sample.jsonl';
const already = existsSync(SAMPLE) && SPLIT ? readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const taken = new Set(already.map((r) => r.path));
const commit = execSync('git rev-parse --short HEAD').toString().trim();

const rand = mulberry32(SEED);
const pick = picker(rand);

const { bbc, news } = quoteCandidates();
const review = [];
let n = already.length ? Math.max(...already.map((r) => r.n)) + 1 : 0;
const eligible = (paths) => (SPLIT ? paths.filter((p) => sampleSplit(p) === SPLIT && !taken.has(p)) : paths);
for (const [source, paths] of [['bbc', eligible(bbc)], ['news', eligible(news)]]) {
  const docs = pick(paths, PER_SOURCE).map((p) => loadQuoteDoc(p));
  const runs = runQuoteDocs(docs);
  for (const doc of docs) {
    const run = runs.get(doc.path);
    process.stdout.write(JSON.stringify({
      n, source, split: sampleSplit(doc.path), id: run.id, path: doc.path, drawn: { seed: SEED, commit },
      full: false,
      quotes: run.quotes.map((q) => ({ said: q, verdict: { content: null, speaker: null, reason: '' } })),
      missed: [],
    }) + '\n');
    review.push(`#### ${n} ${source} ${doc.path} ${doc.published ?? ''} split=${sampleSplit(doc.path)}\n${doc.text}\n---- quotes`);
    run.quotes.forEach((q, i) => review.push(`[${i}] ${q.start}-${q.end} ${q.kind} «${doc.text.slice(q.start, q.end).replace(/\s+/g, ' ')}» speaker=${q.speaker} entity=${q.entity} owner=${q.owner} cue=${q.cue}`));
    n++;
  }
  process.stderr.write(`${source}: ${paths.length} candidates, ${docs.length} drawn, ${[...runs.values()].reduce((s, r) => s + r.quotes.length, 0)} quotes\n`);
}
if (process.env.REVIEW) writeFileSync(process.env.REVIEW, review.join('\n') + '\n');
