/** Schemas, parameter groups and small helpers shared by the read and export routes. */
import { countArticles, resolveArticleId, type ArticleDetail } from '../api/articles.js';
import { FilterError, periodBound, type EventTableFilters } from '../api/event-table.js';
import { CALENDAR_DATE } from '../api/dates.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { EventRecord, Quantity, Quote } from '../core/layers.js';
import type { MergedEvent } from '../core/merged-event.js';
import { FACET_SAMPLE, type ReadStore } from '../store/queries.js';
import type { IngestRunner } from './ingest.js';
import { s, type Infer, type Schema } from './schema.js';
import { ApiError, param } from './route-kit.js';

// ---------------------------------------------------------------- shared schemas and params

export const DATE = s.string({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', format: CALENDAR_DATE, description: 'ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' });
export const MAX_LIMIT = 1000;
export const paging = {
  limit: param.def(s.integer({ minimum: 0, maximum: MAX_LIMIT }), `Items per page (at most ${MAX_LIMIT})`, 50),
  offset: param.def(s.integer({ minimum: 0 }), 'Items to skip', 0),
};
/** Event lists page at most 300 (a merged event with its sources is ~0.9–1.3 kB of JSON): a page stays under 500 kB. */
export const EVENT_LIMIT = 300;
export const eventPaging = {
  limit: param.def(s.integer({ minimum: 0, maximum: EVENT_LIMIT }), `Events per page (at most ${EVENT_LIMIT})`, 50),
  offset: param.def(s.integer({ minimum: 0 }), 'Events to skip', 0),
};
export const range = {
  from: param.opt(DATE, 'Earliest date, inclusive'),
  to: param.opt(DATE, 'Latest date, inclusive'),
};

/** The events table's filters (GET /api/event-table, /api/event-counts, /api/export/events); lists are comma-separated. */
export const eventTableParams = {
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

export function tableFilters(v: Partial<Record<keyof typeof eventTableParams, unknown>> & { geo?: boolean }): EventTableFilters {
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
export function badFilter<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FilterError) throw new ApiError(400, 'BAD_PARAM', `parameter '${error.param}': ${error.message}`);
    throw error;
  }
}

export const ArticleRef = {
  articleId: s.string(),
  title: s.nullable(s.string()),
  published: s.nullable(s.string()),
};

export const Highlights = s.array(s.pair({ description: '[start, end) into the snippet' }));

export const SearchHitSchema = s.ref(
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

export const FacetList = s.array(s.object({ value: s.string(), count: s.integer() }));
export const FacetsSchema = s.ref(
  'Facets',
  s.object({ articles: s.integer({ description: `Articles counted (the best matches, at most ${FACET_SAMPLE})` }), type: FacetList, place: FacetList, month: FacetList, source: FacetList }),
);

export const ArticleSummarySchema = s.ref(
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
export const ArticleSchema = s.ref(
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

export const QuoteItem = s.opaque<Quote>('Quote layer item (src/core/layers.ts)');
export const QuantityItem = s.opaque<Quantity>('Quantity layer item (src/core/layers.ts)');
export const EventItem = s.opaque<EventRecord>('EventRecord layer item (src/core/layers.ts)');

export const EntitySummarySchema = s.ref(
  'EntitySummary',
  s.object({ key: s.string({ description: 'Cross-article key' }), name: s.string(), type: s.string(), articles: s.integer(), mentions: s.integer() }),
);

export const EntityDetailSchema = s.ref(
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

export const QuoteRowSchema = s.ref('QuoteRow', s.object({ ...ArticleRef, index: s.integer(), quote: QuoteItem, speakerKey: s.nullable(s.string()) }));
export const QuantityRowSchema = s.ref('QuantityRow', s.object({ ...ArticleRef, index: s.integer(), quantity: QuantityItem }));
export const EventRowSchema = s.ref(
  'EventRow',
  s.object({
    ...ArticleRef,
    index: s.integer(),
    event: EventItem,
    story: s.nullable(s.string({ description: 'Story id (src/stories), once the stories stage has filed it' })),
    cluster: s.nullable(s.string({ description: 'Merged cross-source event id' })),
  }),
);
export const MergedEventSchema = s.ref(
  'MergedEvent',
  s.opaque<MergedEvent>('An event merged across sources (src/core/merged-event.ts MergedEvent): id, the representative `event` record, and `sources` with each source\'s own figures, claimant and summary.'),
);

export const ClaimGroupSchema = s.ref(
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

export const StorySchema = s.ref(
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

export const Figure = s.object({
  event: s.string(),
  what: s.string({ enum: ['killed', 'injured'] }) as Schema<'killed' | 'injured'>,
  value: s.number(),
  claimant: s.nullable(s.string()),
  articleId: s.string(),
  title: s.nullable(s.string()),
});

export const TimelineSchema = s.ref(
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

export const SummaryTimelineSchema = s.ref(
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

export const SourceRef = s.object({ article: s.string(), title: s.nullable(s.string()), source: s.nullable(s.string()), url: s.nullable(s.string()), published: s.nullable(s.string()) });
export const StoryDetailSchema = s.ref(
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

export const DiagnosticSchema = s.ref(
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

export const StatsSchema = s.ref(
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

export const IngestStatusSchema = s.object({
  running: s.boolean(),
  file: s.nullable(s.string()),
  analysed: s.integer(),
  total: s.integer(),
  startedAt: s.nullable(s.string()),
});

export const UploadResultSchema = s.ref(
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

export const FORMATS = ['seed', 'text', 'markdown', 'json', 'jsonl', 'html', 'rss', 'atom'] as const;

export function notFound(what: string, id: string): never {
  throw new ApiError(404, 'NOT_FOUND', `no ${what} '${id}'`);
}

export function ingestStatus(ingest: IngestRunner | null): Infer<typeof IngestStatusSchema> {
  return ingest?.status() ?? { running: false, file: null, analysed: 0, total: 0, startedAt: null };
}

export function articleId(store: ReadStore, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return resolveArticleId(store, id) ?? notFound('article', id);
}

/** Milliseconds a health answer may reuse the article count (a count scans the table; health must stay instant). */
export const HEALTH_COUNT_TTL_MS = 1000;
export const counted = new WeakMap<ReadStore, { at: number; n: number }>();

export function articleCount(store: ReadStore): number {
  const hit = counted.get(store);
  if (hit && Date.now() - hit.at < HEALTH_COUNT_TTL_MS) return hit.n;
  const n = countArticles(store);
  counted.set(store, { at: Date.now(), n });
  return n;
}

export function quoteFilter(store: ReadStore, v: { speaker?: string; about?: string; article?: string; text?: string; medium?: string; from?: string; to?: string }) {
  return badFilter(() => ({
    speaker: v.speaker, about: v.about, articleId: articleId(store, v.article), text: v.text, medium: v.medium,
    from: v.from ? periodBound(v.from, false) : undefined, to: v.to ? periodBound(v.to, true) : undefined,
  }));
}
