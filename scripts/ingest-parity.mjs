// Byte-level parity of an ingest (docs/benchmarks.md, "speed"): ingests a corpus through the public `ingest` API
// into a fresh SQLite database and dumps every table, row by row, to a JSON file (the FTS5 index as the terms and
// offsets it holds);
// a second form compares two dumps. Ingest times (ISO instants to the millisecond), which differ run to run,
// are blanked. Build first (npx tsc -p tsconfig.json).
//   node scripts/ingest-parity.mjs dump <corpus> <out.json>
//   node scripts/ingest-parity.mjs compare <a.json> <b.json>
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest, open } from '../dist/api/dateline.js';

const [mode, x, y] = process.argv.slice(2);
if (mode === 'compare') {
  const a = JSON.parse(readFileSync(x, 'utf8'));
  const b = JSON.parse(readFileSync(y, 'utf8'));
  let differ = 0;
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const ra = a[table] ?? [];
    const rb = b[table] ?? [];
    let bad = ra.length === rb.length ? 0 : 1;
    for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) bad++;
    if (bad) {
      differ++;
      const i = ra.findIndex((r, k) => r !== rb[k]);
      console.log(`${table}: ${ra.length} vs ${rb.length} rows, ${bad} differ; first at ${i}:\n  ${String(ra[i]).slice(0, 300)}\n  ${String(rb[i]).slice(0, 300)}`);
    }
  }
  console.log(differ ? `${differ} tables differ` : `identical: ${Object.keys(a).length} tables, ${Object.values(a).reduce((n, r) => n + r.length, 0)} rows`);
  process.exit(differ ? 1 : 0);
}
if (mode !== 'dump' || !x || !y) throw new Error('usage: ingest-parity.mjs dump <corpus> <out.json> | compare <a.json> <b.json>');
const dir = mkdtempSync(join(tmpdir(), 'dateline-parity-'));
try {
  const path = join(dir, 'db.sqlite');
  const store = open(path);
  const u0 = process.cpuUsage();
  const summary = await ingest(store, [x]);
  const u = process.cpuUsage(u0);
  store.close();
  const db = new Database(path);
  const stamp = (s) => s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'T');
  const dump = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  for (const name of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
    dump[name] = rows.map((r) => stamp(JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)))));
    // Tables without a rowid order come back in key order; rowid tables in insertion order.
  }
  // FTS5's segments depend on how the rows were grouped into transactions, not on what is indexed: compared
  // as what they index, every (term, article, column, offset), instead.
  for (const name of tables.filter((t) => t.endsWith('_fts_data') || t.endsWith('_fts_idx'))) delete dump[name];
  for (const fts of tables.filter((t) => tables.includes(`${t}_data`) && tables.includes(`${t}_config`))) {
    db.exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, ${fts}, instance)`);
    dump[`${fts} (fts5vocab instance)`] = db.prepare('SELECT * FROM temp.vocab ORDER BY 1, 2, 3, 4').raw().all().map((r) => JSON.stringify(r));
    db.exec('DROP TABLE temp.vocab');
  }
  db.close();
  writeFileSync(y, JSON.stringify(dump));
  console.log(JSON.stringify({ inserted: summary.inserted, words: summary.words, cpuS: +((u.user + u.system) / 1e6).toFixed(2), tables: tables.length }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
