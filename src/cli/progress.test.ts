import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duration, progressLine } from './progress.js';

test('ingest progress: a bar by bytes with totals, rate and ETA; by files when no size is known', () => {
  const line = progressLine({ bytes: 250, files: 1, articles: 40, inserted: 30, errors: 2 }, { files: 4, bytes: 1000 }, 10_000);
  assert.match(line, /^\[######\.{18}\] 25% · 1 \/ 4 files · 250 B \/ 1000 B · 40 articles \(30 new\) · 4\.0 articles\/s · ETA 30s · 2 errors$/);
  assert.match(progressLine({ bytes: 0, files: 2, articles: 5, inserted: 5, errors: 0 }, { files: 4, bytes: 0 }, 1000), /\] 50% · 2 \/ 4 files/);
  const stdin = progressLine({ bytes: 0, files: 1, articles: 5, inserted: 5, errors: 0 }, { files: 0, bytes: 0 }, 1000);
  assert.doesNotMatch(stdin, /\[|ETA/, 'nothing counted (stdin): no bar, no ETA');
  assert.equal(duration(75), '1m 15s');
  assert.equal(duration(3 * 3600 + 120), '3h 02m');
});

test('inputs are counted first as the walk reads them, and ingest reports the bytes it has read (JSONL by position)', async () => {
  const { mkdtempSync, rmSync, writeFileSync, statSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { inputTotals } = await import('../ingest/read.js');
  const { ingest } = await import('../api/dateline.js');
  const { openStore } = await import('../store/sqlite.js');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-progress-'));
  try {
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({ title: `Ferry ${i}`, text: `A ferry numbered ${i} sailed from Kestrel Point on Monday morning.`, date: '2026-06-01' }));
    writeFileSync(join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'README.md'), '# not an article');
    writeFileSync(join(dir, 'image.png'), 'x');
    const size = statSync(join(dir, 'a.jsonl')).size;
    assert.deepEqual(await inputTotals([dir]), { files: 1, bytes: size });
    const store = openStore(join(dir, 'p.db'));
    const seen: number[] = [];
    try {
      await ingest(store, [join(dir, 'a.jsonl')], { batchSize: 2, onBatch: (p) => seen.push(p.bytes) });
    } finally {
      store.close();
    }
    assert.ok(seen.length >= 3, 'several batches');
    assert.ok(seen.every((b, i) => i === 0 || b >= seen[i - 1]), 'bytes only grow');
    assert.ok(seen[0] < size, 'the first batch is part of the file');
    assert.equal(seen[seen.length - 1], size);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
