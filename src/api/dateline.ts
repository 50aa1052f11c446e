/**
 * The programmatic API. The CLI, the HTTP server and the tests all go through these functions; none of
 * them holds logic of its own beyond parsing arguments and printing.
 */
import { splitPieces } from '../core/words.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Article } from '../core/article.js';
import { componentVersions, type AnalyzedArticle, type Pipeline } from '../core/pipeline.js';
import { readInputs, type Batch, type ReadOptions } from '../ingest/read.js';
import type { AnalyzedInput, BatchInput, BatchOutcome, Store } from '../store/store.js';
import { defaultPipeline } from './default-pipeline.js';
import { toAnalyzeJson, type ArticleJson } from './serialize.js';

export interface AnalyzeOptions extends ReadOptions {
  /** Reference date for articles that state none (`--date`). */
  date?: string;
  pipeline?: Pipeline;
}

export interface AnalyzeResult {
  articles: ArticleJson[];
  diagnostics: Diagnostic[];
}

/** Applies `--date` to articles with no stated date: it is the user's statement, recorded as metadata. */
export function applyDate(batch: Batch, date: string | undefined): Batch {
  if (!date) return batch;
  for (const a of batch.articles) {
    if (a.publishedSource === 'unknown' || a.publishedSource === 'inherited') {
      a.published = date;
      a.publishedSource = 'metadata';
      a.publishedConfidence = 1;
    }
  }
  return batch;
}

/**
 * An article analysed, or, when the store already holds it (same content hash), the article alone:
 * the store only records another sighting of a known article, so its analysis would be thrown away.
 */
export function knownOrAnalyzed(store: Pick<Store, 'hasArticle'> | undefined, pipeline: Pipeline, article: Article): AnalyzedArticle {
  if (store?.hasArticle(article.id)) return { article, layers: {}, diagnostics: [] };
  return pipeline.run(article);
}

/** `options.pipeline`, or the default pipeline built on the first article that needs it: a re-ingest of known articles loads no models. */
function lazyPipeline(options: AnalyzeOptions): Pipeline {
  let pipeline = options.pipeline;
  return {
    get components() {
      return (pipeline ??= defaultPipeline()).components;
    },
    get assigns() {
      return (pipeline ??= defaultPipeline()).assigns;
    },
    run: (article) => (pipeline ??= defaultPipeline()).run(article),
    windowed: (article) => (pipeline ??= defaultPipeline()).windowed?.(article) ?? false,
  };
}

/** Every analysed article from the inputs, streamed; with a store, articles it holds are not analysed again. */
export async function* analyzeStream(
  paths: string[],
  options: AnalyzeOptions = {},
  store?: Pick<Store, 'hasArticle'>,
): AsyncGenerator<{ batch: Batch; analyzed: AnalyzedArticle[] }> {
  const pipeline = lazyPipeline(options);
  for await (const raw of readInputs(paths, options)) {
    const batch = applyDate(raw, options.date);
    yield { batch, analyzed: batch.articles.map((a) => knownOrAnalyzed(store, pipeline, a)) };
  }
}

/**
 * A batch with a giant article (one the pipeline reads in windows) as the store's input: every article's
 * analysis deferred into the batch's transaction (AnalyzedInput.analyze), so the article's row — the text
 * copied to UTF-8, into SQLite's record and its full-text index — is written before the analysis grows,
 * not on top of it (docs/benchmarks.md, "giant16c"). `analyzed` fills in as the store analyses; an article
 * the store already holds stays as it is (no layers), as knownOrAnalyzed leaves it.
 */
export function deferredBatch(batch: Batch, pipeline: Pipeline): { input: BatchInput; analyzed: AnalyzedArticle[] } {
  const analyzed: AnalyzedArticle[] = batch.articles.map((article) => ({ article, layers: {}, diagnostics: [] }));
  // The components that will make the layers, recorded with the row (the store checks them after the analysis).
  const components = componentVersions(pipeline.components);
  const inputs: AnalyzedInput[] = batch.articles.map((article, i) => ({
    article,
    layers: {},
    diagnostics: [],
    components,
    analyze: () => (analyzed[i] = pipeline.run(article)),
  }));
  return { input: { source: batch.source, analyzed: inputs, diagnostics: batch.diagnostics }, analyzed };
}

/** `dateline analyze`: run the pipeline without a database. */
export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const articles: ArticleJson[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const { batch, analyzed } of analyzeStream(paths, options)) {
    diagnostics.push(...batch.diagnostics);
    for (const a of analyzed) {
      articles.push(toAnalyzeJson(a));
      diagnostics.push(...a.diagnostics);
    }
  }
  return { articles, diagnostics };
}

export interface IngestProgress {
  /** Bytes of input read so far (whole files, and a streamed JSONL file up to its current batch). */
  bytes: number;
  files: number;
  articles: number;
  inserted: number;
  duplicates: number;
  nearDuplicates: number;
  errors: number;
  words: number;
}

export interface IngestSummary extends IngestProgress {
  /** Errors and warnings first-come up to `maxDiagnostics`; informational notes only up to `maxNotes`. */
  diagnostics: Diagnostic[];
  /** Every diagnostic of the run counted by `severity code` (all of them are stored). */
  counts: Record<string, number>;
  outcomes: BatchOutcome[];
}

export interface IngestOptions extends AnalyzeOptions {
  onBatch?: (progress: IngestProgress, batch: Batch) => void;
  /** Keep per-batch outcomes in the summary (tests); off for large ingests. */
  keepOutcomes?: boolean;
  /** Diagnostics kept in the summary (all are stored); default 1000. */
  maxDiagnostics?: number;
  /** Informational notes kept in the summary, so they never crowd out errors; default 100. */
  maxNotes?: number;
}

/** Articles of small batches written in one transaction by `ingest` (a larger batch is written alone). */
export const GROUP_ARTICLES = 50;
/** …or fewer, when that many have not arrived within this many milliseconds of the group's first. */
export const GROUP_MS = 1000;

/**
 * `dateline ingest`: analyse and store, each batch whole in one transaction (articles, layers, merged
 * events and stories together); with a store that has `writeBatches`, consecutive small batches share
 * one transaction (up to GROUP_ARTICLES articles or GROUP_MS). Articles the store already holds are
 * recognised before analysis. A batch with a giant article (read in windows) is written alone, its
 * articles analysed inside its transaction after their rows are written (deferredBatch): the write lock
 * is held for that analysis.
 */
export async function ingest(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { bytes: 0, files: 0, articles: 0, inserted: 0, duplicates: 0, nearDuplicates: 0, errors: 0, words: 0, diagnostics: [], counts: {}, outcomes: [] };
  const maxDiagnostics = options.maxDiagnostics ?? 1000;
  const maxNotes = options.maxNotes ?? 100;
  let notes = 0;
  let lastFile = '';
  let doneBytes = 0;
  let fileBytes = 0;
  const account = (batch: Batch, analyzed: AnalyzedArticle[], outcome: BatchOutcome): void => {
    if (batch.source.file !== lastFile) {
      summary.files++;
      lastFile = batch.source.file;
      doneBytes += fileBytes;
    }
    fileBytes = batch.read ?? batch.source.bytes;
    summary.bytes = doneBytes + fileBytes;
    summary.articles += analyzed.length;
    summary.inserted += outcome.inserted.length;
    summary.duplicates += outcome.duplicates.length;
    summary.nearDuplicates += outcome.nearDuplicates.length;
    for (const a of analyzed) summary.words += splitPieces(a.article.text);
    const all = [...batch.diagnostics, ...analyzed.flatMap((a) => a.diagnostics)];
    summary.errors += all.filter((d) => d.severity === 'error').length;
    for (const d of all) {
      const key = `${d.severity} ${d.code}`;
      summary.counts[key] = (summary.counts[key] ?? 0) + 1;
      if (summary.diagnostics.length >= maxDiagnostics) continue;
      if (d.severity === 'info' && notes++ >= maxNotes) continue;
      summary.diagnostics.push(d);
    }
    if (options.keepOutcomes) summary.outcomes.push(outcome);
    options.onBatch?.(summary, batch);
  };
  // Small batches (a text file is one article) are written GROUP_ARTICLES at a time in one transaction,
  // each still as its own batch: one commit per file cost more than writing the file's article.
  const pending: Array<{ batch: Batch; analyzed: AnalyzedArticle[] }> = [];
  let pendingArticles = 0;
  let pendingSince = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const inputs = pending.map(({ batch, analyzed }) => ({ source: batch.source, analyzed, diagnostics: batch.diagnostics }));
    const outcomes = store.writeBatches && inputs.length > 1 ? store.writeBatches(inputs) : inputs.map((input) => store.writeBatch(input));
    const written = pending.splice(0);
    pendingArticles = 0;
    written.forEach(({ batch, analyzed }, i) => account(batch, analyzed, outcomes[i]));
  };
  const pipeline = lazyPipeline(options);
  for await (const raw of readInputs(paths, options)) {
    const batch = applyDate(raw, options.date);
    if (batch.articles.some((a) => pipeline.windowed?.(a))) {
      // A giant article: its batch alone in its own transaction, analysed after its row is written.
      flush();
      const deferred = deferredBatch(batch, pipeline);
      const outcome = store.writeBatch(deferred.input);
      account(batch, deferred.analyzed, outcome);
      continue;
    }
    const analyzed = batch.articles.map((a) => knownOrAnalyzed(store, pipeline, a));
    if (pending.length === 0) pendingSince = Date.now();
    pending.push({ batch, analyzed });
    pendingArticles += analyzed.length;
    if (!store.writeBatches || pendingArticles >= GROUP_ARTICLES || Date.now() - pendingSince >= GROUP_MS) flush();
  }
  flush();
  return summary;
}

export { dbLabel, isPostgresUrl, open } from './open.js';
