/**
 * Entities across the store: the per-key totals the store keeps (store/entity-keys.ts) clustered into
 * one record per referent (same key, middle initials, unambiguous surnames — entities/crossdoc.ts).
 * Clusters are cached per database connection until the next write touches an entity.
 */
import type { Entity, EntityType } from '../core/layers.js';
import { clusterKeys, type CrossEntity } from '../entities/crossdoc.js';
import { normalizeName, nameContains } from '../quotes/query.js';
import { entityKeysVersion, readEntityKeys } from '../store/entity-keys.js';
import type { SqliteStore } from '../store/sqlite.js';
import { allLayerRows } from './layers.js';

type DB = SqliteStore['database'];

interface Clusters {
  version: number;
  all: CrossEntity[];
  /** `type|key` of every merged key → its entity. */
  byKey: Map<string, CrossEntity>;
}

const cache = new WeakMap<DB, Clusters>();

function clusters(store: SqliteStore): Clusters {
  const db = store.database;
  const version = entityKeysVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit;
  const all = clusterKeys(readEntityKeys(db));
  const byKey = new Map<string, CrossEntity>();
  for (const e of all) for (const k of e.keys) byKey.set(`${k.type}|${k.key}`, e);
  const fresh = { version, all, byKey };
  cache.set(db, fresh);
  return fresh;
}

/** Every cross-article entity, most mentioned first. `articles` is a per-key sum; see `withExactArticles`. */
export function crossEntities(store: SqliteStore, options: { type?: EntityType } = {}): CrossEntity[] {
  const { all } = clusters(store);
  return options.type ? all.filter((e) => e.type === options.type) : all;
}

/** The entity that holds (type, key) — the key of any of its names. */
export function entityByKey(store: SqliteStore, key: string, type?: EntityType): CrossEntity | null {
  const { byKey, all } = clusters(store);
  if (type) return byKey.get(`${type}|${key}`) ?? null;
  return all.find((e) => e.key === key) ?? all.find((e) => e.keys.some((k) => k.key === key)) ?? null;
}

/** Copies of the entities with `articles` counted exactly (distinct articles over all their keys). */
export function withExactArticles(store: SqliteStore, entities: readonly CrossEntity[]): CrossEntity[] {
  return entities.map((e) => {
    if (e.keys.length < 2) return e;
    const marks = e.keys.map(() => '?').join(', ');
    const articles = store.database
      .prepare(`SELECT count(DISTINCT article_id) FROM layer_entities WHERE type = ? AND key IN (${marks})`)
      .pluck()
      .get(e.type, ...e.keys.map((k) => k.key)) as number;
    return { ...e, articles };
  });
}

/** The entity best matching `name`: exact name or variant first, then whole-word containment. */
export function findEntity(store: SqliteStore, name: string): CrossEntity | null {
  const all = crossEntities(store);
  const wanted = normalizeName(name);
  const found =
    all.find((e) => normalizeName(e.name) === wanted || e.variants.some((v) => normalizeName(v) === wanted) || e.key === wanted) ??
    all.find((e) => e.variants.some((v) => nameContains(v, name))) ??
    null;
  return found ? withExactArticles(store, [found])[0] : null;
}

/** The article-level entities of a cross-article entity, for drilling down. */
export function memberEntities(store: SqliteStore, entity: CrossEntity): Array<{ articleId: string; entity: Entity }> {
  const rows = entity.keys.flatMap((k) => allLayerRows(store, 'entities', { where: { type: k.type, key: k.key } }));
  return rows
    .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index))
    .map((r) => ({ articleId: r.articleId, entity: r.item }));
}

/** For a surname left apart because several people bear it: those people, most mentioned first. */
export function surnameOwners(store: SqliteStore, entity: CrossEntity): CrossEntity[] {
  if (entity.type !== 'PER' || entity.key.includes(' ')) return [];
  const suffix = ` ${entity.key}`;
  return crossEntities(store, { type: 'PER' }).filter((e) => e !== entity && e.keys.some((k) => k.key.endsWith(suffix)));
}
