/** The SQLite implementation of the read port (../queries.ts) over one store connection. */
import type { EntityType, LayerName } from '../../core/layers.js';
import type { LayerQuery } from '../store.js';
import { entityKeysVersion, readEntityKeys } from '../entity-keys.js';
import type { EventFilters, EventSort, EventTableQuery, MergedEventQuery, PageArgs, Queries, SearchFilters } from '../queries.js';
import { eventDayCounts, eventTable } from './event-table.js';
import { withBudget } from './budget.js';
import * as articles from './articles.js';
import * as layers from './layer-reads.js';
import { facets, search } from './search.js';
import * as stories from './stories.js';
import type { DB } from './sql.js';

export class SqliteQueries implements Queries {
  constructor(private readonly db: DB) {}

  withBudget<T>(ms: number, work: () => T): T {
    return withBudget(this.db, ms, work);
  }

  search(query: string, filters: SearchFilters, page: PageArgs) {
    return search(this.db, query, filters, page);
  }

  facets(query: string | undefined, filters: SearchFilters) {
    return facets(this.db, query, filters);
  }

  countArticles(range: { from?: string; to?: string } = {}) {
    return articles.countArticles(this.db, range);
  }

  articleIdsByPrefix(prefix: string, limit: number) {
    return articles.articleIdsByPrefix(this.db, prefix, limit);
  }

  articleRefs(ids: readonly string[]) {
    return articles.articleRefs(this.db, ids);
  }

  articleIdsPage(range: { from?: string; to?: string }, cursor: number, limit: number) {
    return articles.articleIdsPage(this.db, range, cursor, limit);
  }

  articleTexts(ids: readonly string[]) {
    return articles.articleTexts(this.db, ids);
  }

  richestArticle() {
    return articles.richestArticle(this.db);
  }

  entityKeys(type?: EntityType) {
    return readEntityKeys(this.db, type);
  }

  entityKeysVersion() {
    return entityKeysVersion(this.db);
  }

  entityArticleCount(type: EntityType, keys: readonly string[]) {
    return layers.entityArticleCount(this.db, type, keys);
  }

  entityMentions(type: EntityType, keys: readonly string[], limit: number) {
    return layers.entityMentions(this.db, type, keys, limit);
  }

  countLayerRows(layer: LayerName, query: LayerQuery = {}) {
    return layers.countLayerRows(this.db, layer, query);
  }

  quantities(filter: { role?: string; unit?: string; articleId?: string }, page: PageArgs) {
    return layers.quantities(this.db, filter, page);
  }

  claimQuantities(filter: { role?: string; articleId?: string }, limit: number) {
    return layers.claimQuantities(this.db, filter, limit);
  }

  articleEvents(filters: EventFilters, page: PageArgs) {
    return layers.articleEvents(this.db, filters, page);
  }

  articleEvent(articleId: string, eventId: string) {
    return layers.articleEvent(this.db, articleId, eventId);
  }

  hasMergedEvents() {
    return stories.hasMergedEvents(this.db);
  }

  mergedEvents(query: MergedEventQuery) {
    return stories.mergedEvents(this.db, query);
  }

  eventTable(query: EventTableQuery, sort: EventSort, page: PageArgs) {
    return eventTable(this.db, query, sort, page);
  }

  eventDayCounts(query: EventTableQuery) {
    return eventDayCounts(this.db, query);
  }

  countStories() {
    return stories.countStories(this.db);
  }

  stories(limit: number) {
    return stories.stories(this.db, limit);
  }

  storyTimeline(storyId: string) {
    return stories.storyTimeline(this.db, storyId);
  }

  entityTimeline(name: string, aliases: readonly string[]) {
    return stories.entityTimeline(this.db, name, aliases);
  }

  storyArticleIds(storyId: string) {
    return stories.storyArticleIds(this.db, storyId);
  }

  mainStoryId() {
    return stories.mainStoryId(this.db);
  }

  diagnosticCounts() {
    return layers.diagnosticCounts(this.db);
  }
}
