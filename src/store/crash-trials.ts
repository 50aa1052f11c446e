/**
 * The crash suite every store runs (crash.test.ts for SQLite, postgres/crash.test.ts): a child ingests
 * hand-made batches (crash-ingest-child.ts) and SIGKILLs itself at a random step; what is left must be
 * whole batches, each article in its story, and a re-run must complete it exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { open } from '../api/dateline.js';

const CHILD = fileURLToPath(new URL('./crash-ingest-child.js', import.meta.url));
const BATCHES = 4;
const PER_BATCH = 5;
/** Kill points: each article is written, then filed into a story. */
const STEPS = BATCHES * PER_BATCH * 2;
const TRIALS = 20;

function run(path: string, killAt: number, group = 1) {
  return spawnSync(process.execPath, [CHILD, path, String(killAt), String(group)], { encoding: 'utf8' });
}

/** Each stored article and the story it is filed in (null when it is in none). */
function filing(path: string): Map<string, string | null> {
  const store = open(path, { readonly: true });
  try {
    const byArticle = new Map<string, string | null>(store.listArticles({ limit: 1000 }).map((a) => [a.id, null]));
    for (const s of store.queries.stories(1000)) {
      for (const id of store.queries.storyArticleIds(s.id)?.ids ?? []) {
        assert.equal(byArticle.get(id), null, `article ${id} filed once`);
        byArticle.set(id, s.id);
      }
    }
    return byArticle;
  } finally {
    store.close();
  }
}

/** The articles grouped by story, as sorted lists (story ids aside). */
function groups(filed: Map<string, string | null>): string[][] {
  const by = new Map<string, string[]>();
  for (const [id, story] of filed) by.set(story ?? '', [...(by.get(story ?? '') ?? []), id]);
  return [...by.values()].map((ids) => ids.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

/** `group` > 1: batches written that many at a time in one transaction (Store.writeBatches, as ingest groups files). */
export function crashTrials(name: string, freshDb: () => string, check: (db: string) => void = () => {}, group = 1): void {
test(`${name}: kill -9 at random points of an ingest leaves every stored article in its story, and a re-run completes it exactly`, () => {
  {
    const complete = freshDb();
    assert.match(run(complete, 0, group).stdout, new RegExp(`completed after ${STEPS} steps`));
    const expected = filing(complete);
    assert.equal(expected.size, BATCHES * PER_BATCH);
    let seed = 20261207;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < TRIALS; trial++) {
      const killAt = 1 + Math.floor(random() * STEPS);
      const path = freshDb();
      const crashed = run(path, killAt, group);
      assert.equal(crashed.signal, 'SIGKILL', `trial ${trial}: the child dies at step ${killAt}: ${crashed.stderr}`);
      check(path);
      const after = filing(path);
      assert.equal(after.size % (PER_BATCH * group), 0, `trial ${trial} (step ${killAt}): whole batches (groups) only, got ${after.size} articles`);
      for (const [id, story] of after) assert.ok(story, `trial ${trial} (step ${killAt}): article ${id} has its story`);
      const rerun = run(path, 0, group);
      assert.equal(rerun.status, 0, rerun.stderr);
      const completed = filing(path);
      assert.deepEqual([...completed.keys()].sort(), [...expected.keys()].sort(), `trial ${trial}: the re-run stores every article once`);
      for (const [id, story] of completed) assert.ok(story, `trial ${trial}: article ${id} has its story after the re-run`);
      assert.deepEqual(groups(completed), groups(expected), `trial ${trial}: the same stories as an uninterrupted ingest`);
    }
  }
});
}
