/**
 * `open`: a dateline database by location — a SQLite file, or `postgres://…` — kept apart from the
 * pipeline so that a reader (the server's search workers) opens a store without loading any model.
 */
import { existsSync } from 'node:fs';
import { DatelineError, isDatelineError } from '../core/errors.js';
import { openStore, type SqliteStoreOptions } from '../store/sqlite.js';
import { openPgStore } from '../store/postgres/store.js';
import { isPostgresUrl, redact } from '../store/postgres/sync-client.js';
import type { ReadStore } from '../store/queries.js';

export { isPostgresUrl };

/**
 * Opens (or, unless read-only, creates) a dateline database: a SQLite file (the embedded default), or
 * a PostgreSQL database given as `postgres://…` (the schema is created on first open). A missing file
 * opened read-only, a file that is not SQLite, an SQLite file that is not a dateline database, or a
 * PostgreSQL server that cannot be reached is a coded STORE_OPEN error (exit 4 in the CLI), not a stack trace.
 */
export function open(path: string, options: SqliteStoreOptions = {}): ReadStore {
  if (isPostgresUrl(path)) {
    try {
      return openPgStore(path, { readonly: options.readonly, afterArticleWrite: options.afterArticleWrite });
    } catch (error) {
      if (isDatelineError(error)) throw error;
      throw new DatelineError('STORE_OPEN', { path: redact(path), reason: (error as Error).message }, { cause: error });
    }
  }
  if (options.readonly && path !== ':memory:' && !existsSync(path)) {
    throw new DatelineError('STORE_OPEN', { path, reason: 'no such file (create it with `dateline ingest PATH…` or `dateline demo`)' });
  }
  try {
    return openStore(path, options);
  } catch (error) {
    if (isDatelineError(error)) throw error;
    const message = (error as Error).message;
    const reason = /no such table|no such column/.test(message) ? `not a dateline database (${message})` : message;
    throw new DatelineError('STORE_OPEN', { path, reason }, { cause: error });
  }
}

/** A database location fit for messages (a PostgreSQL URL without its password). */
export function dbLabel(path: string): string {
  return isPostgresUrl(path) ? redact(path) : path;
}
