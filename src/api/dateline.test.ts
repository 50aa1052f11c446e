import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pipeline } from '../core/pipeline.js';
import { ingest, open } from './dateline.js';
import { defaultPipeline } from './default-pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('api: ingest keeps errors in its summary however many notes come first, and counts every diagnostic', async () => {
  const file = join(dir, 'mixed.jsonl');
  const undated = Array.from({ length: 5 }, (_, i) => JSON.stringify({ title: `Undated ${i}`, text: `Officials met on Tuesday about item ${i}.` }));
  writeFileSync(file, [...undated, '{"title": "cut off', ...undated.map((l) => l.replace('item', 'point')), '{"no": "text"}'].join('\n') + '\n');
  const store = open(join(dir, 'mixed.db'));
  try {
    const summary = await ingest(store, [file], { maxNotes: 2, maxDiagnostics: 6 });
    assert.equal(summary.inserted, 10);
    assert.equal(summary.counts['info TIME_NO_REFERENCE_DATE'], 10);
    assert.equal(summary.errors, 2);
    assert.deepEqual(
      summary.diagnostics.map((d) => `${d.severity} ${d.where?.line ?? ''}`).filter((x) => x.startsWith('error')),
      ['error 6', 'error 12'],
      'both bad lines are reported even though ten notes came before them',
    );
    assert.equal(summary.diagnostics.filter((d) => d.severity === 'info').length, 2);
    assert.equal(store.countDiagnostics({ severity: 'info' }), 10, 'every note is stored');
  } finally {
    store.close();
  }
});

test('api: re-ingesting stored articles skips the pipeline and keeps their layers and stories', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-known-'));
  try {
    const file = join(dir, 'wire.jsonl');
    writeFileSync(
      file,
      [
        { title: 'Flood in Riverton', date: '2025-11-20', text: 'The river Avon flooded Riverton on Thursday, the council said.' },
        { title: 'Riverton cleans up', date: '2025-11-21', text: 'Residents of Riverton cleared mud from their homes on Friday after the flood.' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const real = defaultPipeline();
    let runs = 0;
    const counting: Pipeline = { components: real.components, assigns: real.assigns, run: (a) => (runs++, real.run(a)) };
    const store = open(join(dir, 'db.sqlite'));
    try {
      const first = await ingest(store, [file], { pipeline: counting });
      assert.equal(first.inserted, 2);
      assert.equal(runs, 2);
      const before = store.getArticle(store.listArticles()[0].id);
      const again = await ingest(store, [file], { pipeline: counting });
      assert.deepEqual([again.inserted, again.duplicates, runs], [0, 2, 2], 'known articles are not analysed again');
      const after = store.getArticle(before!.article.id);
      assert.deepEqual(after!.layers, before!.layers, 'their stored layers stay');
      assert.equal(after!.sightings.length, 2, 'the second sighting is recorded');
      assert.equal(store.queries.stories(10).reduce((n, s) => n + s.articles, 0), 2, 'each filed in a story once');
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('api: ingest writes small files in groups, reporting each file as its own batch in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-group-'));
  try {
    const files = ['Ministers met in Brussels on Tuesday.', 'Two people were killed in Kabul on Monday, police said.', 'Ministers met in Brussels on Tuesday.'].map((text, i) => {
      const file = join(dir, `${i}.txt`);
      writeFileSync(file, `${text}\n`);
      return file;
    });
    const store = open(join(dir, 'group.db'));
    try {
      const seen: Array<{ file: string; files: number; inserted: number; articles: number }> = [];
      const summary = await ingest(store, files, { keepOutcomes: true, onBatch: (p, b) => seen.push({ file: b.source.file, files: p.files, inserted: p.inserted, articles: p.articles }) });
      assert.deepEqual(seen, [
        { file: files[0], files: 1, inserted: 1, articles: 1 },
        { file: files[1], files: 2, inserted: 2, articles: 2 },
        { file: files[2], files: 3, inserted: 2, articles: 3 },
      ]);
      assert.deepEqual(summary.outcomes.map((o) => [o.inserted.length, o.duplicates.length]), [[1, 0], [1, 0], [0, 1]]);
      assert.equal(store.stats().sources, 3, 'one source row per file');
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
