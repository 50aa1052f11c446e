/** A search worker (see search-pool.ts): one read-only connection, one job at a time, each within its budget. */
import { parentPort, workerData } from 'node:worker_threads';
import { open } from '../api/open.js';
import { QueryError } from '../store/query/parse.js';
import { facets, search } from '../api/search.js';
import { BudgetError } from '../store/queries.js';
import type { PoolJob, WorkerReply } from './search-pool.js';

const store = open((workerData as { dbPath: string }).dbPath, { readonly: true });
const reply = (m: WorkerReply) => parentPort!.postMessage(m);
reply({ ready: true });

parentPort!.on('message', (m: { id: number; deadline: number; budgetMs: number; job: PoolJob }) => {
  try {
    const left = Math.max(1, m.deadline - Date.now());
    const result = m.job.op === 'search' ? search(store, m.job.query, m.job.filters, m.job.page, left) : facets(store, m.job.query, m.job.filters, left);
    reply({ id: m.id, result });
  } catch (error) {
    const kind = error instanceof QueryError ? 'query' : error instanceof BudgetError ? 'budget' : 'other';
    reply({ id: m.id, error: { kind, message: error instanceof Error ? error.message : String(error) } });
  }
});
