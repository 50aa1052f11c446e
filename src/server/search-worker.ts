/** A search worker (see search-pool.ts): one read-only connection, one search at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/sqlite.js';
import { search } from './queries.js';
import type { SearchJob } from './search-pool.js';

const store = openStore((workerData as { dbPath: string }).dbPath, { readonly: true });
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (m: SearchJob & { id: number }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: search(store, m.query, m.filters, m.page) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});
