/**
 * An event merged across sources (or one article's own, unmerged) with every source that reports it
 * and what each source says. Built at ingest by the cross-source merge (src/stories/store.ts,
 * events/merge.ts) or, for a single analysed article, by `singleSourceEvents`; read by the API, the
 * CLI and the exports.
 */
import type { Article } from './article.js';
import type { EventFigure, EventRecord, Layers } from './layers.js';

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

export interface MergedEvent {
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
export function singleSourceEvents(article: Article, layers: Layers): MergedEvent[] {
  return (layers.events ?? []).map((e) => ({
    id: `${article.id}-${e.id}`,
    event: e,
    sources: [sourceOf(article, layers.published?.[0]?.value ?? article.published, e)],
  }));
}
