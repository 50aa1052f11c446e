/**
 * Runs a search or facet job for a route: on the worker pool when there is one (cancelled when the
 * client goes), else inline under the same time budget. Refused queries answer 400 BAD_QUERY,
 * budget and overload 503 QUERY_BUDGET.
 */
import { QueryError } from '../store/query/parse.js';
import { facets, search } from '../api/search.js';
import { BudgetError } from '../store/queries.js';
import { POOL_DEFAULTS, PoolBusyError, PoolQueryError, type PoolJob, type PoolResult } from './search-pool.js';
import { ApiError, type RouteContext } from './route-kit.js';

function asApiError(error: unknown): unknown {
  if (error instanceof QueryError || error instanceof PoolQueryError) return new ApiError(400, 'BAD_QUERY', error.message);
  if (error instanceof PoolBusyError) return new ApiError(503, 'QUERY_BUDGET', error.message);
  if (error instanceof BudgetError) return new ApiError(503, 'QUERY_BUDGET', `the query took longer than its budget; narrow it`);
  return error;
}

export async function runQuery<J extends PoolJob>(ctx: Pick<RouteContext, 'store' | 'searchPool' | 'c'>, job: J): Promise<PoolResult<J>> {
  try {
    if (ctx.searchPool?.healthy) return await ctx.searchPool.run(job, ctx.c.req.raw.signal);
    const ms = ctx.searchPool?.budgetMs ?? POOL_DEFAULTS.budgetMs;
    return (job.op === 'search' ? search(ctx.store, job.query, job.filters, job.page, ms) : facets(ctx.store, job.query, job.filters, ms)) as PoolResult<J>;
  } catch (error) {
    throw asApiError(error);
  }
}
