/**
 * Entities across the store: the per-key totals the store keeps (store/entity-keys.ts) clustered into
 * one record per referent (same key, middle initials, unambiguous surnames — entities/crossdoc.ts).
 * Clusters are cached per store until the next write touches an entity.
 */
import type { Entity, EntityType } from '../core/layers.js';
import { clusterKeys, type CrossEntity } from '../entities/crossdoc.js';
import { nameKey } from '../entities/names.js';
import { normalizeName, nameContains } from '../quotes/query.js';
import type { Queries, ReadStore } from '../store/queries.js';
import { allLayerRows } from './layers.js';

interface Clusters {
  version: number;
  all: CrossEntity[];
  /** `type|key` of every merged key → its entity. */
  byKey: Map<string, CrossEntity>;
}

const cache = new WeakMap<Queries, Clusters>();

function clusters(store: ReadStore): Clusters {
  const q = store.queries;
  const version = q.entityKeysVersion();
  const hit = cache.get(q);
  if (hit && hit.version === version) return hit;
  const all = clusterKeys(q.entityKeys());
  const byKey = new Map<string, CrossEntity>();
  for (const e of all) for (const k of e.keys) byKey.set(`${k.type}|${k.key}`, e);
  const fresh = { version, all, byKey };
  cache.set(q, fresh);
  return fresh;
}

/** Every cross-article entity, most mentioned first. `articles` is a per-key sum; see `withExactArticles`. */
export function crossEntities(store: ReadStore, options: { type?: EntityType } = {}): CrossEntity[] {
  const { all } = clusters(store);
  return options.type ? all.filter((e) => e.type === options.type) : all;
}

/** The entity that holds (type, key) — the key of any of its names. */
export function entityByKey(store: ReadStore, key: string, type?: EntityType): CrossEntity | null {
  const { byKey, all } = clusters(store);
  if (type) return byKey.get(`${type}|${key}`) ?? null;
  return all.find((e) => e.key === key) ?? all.find((e) => e.keys.some((k) => k.key === key)) ?? null;
}

/** Copies of the entities with `articles` counted exactly (distinct articles over all their keys). */
export function withExactArticles(store: ReadStore, entities: readonly CrossEntity[]): CrossEntity[] {
  return entities.map((e) => {
    if (e.keys.length < 2) return e;
    return { ...e, articles: store.queries.entityArticleCount(e.type, e.keys.map((k) => k.key)) };
  });
}

/**
 * The entity best matching `name`: exact name or variant first, then the entity key of the name (which
 * folds transliterations: "Zelensky", "Zelenskyy", "Zelenskiy" share one), then whole-word containment
 * of that key (a surname), then whole-word containment in a variant. A Cyrillic name is also tried in
 * Latin letters ("Зеленський" → "Zelenskyi"), since stored names are as the English text writes them.
 */
export function findEntity(store: ReadStore, name: string): CrossEntity | null {
  const all = crossEntities(store);
  const wanted = normalizeName(name);
  const keys = [...new Set([name, ...latinSpellings(name)].map(nameKey).filter((k) => k !== ''))];
  const found =
    all.find((e) => normalizeName(e.name) === wanted || e.variants.some((v) => normalizeName(v) === wanted) || e.key === wanted) ??
    all.find((e) => e.keys.some((k) => keys.includes(k.key))) ??
    all.find((e) => e.keys.some((k) => keys.some((q) => ` ${k.key} `.includes(` ${q} `)))) ??
    all.find((e) => e.variants.some((v) => nameContains(v, name))) ??
    null;
  return found ? withExactArticles(store, [found])[0] : null;
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ь: '', ю: 'yu', я: 'ya', ё: 'yo', ы: 'y', э: 'e', ъ: '',
};
/** Russian spellings where they differ from the Ukrainian table above (г is g, и is i). */
const RUSSIAN: Record<string, string> = { г: 'g', и: 'i', й: 'y' };

/** Latin spellings of a Cyrillic name (Ukrainian and Russian conventions); none for other scripts. */
export function latinSpellings(name: string): string[] {
  if (!/\p{Script=Cyrillic}/u.test(name)) return [];
  const spell = (table: Record<string, string>) =>
    [...name].map((ch) => {
      const lower = ch.toLowerCase();
      const latin = table[lower] ?? CYRILLIC[lower];
      if (latin === undefined) return ch;
      return ch !== lower && latin ? latin[0].toUpperCase() + latin.slice(1) : latin;
    }).join('');
  return [...new Set([spell(CYRILLIC), spell(RUSSIAN)])];
}

/** The article-level entities of a cross-article entity, for drilling down. */
export function memberEntities(store: ReadStore, entity: CrossEntity): Array<{ articleId: string; entity: Entity }> {
  const rows = entity.keys.flatMap((k) => allLayerRows(store, 'entities', { where: { type: k.type, key: k.key } }));
  return rows
    .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index))
    .map((r) => ({ articleId: r.articleId, entity: r.item }));
}

/** For a surname left apart because several people bear it: those people, most mentioned first. */
export function surnameOwners(store: ReadStore, entity: CrossEntity): CrossEntity[] {
  if (entity.type !== 'PER' || entity.key.includes(' ')) return [];
  const suffix = ` ${entity.key}`;
  return crossEntities(store, { type: 'PER' }).filter((e) => e !== entity && e.keys.some((k) => k.key.endsWith(suffix)));
}
