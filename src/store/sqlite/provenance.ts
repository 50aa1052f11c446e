/** Layer provenance on SQLite (store/provenance.ts): the sets table, the migration and the reads. */
import type { ComponentVersion } from '../../core/pipeline.js';
import { decodeComponents, encodeComponents, isStale, PRE_PROVENANCE } from '../provenance.js';
import type { StaleQuery } from '../store.js';
import { stmt, type DB } from './sql.js';

/** Migration 6: component sets, and every article stored before it marked as made by PRE_PROVENANCE. */
export function provenanceMigration(db: DB): void {
  // Idempotent: a database whose version was set back (tests do) may have the table and column already.
  db.exec('CREATE TABLE IF NOT EXISTS provenance_sets (id INTEGER PRIMARY KEY, components TEXT NOT NULL UNIQUE)');
  const columns = (db.prepare('PRAGMA table_info(articles)').all() as Array<{ name: string }>).map((c) => c.name);
  if (!columns.includes('provenance')) db.exec('ALTER TABLE articles ADD COLUMN provenance INTEGER');
  if (db.prepare('SELECT 1 FROM articles WHERE provenance IS NULL LIMIT 1').get() === undefined) return;
  db.prepare('UPDATE articles SET provenance = ? WHERE provenance IS NULL').run(setId(db, PRE_PROVENANCE));
}

/** The id of a component set, added on first use (inside the caller's transaction). */
export function setId(db: DB, components: readonly ComponentVersion[] | undefined): number | null {
  if (!components) return null;
  const text = encodeComponents(components);
  const found = stmt(db, 'SELECT id FROM provenance_sets WHERE components = ?').pluck().get(text) as number | undefined;
  if (found !== undefined) return found;
  return Number(stmt(db, 'INSERT INTO provenance_sets (components) VALUES (?)').run(text).lastInsertRowid);
}

export function readProvenance(db: DB, articleId: string): ComponentVersion[] | null {
  const row = stmt(db, 'SELECT p.components AS components FROM articles a LEFT JOIN provenance_sets p ON p.id = a.provenance WHERE a.id = ?').get(articleId) as
    | { components: string | null }
    | undefined;
  if (!row) return null;
  return row.components === null ? [] : decodeComponents(row.components);
}

export function staleIds(db: DB, current: readonly ComponentVersion[], query: StaleQuery = {}): string[] {
  const sets = stmt(db, 'SELECT id, components FROM provenance_sets').all() as Array<{ id: number; components: string }>;
  const stale = sets.filter((s) => isStale(decodeComponents(s.components), current, query)).map((s) => s.id);
  return stmt(db, 'SELECT id FROM articles WHERE provenance IS NULL OR provenance IN (SELECT value FROM json_each(?)) ORDER BY rowid')
    .pluck()
    .all(JSON.stringify(stale)) as string[];
}
