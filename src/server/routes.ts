/**
 * The API's one declarative route table. Each entry names its method, path, parameters (with schemas,
 * defaults and bounds), response schema and a thin handler over the programmatic API and queries.ts.
 * app.ts registers the hono routes from it; openapi.ts writes /openapi.json from it. Handlers are
 * type-checked against the response schema's type, so the document describes what they return.
 */
import type { Context } from 'hono';
import { articleDetail, articlesAfter, countArticles, getArticleDetail, listArticles, resolveArticleId, type ArticleDetail } from '../api/articles.js';
import { claims } from '../api/claims.js';
import { listDiagnostics } from '../api/diagnostics.js';
import { getEntity, listEntities } from '../api/entity-detail.js';
import { dayTimeline, getEvent, listEvents, mergedEvents, mergedQuery } from '../api/events.js';
import { eventCounts, eventSentences, eventTable, FilterError, parseSort, periodBound, type EventTableFilters } from '../api/event-table.js';
import { listQuantities, listQuotes, quoteDay, type QuoteRow } from '../api/quotes.js';
import { getStory, listStories } from '../api/stories.js';
import { CALENDAR_DATE } from '../api/dates.js';
import { subjectTimeline, type TimelineSubject } from '../api/timeline.js';
import { DEFAULT_DATES, DEFAULT_PER_DATE } from '../timeline/params.js';
import type { InputFormat } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { EventRecord, Quantity, Quote } from '../core/layers.js';
import type { MergedEvent } from '../core/merged-event.js';
import { FACET_SAMPLE, type ReadStore } from '../store/queries.js';
import { IngestBusyError, type IngestRunner } from './ingest.js';
import { ACLED_COLUMNS, acledExport } from '../export/acled.js';
import { csv } from '../export/csv.js';
import { toGeoJson, toJsonl, toPloverJson } from '../export/formats.js';
import { toGkgTsv } from '../export/gkg.js';
import type { SearchPool } from './search-pool.js';
import { runQuery } from './run-query.js';
import { paged, s, type Infer, type Schema } from './schema.js';

// ---------------------------------------------------------------- errors

export const ERROR_CODES = [
  'BAD_PARAM',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'INGEST_DISABLED',
  'INGEST_BUSY',
  'BAD_BODY',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'BAD_HOST',
  'CROSS_ORIGIN',
  'BAD_QUERY',
  'QUERY_BUDGET',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429 | 500 | 503,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const ErrorSchema = s.ref(
  'Error',
  s.object({ error: s.object({ code: s.string({ enum: ERROR_CODES }), message: s.string() }) }, { description: 'Every error answers in this shape.' }),
);

// ---------------------------------------------------------------- parameters

export interface Param<T, D extends boolean> {
  schema: Schema<T>;
  description: string;
  required?: boolean;
  default?: T;
  /** Type-level marker: the value is always present after parsing. */
  readonly _present?: D;
}

export const param = {
  opt<T>(schema: Schema<T>, description: string): Param<T, false> {
    return { schema, description };
  },
  def<T>(schema: Schema<T>, description: string, value: T): Param<T, true> {
    return { schema, description, default: value };
  },
  req<T>(schema: Schema<T>, description: string): Param<T, true> {
    return { schema, description, required: true };
  },
};

type Params = Record<string, Param<unknown, boolean>>;
export type Values<P extends Params> = { [K in keyof P]: P[K] extends Param<infer T, infer D> ? (D extends true ? T : T | undefined) : never };

export interface RouteContext {
  store: ReadStore;
  c: Context;
  ingest: IngestRunner | null;
  /** Worker threads for full-text search, when the server runs them; else searches run inline. */
  searchPool: SearchPool | null;
  options: { allowIngest: boolean; maxUploadBytes: number; dbPath: string };
}

export interface RouteSpec<P extends Params, R> {
  method: 'GET' | 'POST';
  /** hono syntax: `/api/articles/:id`; `:name` parameters must be declared in `params`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params: P;
  /** Request body, for POST routes. */
  body?: { description: string; contentTypes: string[] };
  response: Schema<R>;
  /** Response media type (default application/json); a download sets its own. */
  contentType?: string;
  handler: (ctx: RouteContext, values: Values<P>) => R | Response | Promise<R | Response>;
}

export interface AnyRoute {
  method: 'GET' | 'POST';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params: Params;
  body?: { description: string; contentTypes: string[] };
  response: Schema<unknown>;
  contentType?: string;
  handler: (ctx: RouteContext, values: Record<string, unknown>) => unknown;
}

function route<P extends Params, R>(spec: RouteSpec<P, R>): AnyRoute {
  return spec as unknown as AnyRoute;
}

export function pathParams(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

// ---------------------------------------------------------------- shared schemas and params


const DATE = s.string({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', format: CALENDAR_DATE, description: 'ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' });
const MAX_LIMIT = 1000;
const paging = {
  limit: param.def(s.integer({ minimum: 0, maximum: MAX_LIMIT }), `Items per page (at most ${MAX_LIMIT})`, 50),
  offset: param.def(s.integer({ minimum: 0 }), 'Items to skip', 0),
};
/** Event lists page at most 300 (a merged event with its sources is ~0.9–1.3 kB of JSON): a page stays under 500 kB. */
const EVENT_LIMIT = 300;
const eventPaging = {
  limit: param.def(s.integer({ minimum: 0, maximum: EVENT_LIMIT }), `Events per page (at most ${EVENT_LIMIT})`, 50),
  offset: param.def(s.integer({ minimum: 0 }), 'Events to skip', 0),
};
const range = {
  from: param.opt(DATE, 'Earliest date, inclusive'),
  to: param.opt(DATE, 'Latest date, inclusive'),
};

/** The events table's filters (GET /api/event-table, /api/event-counts, /api/export/events); lists are comma-separated. */
const eventTableParams = {
  type: param.opt(s.string(), 'ACLED event types, sub-event types or PLOVER types, comma-separated (any)'),
  subType: param.opt(s.string(), 'ACLED sub-event types, comma-separated (any)'),
  country: param.opt(s.string(), "ISO 3166 alpha-2 or alpha-3 codes or names, comma-separated: the country the gazetteer gives the event's place"),
  admin1: param.opt(s.string(), 'First-level division names, comma-separated'),
  actor: param.opt(s.string(), 'Actor, target or claimant name'),
  from: param.opt(DATE, 'Earliest date, inclusive (a month or year from its first day)'),
  to: param.opt(DATE, 'Latest date, inclusive (a month or year to its last day)'),
  fatalitiesMin: param.opt(s.integer({ minimum: 0 }), 'Killed, at least'),
  fatalitiesMax: param.opt(s.integer({ minimum: 0 }), 'Killed, at most'),
  source: param.opt(s.string(), 'Source name contains'),
  confidenceMin: param.opt(s.number(), 'Event confidence (0–1), at least'),
  place: param.opt(s.string(), 'Place name contains'),
  story: param.opt(s.string(), 'Story id'),
};

function tableFilters(v: Partial<Record<keyof typeof eventTableParams, unknown>> & { geo?: boolean }): EventTableFilters {
  const list = (x: unknown) => (typeof x === 'string' && x.trim() ? x.split(',') : undefined);
  const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x : undefined);
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  return {
    type: list(v.type), subType: list(v.subType), country: list(v.country), admin1: list(v.admin1),
    actor: str(v.actor), from: str(v.from), to: str(v.to), fatalitiesMin: num(v.fatalitiesMin), fatalitiesMax: num(v.fatalitiesMax),
    source: str(v.source), confidenceMin: num(v.confidenceMin), place: str(v.place), story: str(v.story), geo: v.geo,
  };
}

/** A filter src/api could not resolve, as the 400 every bad parameter answers. */
function badFilter<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FilterError) throw new ApiError(400, 'BAD_PARAM', `parameter '${error.param}': ${error.message}`);
    throw error;
  }
}

const ArticleRef = {
  articleId: s.string(),
  title: s.nullable(s.string()),
  published: s.nullable(s.string()),
};

const Highlights = s.array(s.pair({ description: '[start, end) into the snippet' }));

const SearchHitSchema = s.ref(
  'SearchHit',
  s.object({
    id: s.string(),
    title: s.nullable(s.string()),
    published: s.nullable(s.string()),
    source: s.nullable(s.string()),
    snippet: s.string({ description: 'Plain text; never markup' }),
    highlights: Highlights,
    score: s.number({ description: 'BM25 relevance, higher is better' }),
  }),
);

const FacetList = s.array(s.object({ value: s.string(), count: s.integer() }));
const FacetsSchema = s.ref(
  'Facets',
  s.object({ articles: s.integer({ description: `Articles counted (the best matches, at most ${FACET_SAMPLE})` }), type: FacetList, place: FacetList, month: FacetList, source: FacetList }),
);

const ArticleSummarySchema = s.ref(
  'ArticleSummary',
  s.object({
    id: s.string(),
    title: s.nullable(s.string()),
    published: s.nullable(s.string()),
    publishedSource: s.string({ enum: ['header', 'metadata', 'content', 'inherited', 'unknown'] }),
    dateline: s.nullable(s.string()),
    source: s.nullable(s.string()),
    words: s.integer(),
    nearDuplicateOf: s.nullable(s.string()),
  }),
);

/** The required core of an article; every layer (src/core/layers.ts) also appears under its own name. */
const ArticleSchema = s.ref(
  'Article',
  s.object(
    {
      id: s.string(),
      title: s.nullable(s.string()),
      text: s.string({ description: 'The immutable text every layer span points into (UTF-16 offsets)' }),
      published: s.nullable(s.string()),
      publishedSource: s.string(),
      source: s.nullable(s.string()),
      url: s.nullable(s.string()),
      nearDuplicateOf: s.nullable(s.string()),
      sightings: s.array(s.object({ file: s.string(), line: s.nullable(s.integer()), record: s.nullable(s.integer()), ingestedAt: s.string() })),
    },
    { description: 'An article as `dateline show --json` prints it: metadata, text, and each layer under its own name.' },
  ) as Schema<unknown> as Schema<ArticleDetail>,
);

const QuoteItem = s.opaque<Quote>('Quote layer item (src/core/layers.ts)');
const QuantityItem = s.opaque<Quantity>('Quantity layer item (src/core/layers.ts)');
const EventItem = s.opaque<EventRecord>('EventRecord layer item (src/core/layers.ts)');

const EntitySummarySchema = s.ref(
  'EntitySummary',
  s.object({ key: s.string({ description: 'Cross-article key' }), name: s.string(), type: s.string(), articles: s.integer(), mentions: s.integer() }),
);

const EntityDetailSchema = s.ref(
  'EntityDetail',
  s.object({
    key: s.string(),
    name: s.string(),
    type: s.string(),
    articles: s.integer(),
    mentions: s.integer(),
    names: s.array(s.string()),
    roles: s.array(s.object({ title: s.string(), affiliation: s.nullable(s.string()), count: s.integer() })),
    timeline: s.array(s.object({ day: s.string(), mentions: s.integer(), articles: s.integer() })),
    appearances: s.array(s.object({ ...ArticleRef, entityId: s.string(), mentions: s.integer() })),
    quotes: s.array(s.object({ ...ArticleRef, index: s.integer(), quote: QuoteItem })),
    events: s.array(s.object({ ...ArticleRef, index: s.integer(), role: s.string({ enum: ['actor', 'target'] as const }) as Schema<'actor' | 'target'>, event: EventItem })),
  }),
);

const QuoteRowSchema = s.ref('QuoteRow', s.object({ ...ArticleRef, index: s.integer(), quote: QuoteItem, speakerKey: s.nullable(s.string()) }));
const QuantityRowSchema = s.ref('QuantityRow', s.object({ ...ArticleRef, index: s.integer(), quantity: QuantityItem }));
const EventRowSchema = s.ref(
  'EventRow',
  s.object({
    ...ArticleRef,
    index: s.integer(),
    event: EventItem,
    story: s.nullable(s.string({ description: 'Story id (src/stories), once the stories stage has filed it' })),
    cluster: s.nullable(s.string({ description: 'Merged cross-source event id' })),
  }),
);
const MergedEventSchema = s.ref(
  'MergedEvent',
  s.opaque<MergedEvent>('An event merged across sources (src/core/merged-event.ts MergedEvent): id, the representative `event` record, and `sources` with each source\'s own figures, claimant and summary.'),
);

const ClaimGroupSchema = s.ref(
  'ClaimGroup',
  s.object({
    key: s.string(),
    role: s.nullable(s.string()),
    unit: s.nullable(s.string()),
    event: s.nullable(s.string({ description: 'Merged event id (see /api/merged-events)' })),
    summary: s.nullable(s.string()),
    claimants: s.integer(),
    values: s.array(s.number()),
    claims: s.array(s.object({ ...ArticleRef, index: s.integer(), claimant: s.nullable(s.string()), quantity: QuantityItem })),
  }),
);

const StorySchema = s.ref(
  'Story',
  s.object({
    id: s.string(),
    title: s.nullable(s.string()),
    firstDay: s.nullable(s.string()),
    lastDay: s.nullable(s.string()),
    articles: s.integer(),
    events: s.integer(),
    terms: s.array(s.string(), { description: 'Strongest terms of the story centroid' }),
  }),
);

const Figure = s.object({
  event: s.string(),
  what: s.string({ enum: ['killed', 'injured'] }) as Schema<'killed' | 'injured'>,
  value: s.number(),
  claimant: s.nullable(s.string()),
  articleId: s.string(),
  title: s.nullable(s.string()),
});

const TimelineSchema = s.ref(
  'Timeline',
  s.object({
    total: s.integer({ description: 'Merged events matching' }),
    days: s.integer({ description: 'Days with matching events (entries is one page of them)' }),
    limit: s.integer(),
    offset: s.integer(),
    entries: s.array(
      s.object({
        date: s.nullable(s.string()),
        sources: s.integer({ description: 'Articles reporting the day' }),
        events: s.array(MergedEventSchema),
        figures: s.array(Figure),
      }),
    ),
  }),
);

const SummaryTimelineSchema = s.ref(
  'SummaryTimeline',
  s.object({
    subject: s.object({ kind: s.string({ enum: ['story', 'entity', 'query'] }) as Schema<'story' | 'entity' | 'query'>, id: s.string(), title: s.nullable(s.string()) }),
    articles: s.integer({ description: 'Articles read' }),
    dated: s.integer({ description: 'Of them, articles with a publication day' }),
    dates: s.array(
      s.object({
        date: s.string(),
        score: s.number({ description: 'How strongly the articles point at the day' }),
        sentences: s.array(
          s.object({
            text: s.string({ description: 'The article sentence, verbatim' }),
            article: s.string(),
            start: s.integer({ description: 'Offset of the sentence in the article text' }),
            end: s.integer(),
            title: s.nullable(s.string()),
            source: s.nullable(s.string()),
            url: s.nullable(s.string()),
            published: s.nullable(s.string()),
            statesDate: s.boolean({ description: 'The sentence names the day itself (else it leads an article of that day)' }),
          }),
        ),
      }),
    ),
  }),
);

const SourceRef = s.object({ article: s.string(), title: s.nullable(s.string()), source: s.nullable(s.string()), url: s.nullable(s.string()), published: s.nullable(s.string()) });
const StoryDetailSchema = s.ref(
  'StoryDetail',
  s.object({
    subject: s.object({ kind: s.string({ enum: ['story', 'entity'] }) as Schema<'story' | 'entity'>, id: s.string(), title: s.nullable(s.string()) }),
    entries: s.array(
      s.object(
        {
          date: s.nullable(s.string()),
          precision: s.string(),
          summary: s.string(),
          kind: s.string({ enum: ['event', 'report'] }) as Schema<'event' | 'report'>,
          event: s.string(),
          sources: s.array(SourceRef),
        },
        { optional: ['event'] },
      ),
    ),
    events: s.array(MergedEventSchema),
  }),
);

const DiagnosticSchema = s.ref(
  'Diagnostic',
  s.object(
    {
      severity: s.string({ enum: ['error', 'warning', 'info'] }),
      code: s.string(),
      message: s.string(),
      where: s.object({ file: s.string(), line: s.integer(), record: s.integer() }, { optional: ['file', 'line', 'record'] }),
      component: s.string(),
    },
    { optional: ['where', 'component'] },
  ) as Schema<unknown> as Schema<Diagnostic>,
);

const StatsSchema = s.ref(
  'Stats',
  s.object({
    articles: s.integer(),
    sources: s.integer(),
    words: s.integer(),
    diagnostics: s.integer(),
    layers: s.record(s.integer(), { description: 'Items per layer' }),
    nearDuplicates: s.integer(),
    firstPublished: s.nullable(s.string()),
    lastPublished: s.nullable(s.string()),
  }),
);

const IngestStatusSchema = s.object({
  running: s.boolean(),
  file: s.nullable(s.string()),
  analysed: s.integer(),
  total: s.integer(),
  startedAt: s.nullable(s.string()),
});

const UploadResultSchema = s.ref(
  'UploadResult',
  s.object({
    file: s.string(),
    format: s.string(),
    bytes: s.integer(),
    articles: s.integer(),
    inserted: s.array(s.string()),
    duplicates: s.array(s.string()),
    nearDuplicates: s.array(s.object({ id: s.string(), of: s.string(), similarity: s.number() })),
    errors: s.integer(),
    diagnostics: s.array(DiagnosticSchema),
    seconds: s.number(),
  }),
);

const FORMATS = ['seed', 'text', 'markdown', 'json', 'jsonl', 'html', 'rss', 'atom'] as const;

function notFound(what: string, id: string): never {
  throw new ApiError(404, 'NOT_FOUND', `no ${what} '${id}'`);
}

function ingestStatus(ingest: IngestRunner | null): Infer<typeof IngestStatusSchema> {
  return ingest?.status() ?? { running: false, file: null, analysed: 0, total: 0, startedAt: null };
}

function articleId(store: ReadStore, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return resolveArticleId(store, id) ?? notFound('article', id);
}

/** Milliseconds a health answer may reuse the article count (a count scans the table; health must stay instant). */
const HEALTH_COUNT_TTL_MS = 1000;
const counted = new WeakMap<ReadStore, { at: number; n: number }>();

function articleCount(store: ReadStore): number {
  const hit = counted.get(store);
  if (hit && Date.now() - hit.at < HEALTH_COUNT_TTL_MS) return hit.n;
  const n = countArticles(store);
  counted.set(store, { at: Date.now(), n });
  return n;
}

// ---------------------------------------------------------------- the routes

export const ROUTES: AnyRoute[] = [
  route({
    method: 'GET',
    path: '/api/health',
    operationId: 'health',
    summary: 'Liveness and what the server is serving',
    tag: 'meta',
    params: {},
    response: s.object({ status: s.string({ enum: ['ok'] }), version: s.string(), articles: s.integer(), readOnly: s.boolean(), ingest: IngestStatusSchema }),
    handler: ({ store, ingest, options }) => ({
      status: 'ok',
      version: '0.1.0',
      articles: articleCount(store),
      readOnly: !options.allowIngest,
      ingest: ingestStatus(ingest),
    }),
  }),
  route({
    method: 'GET',
    path: '/api/stats',
    operationId: 'stats',
    summary: 'Counts: articles, sources, words, items per layer, date span',
    tag: 'meta',
    params: {},
    response: StatsSchema,
    handler: ({ store }) => store.stats() as Infer<typeof StatsSchema>,
  }),
  route({
    method: 'GET',
    path: '/api/search',
    operationId: 'search',
    summary: 'Full-text search (FTS5, BM25) with snippets and highlight ranges',
    description:
      'Words (all must match), "quoted phrases", prefix* (3+ letters), AND / OR / NOT (upper case), -word, parentheses and NEAR(a b, 10). A query over its bounds (32 words, 4 prefixes, NEAR of 6 within 50) answers 400 BAD_QUERY; one over its time budget 503 QUERY_BUDGET. BM25 ranks every match and `total` counts them all: the same answer as `dateline search`.',
    tag: 'search',
    params: {
      q: param.def(s.string(), 'Query; empty lists the newest articles matching the filters', ''),
      type: param.opt(s.string(), 'Only articles with an event of this type (ACLED or PLOVER)'),
      place: param.opt(s.string(), 'Only articles naming this place (name or ISO country code)'),
      source: param.opt(s.string(), 'Only articles from this source'),
      ...range,
      ...paging,
    },
    response: paged(SearchHitSchema),
    handler: (ctx, v) => {
      const filters = { type: v.type, place: v.place, source: v.source, from: v.from, to: v.to };
      return runQuery(ctx, { op: 'search', query: v.q, filters, page: { limit: v.limit, offset: v.offset } });
    },
  }),
  route({
    method: 'GET',
    path: '/api/facets',
    operationId: 'facets',
    summary: 'Facet counts (event type, place, month, source) for a query or for everything',
    tag: 'search',
    params: {
      q: param.opt(s.string(), 'Query (omit for the whole database)'),
      type: param.opt(s.string(), 'Narrow by event type'),
      place: param.opt(s.string(), 'Narrow by place'),
      source: param.opt(s.string(), 'Narrow by source'),
      ...range,
    },
    response: FacetsSchema,
    handler: (ctx, v) => runQuery(ctx, { op: 'facets', query: v.q, filters: { type: v.type, place: v.place, source: v.source, from: v.from, to: v.to } }),
  }),
  route({
    method: 'GET',
    path: '/api/articles',
    operationId: 'listArticles',
    summary: 'Articles in publication order, with date filters',
    tag: 'articles',
    params: { ...range, ...paging },
    response: paged(ArticleSummarySchema),
    handler: ({ store }, v) => listArticles(store, { from: v.from, to: v.to }, v),
  }),
  route({
    method: 'GET',
    path: '/api/articles/:id',
    operationId: 'getArticle',
    summary: 'One article with its text and every layer (an id prefix is enough when unique)',
    tag: 'articles',
    params: { id: param.req(s.string(), 'Article id or unique prefix') },
    response: ArticleSchema,
    handler: ({ store }, v) => getArticleDetail(store, v.id) ?? notFound('article', v.id),
  }),
  route({
    method: 'GET',
    path: '/api/entities',
    operationId: 'listEntities',
    summary: 'Entities merged across articles by key, with article and mention counts',
    tag: 'entities',
    params: {
      q: param.opt(s.string(), 'Name contains'),
      type: param.opt(s.string({ enum: ['PER', 'ORG', 'LOC', 'MISC'] }), 'Entity type'),
      ...paging,
    },
    response: paged(EntitySummarySchema),
    handler: ({ store }, v) => listEntities(store, { q: v.q, type: v.type }, v),
  }),
  route({
    method: 'GET',
    path: '/api/entities/:key',
    operationId: 'getEntity',
    summary: 'One entity: names, roles, mentions over time, appearances, quotes, events as actor or target',
    tag: 'entities',
    params: { key: param.req(s.string(), 'Entity key') },
    response: EntityDetailSchema,
    handler: ({ store }, v) => getEntity(store, v.key) ?? notFound('entity', v.key),
  }),
  route({
    method: 'GET',
    path: '/api/quotes',
    operationId: 'listQuotes',
    summary: 'Quotes, filtered by speaker name or article',
    tag: 'quotes',
    params: {
      speaker: param.opt(s.string(), 'Speaker as written, or the entity the name finds (as `dateline quotes --speaker`)'),
      about: param.opt(s.string(), 'An entity so named is mentioned inside the quote'),
      article: param.opt(s.string(), 'Article id'),
      text: param.opt(s.string(), "The quote's words contain this"),
      medium: param.opt(s.string(), 'The medium as written contains this (interview, Telegram, …)'),
      ...range,
      ...paging,
    },
    response: paged(QuoteRowSchema),
    handler: ({ store }, v) => listQuotes(store, quoteFilter(store, v), v),
  }),
  route({
    method: 'GET',
    path: '/api/quantities',
    operationId: 'listQuantities',
    summary: 'Counts and figures, filtered by role (killed, injured, launched…), unit or article',
    tag: 'quotes',
    params: {
      role: param.opt(s.string(), 'Role'),
      unit: param.opt(s.string(), 'Counted thing contains'),
      article: param.opt(s.string(), 'Article id'),
      ...paging,
    },
    response: paged(QuantityRowSchema),
    handler: ({ store }, v) => listQuantities(store, { role: v.role, unit: v.unit, articleId: articleId(store, v.article) }, v),
  }),
  route({
    method: 'GET',
    path: '/api/claims',
    operationId: 'listClaims',
    summary: "The same figure from different claimants side by side: one merged event's figures of one kind, as each source and claimant states them",
    tag: 'quotes',
    params: {
      role: param.opt(s.string(), 'Figure kind (killed, injured, launched…)'),
      article: param.opt(s.string(), 'Article id'),
      story: param.opt(s.string(), 'Story id'),
      event: param.opt(s.string(), 'Merged event id (ev-…)'),
      claimant: param.opt(s.string(), 'A claimant name contains this'),
      ...range,
      ...paging,
    },
    response: paged(ClaimGroupSchema),
    handler: ({ store }, v) =>
      badFilter(() =>
        claims(store, {
          role: v.role, articleId: articleId(store, v.article), story: v.story, event: v.event, claimant: v.claimant,
          from: v.from ? periodBound(v.from, false) : undefined, to: v.to ? periodBound(v.to, true) : undefined,
        }, v),
      ),
  }),
  route({
    method: 'GET',
    path: '/api/events',
    operationId: 'listEvents',
    summary: 'Events, filtered by type, date range, place, actor, story or article',
    tag: 'events',
    params: {
      type: param.opt(s.string(), 'ACLED event or sub-event type, or PLOVER type'),
      ...range,
      place: param.opt(s.string(), 'Place name contains, or ISO country code'),
      actor: param.opt(s.string(), 'Actor text contains'),
      story: param.opt(s.string(), 'Story id'),
      article: param.opt(s.string(), 'Article id'),
      geo: param.def(s.boolean(), 'Only events with coordinates', false),
      ...eventPaging,
    },
    response: paged(EventRowSchema),
    handler: ({ store }, v) =>
      listEvents(store, { type: v.type, from: v.from, to: v.to, place: v.place, actor: v.actor, story: v.story, articleId: articleId(store, v.article), geo: v.geo }, v),
  }),
  route({
    method: 'GET',
    path: '/api/events/:article/:event',
    operationId: 'getEvent',
    summary: 'One event by article id and event id (v0, v1, …)',
    tag: 'events',
    params: { article: param.req(s.string(), 'Article id'), event: param.req(s.string(), 'Event id within the article') },
    response: EventRowSchema,
    handler: ({ store }, v) => getEvent(store, articleId(store, v.article) as string, v.event) ?? notFound('event', `${v.article}/${v.event}`),
  }),
  route({
    method: 'GET',
    path: '/api/event-table',
    operationId: 'eventTable',
    summary: "The events table: merged events filtered by type, country, admin1, actor, dates, fatalities, source and confidence; sorted and paged",
    tag: 'events',
    params: {
      ...eventTableParams,
      geo: param.def(s.boolean(), 'Only events with coordinates', false),
      sort: param.def(s.string({ pattern: '^-?(date|fatalities|type|country|sources)(:(asc|desc))?$' }), 'date, fatalities, type, country or sources; -KEY descending', '-date'),
      ...eventPaging,
    },
    response: paged(MergedEventSchema),
    handler: ({ store }, v) => badFilter(() => eventTable(store, tableFilters(v), parseSort(v.sort), { limit: v.limit, offset: v.offset })),
  }),
  route({
    method: 'GET',
    path: '/api/event-counts',
    operationId: 'eventCounts',
    summary: 'Events and fatalities per day, week or month, by type, for the events table\'s filters (what the charts draw)',
    tag: 'events',
    params: {
      ...eventTableParams,
      bucket: param.def(s.string({ enum: ['day', 'week', 'month'] }), 'Period', 'month'),
    },
    response: s.object({
      bucket: s.string(),
      types: s.array(s.string()),
      periods: s.array(s.object({ period: s.string(), events: s.record(s.integer()), fatalities: s.record(s.integer()) })),
    }),
    handler: ({ store }, v) => badFilter(() => eventCounts(store, tableFilters(v), v.bucket as 'day' | 'week' | 'month')),
  }),
  route({
    method: 'GET',
    path: '/api/merged-events',
    operationId: 'listMergedEvents',
    summary: 'Events merged across sources (each with every source\'s figures), filtered by type, date range, place, actor or story',
    tag: 'events',
    params: {
      type: param.opt(s.string(), 'ACLED event or sub-event type, or PLOVER type'),
      ...range,
      place: param.opt(s.string(), 'Place name contains'),
      actor: param.opt(s.string(), 'Actor, target or claimant name'),
      story: param.opt(s.string(), 'Story id'),
      geo: param.def(s.boolean(), 'Only events with coordinates', false),
      ...eventPaging,
    },
    response: paged(MergedEventSchema),
    handler: ({ store }, v) => mergedEvents(store, { ...mergedQuery(v), geo: v.geo }, v),
  }),
  route({
    method: 'GET',
    path: '/api/stories',
    operationId: 'listStories',
    summary: 'Stories: articles clustered at ingest (TF-IDF centroids within a date window, shared events), largest first',
    tag: 'events',
    params: { ...paging },
    response: paged(StorySchema),
    handler: ({ store }, v) => listStories(store, v),
  }),
  route({
    method: 'GET',
    path: '/api/stories/:id',
    operationId: 'getStory',
    summary: "One story: its timeline (merged events, and reports without events) and its events with every source's figures",
    tag: 'events',
    params: { id: param.req(s.string(), 'Story id') },
    response: StoryDetailSchema,
    handler: ({ store }, v) => getStory(store, v.id) ?? notFound('story', v.id),
  }),
  route({
    method: 'GET',
    path: '/api/timeline',
    operationId: 'timeline',
    summary: 'Dated entries (one per day) of merged events, with every source\'s figures side by side',
    tag: 'events',
    params: {
      type: param.opt(s.string(), 'Event type'),
      ...range,
      place: param.opt(s.string(), 'Place'),
      actor: param.opt(s.string(), 'Actor, target or claimant name'),
      story: param.opt(s.string(), 'Story id'),
      limit: param.def(s.integer({ minimum: 0, maximum: 100 }), 'Days per page (at most 100)', 30),
      offset: param.def(s.integer({ minimum: 0 }), 'Days to skip', 0),
    },
    response: TimelineSchema,
    handler: ({ store }, v) => dayTimeline(store, mergedQuery(v), { limit: v.limit, offset: v.offset }),
  }),
  route({
    method: 'GET',
    path: '/api/timeline/summary',
    operationId: 'summaryTimeline',
    summary: 'The timeline a newsroom would publish for a query, a story or an entity: the days that matter, each told by article sentences with their sources',
    tag: 'events',
    params: {
      q: param.opt(s.string(), 'Search query (one of q, story, entity)'),
      story: param.opt(s.string(), 'Story id'),
      entity: param.opt(s.string(), 'Entity name, any spelling'),
      dates: param.def(s.integer({ minimum: 1, maximum: 200 }), 'Number of days', DEFAULT_DATES),
      perDate: param.def(s.integer({ minimum: 1, maximum: 20 }), 'Sentences per day', DEFAULT_PER_DATE),
      ...range,
    },
    response: SummaryTimelineSchema,
    handler: ({ store }, v) => {
      const subject: TimelineSubject | null = v.story ? { story: v.story } : v.entity ? { entity: v.entity } : v.q ? { query: v.q } : null;
      if (!subject) throw new ApiError(400, 'BAD_PARAM', 'give one of q, story or entity');
      return subjectTimeline(store, subject, { dates: v.dates, perDate: v.perDate, from: v.from, to: v.to }) ?? notFound('timeline subject', v.story ?? v.entity ?? v.q ?? '');
    },
  }),
  route({
    method: 'GET',
    path: '/api/diagnostics',
    operationId: 'listDiagnostics',
    summary: 'Diagnostics recorded while ingesting (bad files, lines, records)',
    tag: 'meta',
    params: {
      severity: param.opt(s.string({ enum: ['error', 'warning', 'info'] as const }) as Schema<Diagnostic['severity']>, 'Only this severity'),
      code: param.opt(s.string(), 'Only this code, e.g. INGEST_NOT_JSON'),
      ...paging,
    },
    response: paged(DiagnosticSchema),
    handler: ({ store }, v) => listDiagnostics(store, { severity: v.severity, code: v.code }, v),
  }),
  route({
    method: 'GET',
    path: '/api/export/articles.jsonl',
    operationId: 'exportArticles',
    summary: 'Download articles with all layers as JSON Lines (one `dateline show --json` object per line)',
    tag: 'export',
    params: { ...range },
    response: s.unknown('JSON Lines'),
    contentType: 'application/x-ndjson',
    handler: ({ store }, v) => exportJsonl(store, { from: v.from, to: v.to }),
  }),
  route({
    method: 'GET',
    path: '/api/export/articles.gkg.tsv',
    operationId: 'exportGkg',
    summary: 'Download articles as GDELT GKG 2.x rows (tab-separated, at most 10,000 articles)',
    tag: 'export',
    params: { ...range },
    response: s.unknown('GKG 2.x TSV'),
    contentType: 'text/tab-separated-values',
    handler: ({ store }, v) => {
      return download(toGkgTsv(articlesAfter(store, { from: v.from, to: v.to }, 0, 10_000).articles), 'text/tab-separated-values; charset=utf-8', 'dateline-gkg.tsv');
    },
  }),
  route({
    method: 'GET',
    path: '/api/export/quotes',
    operationId: 'exportQuotes',
    summary: 'Download the quotes the quote filters select (as /api/quotes) as CSV or JSON Lines; at most 10,000',
    tag: 'export',
    params: {
      format: param.def(s.string({ enum: ['csv', 'jsonl'] }), 'Export format', 'csv'),
      speaker: param.opt(s.string(), 'Speaker as written, or the entity the name finds'),
      about: param.opt(s.string(), 'An entity so named is mentioned inside the quote'),
      text: param.opt(s.string(), "The quote's words contain this"),
      medium: param.opt(s.string(), 'The medium contains this'),
      ...range,
    },
    response: s.unknown('The file in the chosen format'),
    contentType: 'application/octet-stream',
    handler: ({ store }, v) => {
      const rows = listQuotes(store, quoteFilter(store, v), { limit: 10_000, offset: 0 }).items;
      if (v.format === 'jsonl') return download(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''), 'application/x-ndjson; charset=utf-8', 'dateline-quotes.jsonl');
      return download(quotesCsv(rows), 'text/csv; charset=utf-8', 'dateline-quotes.csv');
    },
  }),
  route({
    method: 'GET',
    path: '/api/export/events',
    operationId: 'exportEvents',
    summary: 'Download events as ACLED CSV, PLOVER JSON, GeoJSON or JSON Lines (the filters and sort of /api/event-table; at most 10,000)',
    tag: 'export',
    params: {
      format: param.def(s.string({ enum: ['acled', 'plover', 'geojson', 'jsonl'] }), 'Export format', 'acled'),
      ...eventTableParams,
      sort: param.def(s.string({ pattern: '^-?(date|fatalities|type|country|sources)(:(asc|desc))?$' }), 'Sort, as /api/event-table', 'date'),
    },
    response: s.unknown('The file in the chosen format'),
    contentType: 'application/octet-stream',
    handler: ({ store }, v) => {
      const events = badFilter(() => eventTable(store, tableFilters(v), parseSort(v.sort), { limit: 10_000, offset: 0 })).items;
      switch (v.format) {
        case 'plover':
          return download(toPloverJson(events), 'application/json; charset=utf-8', 'dateline-events.plover.json');
        case 'geojson':
          return download(JSON.stringify(toGeoJson(events)), 'application/geo+json; charset=utf-8', 'dateline-events.geojson');
        case 'jsonl':
          return download(toJsonl(events), 'application/x-ndjson; charset=utf-8', 'dateline-events.jsonl');
        default: {
          const sentences = eventSentences(store, events);
          const { rows, leftOut } = acledExport(events, new Date(), (id) => sentences.get(id));
          const response = download(csv(ACLED_COLUMNS, rows), 'text/csv; charset=utf-8', 'dateline-events.acled.csv');
          // What was not exported and why: out-of-scope, undated, unplaced, country-only events, unnamed divisions.
          response.headers.set('x-dateline-left-out', Object.entries(leftOut).map(([k, n]) => `${k}=${n}`).join('; '));
          return response;
        }
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/ingest',
    operationId: 'ingestStatus',
    summary: 'Progress of the upload being ingested',
    tag: 'ingest',
    params: {},
    response: IngestStatusSchema,
    handler: ({ ingest }) => ingestStatus(ingest),
  }),
  route({
    method: 'POST',
    path: '/api/ingest',
    operationId: 'ingest',
    summary: 'Upload a file to analyse and store (only with --allow-ingest)',
    description:
      'The body is the file itself (name it with ?name=) or multipart/form-data with a `file` field. Read with the same rules as `dateline ingest`: every bad line or record is reported in `diagnostics`, the rest lands.',
    tag: 'ingest',
    params: {
      name: param.opt(s.string(), 'File name (its extension picks the format)'),
      format: param.opt(s.string({ enum: FORMATS }), 'Force a format'),
    },
    body: { description: 'The file', contentTypes: ['application/octet-stream', 'text/plain', 'application/json', 'multipart/form-data'] },
    response: UploadResultSchema,
    handler: async ({ c, ingest, options }, v) => {
      if (!options.allowIngest || !ingest) throw new ApiError(403, 'INGEST_DISABLED', 'this server is read-only; start it with --allow-ingest to upload');
      let bytes: Uint8Array;
      let name = v.name;
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new ApiError(400, 'BAD_BODY', 'multipart upload needs a `file` field');
        bytes = new Uint8Array(await file.arrayBuffer());
        name ??= file.name;
      } else bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new ApiError(400, 'BAD_BODY', 'the upload is empty');
      try {
        return await ingest.run(bytes, name ?? 'upload.txt', { format: v.format as InputFormat | undefined, maxBytes: options.maxUploadBytes });
      } catch (error) {
        if (error instanceof IngestBusyError) throw new ApiError(409, 'INGEST_BUSY', error.message);
        throw error;
      }
    },
  }),
];

function quoteFilter(store: ReadStore, v: { speaker?: string; about?: string; article?: string; text?: string; medium?: string; from?: string; to?: string }) {
  return badFilter(() => ({
    speaker: v.speaker, about: v.about, articleId: articleId(store, v.article), text: v.text, medium: v.medium,
    from: v.from ? periodBound(v.from, false) : undefined, to: v.to ? periodBound(v.to, true) : undefined,
  }));
}

function quotesCsv(rows: QuoteRow[]): string {
  const header = ['date', 'speaker', 'speaker_key', 'kind', 'cue', 'medium', 'quote', 'article', 'title', 'published'];
  return csv(header, rows.map((r) => [quoteDay(r.quote, r.published), r.quote.speaker?.text ?? '', r.speakerKey ?? '', r.quote.kind, r.quote.cue?.text ?? '', r.quote.medium?.text ?? '', r.quote.text, r.articleId, r.title ?? '', r.published ?? '']));
}

function download(body: string, type: string, filename: string): Response {
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` } });
}

function exportJsonl(store: ReadStore, range: { from?: string; to?: string }): Response {
  let after = 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const page = articlesAfter(store, range, after, 200);
      if (page.cursor === after) {
        controller.close();
        return;
      }
      after = page.cursor;
      controller.enqueue(encoder.encode(page.articles.map((stored) => `${JSON.stringify(articleDetail(stored))}\n`).join('')));
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="dateline-articles.jsonl"' },
  });
}
