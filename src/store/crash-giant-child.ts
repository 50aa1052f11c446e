/**
 * Test helper for crash-giant.ts: `ingest`s an ordinary file, then a giant one (read in windows of 300
 * characters), into the database at argv[2] (a SQLite path or a postgres:// URL), and kills its own
 * process with SIGKILL while the giant article is being analysed, at the start of its argv[3]-th window
 * (0 never kills). The giant article's row is written before its analysis (api/dateline.ts,
 * deferredBatch), so the kill lands inside its open batch transaction.
 */
import { writeSync } from 'node:fs';
import { assemblePipeline, type Component } from '../core/pipeline.js';
import { segment } from '../segment/segment.js';
import { ingest, open } from '../api/dateline.js';

const [path, killArg, small, giant] = process.argv.slice(2);
const killAt = Number(killArg ?? 0);
let windows = 0;
/** Counts the windows the pipeline reads (once per window: it runs on each as on a document). */
const killer: Component = {
  name: 'killer',
  version: '1',
  requires: ['sentences'],
  assigns: [],
  run(article) {
    if (article.text.length > 0) windows++;
    if (killAt > 0 && windows === killAt) {
      writeSync(1, `killed in window ${windows}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
    return {};
  },
};
const pipeline = assemblePipeline([segment, killer], { windowChars: 300 });
const store = open(path);
const summary = await ingest(store, [small, giant], { pipeline, date: '2025-11-20' });
store.close();
process.stdout.write(`completed: ${summary.inserted} inserted, ${summary.duplicates} known, ${windows} analyses\n`);
