/**
 * The hono app: the route table (routes.ts) turned into handlers with parameter checking, plus the
 * OpenAPI document, the web UI's static files, security headers, a per-client rate limit and body limits.
 * `app.request()` drives it without a socket (tests); server.ts puts it on one.
 */
import { periodBound } from '../api/event-table.js';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CALENDAR_DATE, isCalendarDate } from '../api/dates.js';
import type { ReadStore } from '../store/queries.js';
import { presentedToken, sameToken, tokenLogin } from './auth.js';
import { IngestRunner } from './ingest.js';
import { openApiDocument } from './openapi.js';
import { DEFAULT_RATE_LIMIT, TokenBuckets, type RateLimitOptions } from './ratelimit.js';
import type { SearchPool } from './search-pool.js';
import { ApiError, ROUTES, pathParams, type AnyRoute, type RouteContext } from './routes.js';
import type { JsonSchema } from './schema.js';
import { WEB_ROOT, readStatic, readVendor, type StaticFile } from './static.js';

export interface AppOptions {
  /** The read connection every query goes through. */
  store: ReadStore;
  /** The database file, for the ingest write connection. */
  dbPath: string;
  allowIngest?: boolean;
  /** Largest upload accepted, bytes (default 32 MiB). */
  maxUploadBytes?: number;
  /** Per-client token bucket; false turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** The client's key for rate limiting (the peer address); tests inject one. */
  clientKey?: (c: Context) => string;
  webRoot?: string;
  /** Runs an upload; defaults to the default pipeline writing to dbPath. */
  ingest?: IngestRunner;
  /** Worker threads for search (server.ts starts them); searches run inline without. */
  searchPool?: SearchPool;
  /**
   * Host names the Host header may carry (server.ts sets the loopback names when bound to loopback),
   * so a page on another site cannot reach this server by rebinding its DNS name to 127.0.0.1.
   */
  allowedHosts?: string[];
  /** When set, requests must present it (auth.ts): every write, and every read unless `openReads`. */
  token?: string;
  openReads?: boolean;
}

function hostname(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

export const DEFAULT_MAX_UPLOAD = 32 * 1024 * 1024;
const MAX_PARAM_LENGTH = 2000;

/** Content-Security-Policy: only our own scripts, styles and data; no inline script, no framing. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Turns a raw parameter into its declared type, or throws BAD_PARAM naming it. */
export function parseParam(name: string, raw: string | undefined, schema: JsonSchema, required: boolean, fallback: unknown): unknown {
  if (raw === undefined || raw === '') {
    if (required) throw new ApiError(400, 'BAD_PARAM', `parameter '${name}' is required`);
    return fallback;
  }
  if (raw.length > MAX_PARAM_LENGTH) throw new ApiError(400, 'BAD_PARAM', `parameter '${name}' is too long`);
  const bad = (why: string) => new ApiError(400, 'BAD_PARAM', `parameter '${name}' ${why}, got '${raw.slice(0, 80)}'`);
  switch (schema.type) {
    case 'integer': {
      if (/^-?\d{16,}$/.test(raw)) throw bad(`must be ≤ ${typeof schema.maximum === 'number' ? schema.maximum : '999999999999999'}`);
      if (!/^-?\d{1,15}$/.test(raw)) throw bad('must be an integer');
      const n = Number(raw);
      if (typeof schema.minimum === 'number' && n < schema.minimum) throw bad(`must be ≥ ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && n > schema.maximum) throw bad(`must be ≤ ${schema.maximum}`);
      return n;
    }
    case 'number': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw bad('must be a number');
      return n;
    }
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw bad('must be true or false');
    default:
      if (Array.isArray(schema.enum) && !schema.enum.includes(raw)) throw bad(`must be one of ${schema.enum.join('|')}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(raw)) throw bad(`must match ${schema.pattern}`);
      if (schema.format === CALENDAR_DATE && !isCalendarDate(raw)) throw bad('is not a calendar date');
      return raw;
  }
}

function readValues(c: Context, r: AnyRoute): Record<string, unknown> {
  const inPath = new Set(pathParams(r.path));
  const query = c.req.queries();
  for (const key of Object.keys(query)) {
    if (!(key in r.params) || inPath.has(key)) throw new ApiError(400, 'BAD_PARAM', `unknown parameter '${key}' for ${r.method} ${r.path}`);
    if (query[key].length > 1) throw new ApiError(400, 'BAD_PARAM', `parameter '${key}' given more than once`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(r.params)) {
    const raw = inPath.has(name) ? c.req.param(name) : c.req.query(name);
    values[name] = parseParam(name, raw, p.schema.json, inPath.has(name) || Boolean(p.required), p.default);
    // A month or year bound means the whole period: `to=2011-02` is the 28th, not before the 1st.
    const v = values[name];
    if (typeof v === 'string' && p.schema.json.format === CALENDAR_DATE && (name === 'from' || name === 'to')) values[name] = periodBound(v, name === 'to');
  }
  return values;
}

function fileResponse(c: Context, file: StaticFile | null, cache: string): Response {
  if (!file) throw new ApiError(404, 'NOT_FOUND', 'no such file');
  return c.body(new Uint8Array(file.body), 200, { 'content-type': file.type, 'cache-control': cache });
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const allowIngest = options.allowIngest ?? false;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const webRoot = options.webRoot ?? WEB_ROOT;
  const ingest = allowIngest ? (options.ingest ?? new IngestRunner(options.dbPath)) : null;
  const buckets = options.rateLimit === false ? null : new TokenBuckets(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const clientKey = options.clientKey ?? (() => 'local');
  const document = openApiDocument();

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.status === 429) c.header('retry-after', error.message.replace(/\D/g, '') || '1');
      if (error.status === 503) c.header('retry-after', '1');
      return c.json(errorBody(error.code, error.message), error.status);
    }
    console.error('dateline serve:', error);
    return c.json(errorBody('INTERNAL', 'internal error'), 500);
  });
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));

  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : null;
  app.use('*', async (c, next) => {
    if (allowedHosts && !allowedHosts.has(hostname(c.req.header('host') ?? ''))) {
      return c.json(errorBody('BAD_HOST', `this server answers to ${[...allowedHosts].join(', ')} only`), 403);
    }
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    if (options.token !== undefined) {
      const login = tokenLogin(c, options.token);
      if (login) return login;
      if ((write || !options.openReads) && !sameToken(presentedToken(c), options.token)) {
        c.header('www-authenticate', 'Bearer');
        return c.json(errorBody('UNAUTHORIZED', 'this server needs its token: Authorization: Bearer <token>, or open /?token=<token> once'), 401);
      }
    }
    // A write from a page on another origin (a form posted cross-site) is refused.
    if (write) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      let sameOrigin = true;
      if (origin !== undefined) {
        try {
          sameOrigin = new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
        } catch {
          sameOrigin = false;
        }
      }
      if (!sameOrigin || site === 'cross-site') return c.json(errorBody('CROSS_ORIGIN', 'cross-origin writes are refused'), 403);
    }
    if (buckets) {
      const wait = buckets.take(clientKey(c));
      if (wait > 0) {
        c.header('retry-after', String(wait));
        return c.json(errorBody('RATE_LIMITED', `too many requests; retry in ${wait} s`), 429);
      }
    }
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    c.header('content-security-policy', CSP);
    c.header('cross-origin-resource-policy', 'same-origin');
  });

  app.post(
    '/api/*',
    bodyLimit({
      maxSize: maxUploadBytes,
      onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', `the upload is over the ${maxUploadBytes}-byte limit`), 413),
    }),
  );

  const byPath = new Map<string, AnyRoute[]>();
  for (const r of ROUTES) {
    const ctx = (c: Context): RouteContext => ({ store: options.store, c, ingest, searchPool: options.searchPool ?? null, options: { allowIngest, maxUploadBytes, dbPath: options.dbPath } });
    const handler = async (c: Context) => {
      const values = readValues(c, r);
      const result = await r.handler(ctx(c), values);
      if (result instanceof Response) return result;
      return c.json(result as object);
    };
    if (r.method === 'GET') app.get(r.path, handler);
    else app.post(r.path, handler);
    byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  }
  for (const [path, routes] of byPath) {
    app.all(path, (c) => {
      c.header('allow', routes.map((r) => r.method).join(', '));
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${path}; use ${routes.map((r) => r.method).join(' or ')}`);
    });
  }

  app.get('/openapi.json', (c) => c.json(document));
  app.get('/', (c) => fileResponse(c, readStatic(webRoot, 'index.html'), 'no-cache'));
  app.get('/static/*', (c) => {
    const raw = new URL(c.req.url).pathname.slice('/static/'.length);
    return fileResponse(c, readStatic(webRoot, raw), 'no-cache');
  });
  app.get('/vendor/:name', (c) => fileResponse(c, readVendor(c.req.param('name')), 'public, max-age=86400'));
  return app;
}
