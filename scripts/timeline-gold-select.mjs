#!/usr/bin/env node
/**
 * Applies a held-out timeline topic's selection rule (test-fixtures/timeline-gold/<topic>/topic.json: corpus,
 * date range, pattern on title + lead) to its corpus under ../shared/data and writes the selected records as
 * pointers (corpus, 1-based line, publication date, url; never the text) to <topic>/records.jsonl.
 *   npx tsc -p tsconfig.json && node scripts/timeline-gold-select.mjs test-fixtures/timeline-gold/<topic> [DATA_DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFile, parseSpec, selectRecords } from '../dist/eval/timeline-gold.js';
import { sharedPath } from '../dist/core/paths.js';

const [dir, dataDir = sharedPath('data')] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/timeline-gold-select.mjs <topic-dir> [DATA_DIR]');
  process.exit(2);
}
const spec = parseSpec(readFileSync(join(dir, 'topic.json'), 'utf8'), join(dir, 'topic.json'));
const records = await selectRecords(spec, corpusFile(dataDir, spec.corpus));
writeFileSync(join(dir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const days = new Set(records.map((r) => r.date));
console.log(`${dir}: ${records.length} records on ${days.size} days, ${records[0]?.date ?? '-'} .. ${records.at(-1)?.date ?? '-'}`);
