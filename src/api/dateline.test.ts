import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from './dateline.js';

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
