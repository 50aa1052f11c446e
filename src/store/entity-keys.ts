/**
 * Per-(type, key) totals of the entities layer — mentions, articles, names as written, roles —
 * written in the same transaction as the layer rows they sum, so the cross-article entity list
 * (entities/crossdoc.ts `clusterKeys`) reads one row per distinct key instead of every entity of
 * every article. `entity_keys_version` changes with every write, for readers that cache clusters.
 */
import type Database from 'better-sqlite3';
import type { Entity, EntityType } from '../core/layers.js';
import { addToTotals, emptyTotals, type KeyTotals } from '../entities/crossdoc.js';
import { decodeItem } from './layer-codec.js';

type DB = Database.Database;

/** Names and roles kept per key, most frequent first (a key's row stays small however often it is seen). */
const MAX_NAMES = 40;
const MAX_ROLES = 40;

export function entityKeysMigration(db: DB): void {
  db.exec(`
    CREATE TABLE entity_keys (
      type TEXT NOT NULL,
      key TEXT NOT NULL,
      mentions INTEGER NOT NULL,
      articles INTEGER NOT NULL,
      names TEXT NOT NULL,
      roles TEXT NOT NULL,
      PRIMARY KEY (type, key)
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_mentions ON entity_keys(mentions DESC);
    CREATE TABLE entity_keys_version (id INTEGER PRIMARY KEY CHECK (id = 0), version INTEGER NOT NULL);
    INSERT INTO entity_keys_version (id, version) VALUES (0, 0);
  `);
  // A store made before this migration: sum its entities once.
  const insert = db.prepare('INSERT INTO entity_keys (type, key, mentions, articles, names, roles) VALUES (?, ?, ?, ?, ?, ?)');
  for (const t of sumLayer(db)) insert.run(...rowOf(t));
}

function hasTable(db: DB, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Totals summed from the entities layer itself (the migration's backfill; read-only stores not yet migrated). */
function sumLayer(db: DB, type?: EntityType): KeyTotals[] {
  if (!hasTable(db, 'layer_entities')) return [];
  const totals = new Map<string, KeyTotals>();
  const rows = type ? db.prepare('SELECT * FROM layer_entities WHERE type = ?').iterate(type) : db.prepare('SELECT * FROM layer_entities').iterate();
  for (const row of rows as Iterable<{ data: string | Buffer }>) addEntity(totals, decodeItem<Entity>('entities', row));
  return [...totals.values()];
}

export function addEntity(totals: Map<string, KeyTotals>, e: Entity): void {
  if (!e.key) return;
  const id = `${e.type}|${e.key}`;
  let t = totals.get(id);
  if (!t) totals.set(id, (t = emptyTotals(e.type, e.key)));
  addToTotals(t, { name: e.name, mentions: e.mentions.length, roles: e.roles });
}

/** The names and roles a key's row keeps: most frequent first (names: ties by name; roles: stable), cut to their maximum. */
function kept(t: KeyTotals): { names: Array<[string, number]>; roles: KeyTotals['roles'] } {
  const names = Object.entries(t.names)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_NAMES);
  const roles = [...t.roles].sort((a, b) => b.count - a.count).slice(0, MAX_ROLES);
  return { names, roles };
}

export function rowOf(t: KeyTotals): [string, string, number, number, string, string] {
  const { names, roles } = kept(t);
  return [t.type, t.key, t.mentions, t.articles, JSON.stringify(Object.fromEntries(names)), JSON.stringify(roles)];
}

export interface KeyRow {
  type: string;
  key: string;
  mentions: number;
  articles: number;
  names: string;
  roles: string;
}

export function totalsOf(row: KeyRow): KeyTotals {
  return {
    type: row.type as EntityType,
    key: row.key,
    mentions: row.mentions,
    articles: row.articles,
    names: JSON.parse(row.names) as Record<string, number>,
    roles: JSON.parse(row.roles) as KeyTotals['roles'],
  };
}

const statements = new WeakMap<DB, { get: Database.Statement; put: Database.Statement; bump: Database.Statement }>();

function statementsOf(db: DB): { get: Database.Statement; put: Database.Statement; bump: Database.Statement } {
  let s = statements.get(db);
  if (!s) {
    s = {
      get: db.prepare('SELECT * FROM entity_keys WHERE type = ? AND key = ?'),
      put: db.prepare('INSERT OR REPLACE INTO entity_keys (type, key, mentions, articles, names, roles) VALUES (?, ?, ?, ?, ?, ?)'),
      bump: db.prepare('UPDATE entity_keys_version SET version = version + 1 WHERE id = 0'),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Totals as a write and a read back would leave them: names and roles cut to their stored number, in the
 * stored order (rowOf's), as totalsOf would read them back. Keeping these in memory between the
 * articles of one transaction gives the same totals as writing and re-reading the row after each article.
 */
function asStored(t: KeyTotals): KeyTotals {
  const { names, roles } = kept(t);
  // Integers and strings (JSON keeps lone surrogates), role objects without undefined fields: what the round trip gives.
  return { type: t.type, key: t.key, mentions: t.mentions, articles: t.articles, names: Object.fromEntries(names), roles };
}

/**
 * Adds one article's entities to the totals; call inside the transaction that writes its layer rows.
 * With `pending` (one map per transaction), a key's totals are read from the table once and kept there,
 * as stored, until `flushEntityKeys` writes them before the transaction commits: a key named in many
 * articles of a batch is read and rewritten once, not once per article.
 */
export function addEntityKeys(db: DB, entities: readonly Entity[], pending?: Map<string, KeyTotals>): void {
  if (entities.length === 0) return;
  const s = statementsOf(db);
  const totals = new Map<string, KeyTotals>();
  for (const e of entities) {
    if (!e.key) continue;
    const id = `${e.type}|${e.key}`;
    if (!totals.has(id)) {
      let t = pending?.get(id);
      if (t === undefined) {
        const row = s.get.get(e.type, e.key) as KeyRow | undefined;
        t = row ? totalsOf(row) : emptyTotals(e.type, e.key);
      }
      totals.set(id, t);
    }
    addEntity(totals, e);
  }
  if (pending) for (const [id, t] of totals) pending.set(id, asStored(t));
  else for (const t of totals.values()) s.put.run(...rowOf(t));
  s.bump.run();
}

/** Writes the totals `addEntityKeys` kept in `pending`, and empties it. */
export function flushEntityKeys(db: DB, pending: Map<string, KeyTotals>): void {
  const s = statementsOf(db);
  for (const t of pending.values()) s.put.run(...rowOf(t));
  pending.clear();
}

/** Every key's totals, optionally of one type. */
export function readEntityKeys(db: DB, type?: EntityType): KeyTotals[] {
  if (!hasTable(db, 'entity_keys')) return sumLayer(db, type);
  const rows = (type
    ? db.prepare('SELECT * FROM entity_keys WHERE type = ?').all(type)
    : db.prepare('SELECT * FROM entity_keys').all()) as KeyRow[];
  return rows.map(totalsOf);
}

export function entityKeysVersion(db: DB): number {
  if (!hasTable(db, 'entity_keys_version')) return -1;
  return (db.prepare('SELECT version FROM entity_keys_version WHERE id = 0').pluck().get() as number | undefined) ?? 0;
}
