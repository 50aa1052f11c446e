/**
 * Searches on worker threads, each with its own read-only connection, so several run at once (SQLite
 * in WAL mode serves concurrent readers) while the main thread keeps parsing requests and writing
 * responses. Requests go to the least busy worker. A worker that dies is replaced; its pending searches
 * fail with an error (the route answers 500) rather than hanging.
 */
import { Worker } from 'node:worker_threads';
import type { PageArgs, Paged, SearchFilters, SearchResult } from './queries.js';

export interface SearchJob {
  query: string;
  filters: SearchFilters;
  page: PageArgs;
}

interface Pending {
  resolve: (r: Paged<SearchResult>) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: boolean;
}

export class SearchPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  /** False once a worker failed to start: the caller then searches inline (no respawn loop). */
  healthy = true;

  constructor(
    private readonly dbPath: string,
    readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // Not the parent's flags: `--input-type` or `--eval` would stop the worker module from loading.
    const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)|^-[ep]$/.test(a));
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), { workerData: { dbPath: this.dbPath }, execArgv });
    const slot: Slot = { worker, pending: new Map(), ready: false };
    worker.on('message', (m: { id: number; ready?: boolean; result?: Paged<SearchResult>; error?: string }) => {
      if (m.ready) {
        slot.ready = true;
        return;
      }
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    });
    const fail = (error: Error) => {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      if (this.closed || !this.healthy) return;
      if (!slot.ready) {
        this.healthy = false;
        console.error(`dateline serve: search workers cannot start (${error.message}); searching on the main thread`);
        return;
      }
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`search worker exited (${code})`)));
    worker.unref();
    return slot;
  }

  search(job: SearchJob): Promise<Paged<SearchResult>> {
    if (this.closed) return Promise.reject(new Error('search pool closed'));
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ...job });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
