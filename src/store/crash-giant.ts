/**
 * The giant-article crash trial every store runs (crash.test.ts for SQLite, postgres/crash.test.ts): a
 * child (crash-giant-child.ts) ingests an ordinary file, then a giant article whose row is written before
 * its analysis, and SIGKILLs itself during that analysis, in each of its windows in turn. What is left
 * must be the ordinary article alone (its own batch, committed), nothing of the giant one; a re-run
 * stores the giant article whole, exactly as an uninterrupted ingest does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open } from '../api/dateline.js';

const CHILD = fileURLToPath(new URL('./crash-giant-child.js', import.meta.url));
const PARAGRAPH =
  'Flood waters rose along the river Avon and the council of Riverton opened shelters for families. ' +
  'Volunteers carried sandbags to the old bridge through the night.';
/** Windows of 300 characters over this text: eight, one paragraph each (crash-giant-child.ts). */
const GIANT = Array.from({ length: 8 }, (_, i) => `${PARAGRAPH} Report ${i}.`).join('\n\n');

function run(path: string, killAt: number, files: [string, string]) {
  return spawnSync(process.execPath, [CHILD, path, String(killAt), ...files], { encoding: 'utf8' });
}

/** What the store holds: each article with its layers, sightings and whether it is filed in a story. */
function contents(path: string) {
  const store = open(path, { readonly: true });
  try {
    const filed = new Set(store.queries.stories(100).flatMap((s) => store.queries.storyArticleIds(s.id)?.ids ?? []));
    return store.listArticles({ limit: 100 }).map((a) => {
      const stored = store.getArticle(a.id)!;
      return { id: a.id, chars: stored.article.text.length, layers: stored.layers, sightings: stored.sightings.length, filed: filed.has(a.id) };
    }).sort((a, b) => a.chars - b.chars);
  } finally {
    store.close();
  }
}

export function giantCrashTrial(name: string, freshDb: () => string, check: (db: string) => void = () => {}): void {
  test(`${name}: kill -9 during a giant article's analysis (its row already written) leaves nothing of it, and a re-run stores it whole`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-crash-giant-'));
    try {
      const files: [string, string] = [join(dir, 'small.txt'), join(dir, 'giant.txt')];
      writeFileSync(files[0], 'Ministers met in Brussels on Tuesday to discuss the budget.\n');
      writeFileSync(files[1], `${GIANT}\n`);
      const complete = freshDb();
      const whole = run(complete, 0, files);
      assert.match(whole.stdout, /completed: 2 inserted, 0 known, 9 analyses/, whole.stderr);
      const expected = contents(complete);
      assert.equal(expected.length, 2);
      assert.ok(expected[1].layers.sentences && expected[1].layers.sentences.length >= 8, 'the giant article has its layers');
      for (let window = 1; window <= 8; window++) {
        const path = freshDb();
        // Analyses: the small article is 1, the giant one's windows 2…9.
        const crashed = run(path, window + 1, files);
        assert.equal(crashed.signal, 'SIGKILL', `window ${window}: the child dies: ${crashed.stdout}${crashed.stderr}`);
        check(path);
        const left = contents(path);
        assert.deepEqual(left.map((a) => [a.chars, a.filed]), [[expected[0].chars, true]], `window ${window}: only the ordinary article, in its story`);
        const rerun = run(path, 0, files);
        assert.match(rerun.stdout, /completed: 1 inserted, 1 known, 8 analyses/, rerun.stderr);
        assert.deepEqual(
          contents(path).map((a) => ({ ...a, sightings: undefined })),
          expected.map((a) => ({ ...a, sightings: undefined })),
          `window ${window}: the re-run stores what an uninterrupted ingest does`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
