/**
 * Ingest by upload. The upload is read with the same readers and rules as `dateline ingest`
 * (parseBytes: decoding, format detection, per-record diagnostics), analysed by the default pipeline
 * one article at a time with a yield between articles so the server keeps answering, and written in one
 * transaction through its own write connection (the server's read connection sees it once committed: WAL).
 * One upload runs at a time.
 */
import type { InputFormat } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { AnalyzedArticle, Pipeline } from '../core/pipeline.js';
import { parseBytes } from '../ingest/read.js';
import { openStore } from '../store/sqlite.js';
import { updateStories } from '../stories/store.js';

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

export class IngestRunner {
  private current: IngestStatus = { running: false, file: null, analysed: 0, total: 0, startedAt: null };

  constructor(
    private readonly dbPath: string,
    /** Loaded on the first upload, so a read-only server never loads the NLP models. */
    private readonly pipeline: () => Pipeline | Promise<Pipeline> = async () => (await import('../api/default-pipeline.js')).defaultPipeline(),
  ) {}

  status(): IngestStatus {
    return { ...this.current };
  }

  async run(bytes: Uint8Array, name: string, options: { format?: InputFormat; maxBytes: number }): Promise<UploadResult> {
    if (this.current.running) throw new IngestBusyError('an upload is already being ingested');
    const started = Date.now();
    const file = `upload/${uploadName(name)}`;
    this.current = { running: true, file, analysed: 0, total: 0, startedAt: new Date(started).toISOString() };
    try {
      const batch = parseBytes(bytes, file, { format: options.format, maxBytes: options.maxBytes });
      this.current.total = batch.articles.length;
      const pipeline = await this.pipeline();
      const analyzed: AnalyzedArticle[] = [];
      for (const article of batch.articles) {
        analyzed.push(pipeline.run(article));
        this.current.analysed++;
        await new Promise((r) => setImmediate(r));
      }
      const store = openStore(this.dbPath);
      let outcome;
      try {
        outcome = store.writeBatch({ source: batch.source, analyzed, diagnostics: batch.diagnostics });
        // As `dateline ingest` does: merge the new articles' events across sources and file them into stories.
        updateStories(store, analyzed, outcome.inserted);
      } finally {
        store.close();
      }
      const diagnostics = [...batch.diagnostics, ...analyzed.flatMap((a) => a.diagnostics)];
      return {
        file,
        format: batch.source.format,
        bytes: bytes.length,
        articles: analyzed.length,
        ...outcome,
        errors: diagnostics.filter((d) => d.severity === 'error').length,
        diagnostics: diagnostics.slice(0, 1000),
        seconds: (Date.now() - started) / 1000,
      };
    } finally {
      this.current = { ...this.current, running: false };
    }
  }
}
