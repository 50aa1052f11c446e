/** SQL helpers the SQLite store and its read queries share. */
import type Database from 'better-sqlite3';
import type { DateFilter } from '../store.js';

export type DB = Database.Database;

/** Conditions keeping `column` (an ISO day) within the filter's days, inclusive, and their parameters. */
export function dayRange(filter: DateFilter, column = 'published_day'): { sql: string[]; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  if (filter.from) {
    sql.push(`${column} >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    sql.push(`${column} <= ?`);
    params.push(filter.to);
  }
  return { sql, params };
}

/**
 * Snippets (matches marked with \u0002 … \u0003) for a few FTS rows, keyed by rowid. Built for the
 * given rows only: selecting snippet() beside ORDER BY bm25 makes SQLite build one for every match
 * before sorting (6-10x slower for a common word), so callers rank first and snippet the page.
 */
export function ftsSnippets(db: DB, fts: string, rowids: number[]): Map<number, string> {
  if (rowids.length === 0) return new Map();
  const marks = rowids.map(() => '?').join(',');
  const rows = db
    .prepare(`SELECT rowid, snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (${marks})`)
    .all(fts, ...rowids) as Array<{ rowid: number; snippet: string }>;
  return new Map(rows.map((r) => [r.rowid, r.snippet]));
}

/** Splits a snippet marked with \u0002 … \u0003 into plain text and highlight ranges. */
export function parseSnippet(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  const highlights: Array<[number, number]> = [];
  let plain = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === '\u0002') open = plain.length;
    else if (ch === '\u0003') {
      if (open >= 0) highlights.push([open, plain.length]);
      open = -1;
    } else plain += ch;
  }
  return { snippet: plain, highlights };
}


/** `%text%` for LIKE … ESCAPE '\\', with the wildcards in `text` escaped. */
export function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const statementCache = new WeakMap<DB, Map<string, Database.Statement<unknown[]>>>();

/** Prepared once per database connection and SQL text. */
export function stmt(db: DB, sql: string): Database.Statement<unknown[]> {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

/** `?, ?, ?` for n parameters. */
export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
