/**
 * Entities across the store: every article's entities clustered into one record per referent
 * (same key, middle initials, unambiguous surnames — src/entities/crossdoc.ts), with every member kept.
 */
import type { Entity, EntityType } from '../core/layers.js';
import { clusterEntities, type CrossEntity, type EntityRecord } from '../entities/crossdoc.js';
import { normalizeName, nameContains } from '../quotes/query.js';
import type { Store } from '../store/store.js';
import { allLayerRows } from './layers.js';

export function crossEntities(store: Store, options: { type?: EntityType } = {}): CrossEntity[] {
  const rows = allLayerRows(store, 'entities', options.type ? { where: { type: options.type } } : {});
  const records: EntityRecord[] = rows.map(({ articleId, item }) => ({
    article: articleId,
    id: item.id,
    name: item.name,
    type: item.type,
    key: item.key,
    roles: item.roles.map((r) => ({ title: r.title, ...(r.affiliation ? { affiliation: r.affiliation } : {}) })),
    mentions: item.mentions.length,
  }));
  return clusterEntities(records).sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
}

/** The entity best matching `name`: exact name or variant first, then whole-word containment. */
export function findEntity(store: Store, name: string): CrossEntity | null {
  const all = crossEntities(store);
  const wanted = normalizeName(name);
  return (
    all.find((e) => normalizeName(e.name) === wanted || e.variants.some((v) => normalizeName(v) === wanted) || e.key === wanted) ??
    all.find((e) => e.variants.some((v) => nameContains(v, name))) ??
    null
  );
}

/** The article-level entities of a cross-article entity, for drilling down. */
export function memberEntities(store: Store, entity: CrossEntity): Array<{ articleId: string; entity: Entity }> {
  const articleIds = [...new Set(entity.members.map((m) => m.article))];
  const wanted = new Set(entity.members.map((m) => `${m.article}|${m.id}`));
  return allLayerRows(store, 'entities', { articleIds })
    .filter((r) => wanted.has(`${r.articleId}|${r.item.id}`))
    .map((r) => ({ articleId: r.articleId, entity: r.item }));
}
