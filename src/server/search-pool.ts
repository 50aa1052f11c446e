/**
 * Searches and facet counts on worker threads, each with its own read-only connection, so several
 * run at once (SQLite in WAL mode serves concurrent readers) while the main thread keeps answering
 * requests (`/api/health` among them) whatever a query costs.
 *
 * Every job has a time budget from the moment it arrives. The pool keeps one queue and gives a
 * worker one job at a time, so a job whose client has gone, or whose budget ran out while it
 * waited, never starts. A running job stops itself at its deadline (budget.ts); if it does not
 * (a query stuck before its first row) the pool terminates that worker shortly after and starts
 * another. Budget and overload failures are `PoolBusyError` (the route answers 503).
 */
import { Worker } from 'node:worker_threads';
import { SEARCH_BUDGET_MS } from '../api/search.js';
import type { Facets, PageArgs, Paged, SearchFilters, SearchResult } from '../store/queries.js';

export type PoolJob = { op: 'search'; query: string; filters: SearchFilters; page: PageArgs } | { op: 'facets'; query: string | undefined; filters: SearchFilters };

export type PoolResult<J extends PoolJob> = J extends { op: 'search' } ? Paged<SearchResult> : Facets;

/** What a worker posts back. */
export type WorkerReply = { id: number; ready?: false; result?: unknown; error?: { kind: 'query' | 'budget' | 'other'; message: string } } | { ready: true };

/** The job was refused or stopped for time or load: retry later or ask for less. */
export class PoolBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoolBusyError';
  }
}

/** The query itself was refused (a bound in store/query/limits.ts): the client must change it. */
export class PoolQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoolQueryError';
  }
}

export const POOL_DEFAULTS = {
  /** Milliseconds a job may take from arrival to answer. */
  budgetMs: SEARCH_BUDGET_MS,
  /** Extra milliseconds a running job gets to stop itself before its worker is terminated. */
  graceMs: 500,
  /** Jobs waiting for a worker; more are refused at once. */
  maxQueue: 256,
};

interface Job {
  id: number;
  job: PoolJob;
  deadline: number;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  slot?: Slot;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running: Job | null;
  /** Terminated by the pool: its exit is expected, not a failure. */
  retired: boolean;
}

export class SearchPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers terminated for overrunning that have not exited yet (their thread may still be busy). */
  private stopping = 0;
  /** False once a worker failed to start: the caller then searches inline (no respawn loop). */
  healthy = true;
  readonly budgetMs: number;
  private readonly graceMs: number;
  private readonly maxQueue: number;

  constructor(
    private readonly dbPath: string,
    readonly size: number,
    options: Partial<typeof POOL_DEFAULTS> = {},
  ) {
    this.budgetMs = options.budgetMs ?? POOL_DEFAULTS.budgetMs;
    this.graceMs = options.graceMs ?? POOL_DEFAULTS.graceMs;
    this.maxQueue = options.maxQueue ?? POOL_DEFAULTS.maxQueue;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // Not the parent's flags: `--input-type` or `--eval` would stop the worker module from loading.
    const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)|^-[ep]$/.test(a));
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), { workerData: { dbPath: this.dbPath }, execArgv });
    const slot: Slot = { worker, ready: false, running: null, retired: false };
    worker.on('message', (m: WorkerReply) => {
      if (m.ready) {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.running;
      if (!job || job.id !== m.id) return;
      slot.running = null;
      this.settle(job);
      if (!m.error) job.resolve(m.result);
      else if (m.error.kind === 'query') job.reject(new PoolQueryError(m.error.message));
      else if (m.error.kind === 'budget') job.reject(new PoolBusyError(`the query took longer than its ${this.budgetMs} ms budget; narrow it`));
      else job.reject(new Error(m.error.message));
      this.pump();
    });
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      const job = slot.running;
      slot.running = null;
      if (job) {
        this.settle(job);
        job.reject(error);
      }
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      if (this.closed || !this.healthy) return;
      if (!slot.ready) {
        this.healthy = false;
        console.error(`dateline serve: search workers cannot start (${error.message}); searching on the main thread`);
        for (const waiting of this.queue.splice(0)) {
          this.settle(waiting);
          waiting.reject(new PoolBusyError('search workers are not available'));
        }
        return;
      }
      this.slots[i] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`search worker exited (${code})`)));
    worker.unref();
    return slot;
  }

  /** Runs a job on a worker; rejects with PoolBusyError past its budget or when the queue is full. */
  run<J extends PoolJob>(job: J, signal?: AbortSignal): Promise<PoolResult<J>> {
    if (this.closed) return Promise.reject(new PoolBusyError('the server is stopping'));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new PoolBusyError('too many searches are waiting; retry shortly'));
    if (signal?.aborted) return Promise.reject(new PoolBusyError('the client went away'));
    return new Promise((resolve, reject) => {
      const entry: Job = { id: this.nextId++, job, deadline: Date.now() + this.budgetMs, resolve: resolve as (r: unknown) => void, reject, signal };
      // Not unref'd: a pending job keeps the process alive (the workers themselves are unref'd).
      entry.timer = setTimeout(() => this.overrun(entry), this.budgetMs + this.graceMs);
      if (signal) {
        entry.onAbort = () => this.cancel(entry, new PoolBusyError('the client went away'));
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this.queue.push(entry);
      this.pump();
    });
  }

  /** Back-compatible name for a search job. */
  search(job: Omit<Extract<PoolJob, { op: 'search' }>, 'op'>, signal?: AbortSignal): Promise<Paged<SearchResult>> {
    return this.run({ op: 'search', ...job }, signal);
  }

  private settle(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.running) continue;
      let job = this.queue.shift();
      while (job && Date.now() >= job.deadline) {
        this.settle(job);
        job.reject(new PoolBusyError(`the search waited past its ${this.budgetMs} ms budget; the server is busy, retry shortly`));
        job = this.queue.shift();
      }
      if (!job) return;
      slot.running = job;
      job.slot = slot;
      slot.worker.postMessage({ id: job.id, deadline: job.deadline, budgetMs: this.budgetMs, job: job.job });
    }
  }

  /** A client left or a job overran: drop it from the queue, or stop the worker running it. */
  private cancel(job: Job, error: Error): void {
    this.settle(job);
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (job.slot && job.slot.running === job) this.replace(job.slot);
    job.reject(error);
  }

  private overrun(job: Job): void {
    this.cancel(job, new PoolBusyError(`the query took longer than its ${this.budgetMs} ms budget; narrow it`));
  }

  /** Terminates a busy worker and starts a fresh one (at most `size` may still be winding down). */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    slot.running = null;
    slot.retired = true;
    slot.ready = false;
    this.stopping++;
    const ended = slot.worker.terminate().finally(() => this.stopping--);
    if (this.stopping <= this.size) {
      this.slots[i] = this.spawn();
      return;
    }
    // Too many terminated threads may still be burning CPU in SQLite: wait for this one first.
    void ended.then(() => {
      if (!this.closed && this.slots[i] === slot) this.slots[i] = this.spawn();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      this.settle(job);
      job.reject(new PoolBusyError('the server is stopping'));
    }
    // A thread stuck in SQLite exits only when SQLite returns; do not make shutdown wait for it.
    const stopped = Promise.all(this.slots.map((s) => s.worker.terminate()));
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 1000).unref())]);
  }
}
