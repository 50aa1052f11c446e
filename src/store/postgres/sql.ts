/** SQL helpers the PostgreSQL store and its read queries share. */
import { DatelineError } from '../../core/errors.js';
import type { LayerName } from '../../core/layers.js';
import { layerTable } from '../layer-tables.js';
import type { LayerQuery } from '../store.js';
import type { Op } from './sync-client.js';

/** PostgreSQL takes at most 65,535 parameters per statement; rows are split well below that. */
const MAX_PARAMS = 30_000;

/** Multi-row INSERTs of `rows` (one statement per chunk), with an optional `ON CONFLICT …` clause. */
export function insertRows(table: string, columns: string[], rows: unknown[][], options: { conflict?: string } = {}): Op[] {
  if (rows.length === 0) return [];
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const ops: Op[] = [];
  const cols = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(', ')})`).join(', ');
    ops.push({ sql: `INSERT INTO ${table} (${cols}) VALUES ${values}${options.conflict ? ` ON CONFLICT ${options.conflict}` : ''}`, params });
  }
  return ops;
}

/** The article's own publication date (see sqlite/articles.ts `ownPublished`). */
export function ownPublished(alias: string): string {
  return `CASE WHEN ${alias}published_source = 'inherited' THEN ${alias}published_day ELSE coalesce(${alias}published_day, ${alias}published) END`;
}

/** `%text%` for LIKE … ESCAPE '\\', with the wildcards in `text` escaped. */
export function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Equality filters on a layer's declared columns and article ids, as `WHERE …` with `$n` parameters. */
export function layerWhere(layer: LayerName, query: LayerQuery): { sql: string; params: unknown[] } {
  const known = new Set((layerTable(layer).columns ?? []).map((c) => c.name));
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [k, v] of Object.entries(query.where ?? {})) {
    if (!known.has(k)) throw new DatelineError('USAGE', { message: `layer ${layer} has no column '${k}'` });
    where.push(`"${k}" = $${params.push(v)}`);
  }
  if (query.articleIds) where.push(`article_id = ANY($${params.push([...query.articleIds])}::text[])`);
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

