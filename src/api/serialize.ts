/**
 * The `dateline analyze` JSON shape: article metadata, its text and every layer under its own name.
 * `published`/`publishedSource` show the resolved publication date when the time stage inferred one;
 * `statedPublished` keeps what the input itself said.
 */
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Layers } from '../core/layers.js';

export interface ArticleJson extends Omit<Layers, 'published'> {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  byline: string | null;
  language: string;
  published: string | null;
  publishedSource: Article['publishedSource'];
  publishedConfidence: number;
  publishedRange?: { from: string; to: string };
  statedPublished: string | null;
  statedPublishedSource: Article['publishedSource'];
  dateline: Article['dateline'];
  origin: Article['origin'];
  normalizations: string[];
  text: string;
  /** The `published` layer (the resolved publication date and how it was found), renamed to avoid the field. */
  publication?: Layers['published'];
  diagnostics?: Diagnostic[];
}

export function toAnalyzeJson(input: { article: Article; layers: Layers; diagnostics?: Diagnostic[] }): ArticleJson {
  const { article, layers } = input;
  const { published: publication, ...rest } = layers;
  const resolved = publication?.[0];
  const json: ArticleJson = {
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    byline: article.byline,
    language: article.language,
    published: resolved ? resolved.value : article.published,
    publishedSource: resolved ? resolved.source : article.publishedSource,
    publishedConfidence: resolved ? resolved.confidence : article.publishedConfidence,
    statedPublished: article.published,
    statedPublishedSource: article.publishedSource,
    dateline: article.dateline,
    origin: article.origin,
    normalizations: article.normalizations,
    text: article.text,
    ...(publication ? { publication } : {}),
    ...rest,
  };
  if (resolved?.range) json.publishedRange = resolved.range;
  if (input.diagnostics?.length) json.diagnostics = input.diagnostics;
  return json;
}

/** The publication date to show for a stored article: the resolved one when the time stage gave one, as `show` and `analyze` print it. */
export function resolvedPublished(input: { article: Article; layers: Layers }): string | null {
  const resolved = input.layers.published?.[0];
  return resolved ? resolved.value : input.article.published;
}
