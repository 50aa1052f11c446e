/**
 * Schema version 5: a database written by versions 1–4 (layers as JSON text, raw sources as text) is
 * rewritten in the compact forms of store/layer-codec.ts, row by row, inside the migration's
 * transaction. Packed layer tables gain `count` (their list's length, for stats without decoding).
 * Every value decodes to what was written; only the bytes change. MinHash signatures are emptied: the
 * store recomputes a candidate's from its text. A fresh database has no layer
 * tables yet (they are created after the migrations) and nothing to rewrite.
 */
import type { LayerName } from '../../core/layers.js';
import { decodeItem, decodePacked, binaryItems, encodeItem, encodePacked, encodeRaw } from '../layer-codec.js';
import { LAYER_TABLES, tableName } from '../layer-tables.js';
import type { DB } from './sql.js';

function hasTable(db: DB, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Rewrites a table's TEXT `data` rows a thousand at a time (a query cannot be open while its table is updated). */
function rewriteRows(db: DB, table: string, rewrite: (data: string, row: Record<string, string | number | null>) => unknown[]): void {
  const select = db.prepare(`SELECT *, rowid AS rowid FROM ${table} WHERE rowid > ? AND typeof(data) = 'text' ORDER BY rowid LIMIT 1000`);
  const update = db.prepare(`UPDATE ${table} SET data = ? WHERE rowid = ?`);
  const counted = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === 'count');
  const updateCounted = counted ? db.prepare(`UPDATE ${table} SET data = ?, count = ? WHERE rowid = ?`) : update;
  let after = -1;
  for (;;) {
    const rows = select.all(after) as Array<{ rowid: number; data: string } & Record<string, string | number | null>>;
    if (rows.length === 0) return;
    for (const r of rows) {
      const values = rewrite(r.data, r);
      (values.length === 2 ? updateCounted : update).run(...values, r.rowid);
    }
    after = rows[rows.length - 1].rowid;
  }
}

function rewritePacked(db: DB, layer: LayerName, legacy?: (data: unknown) => unknown[]): void {
  const table = tableName(layer);
  const columns = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((r) => r.name));
  if (!columns.has('count')) db.exec(`ALTER TABLE ${table} ADD COLUMN count INTEGER`);
  rewriteRows(db, table, (data) => {
    const items = decodePacked(layer, data, legacy);
    return [encodePacked(layer, items), items.length];
  });
}

function rewriteItems(db: DB, layer: LayerName): void {
  // The row's own column values, as stored: a field equal to one is left to it.
  rewriteRows(db, tableName(layer), (data, row) => {
    const { rowid: _rowid, data: _data, ...columns } = row;
    return [encodeItem(layer, decodeItem(layer, { data }), columns)];
  });
}

function rewriteSources(db: DB): void {
  // A source with exactly one sighting is deflated against that article's text, as new batches are.
  const rows = db
    .prepare(
      `SELECT s.id AS id, s.raw AS raw,
        (SELECT CASE WHEN count(*) = 1 THEN max(a.text) END FROM article_sightings g JOIN articles a ON a.id = g.article_id WHERE g.source_id = s.id) AS text
       FROM sources s WHERE typeof(s.raw) = 'text'`,
    )
    .all() as Array<{ id: number; raw: string; text: string | null }>;
  const update = db.prepare('UPDATE sources SET raw = ? WHERE id = ?');
  for (const r of rows) update.run(encodeRaw(r.raw, r.text ?? undefined), r.id);
}

export function compactLayersMigration(db: DB): void {
  for (const spec of LAYER_TABLES) {
    if (!hasTable(db, tableName(spec.layer))) continue;
    if (spec.packed) rewritePacked(db, spec.layer, spec.legacy);
    else if (binaryItems(spec.layer)) rewriteItems(db, spec.layer);
  }
  rewriteSources(db);
  // MinHash signatures are recomputed from the text (the LSH bands stay).
  if (hasTable(db, 'articles')) db.exec("UPDATE articles SET minhash = X''");
}
