/** The export downloads and the upload routes. */
import { articleDetail, articlesAfter } from '../api/articles.js';
import { eventSentences, eventTable, parseSort } from '../api/event-table.js';
import { listQuotes, quoteDay, type QuoteRow } from '../api/quotes.js';
import type { InputFormat } from '../core/article.js';
import type { ReadStore } from '../store/queries.js';
import { IngestBusyError } from './ingest.js';
import { ACLED_COLUMNS, acledExport } from '../export/acled.js';
import { csv } from '../export/csv.js';
import { toGeoJson, toJsonl, toPloverJson } from '../export/formats.js';
import { toGkgTsv } from '../export/gkg.js';
import { s } from './schema.js';
import { AnyRoute, ApiError, param, route } from './route-kit.js';
import { FORMATS, IngestStatusSchema, UploadResultSchema, badFilter, eventTableParams, ingestStatus, quoteFilter, range, tableFilters } from './route-shared.js';

export const EXPORT_ROUTES: AnyRoute[] = [
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

export function quotesCsv(rows: QuoteRow[]): string {
  const header = ['date', 'speaker', 'speaker_key', 'kind', 'cue', 'medium', 'quote', 'article', 'title', 'published'];
  return csv(header, rows.map((r) => [quoteDay(r.quote, r.published), r.quote.speaker?.text ?? '', r.speakerKey ?? '', r.quote.kind, r.quote.cue?.text ?? '', r.quote.medium?.text ?? '', r.quote.text, r.articleId, r.title ?? '', r.published ?? '']));
}

export function download(body: string, type: string, filename: string): Response {
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` } });
}

export function exportJsonl(store: ReadStore, range: { from?: string; to?: string }): Response {
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
