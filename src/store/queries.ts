/**
 * The read port beside `Store` (store.ts): one function per question the shells ask of stored data —
 * search with facets and highlights, articles by id prefix, entity keys, layer rows with filters,
 * per-article and merged events, stories, timelines, diagnostics. `src/api` composes these into the
 * answers the CLI, the HTTP server and the UI give; nothing outside src/store runs SQL of its own.
 *
 * The SQLite store implements it (sqlite/queries.ts); a second store implements the same interface.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Entity, EntityType, EventRecord, LayerName, Quantity } from '../core/layers.js';
import type { MergedEvent } from '../core/merged-event.js';
import type { KeyTotals } from '../entities/crossdoc.js';
import type { LayerQuery, SearchHit, Store } from './store.js';

export interface PageArgs {
  limit: number;
  offset: number;
}

export interface Paged<T> extends PageArgs {
  items: T[];
  total: number;
}

export function paged<T>(items: T[], total: number, page: PageArgs): Paged<T> {
  return { items, total, limit: page.limit, offset: page.offset };
}

/** An article as a list row names it. `published` is the article's own day (never a date inherited from another dispatch). */
export interface ArticleRef {
  articleId: string;
  title: string | null;
  published: string | null;
}

// ---------------------------------------------------------------- search

export interface SearchFilters {
  /** Only articles with an event of this ACLED or PLOVER type. */
  type?: string;
  /** Only articles naming this place (name or ISO country code). */
  place?: string;
  source?: string;
  from?: string;
  to?: string;
}

export interface SearchResult extends SearchHit {
  source: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  /** Articles the facets were counted over (the best-ranked matches, at most `FACET_SAMPLE`). */
  articles: number;
  type: FacetValue[];
  place: FacetValue[];
  month: FacetValue[];
  source: FacetValue[];
}

export const FACET_SAMPLE = 2000;

/** A budgeted read ran out of time (see `Queries.withBudget`). */
export class BudgetError extends Error {
  constructor(ms: number) {
    super(`${BUDGET_MESSAGE} (${ms} ms)`);
    this.name = 'BudgetError';
  }
}

export const BUDGET_MESSAGE = 'query time budget exceeded';

// ---------------------------------------------------------------- layer rows

export interface QuantityRow extends ArticleRef {
  index: number;
  quantity: Quantity;
}

export interface EventFilters {
  type?: string;
  from?: string;
  to?: string;
  place?: string;
  actor?: string;
  articleId?: string;
  story?: string;
  /** Only events with coordinates (for the map). */
  geo?: boolean;
}

export interface EventRow extends ArticleRef {
  index: number;
  event: EventRecord;
  /** The story (src/stories) this event was filed under, when the stories stage has run. */
  story: string | null;
  /** The merged cross-source event it belongs to. */
  cluster: string | null;
}

// ---------------------------------------------------------------- merged events and stories

export interface MergedEventQuery {
  /** ACLED event or sub-event type, or PLOVER type (case-insensitive). */
  type?: string;
  from?: string;
  to?: string;
  /** Place name (substring, case-insensitive). */
  place?: string;
  /** Actor, target or claimant name (exact key, case-insensitive). */
  actor?: string;
  story?: string;
  limit?: number;
  offset?: number;
}

/** The events table's filters, already resolved by src/api (country names → ISO2, admin1 names → codes). */
export interface EventTableQuery {
  /** ACLED event types, sub-event types or PLOVER types (case-insensitive): an event of any of them. */
  types?: string[];
  /** ACLED sub-event types (case-insensitive): an event of any of them. */
  subTypes?: string[];
  /** ISO 3166-1 alpha-2 codes of the country of the event's place (from the gazetteer). */
  countries?: string[];
  /** First-level divisions: (country, GeoNames admin1 code) of the place, or the name of a region-precision place. */
  admin1?: { codes: Array<{ country: string; code: string }>; names: string[] };
  /** Actor, target or claimant name (exact key or substring, case-insensitive). */
  actor?: string;
  /** Other names of the same entity (exact, case-insensitive): an event naming any of them matches `actor` too. */
  actorNames?: string[];
  from?: string;
  to?: string;
  /** The event's conservative killed figure, inclusive bounds (an event without one counts as 0). */
  fatalitiesMin?: number;
  fatalitiesMax?: number;
  /** One of the event's sources (article source name, substring, case-insensitive). */
  source?: string;
  /** The representative record's confidence, at least. */
  confidenceMin?: number;
  /** Place name, substring. */
  place?: string;
  story?: string;
  /** Only events with coordinates. */
  geo?: boolean;
}

export const EVENT_SORTS = ['date', 'fatalities', 'type', 'country', 'sources'] as const;
export type EventSortKey = (typeof EVENT_SORTS)[number];
export interface EventSort {
  key: EventSortKey;
  desc: boolean;
}

/** Events and fatalities of one day and one type (ACLED type, else PLOVER type), for the charts. */
export interface EventDayCount {
  day: string;
  type: string;
  events: number;
  fatalities: number;
}

export interface StorySummary {
  id: string;
  title: string | null;
  firstDay: string | null;
  lastDay: string | null;
  articles: number;
  events: number;
  terms: string[];
  /** The story's main entities: the strongest entity keys of its centroid. */
  entities: string[];
}

export interface StoryTimelineEntry {
  date: string | null;
  precision: string;
  summary: string;
  kind: 'event' | 'report';
  event?: string;
  sources: Array<{ article: string; title: string | null; source: string | null; url: string | null; published: string | null }>;
}

/** A story's or an entity's merged events (and, for a story, its articles without events) in date order. */
export interface StoryTimeline {
  subject: { kind: 'story' | 'entity'; id: string; title: string | null };
  entries: StoryTimelineEntry[];
}

export interface ArticleText {
  id: string;
  text: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
}

export interface DiagnosticCount {
  severity: Diagnostic['severity'];
  code: string;
  count: number;
}

// ---------------------------------------------------------------- the port

export interface Queries {
  /** Runs `work` with every read it makes stopped after `ms` milliseconds (BudgetError). */
  withBudget<T>(ms: number, work: () => T): T;

  /**
   * Full-text search: every match ranked by BM25 (title weighted 5:1), one page with snippets and
   * highlight ranges; `total` counts every match. An empty query lists the newest articles matching
   * the filters. A query the parser refuses throws QueryError.
   */
  search(query: string, filters: SearchFilters, page: PageArgs): Paged<SearchResult>;
  /** Articles per event type, place, month and source over the best matches of `query` (or everything). */
  facets(query: string | undefined, filters: SearchFilters): Facets;

  countArticles(range?: { from?: string; to?: string }): number;
  /** Ids starting with `prefix`, at most `limit`. */
  articleIdsByPrefix(prefix: string, limit: number): string[];
  articleRefs(ids: readonly string[]): Map<string, ArticleRef>;
  /** Article ids in ingest order after `cursor` (0 to start), with the cursor of each. */
  articleIdsPage(range: { from?: string; to?: string }, cursor: number, limit: number): Array<{ cursor: number; id: string }>;
  /** Text and metadata of articles by id, without their layers. */
  articleTexts(ids: readonly string[]): ArticleText[];
  /** The article with the most layer items (entities, times, quotes, quantities, places, events). */
  richestArticle(): string | null;

  /** Per-(type, key) entity totals, and a number that changes whenever they do (for caches). */
  entityKeys(type?: EntityType): KeyTotals[];
  entityKeysVersion(): number;
  /** Distinct articles mentioning any of the keys. */
  entityArticleCount(type: EntityType, keys: readonly string[]): number;
  /** The article-level entities with one of the keys, in article order, at most `limit`. */
  entityMentions(type: EntityType, keys: readonly string[], limit: number): Array<{ articleId: string; entity: Entity }>;

  /** Rows of a row-per-item layer matching the query (what `Store.layerRows` pages through). */
  countLayerRows(layer: LayerName, query?: LayerQuery): number;
  quantities(filter: { role?: string; unit?: string; articleId?: string }, page: PageArgs): Paged<QuantityRow>;
  /** Quantities with a role or a unit (what claims compare), at most `limit`. */
  claimQuantities(filter: { role?: string; articleId?: string }, limit: number): QuantityRow[];

  /** Each article's own event records. */
  articleEvents(filters: EventFilters, page: PageArgs): Paged<EventRow>;
  /** One article's event by its id (`v0`) or index. */
  articleEvent(articleId: string, eventId: string): EventRow | null;

  /** Whether the stories stage has merged any events across sources. */
  hasMergedEvents(): boolean;
  /** Events merged across sources, in date order. */
  mergedEvents(query: MergedEventQuery): MergedEvent[];
  /** The events table: merged events matching every filter, sorted (undated / unknown last, ties by date then id), one page and the total. */
  eventTable(query: EventTableQuery, sort: EventSort, page: PageArgs): Paged<MergedEvent>;
  /** Per day and type: events and fatalities of the events matching the filters (dated events only). */
  eventDayCounts(query: EventTableQuery): EventDayCount[];

  countStories(): number;
  /** Stories, largest first. */
  stories(limit: number): StorySummary[];
  storyTimeline(storyId: string): StoryTimeline | null;
  /** Merged events whose actor, target or claimant is written `name` or one of `aliases`. */
  entityTimeline(name: string, aliases: readonly string[]): StoryTimeline | null;
  /** A story's article ids, oldest first (undated last). */
  storyArticleIds(storyId: string): { title: string | null; ids: string[] } | null;
  /** The largest story (most articles). */
  mainStoryId(): string | null;

  /** Stored diagnostics counted by severity and code, most frequent first. */
  diagnosticCounts(): DiagnosticCount[];
}

/** A store with its read port: what `src/api` takes. */
export interface ReadStore extends Store {
  readonly queries: Queries;
}
