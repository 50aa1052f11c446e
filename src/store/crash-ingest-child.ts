/**
 * Test helper for crash.test.ts: ingests BATCHES batches of ARTICLES_PER_BATCH hand-made articles into
 * the database at argv[2] (a SQLite path or a postgres:// URL), filing them into stories, and kills its own process with SIGKILL at the
 * argv[3]-th step (a step: an article row written, or an article filed into a story; 0 never kills).
 * Articles already stored are skipped, as ingest does, so a second run completes a crashed one. With
 * argv[4] = G > 1, batches are written G at a time in one transaction (`writeBatches`), as `ingest` groups files.
 */
import { writeSync } from 'node:fs';
import { batchOf, sampleArticle } from './conformance.js';
import { openStore, type SqliteIndexer } from './sqlite.js';
import { storiesIndexer } from '../stories/store.js';
import { openPgStore, pgStoriesIndexer, type PgIndexer } from './postgres/store.js';
import { isPostgresUrl } from './postgres/sync-client.js';
import type { Store } from './store.js';

export const BATCHES = 4;
export const ARTICLES_PER_BATCH = 5;

const TOPICS = [
  'Flood waters rose along the river Avon and the council of Riverton opened shelters for families',
  'The central bank raised interest rates again as inflation stayed above its target for the year',
  'Talks between the two delegations in Geneva ended without agreement on the ceasefire lines',
  'Drones struck the power plant near the port overnight and firefighters fought the blaze until dawn',
];

/** Article `n` of the run: its topic's sentence with details of its own, so articles of a topic share a story. */
export function crashArticle(n: number) {
  const topic = TOPICS[n % TOPICS.length];
  return sampleArticle(`${topic}. Report ${n} adds detail number ${n * 7} from correspondent ${n}.`, { title: `${topic.split(' ').slice(0, 4).join(' ')} (${n})` });
}

const [path, killArg, groupArg] = process.argv.slice(2);
const killAt = Number(killArg ?? 0);
const group = Number(groupArg ?? 1);
let steps = 0;
function step(what: string): void {
  steps++;
  if (killAt > 0 && steps === killAt) {
    writeSync(1, `killed at step ${steps} (${what})\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}

const stories = storiesIndexer();
/** The stories indexer, one article at a time, with a kill point after each. */
const filing: SqliteIndexer = {
  name: 'stories',
  index(db, inserted) {
    for (const a of inserted) {
      stories.index(db, [a]);
      step('filed');
    }
  },
};

const pgStories = pgStoriesIndexer();
const pgFiling: PgIndexer = {
  name: 'stories',
  index(pg, inserted) {
    for (const a of inserted) {
      pgStories.index(pg, [a]);
      step('filed');
    }
  },
};

const store: Store = isPostgresUrl(path)
  ? openPgStore(path, { afterArticleWrite: () => step('written'), indexers: [pgFiling] })
  : openStore(path, { afterArticleWrite: () => step('written'), indexers: [filing] });
const batchAt = (b: number) => {
  const articles = Array.from({ length: ARTICLES_PER_BATCH }, (_, i) => crashArticle(b * ARTICLES_PER_BATCH + i)).filter((a) => !store.hasArticle(a.id));
  return batchOf(`batch-${b}.txt`, articles.map((article) => ({ article })));
};
if (group > 1 && store.writeBatches) {
  // As ingest does: the group's articles are checked against the store before any of the group is written.
  for (let b = 0; b < BATCHES; b += group) store.writeBatches(Array.from({ length: Math.min(group, BATCHES - b) }, (_, i) => batchAt(b + i)));
} else for (let b = 0; b < BATCHES; b++) store.writeBatch(batchAt(b));
store.close();
process.stdout.write(`completed after ${steps} steps\n`);
