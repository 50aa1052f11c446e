/** Article-level reads: counts, id prefixes, list rows, paging for exports, texts without layers. */
import type { ArticleRef, ArticleText } from '../queries.js';
import { dayRange, marks, type DB } from './sql.js';

/**
 * The article's own publication date as SQL: a dispatch that only inherited the date of the file's
 * first dispatch shows the day the time stage resolved for it (published_day), or none — never the
 * inherited header date, which belongs to another story.
 */
export function ownPublished(alias: string): string {
  return `CASE WHEN ${alias}published_source = 'inherited' THEN ${alias}published_day ELSE coalesce(${alias}published_day, ${alias}published) END`;
}

const CHUNK = 500;

export function countArticles(db: DB, range: { from?: string; to?: string } = {}): number {
  const { sql, params } = dayRange(range);
  return db.prepare(`SELECT count(*) FROM articles ${sql.length ? `WHERE ${sql.join(' AND ')}` : ''}`).pluck().get(...params) as number;
}

export function articleIdsByPrefix(db: DB, prefix: string, limit: number): string[] {
  // The range form uses the id index; LIKE would scan (and treats _ and % as wildcards).
  return db.prepare('SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').pluck().all(prefix, `${prefix}\uffff`, limit) as string[];
}

export function articleRefs(db: DB, ids: readonly string[]): Map<string, ArticleRef> {
  const unique = [...new Set(ids)];
  const out = new Map<string, ArticleRef>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const rows = db.prepare(`SELECT id, title, ${ownPublished('')} AS published FROM articles WHERE id IN (${marks(chunk.length)})`).all(...chunk) as Array<{
      id: string;
      title: string | null;
      published: string | null;
    }>;
    for (const r of rows) out.set(r.id, { articleId: r.id, title: r.title, published: r.published });
  }
  return out;
}

export function articleIdsPage(db: DB, range: { from?: string; to?: string }, cursor: number, limit: number): Array<{ cursor: number; id: string }> {
  const days = dayRange(range);
  const where = ['rowid > ?', ...days.sql];
  return db.prepare(`SELECT rowid AS cursor, id FROM articles WHERE ${where.join(' AND ')} ORDER BY rowid LIMIT ?`).all(cursor, ...days.params, limit) as Array<{
    cursor: number;
    id: string;
  }>;
}

export function articleTexts(db: DB, ids: readonly string[]): ArticleText[] {
  const out: ArticleText[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    out.push(...(db.prepare(`SELECT id, text, title, source, url, published FROM articles WHERE id IN (${marks(part.length)})`).all(...part) as ArticleText[]));
  }
  return out;
}

const RICH_LAYERS = ['entities', 'times', 'quotes', 'quantities', 'places', 'events'];

export function richestArticle(db: DB): string | null {
  const tables = RICH_LAYERS.map((l) => `SELECT article_id FROM layer_${l}`).join(' UNION ALL ');
  return (db.prepare(`SELECT article_id FROM (${tables}) GROUP BY article_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string | undefined) ?? null;
}
