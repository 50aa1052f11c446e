/**
 * A time budget for one query, enforced inside SQLite: statements that pass `budgetClause(db)` in
 * their WHERE call `dateline_budget()` on every row they consider, and it throws once the deadline
 * has passed, so a query that walks too many rows stops where it is. (better-sqlite3 has no
 * sqlite3_interrupt; a query stuck before its first row is stopped by the pool terminating the
 * worker, see search-pool.ts.)
 */
import { BUDGET_MESSAGE, BudgetError } from '../queries.js';
import type { DB } from './sql.js';

const armed = new WeakSet<DB>();
let deadline = Infinity;
let budgetMs = 0;

function install(db: DB): void {
  if (armed.has(db)) return;
  db.function('dateline_budget', { deterministic: false }, () => {
    if (Date.now() > deadline) throw new BudgetError(budgetMs);
    return 1;
  });
  armed.add(db);
}

/** ` AND dateline_budget()` on a connection that runs budgeted queries, else nothing. */
export function budgetClause(db: DB): string {
  return armed.has(db) ? ' AND dateline_budget()' : '';
}

/** Runs `work` with statements on `db` stopped after `ms` milliseconds (BudgetError). */
export function withBudget<T>(db: DB, ms: number, work: () => T): T {
  install(db);
  const before = [deadline, budgetMs] as const;
  deadline = Date.now() + ms;
  budgetMs = ms;
  try {
    return work();
  } catch (error) {
    // SQLite wraps the function's exception; keep its kind for the caller.
    if (error instanceof Error && !(error instanceof BudgetError) && error.message.includes(BUDGET_MESSAGE)) throw new BudgetError(ms);
    throw error;
  } finally {
    [deadline, budgetMs] = before;
  }
}
