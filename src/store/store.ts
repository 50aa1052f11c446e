/**
 * The storage port. The SQLite store implements it; a PostgreSQL store can follow and must pass the
 * same conformance suite (conformance.ts).
 */
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { LayerName, Layers } from '../core/layers.js';
import type { ComponentVersion } from '../core/pipeline.js';

export interface StoredSource {
  file: string;
  format: string;
  bytes: number;
  raw: string | null;
}

export interface AnalyzedInput {
  article: Article;
  layers: Layers;
  diagnostics: Diagnostic[];
  /** The components (name + version) that made `layers`; stored as their provenance. Absent: unknown. */
  components?: readonly ComponentVersion[];
  /**
   * Deferred analysis (a giant article, docs/benchmarks.md "giant16c"): when set, `layers` and `diagnostics`
   * are ignored (`components`, when given, are the ones expected: the SQLite store writes them with the row
   * and corrects them if the analysis reports others) and the store calls it inside the batch's transaction, once, right after
   * the article's row (text, full-text index) is written and before its layers are, so the copies of the
   * text that writing the row makes are gone before the analysis grows. Never called for an article the
   * store already holds. A throw rolls the whole batch back, as any failed write does.
   */
  analyze?: () => Omit<AnalyzedInput, 'article' | 'analyze'>;
}

/** The input as the store writes it: a deferred analysis run (once), or the input itself. */
export function analyzedNow(input: AnalyzedInput): AnalyzedInput {
  if (!input.analyze) return input;
  const { layers, diagnostics, components } = input.analyze();
  return { article: input.article, layers, diagnostics, ...(components ? { components } : {}) };
}

/**
 * A derived table a batch maintains inside its own transaction (the stories indexer, src/stories), from the
 * articles the batch inserted: a crash leaves both the articles and what is derived from them, or neither.
 * `Db` is the store's connection (better-sqlite3's database, or the PostgreSQL bridge).
 */
export interface BatchIndexer<Db, T = unknown> {
  name: string;
  /** `at`: the batch's ingest time (the stories indexer stamps what it touches with it). */
  index(db: Db, inserted: ReadonlyArray<Pick<AnalyzedInput, 'article' | 'layers'>>, at?: string): T;
}

/** Which stored articles `staleArticles` returns: those whose layers another version made. */
export interface StaleQuery {
  /** Only articles whose version of this one component differs from the current one. */
  component?: string;
}

export interface BatchInput {
  /**
   * Makes the write idempotent across retries: a store that has already committed a batch with this
   * key writes nothing again (the PostgreSQL store keys queue jobs by their id; SQLite ignores it).
   */
  key?: string;
  /**
   * Batches of one queued run are written in `index` order (0, 1, 2, …): a batch waits until the one
   * before it is written, so the stories filed do not depend on which worker finished first. A batch
   * that waits longer than `maxWaitMs` is written out of turn (nothing is lost; its stories may differ).
   */
  sequence?: { run: string; index: number; maxWaitMs?: number };
  source: StoredSource;
  analyzed: AnalyzedInput[];
  /** Diagnostics about the source itself (bad lines, skipped records). */
  diagnostics: Diagnostic[];
}

export interface BatchOutcome {
  inserted: string[];
  /** Articles already in the store (same content hash): a no-op besides recording the sighting. */
  duplicates: string[];
  /** Inserted articles that closely match an earlier one: [new id, earlier id, similarity]. */
  nearDuplicates: Array<{ id: string; of: string; similarity: number }>;
}

export interface Page {
  limit?: number;
  offset?: number;
}

/** Restricts to articles whose (resolved) publication day lies in [from, to]. */
export interface DateFilter {
  from?: string;
  to?: string;
}

export interface SearchHit {
  id: string;
  title: string | null;
  published: string | null;
  /** Snippet text and the highlighted ranges in it (offsets into `snippet`). */
  snippet: string;
  highlights: Array<[number, number]>;
  score: number;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  publishedSource: Article['publishedSource'];
  dateline: string | null;
  source: string | null;
  words: number;
  nearDuplicateOf: string | null;
}

export interface StoredArticle {
  article: Article;
  layers: Layers;
  nearDuplicateOf: string | null;
  sightings: Array<{ file: string; line: number | null; record: number | null; ingestedAt: string }>;
}

export interface StoreStats {
  articles: number;
  sources: number;
  words: number;
  diagnostics: number;
  /** Row counts per layer table (items, not rows, for packed layers). */
  layers: Partial<Record<LayerName, number>>;
  nearDuplicates: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface LayerRow<L extends LayerName = LayerName> {
  articleId: string;
  index: number;
  item: NonNullable<Layers[L]>[number];
}

/** Restricts diagnostics to one severity and/or one code. */
export interface DiagnosticFilter {
  severity?: Diagnostic['severity'];
  code?: string;
}

export interface LayerQuery {
  /** Equality filters on the layer's declared columns (store/layer-tables.ts). */
  where?: Record<string, string | number>;
  articleIds?: string[];
}

export interface Store {
  /** Writes one batch in one transaction: all of it lands, or none of it. */
  writeBatch(batch: BatchInput): BatchOutcome;
  /**
   * Optional: several batches in one transaction, each written as writeBatch would write it, in order
   * (all of them land, or none). Ingest groups small batches (one text file each) through it.
   */
  writeBatches?(batches: readonly BatchInput[]): BatchOutcome[];
  hasArticle(id: string): boolean;
  getArticle(id: string): StoredArticle | null;
  listArticles(page?: Page & { from?: string; to?: string }): ArticleSummary[];
  search(query: string, page?: Page & DateFilter): SearchHit[];
  countSearch(query: string, filter?: DateFilter): number;
  /** Articles with a time expression whose resolved range overlaps [from, to] (ISO days, inclusive). */
  articlesMentioning(range: { from: string; to: string }, page?: Page): Array<{ articleId: string; text: string; value: string; start: number; end: number }>;
  layerRows<L extends LayerName>(layer: L, query?: LayerQuery & Page): Array<LayerRow<L>>;
  diagnostics(query?: Page & DiagnosticFilter): Diagnostic[];
  countDiagnostics(filter?: DiagnosticFilter): number;
  stats(): StoreStats;
  /** The components (name + version) that made an article's stored layers; [] when unknown, null for no such article. */
  provenance(id: string): ComponentVersion[] | null;
  /**
   * Ids of stored articles, in ingest order, whose recorded components differ from `current` (another
   * version, a component missing or extra, or no provenance at all: articles stored before it was recorded).
   */
  staleArticles(current: readonly ComponentVersion[], query?: StaleQuery): string[];
  /**
   * Replaces stored articles' analysis in one transaction: their layers, article diagnostics, provenance,
   * resolved day and entity totals. Merged events and stories are marked for `rebuildDerived`.
   */
  rewriteArticles(analyzed: readonly AnalyzedInput[]): void;
  /** Whether a rewrite left merged events and stories to rebuild (a reindex that did not finish). */
  derivedStale(): boolean;
  /** Files every stored article again, in ingest order, into fresh merged events and stories (one transaction). */
  rebuildDerived(): void;
  close(): void;
}
