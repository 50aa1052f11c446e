/** The read routes: health, stats, search, articles, entities, quotes, claims, events, stories, timelines, diagnostics. */
import { getArticleDetail, listArticles } from '../api/articles.js';
import { claims } from '../api/claims.js';
import { listDiagnostics } from '../api/diagnostics.js';
import { getEntity, listEntities } from '../api/entity-detail.js';
import { dayTimeline, getEvent, listEvents, mergedEvents, mergedQuery } from '../api/events.js';
import { eventCounts, eventTable, parseSort, periodBound } from '../api/event-table.js';
import { listQuantities, listQuotes } from '../api/quotes.js';
import { getStory, listStories } from '../api/stories.js';
import { subjectTimeline, type TimelineSubject } from '../api/timeline.js';
import { DEFAULT_DATES, DEFAULT_PER_DATE } from '../timeline/params.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { runQuery } from './run-query.js';
import { paged, s, type Infer, type Schema } from './schema.js';
import { AnyRoute, ApiError, param, route } from './route-kit.js';
import { ArticleSchema, ArticleSummarySchema, ClaimGroupSchema, DiagnosticSchema, EntityDetailSchema, EntitySummarySchema, EventRowSchema, FacetsSchema, IngestStatusSchema, MergedEventSchema, QuantityRowSchema, QuoteRowSchema, SearchHitSchema, StatsSchema, StoryDetailSchema, StorySchema, SummaryTimelineSchema, TimelineSchema, articleCount, articleId, badFilter, eventPaging, eventTableParams, ingestStatus, notFound, paging, quoteFilter, range, tableFilters } from './route-shared.js';

export const READ_ROUTES: AnyRoute[] = [
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

];
