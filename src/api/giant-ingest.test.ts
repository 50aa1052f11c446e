import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemblePipeline, type Pipeline } from '../core/pipeline.js';
import { ingest, open } from './dateline.js';
import { DEFAULT_COMPONENTS } from './default-pipeline.js';

const PAIR = [
  'Police in Manchester said on 12 May 2025 that three men were arrested after a £2.5m robbery at a jeweller in the city centre.',
  'Detective Inspector Sarah Collins of Greater Manchester Police said the men, aged 24 to 31, would appear in court on Friday.',
  '"This was a planned and violent raid," Collins said.',
  'Fourteen people were killed in an attack near Kabul on Tuesday, the interior ministry said.',
].join('\n');

test('api: a giant (windowed) article is stored before its analysis, in its own transaction, with the layers an eager analysis gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-giant-'));
  try {
    // Windows of 400 characters: the four-times repeated pair is "giant" to this pipeline, the short file is not.
    const real = assemblePipeline(DEFAULT_COMPONENTS, { windowChars: 400 });
    const small = join(dir, 'a-small.txt');
    const giant = join(dir, 'b-giant.txt');
    writeFileSync(small, 'Ministers met in Brussels on Tuesday to discuss the budget.\n');
    writeFileSync(giant, `${Array.from({ length: 4 }, () => PAIR).join('\n\n')}\n`);
    const store = open(join(dir, 'db.sqlite'));
    // Each analysis, in order: whether the store already held the article's row when it ran.
    const storedWhenRun: boolean[] = [];
    const watching: Pipeline = { ...real, components: real.components, assigns: real.assigns, run: (a) => (storedWhenRun.push(store.hasArticle(a.id)), real.run(a)) };
    try {
      const first = await ingest(store, [small, giant], { pipeline: watching, date: '2025-05-14', keepOutcomes: true });
      assert.equal(first.inserted, 2);
      assert.equal(first.outcomes.length, 2, 'the giant batch is written on its own');
      assert.equal(first.counts['info ARTICLE_WINDOWED'], 1, 'its diagnostics are counted');
      assert.deepEqual(storedWhenRun, [false, true], 'an ordinary article is analysed before its write, the giant one after its row');
      const ids = store.listArticles().map((a) => a.id);
      const stored = ids.map((id) => store.getArticle(id)!).find((s) => s.article.text.length > 400)!;
      const eager = real.run(stored.article);
      assert.ok(eager.diagnostics.some((d) => d.code === 'ARTICLE_WINDOWED'));
      assert.deepEqual(stored.layers, eager.layers, 'the layers an analysis before the write would have stored');
      assert.deepEqual(store.provenance(stored.article.id), eager.components);
      assert.equal(store.countDiagnostics({ code: 'ARTICLE_WINDOWED' }), 1);
      assert.equal(store.queries.stories(10).reduce((n, s) => n + s.articles, 0), 2, 'each filed in a story');
      const again = await ingest(store, [small, giant], { pipeline: watching, date: '2025-05-14' });
      assert.deepEqual([again.inserted, again.duplicates, storedWhenRun.length], [0, 2, 2], 'known articles, the giant one too, are not analysed again');
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
