import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { crashTrials } from './crash-trials.js';
import { giantCrashTrial } from './crash-giant.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const integrity = (path: string) => {
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  raw.close();
};
crashTrials('sqlite', () => join(dir, `trial-${n++}.db`), integrity);
crashTrials('sqlite, batches written two per transaction', () => join(dir, `trial-${n++}.db`), integrity, 2);

giantCrashTrial('sqlite', () => join(dir, `trial-${n++}.db`), integrity);
