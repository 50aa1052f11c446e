/** Reading a stored source back: its raw text, decoded (store/layer-codec.ts; deflated against its one article's text). */
import { decodeRaw, rawNeedsText } from '../layer-codec.js';
import type { DB } from './sql.js';

export function sourceRaw(db: DB, sourceId: number): string | null {
  const row = db.prepare('SELECT raw FROM sources WHERE id = ?').get(sourceId) as { raw: string | Buffer | null } | undefined;
  if (!row) return null;
  if (!rawNeedsText(row.raw)) return decodeRaw(row.raw);
  const text = db
    .prepare('SELECT a.text FROM article_sightings g JOIN articles a ON a.id = g.article_id WHERE g.source_id = ? LIMIT 1')
    .pluck()
    .get(sourceId) as string | undefined;
  return decodeRaw(row.raw, text);
}
