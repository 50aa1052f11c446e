/** Entities across articles as list rows and as one entity's page (names, roles, timeline, quotes, events). */
import type { EntityType, EventRecord, Quote } from '../core/layers.js';
import { paged, type ArticleRef, type PageArgs, type Paged, type ReadStore } from '../store/queries.js';
import { crossEntities, entityByKey, findEntity, withExactArticles } from './entities.js';

export interface EntitySummary {
  key: string;
  name: string;
  type: string;
  articles: number;
  mentions: number;
}

/** Entities merged across articles (same key, middle initials, unambiguous surnames), most mentioned first. */
export function listEntities(store: ReadStore, filter: { q?: string; type?: string }, page: PageArgs): Paged<EntitySummary> {
  let all = crossEntities(store, filter.type ? { type: filter.type as EntityType } : {});
  if (filter.q) {
    const q = filter.q.toLowerCase();
    all = all.filter((e) => e.key.includes(q) || e.variants.some((v) => v.toLowerCase().includes(q)));
  }
  const items = withExactArticles(store, all.slice(page.offset, page.offset + page.limit)).map((e) => ({
    key: e.key,
    name: e.name,
    type: e.type,
    articles: e.articles,
    mentions: e.mentions,
  }));
  return paged(items, all.length, page);
}

export interface EntityDetail extends EntitySummary {
  names: string[];
  roles: Array<{ title: string; affiliation: string | null; count: number }>;
  timeline: Array<{ day: string; mentions: number; articles: number }>;
  appearances: Array<ArticleRef & { entityId: string; mentions: number }>;
  quotes: Array<ArticleRef & { index: number; quote: Quote }>;
  events: Array<ArticleRef & { index: number; role: 'actor' | 'target'; event: EventRecord }>;
}

const MAX_DETAIL_ROWS = 500;

/** One entity by key, or by a name as `dateline entity` takes it ("Anna Marsh", "Marsh", a transliteration). */
export function getEntity(store: ReadStore, key: string): EntityDetail | null {
  const cross = entityByKey(store, key) ?? findEntity(store, key);
  if (!cross) return null;
  const entities = store.queries.entityMentions(cross.type, cross.keys.map((k) => k.key), MAX_DETAIL_ROWS);
  if (entities.length === 0) return null;
  const refs = store.queries.articleRefs(entities.map((e) => e.articleId));
  const ref = (id: string): ArticleRef => refs.get(id) ?? { articleId: id, title: null, published: null };
  const days = new Map<string, { day: string; mentions: number; articles: number }>();
  for (const { articleId, entity } of entities) {
    const day = ref(articleId).published?.slice(0, 10);
    if (day) {
      const d = days.get(day) ?? { day, mentions: 0, articles: 0 };
      d.mentions += entity.mentions.length;
      d.articles++;
      days.set(day, d);
    }
  }
  const byArticle = new Map<string, Set<string>>();
  for (const { articleId, entity } of entities) byArticle.set(articleId, (byArticle.get(articleId) ?? new Set()).add(entity.id));
  const articleIds = [...byArticle.keys()];
  const quotes: EntityDetail['quotes'] = [];
  for (const r of store.layerRows('quotes', { articleIds })) {
    const q = r.item as Quote;
    if (q.speaker?.entity && byArticle.get(r.articleId)?.has(q.speaker.entity)) quotes.push({ ...ref(r.articleId), index: r.index, quote: q });
  }
  const events: EntityDetail['events'] = [];
  for (const r of store.layerRows('events', { articleIds })) {
    const e = r.item as EventRecord;
    const mine = byArticle.get(r.articleId);
    if (e.actors?.some((a) => a.entity && mine?.has(a.entity))) events.push({ ...ref(r.articleId), index: r.index, role: 'actor', event: e });
    else if (e.targets?.some((a) => a.entity && mine?.has(a.entity))) events.push({ ...ref(r.articleId), index: r.index, role: 'target', event: e });
  }
  const exact = withExactArticles(store, [cross])[0];
  return {
    key: cross.key,
    name: cross.name,
    type: cross.type,
    articles: exact.articles,
    mentions: cross.mentions,
    names: cross.variants,
    roles: cross.roles.map((r) => ({ title: r.title, affiliation: r.affiliation ?? null, count: r.count })),
    timeline: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    appearances: entities.map((e) => ({ ...ref(e.articleId), entityId: e.entity.id, mentions: e.entity.mentions.length })),
    quotes,
    events,
  };
}
