/**
 * Test helper for sqlite.test.ts: writes a batch of 5 articles and kills its own process with SIGKILL
 * after the third is written inside the transaction — a real crash, not a simulated rollback.
 */
import { writeSync } from 'node:fs';
import { openStore } from './sqlite.js';
import { batchOf, sampleArticle } from './conformance.js';

const path = process.argv[2];
let written = 0;
const store = openStore(path, {
  afterArticleWrite: () => {
    written++;
    if (written === 3) {
      writeSync(1, `wrote ${written} articles\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
const articles = Array.from({ length: 5 }, (_, i) => sampleArticle(`Article ${i} of a batch that never commits because the process dies.`));
store.writeBatch(batchOf('crash.txt', articles.map((article) => ({ article }))));
process.stdout.write('committed (should not happen)\n');
