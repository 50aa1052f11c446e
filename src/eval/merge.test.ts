import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { incidentSplit, mergeEvalTask } from './merge.js';
import { findEvalTask } from './registry.js';

// Two incidents in two towns on one day, two reports each (hand-written).
const GOLD = [
  { id: 'a1', incident: 'tulsa', source: 'A', published: '2025-06-12', date: '2025-06-11', place: { name: 'Tulsa', lat: 36.154, lon: -95.993 }, text: 'TULSA, Okla. (AP) — Two men were shot and killed on Wednesday night outside a store in Tulsa, Oklahoma, police said.' },
  { id: 'a2', incident: 'tulsa', source: 'B', published: '2025-06-12', date: '2025-06-11', place: { name: 'Tulsa', lat: 36.154, lon: -95.993 }, text: 'Police in Tulsa, Oklahoma, said two men were shot dead on Wednesday outside a convenience store.' },
  { id: 'b1', incident: 'fresno', source: 'A', published: '2025-06-12', date: '2025-06-11', place: { name: 'Fresno', lat: 36.738, lon: -119.787 }, text: 'A woman was stabbed to death on Wednesday in Fresno, California, police said.' },
  { id: 'b2', incident: 'fresno', source: 'C', published: '2025-06-13', date: '2025-06-11', place: { name: 'Fresno', lat: 36.738, lon: -119.787 }, text: 'Fresno police said a woman killed in a stabbing on Wednesday in Fresno, California, was 41.' },
];

test('eval merge: registered; clusters reports by incident, never across towns, beside the singletons baseline', async (t) => {
  assert.equal(findEvalTask('merge'), mergeEvalTask);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-merge-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'gold.jsonl');
  writeFileSync(file, GOLD.map((g) => JSON.stringify(g)).join('\n'));
  const report = await mergeEvalTask.run({ positionals: [], flags: { gold: file, split: 'all' } });
  assert.equal(report.metrics.reports, 4);
  assert.equal(report.metrics.false_merge_rate, 0, 'Tulsa and Fresno never merge');
  assert.equal(report.metrics.singletons_f1, 0.667);
  assert.ok(report.metrics.bcubed_f1 > report.metrics.singletons_f1, JSON.stringify(report.metrics));
  assert.ok(report.metrics.place40 >= 0.75, JSON.stringify(report.metrics));
});

test('eval merge: whole incidents go to one split', () => {
  assert.ok(['dev', 'test'].includes(incidentSplit('tulsa')));
  assert.equal(incidentSplit('x'), incidentSplit('x'));
});
