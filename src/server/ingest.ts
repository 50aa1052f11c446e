/**
 * Ingest by upload. The upload is read with the same readers and rules as `dateline ingest`
 * (parseBytes: decoding, format detection, per-record diagnostics), analysed by the default pipeline
 * on a worker thread of its own (ingest-worker.ts) under a time budget, so the server keeps answering,
 * and written in one transaction through its own write connection (the server's read connection sees
 * it once committed: WAL). One upload runs at a time.
 */
import { Worker } from 'node:worker_threads';
import type { InputFormat } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { AnalyzedArticle, Pipeline } from '../core/pipeline.js';
import { parseBytes } from '../ingest/read.js';
import { knownOrAnalyzed, open } from '../api/dateline.js';

export interface IngestStatus {
  running: boolean;
  file: string | null;
  analysed: number;
  total: number;
  startedAt: string | null;
}

export interface UploadResult {
  file: string;
  format: string;
  bytes: number;
  articles: number;
  inserted: string[];
  duplicates: string[];
  nearDuplicates: Array<{ id: string; of: string; similarity: number }>;
  errors: number;
  diagnostics: Diagnostic[];
  seconds: number;
}

export class IngestBusyError extends Error {}

/** Keeps only a plain file name: the upload's name is a label, never a path. */
export function uploadName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '').slice(0, 120);
  return clean || 'upload.txt';
}

/** What one upload needs, as plain data (it crosses to a worker thread). */
export interface UploadJob {
  bytes: Uint8Array;
  file: string;
  format?: InputFormat;
  maxBytes: number;
  dbPath: string;
}

/** Reads, analyses and writes one upload; `progress` after each article. Runs on the ingest worker. */
export async function ingestUpload(job: UploadJob, pipeline: Pipeline, progress: (analysed: number, total: number) => void): Promise<Omit<UploadResult, 'seconds'>> {
  const batch = parseBytes(job.bytes, job.file, { format: job.format, maxBytes: job.maxBytes });
  progress(0, batch.articles.length);
  const store = open(job.dbPath);
  const analyzed: AnalyzedArticle[] = [];
  let outcome;
  try {
    // Articles already stored (same content hash) are not analysed again: writeBatch only records the sighting.
    for (const article of batch.articles) {
      analyzed.push(knownOrAnalyzed(store, pipeline, article));
      progress(analyzed.length, batch.articles.length);
    }
    // One transaction: the articles, their layers, and their merged events and stories.
    outcome = store.writeBatch({ source: batch.source, analyzed, diagnostics: batch.diagnostics });
  } finally {
    store.close();
  }
  const diagnostics = [...batch.diagnostics, ...analyzed.flatMap((a) => a.diagnostics)];
  return {
    file: job.file,
    format: batch.source.format,
    bytes: job.bytes.length,
    articles: analyzed.length,
    ...outcome,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    diagnostics: diagnostics.slice(0, 1000),
  };
}

/** Minutes an upload may take before its worker is stopped (nothing of it is written then). */
export const UPLOAD_BUDGET_MS = 10 * 60 * 1000;

export class IngestRunner {
  private current: IngestStatus = { running: false, file: null, analysed: 0, total: 0, startedAt: null };

  constructor(
    private readonly dbPath: string,
    private readonly budgetMs = UPLOAD_BUDGET_MS,
  ) {}

  status(): IngestStatus {
    return { ...this.current };
  }

  /**
   * Runs an upload on its own worker thread (the models load there, on the first upload), so analysis
   * never blocks the server; past the budget the worker is terminated and the upload fails.
   */
  async run(bytes: Uint8Array, name: string, options: { format?: InputFormat; maxBytes: number }): Promise<UploadResult> {
    if (this.current.running) throw new IngestBusyError('an upload is already being ingested');
    const started = Date.now();
    const file = `upload/${uploadName(name)}`;
    this.current = { running: true, file, analysed: 0, total: 0, startedAt: new Date(started).toISOString() };
    try {
      const job: UploadJob = { bytes, file, format: options.format, maxBytes: options.maxBytes, dbPath: this.dbPath };
      const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)|^-[ep]$/.test(a));
      const worker = new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData: job, execArgv });
      const result = await new Promise<Omit<UploadResult, 'seconds'>>((resolve, reject) => {
        const timer = setTimeout(() => {
          void worker.terminate();
          reject(new Error(`the upload took longer than its ${Math.round(this.budgetMs / 1000)} s budget; nothing of it was stored`));
        }, this.budgetMs);
        worker.on('message', (m: { analysed?: number; total?: number; result?: Omit<UploadResult, 'seconds'>; error?: string }) => {
          if (m.result) {
            clearTimeout(timer);
            resolve(m.result);
          } else if (m.error !== undefined) {
            clearTimeout(timer);
            reject(new Error(m.error));
          } else {
            this.current.analysed = m.analysed ?? 0;
            this.current.total = m.total ?? 0;
          }
        });
        worker.on('error', (e) => {
          clearTimeout(timer);
          reject(e);
        });
        worker.on('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`the ingest worker exited (${code})`));
        });
      });
      return { ...result, seconds: (Date.now() - started) / 1000 };
    } finally {
      this.current = { ...this.current, running: false };
    }
  }
}
