/** The route table's building blocks: API errors, typed parameters, the route spec and its registration helper. */
import type { Context } from 'hono';
import type { ReadStore } from '../store/queries.js';
import type { IngestRunner } from './ingest.js';
import type { SearchPool } from './search-pool.js';
import { s, type Schema } from './schema.js';

// ---------------------------------------------------------------- errors

export const ERROR_CODES = [
  'BAD_PARAM',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'INGEST_DISABLED',
  'INGEST_BUSY',
  'BAD_BODY',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'BAD_HOST',
  'CROSS_ORIGIN',
  'BAD_QUERY',
  'QUERY_BUDGET',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429 | 500 | 503,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const ErrorSchema = s.ref(
  'Error',
  s.object({ error: s.object({ code: s.string({ enum: ERROR_CODES }), message: s.string() }) }, { description: 'Every error answers in this shape.' }),
);

// ---------------------------------------------------------------- parameters

export interface Param<T, D extends boolean> {
  schema: Schema<T>;
  description: string;
  required?: boolean;
  default?: T;
  /** Type-level marker: the value is always present after parsing. */
  readonly _present?: D;
}

export const param = {
  opt<T>(schema: Schema<T>, description: string): Param<T, false> {
    return { schema, description };
  },
  def<T>(schema: Schema<T>, description: string, value: T): Param<T, true> {
    return { schema, description, default: value };
  },
  req<T>(schema: Schema<T>, description: string): Param<T, true> {
    return { schema, description, required: true };
  },
};

export type Params = Record<string, Param<unknown, boolean>>;
export type Values<P extends Params> = { [K in keyof P]: P[K] extends Param<infer T, infer D> ? (D extends true ? T : T | undefined) : never };

export interface RouteContext {
  store: ReadStore;
  c: Context;
  ingest: IngestRunner | null;
  /** Worker threads for full-text search, when the server runs them; else searches run inline. */
  searchPool: SearchPool | null;
  options: { allowIngest: boolean; maxUploadBytes: number; dbPath: string };
}

export interface RouteSpec<P extends Params, R> {
  method: 'GET' | 'POST';
  /** hono syntax: `/api/articles/:id`; `:name` parameters must be declared in `params`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params: P;
  /** Request body, for POST routes. */
  body?: { description: string; contentTypes: string[] };
  response: Schema<R>;
  /** Response media type (default application/json); a download sets its own. */
  contentType?: string;
  handler: (ctx: RouteContext, values: Values<P>) => R | Response | Promise<R | Response>;
}

export interface AnyRoute {
  method: 'GET' | 'POST';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params: Params;
  body?: { description: string; contentTypes: string[] };
  response: Schema<unknown>;
  contentType?: string;
  handler: (ctx: RouteContext, values: Record<string, unknown>) => unknown;
}

export function route<P extends Params, R>(spec: RouteSpec<P, R>): AnyRoute {
  return spec as unknown as AnyRoute;
}

export function pathParams(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
}
