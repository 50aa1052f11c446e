import { createHash } from 'node:crypto';

/** Half-open `[start, end)` range in UTF-16 code units of `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Where an article's publication date came from. */
export type PublishedSource = 'header' | 'metadata' | 'content' | 'inherited' | 'unknown';

/** The `(CITY[, Region]) —` opening of a wire dispatch. */
export interface Dateline extends Span {
  /** Surface, e.g. `(DOHA, Qatar) —`. */
  text: string;
  /** City as written, e.g. `DOHA`. */
  place: string;
  region?: string;
}

/** Where the article came from, so every fact can be traced to a file and line or record. */
export interface Origin {
  file: string;
  format: InputFormat;
  /** 1-based line of the first line of this article in the file, when the format has lines. */
  line?: number;
  /** 1-based record number (JSONL line, JSON array item, feed item). */
  record?: number;
}

export type InputFormat = 'seed' | 'text' | 'markdown' | 'jsonl' | 'json' | 'html' | 'rss' | 'atom';

/**
 * An article: one immutable text plus metadata. Annotation layers live beside it (see layers.ts),
 * as spans into `text`; nothing ever rewrites `text`.
 */
export interface Article {
  /** Content hash of `text` (sha256, hex, first 16 chars). */
  id: string;
  text: string;
  title: string | null;
  url: string | null;
  source: string | null;
  byline: string | null;
  language: string;
  /** `YYYY-MM-DD` or a full ISO timestamp; null when unknown. */
  published: string | null;
  publishedSource: PublishedSource;
  /** 0..1; 1 for a stated header or metadata date, low for inherited. */
  publishedConfidence: number;
  dateline: Dateline | null;
  origin: Origin;
  /** What ingest did to the input to get `text` (e.g. `crlf->lf`, `bom`); the raw input is kept by the store. */
  normalizations: string[];
}

export function contentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export interface ArticleInit {
  text: string;
  origin: Origin;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  byline?: string | null;
  language?: string;
  published?: string | null;
  publishedSource?: PublishedSource;
  publishedConfidence?: number;
  dateline?: Dateline | null;
  normalizations?: string[];
}

export function makeArticle(init: ArticleInit): Article {
  const published = init.published ?? null;
  const publishedSource: PublishedSource = published === null ? 'unknown' : (init.publishedSource ?? 'metadata');
  return {
    id: contentId(init.text),
    text: init.text,
    title: init.title ?? null,
    url: init.url ?? null,
    source: init.source ?? null,
    byline: init.byline ?? null,
    language: init.language ?? 'en',
    published,
    publishedSource,
    publishedConfidence: init.publishedConfidence ?? (publishedSource === 'header' || publishedSource === 'metadata' ? 1 : 0),
    dateline: init.dateline ?? null,
    origin: init.origin,
    normalizations: init.normalizations ?? [],
  };
}

/** The surface of a span; `text.slice(start, end)` by definition. */
export function surface(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
