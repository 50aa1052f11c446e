/**
 * Tables derived from the stored articles in ingest order — entity totals, merged events, stories — which
 * a reindex clears and fills again (SqliteStore.rebuildDerived). A rewrite of layers marks them stale in
 * its own transaction; the rebuild clears the mark in its own, so an interrupted reindex is finished by
 * the next one.
 */
import { stmt, type DB } from './sql.js';

const DERIVED = ['entity_keys', 'event_clusters', 'event_cluster_members', 'event_entities', 'stories', 'story_articles', 'story_terms', 'story_meta', 'story_index'];

/**
 * Stored articles (in ingest order) in the batches that wrote them — consecutive articles with one
 * ingest time — at most `size` at a time, each with its batch's time for the indexers.
 */
export function* ingestBatches(rows: ReadonlyArray<{ id: string; at: string }>, size = 256): Generator<{ ids: string[]; at: string }> {
  let i = 0;
  while (i < rows.length) {
    const at = rows[i].at;
    const ids: string[] = [];
    while (i < rows.length && rows[i].at === at && ids.length < size) ids.push(rows[i++].id);
    yield { ids, at };
  }
}

export function clearDerived(db: DB): void {
  for (const table of DERIVED) db.exec(`DELETE FROM ${table}`);
  db.exec('UPDATE entity_keys_version SET version = version + 1 WHERE id = 0');
}

export function markDerivedStale(db: DB): void {
  stmt(db, "INSERT INTO story_meta (key, value) VALUES ('rebuild', 1) ON CONFLICT(key) DO UPDATE SET value = 1").run();
}

export function isDerivedStale(db: DB): boolean {
  return stmt(db, "SELECT 1 FROM story_meta WHERE key = 'rebuild'").get() !== undefined;
}
