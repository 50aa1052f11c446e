/**
 * Quotes across the store, filtered by speaker and by who or what they are about, and counted figures.
 * One meaning for the CLI and the HTTP API: a speaker is matched as written and as the entity the name
 * resolves to ("Zelensky" finds quotes of Volodymyr Zelenskyy, "he said" resolved to Peskov counts).
 */
import type { Entity, Mention, Quote } from '../core/layers.js';
import { filterQuotes } from '../quotes/query.js';
import { paged, type ArticleRef, type PageArgs, type Paged, type QuantityRow, type ReadStore } from '../store/queries.js';
import { findEntity } from './entities.js';
import { allLayerRows } from './layers.js';

export interface QuoteRow extends ArticleRef {
  index: number;
  quote: Quote;
  /** Cross-article key of the speaker entity, when the speaker resolved to one. */
  speakerKey: string | null;
}

export interface QuoteFilter {
  /** The speaker's phrase, or the name of the entity it resolved to. */
  speaker?: string;
  /** An entity named so is mentioned inside the quote, or the quote contains the name. */
  about?: string;
  articleId?: string;
  /** The quote's words contain this (case-insensitive). */
  text?: string;
  /** The medium as written contains this ("interview", "Telegram"). */
  medium?: string;
  /** The statement's day (its own date, else its article's), inclusive ISO days. */
  from?: string;
  to?: string;
}

/** A quote's day: the date the attribution gives, else its article's publication day. */
export function quoteDay(quote: Quote, published: string | null): string | null {
  return /^\d{4}-\d{2}-\d{2}/.test(quote.date ?? '') ? quote.date!.slice(0, 10) : (published?.slice(0, 10) ?? null);
}

/** Articles whose entities and mentions are read per layer query. */
const CHUNK = 100;

/** Quotes matching the filter, in article order and by position within an article. */
export function listQuotes(store: ReadStore, filter: QuoteFilter, page: PageArgs): Paged<QuoteRow> {
  const narrow = filter.text || filter.medium || filter.from || filter.to;
  if (filter.speaker === undefined && filter.about === undefined && !narrow) return quotesPage(store, filter.articleId, page);
  const entity = filter.speaker === undefined ? null : findEntity(store, filter.speaker);
  const speakers = [...new Set([filter.speaker, entity?.name].filter((n): n is string => n !== undefined))];
  const byArticle = new Map<string, Array<{ index: number; quote: Quote }>>();
  for (const row of allLayerRows(store, 'quotes', filter.articleId ? { articleIds: [filter.articleId] } : {})) {
    const list = byArticle.get(row.articleId) ?? [];
    list.push({ index: row.index, quote: row.item });
    byArticle.set(row.articleId, list);
  }
  const kept: Array<{ articleId: string; index: number; quote: Quote; speakerKey: string | null }> = [];
  const ids = [...byArticle.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const entities = groupRows(allLayerRows(store, 'entities', { articleIds: chunk }));
    const mentions = filter.about === undefined ? new Map<string, Mention[]>() : groupRows(allLayerRows(store, 'mentions', { articleIds: chunk }));
    for (const articleId of chunk) {
      const rows = byArticle.get(articleId)!;
      const ents = entities.get(articleId) ?? [];
      const matching = (options: { speaker?: string; about?: string }) => new Set(filterQuotes(rows.map((r) => r.quote), ents, mentions.get(articleId) ?? [], options));
      const wanted = speakers.length === 0 ? [matching({ about: filter.about })] : speakers.map((speaker) => matching({ speaker, about: filter.about }));
      const text = filter.text?.toLowerCase();
      const medium = filter.medium?.toLowerCase();
      for (const r of rows) {
        if (!wanted.some((set) => set.has(r.quote))) continue;
        if (text && !r.quote.text.toLowerCase().includes(text)) continue;
        if (medium && !(r.quote.medium?.text ?? '').toLowerCase().includes(medium)) continue;
        kept.push({ articleId, index: r.index, quote: r.quote, speakerKey: speakerKey(r.quote, ents) });
      }
    }
  }
  const dated = filter.from || filter.to ? inDays(store, kept, filter.from, filter.to) : kept;
  return withRefs(store, dated.slice(page.offset, page.offset + page.limit), dated.length, page);
}

function inDays<T extends { articleId: string; quote: Quote }>(store: ReadStore, rows: T[], from: string | undefined, to: string | undefined): T[] {
  const refs = new Map<string, string | null>();
  const ids = [...new Set(rows.map((r) => r.articleId))];
  for (let i = 0; i < ids.length; i += 500) for (const [id, ref] of store.queries.articleRefs(ids.slice(i, i + 500))) refs.set(id, ref.published);
  return rows.filter((r) => {
    const day = quoteDay(r.quote, refs.get(r.articleId) ?? null);
    return day !== null && (!from || day >= from) && (!to || day <= to);
  });
}

/** Unfiltered: one page of quote rows in the store's order, and the speaker keys of that page only. */
function quotesPage(store: ReadStore, articleId: string | undefined, page: PageArgs): Paged<QuoteRow> {
  const query = articleId ? { articleIds: [articleId] } : {};
  const rows = store.layerRows('quotes', { ...query, ...page });
  const ids = [...new Set(rows.map((r) => r.articleId))];
  const entities = groupRows(ids.length ? allLayerRows(store, 'entities', { articleIds: ids }) : []);
  const keyed = rows.map((r) => ({ articleId: r.articleId, index: r.index, quote: r.item, speakerKey: speakerKey(r.item, entities.get(r.articleId) ?? []) }));
  return withRefs(store, keyed, store.queries.countLayerRows('quotes', query), page);
}

function speakerKey(quote: Quote, entities: readonly Entity[]): string | null {
  return quote.speaker?.entity ? (entities.find((e) => e.id === quote.speaker!.entity)?.key ?? null) : null;
}

function withRefs(store: ReadStore, pageRows: Array<Omit<QuoteRow, 'title' | 'published'>>, total: number, page: PageArgs): Paged<QuoteRow> {
  const refs = store.queries.articleRefs(pageRows.map((r) => r.articleId));
  return paged(
    pageRows.map((r) => ({ ...(refs.get(r.articleId) ?? { articleId: r.articleId, title: null, published: null }), index: r.index, quote: r.quote, speakerKey: r.speakerKey })),
    total,
    page,
  );
}

function groupRows<T>(rows: ReadonlyArray<{ articleId: string; item: T }>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.articleId) ?? [];
    list.push(r.item);
    out.set(r.articleId, list);
  }
  return out;
}

/** Counted figures (killed, injured, launched…), filtered by role, counted thing or article. */
export function listQuantities(store: ReadStore, filter: { role?: string; unit?: string; articleId?: string }, page: PageArgs): Paged<QuantityRow> {
  return store.queries.quantities(filter, page);
}

