/**
 * A synchronous PostgreSQL connection: `pg` is asynchronous, the Store and Queries ports are not, so
 * one worker thread holds the connection (sync-worker.ts) and the caller blocks on a shared flag
 * (Atomics.wait) until the answer is posted, then takes it with receiveMessageOnPort. The same port
 * then serves SQLite and PostgreSQL and every shell works unchanged on both; the cost is one thread
 * hop per call, so writes send a batch of statements per call (`many`).
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { DatelineError } from '../../core/errors.js';

/** How long one call may wait for the server before it is an error. */
const CALL_TIMEOUT_MS = 10 * 60_000;

export interface Op {
  sql: string;
  params?: unknown[];
}

export class PgError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'PgError';
  }
}

export class SyncPg {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(readonly url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./sync-worker.js', import.meta.url), {
      workerData: { url, flag: this.flag, port: port2 },
      transferList: [port2],
    });
    this.worker.unref();
    this.port.unref();
    // The first call waits for the connection; a server that cannot be reached fails it with a code.
    try {
      this.call([{ sql: 'SELECT 1' }]);
    } catch (error) {
      void this.worker.terminate();
      this.closed = true;
      throw new DatelineError('STORE_OPEN', { path: redact(url), reason: (error as Error).message }, { cause: error });
    }
  }

  private call(ops: Op[], close = false): unknown[][] {
    if (this.closed) throw new Error('PostgreSQL connection is closed');
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ ops, close });
    if (Atomics.wait(this.flag, 0, 0, CALL_TIMEOUT_MS) === 'timed-out') throw new PgError('PostgreSQL call timed out', undefined);
    const reply = receiveMessageOnPort(this.port)?.message as { results?: unknown[][]; error?: { message: string; code?: string } } | undefined;
    if (!reply) throw new PgError('PostgreSQL worker gave no answer', undefined);
    if (reply.error) throw new PgError(reply.error.message, reply.error.code);
    return reply.results ?? [];
  }

  /** Rows of one statement (`$1`… parameters). */
  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): T[] {
    return this.call([{ sql, params }])[0] as T[];
  }

  get<T = Record<string, unknown>>(sql: string, params: unknown[] = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** The first column of the first row. */
  value<T = unknown>(sql: string, params: unknown[] = []): T | undefined {
    const row = this.get<Record<string, unknown>>(sql, params);
    return row ? (Object.values(row)[0] as T) : undefined;
  }

  /** Several statements in one round trip, in order; rows of each. */
  many(ops: Op[]): unknown[][] {
    return ops.length ? this.call(ops) : [];
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call([], true);
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
  }
}

/** A connection string without its password (for messages). */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

export function isPostgresUrl(path: string): boolean {
  return /^postgres(ql)?:\/\//.test(path);
}
