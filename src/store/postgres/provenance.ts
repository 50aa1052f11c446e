/**
 * Layer provenance on PostgreSQL (store/provenance.ts): `provenance_sets` is a small lookup table (a
 * Citus reference table); `articles.provenance` refers to it. Schema 2 adds both and marks articles
 * stored before it as made by PRE_PROVENANCE.
 */
import type { ComponentVersion } from '../../core/pipeline.js';
import { encodeComponents, PRE_PROVENANCE } from '../provenance.js';
import type { Op } from './sync-client.js';

export const PROVENANCE_DDL = `
  CREATE TABLE IF NOT EXISTS provenance_sets (id bigserial PRIMARY KEY, components text NOT NULL UNIQUE);
  ALTER TABLE articles ADD COLUMN IF NOT EXISTS provenance bigint;
`;

/** Schema 1 → 2, inside the caller's transaction. */
export function provenanceMigration(): Op[] {
  return [
    { sql: PROVENANCE_DDL },
    ...setProvenanceOps(PRE_PROVENANCE, null),
    { sql: "UPDATE dateline_meta SET value = 2 WHERE key = 'schema'" },
  ];
}

/**
 * Records that `components` made an article's layers (`articleId` null: every article that has none
 * recorded). Two statements, pipelined with the batch's other writes: no extra round trip.
 */
export function setProvenanceOps(components: readonly ComponentVersion[] | undefined, articleId: string | null): Op[] {
  if (!components) return articleId === null ? [] : [{ sql: 'UPDATE articles SET provenance = NULL WHERE id = $1', params: [articleId] }];
  const text = encodeComponents(components);
  return [
    { sql: 'INSERT INTO provenance_sets (components) VALUES ($1) ON CONFLICT (components) DO NOTHING', params: [text] },
    articleId === null
      ? { sql: 'UPDATE articles SET provenance = (SELECT id FROM provenance_sets WHERE components = $1) WHERE provenance IS NULL', params: [text] }
      : { sql: 'UPDATE articles SET provenance = (SELECT id FROM provenance_sets WHERE components = $1) WHERE id = $2', params: [text, articleId] },
  ];
}
