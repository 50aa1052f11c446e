import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from '../../api/dateline.js';
import { DEFAULT_COMPONENTS } from '../../api/default-pipeline.js';
import { assemblePipeline, type Component } from '../../core/pipeline.js';
import { EXIT } from '../command.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-reindex-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = captureIO();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

test('cli: dateline reindex counts stale articles on --dry-run, re-runs them, then finds none', async () => {
  const file = join(dir, 'wire.jsonl');
  writeFileSync(
    file,
    [
      { title: 'Drones strike port city', date: '2025-11-20', text: 'ODESA, Nov 20 - At least 9 people were killed when drones hit the port of Odesa on Wednesday, the regional governor said.' },
      { title: 'Talks resume', date: '2025-11-18', text: 'GENEVA, Nov 18 - Negotiators met on Tuesday for a second round of talks, officials said.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  const db = join(dir, 'wire.db');
  // Stored by an older quotes component (another version, no quotes found).
  const older = assemblePipeline(DEFAULT_COMPONENTS.map((c): Component => (c.name === 'quotes' ? { ...c, version: '0.1.0', run: () => ({ quotes: [] }) } : c)));
  const store = open(db);
  await ingest(store, [file], { pipeline: older });
  store.close();

  const dry = await run(['reindex', '--db', db, '--dry-run']);
  assert.equal(dry.code, EXIT.OK, dry.err);
  assert.match(dry.out, /2 articles with stale components/);
  assert.match(dry.out, /dry run: nothing written/);
  const other = await run(['reindex', '--db', db, '--component', 'segment', '--dry-run']);
  assert.match(other.out, /0 articles with stale component segment/);

  const done = await run(['reindex', '--db', db]);
  assert.equal(done.code, EXIT.OK, done.err);
  assert.match(done.out, /2 articles with stale components/);
  assert.match(done.out, /2 reindexed in 1 batch; events and stories rebuilt/);

  const again = await run(['reindex', '--db', db, '--json']);
  const json = JSON.parse(again.out) as { stale: number; reindexed: number; components: Array<{ name: string; version: string }> };
  assert.deepEqual([json.stale, json.reindexed], [0, 0]);
  assert.ok(json.components.some((c) => c.name === 'quotes' && c.version !== '0.1.0'));

  const bad = await run(['reindex', '--db', db, '--component', 'nope']);
  assert.equal(bad.code, EXIT.USAGE);
  assert.match(bad.err, /no component named 'nope'/);
});
