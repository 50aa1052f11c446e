/**
 * Distributed ingest on a real queue (pg-boss 10, in the same PostgreSQL database as the store):
 * `enqueue` reads the inputs (files, folders, records) and sends one job per chunk of articles;
 * `work` fetches jobs one at a time, analyses the articles the store does not hold yet and writes
 * them with the job id as the batch key, in one transaction (PgStore.writeBatch). Any number of
 * workers on any number of machines can share one database: analysis runs in parallel, writes are
 * serialised by the store's advisory lock. A worker killed mid-job leaves its transaction rolled back
 * and its job active until it expires (`jobTimeoutSeconds`); another worker's maintenance then
 * retries it, and the batch key makes a retry of an already-committed job write nothing again.
 * Jobs are written in the order they were queued (each waits for the one before), so the stories
 * filed are those one `dateline ingest` of the same inputs files, however many workers ran.
 */
import { splitPieces } from '../core/words.js';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { DatelineError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { readInputs } from '../ingest/read.js';
import type { StoredSource } from '../store/store.js';
import { applyDate, isPostgresUrl, knownOrAnalyzed, open, type AnalyzeOptions } from './dateline.js';
import { defaultPipeline } from './default-pipeline.js';

export const INGEST_QUEUE = 'dateline-ingest';
/** Articles per job: small enough that workers share a large file, large enough that the queue is not the cost. */
export const ARTICLES_PER_JOB = 8;

export interface IngestJob {
  /** The enqueue run and the job's place in it: workers write a run's jobs in this order (BatchInput.sequence). */
  sequence: { run: string; index: number; maxWaitMs: number };
  source: StoredSource;
  articles: Article[];
  diagnostics: Diagnostic[];
}

export interface EnqueueOptions extends AnalyzeOptions {
  /** Seconds a job may stay active before it counts as failed and is retried (a killed worker). */
  jobTimeoutSeconds?: number;
  retryLimit?: number;
}

function requirePostgres(url: string): void {
  if (!isPostgresUrl(url)) throw new DatelineError('USAGE', { message: 'the ingest queue needs a PostgreSQL database: --db postgres://… (or DATELINE_DB)' });
}

async function startBoss(url: string, extra: Partial<PgBoss.ConstructorOptions> = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 2, ...extra });
  boss.on('error', (error: Error) => console.error(`queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(INGEST_QUEUE);
  return boss;
}

/** Reads the inputs and queues them as jobs; returns the jobs and articles queued. */
export async function enqueue(url: string, paths: string[], options: EnqueueOptions = {}): Promise<{ jobs: number; articles: number; diagnostics: Diagnostic[] }> {
  requirePostgres(url);
  // The store's schema first, so workers and the queue share a ready database.
  open(url).close();
  const boss = await startBoss(url, { supervise: false });
  let jobs = 0;
  let articles = 0;
  const run = randomUUID();
  const timeout = options.jobTimeoutSeconds ?? 600;
  const diagnostics: Diagnostic[] = [];
  try {
    for await (const raw of readInputs(paths, options)) {
      const batch = applyDate(raw, options.date);
      diagnostics.push(...batch.diagnostics);
      const chunks: Article[][] = [];
      for (let i = 0; i < batch.articles.length; i += ARTICLES_PER_JOB) chunks.push(batch.articles.slice(i, i + ARTICLES_PER_JOB));
      if (chunks.length === 0) chunks.push([]);
      const sent = chunks.map((chunk, i) => ({
        name: INGEST_QUEUE,
        data: {
          sequence: { run, index: jobs + i, maxWaitMs: timeout * 1000 },
          source: { ...batch.source, raw: chunks.length === 1 ? batch.source.raw : null },
          articles: chunk,
          diagnostics: i === 0 ? batch.diagnostics : [],
        } satisfies IngestJob,
        retryLimit: options.retryLimit ?? 5,
        retryDelay: 0,
        expireInSeconds: timeout,
      }));
      await boss.insert(sent);
      jobs += sent.length;
      articles += batch.articles.length;
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return { jobs, articles, diagnostics };
}

export interface WorkOptions {
  pipeline?: Pipeline;
  /** Stop when the queue has nothing queued or active (else wait for more work until `signal`). */
  untilEmpty?: boolean;
  /** Seconds between checks for expired jobs of killed workers (pg-boss maintenance). */
  maintenanceSeconds?: number;
  pollMs?: number;
  signal?: AbortSignal;
  onJob?: (done: WorkSummary) => void;
  /** Test seam: called inside the write transaction after each article row (crash tests). */
  afterArticleWrite?: (id: string) => void;
}

export interface WorkSummary {
  jobs: number;
  inserted: number;
  duplicates: number;
  words: number;
  failed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Processes queued ingest jobs against the store in the same database. */
export async function work(url: string, options: WorkOptions = {}): Promise<WorkSummary> {
  requirePostgres(url);
  const store = open(url, { afterArticleWrite: options.afterArticleWrite });
  const boss = await startBoss(url, { supervise: true, maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30 });
  let pipeline = options.pipeline;
  const summary: WorkSummary = { jobs: 0, inserted: 0, duplicates: 0, words: 0, failed: 0 };
  try {
    while (!options.signal?.aborted) {
      const [job] = await boss.fetch<IngestJob>(INGEST_QUEUE, { batchSize: 1 });
      if (!job) {
        if (options.untilEmpty && (await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) === 0) break;
        await sleep(options.pollMs ?? 500);
        continue;
      }
      try {
        const { sequence, source, articles, diagnostics } = job.data;
        const analyzed = articles.map((a) => knownOrAnalyzed(store, (pipeline ??= defaultPipeline()), a));
        const outcome = store.writeBatch({ key: job.id, sequence, source, analyzed, diagnostics });
        await boss.complete(INGEST_QUEUE, job.id);
        summary.jobs++;
        summary.inserted += outcome.inserted.length;
        summary.duplicates += outcome.duplicates.length;
        for (const a of analyzed) if (outcome.inserted.includes(a.article.id)) summary.words += splitPieces(a.article.text);
      } catch (error) {
        summary.failed++;
        await boss.fail(INGEST_QUEUE, job.id, { message: (error as Error).message });
      }
      options.onJob?.(summary);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
    store.close();
  }
  return summary;
}
