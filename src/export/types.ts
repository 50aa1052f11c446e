/**
 * What the exports take: an event (merged across sources, or one article's) with every source that
 * reports it and what each source says. Built by the store side (src/stories/store.ts) or, for a
 * single analysed article, by `singleSourceEvents`.
 */
import type { Article } from '../core/article.js';
import type { EventFigure, EventRecord, Layers } from '../core/layers.js';

export interface EventSource {
  article: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  /** That source's own event record id (`v3`) and its figures, as it states them. */
  event: string;
  figures: EventFigure[];
  killed: number | null;
  injured: number | null;
  claimant: string | null;
  summary: string;
  /** The ACLED sub-event type this source's wording gives (sources may disagree). */
  subEventType?: string | null;
}

export interface ExportEvent {
  /** Stable id: `ev-…` for a merged event. */
  id: string;
  /** The representative record: merged arguments, conservative figures. */
  event: EventRecord;
  sources: EventSource[];
}

/** What one source says of one of its events. */
export function sourceOf(
  article: { id: string; title: string | null; source: string | null; url: string | null },
  published: string | null,
  e: EventRecord,
): EventSource {
  return {
    article: article.id,
    title: article.title,
    source: article.source,
    url: article.url,
    published,
    event: e.id,
    figures: e.figures ?? [],
    killed: e.killed?.value ?? null,
    injured: e.injured?.value ?? null,
    claimant: e.claimant?.text ?? null,
    summary: e.summary,
    subEventType: e.acled?.subEventType ?? null,
  };
}

/** One article's own events as export events (no cross-source merge). */
export function singleSourceEvents(article: Article, layers: Layers): ExportEvent[] {
  return (layers.events ?? []).map((e) => ({
    id: `${article.id}-${e.id}`,
    event: e,
    sources: [sourceOf(article, layers.published?.[0]?.value ?? article.published, e)],
  }));
}
