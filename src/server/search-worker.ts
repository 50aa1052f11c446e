/** A search worker (see search-pool.ts): one read-only connection, one job at a time, each within its budget. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/sqlite.js';
import { QueryError } from '../store/query/parse.js';
import { BudgetError, withBudget } from './budget.js';
import { facets, search } from './queries.js';
import type { PoolJob, WorkerReply } from './search-pool.js';

const store = openStore((workerData as { dbPath: string }).dbPath, { readonly: true });
const reply = (m: WorkerReply) => parentPort!.postMessage(m);
reply({ ready: true });

parentPort!.on('message', (m: { id: number; deadline: number; budgetMs: number; job: PoolJob }) => {
  try {
    const left = Math.max(1, m.deadline - Date.now());
    const result = withBudget(store.database, left, () =>
      m.job.op === 'search' ? search(store, m.job.query, m.job.filters, m.job.page) : facets(store, m.job.query, m.job.filters),
    );
    reply({ id: m.id, result });
  } catch (error) {
    const kind = error instanceof QueryError ? 'query' : error instanceof BudgetError ? 'budget' : 'other';
    reply({ id: m.id, error: { kind, message: error instanceof Error ? error.message : String(error) } });
  }
});
