/**
 * `startServer`: opens the database (creating it when absent), a read connection for queries, and
 * serves the app on host:port (127.0.0.1 by default). Returns the URL and a close function, so
 * `npm start` can chain demo → serve and tests can bind port 0.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, hostname, networkInterfaces } from 'node:os';
import { DatelineError } from '../core/errors.js';
import { MIN_TOKEN_LENGTH, TOKEN_ENV } from './auth.js';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Server } from 'node:http';
import { isPostgresUrl, open } from '../api/dateline.js';
import { crossEntities } from '../api/entities.js';
import { createApp } from './app.js';
import { SearchPool } from './search-pool.js';
import type { RateLimitOptions } from './ratelimit.js';

export interface ServeOptions {
  db: string;
  port?: number;
  host?: string;
  allowIngest?: boolean;
  maxUploadBytes?: number;
  rateLimit?: RateLimitOptions | false;
  /** Search worker threads (default: one per CPU, 2…4; 0 searches on the main thread). */
  searchWorkers?: number;
  /** Milliseconds a search or facet count may take (default 2000); over it the API answers 503. */
  searchBudgetMs?: number;
  /** Required to bind beyond loopback (auth.ts); every write needs it, and every read unless `openReads`. */
  token?: string;
  openReads?: boolean;
  /** More names the Host header may carry when bound beyond loopback (a DNS name of this machine). */
  allowHosts?: string[];
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export function isLoopback(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host) || host.startsWith('127.');
}

/** Names a client may use for this machine when it is bound to `host` beyond loopback. */
function reachableNames(host: string, extra: string[]): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', hostname().toLowerCase(), ...extra.map((h) => h.toLowerCase())]);
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  if (!wildcard) names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  else {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  }
  return [...names];
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const loopback = isLoopback(host);
  if (!loopback && options.token === undefined) {
    throw new DatelineError('USAGE', { message: `serving on ${host} (beyond this machine) needs a token: --token <secret> or ${TOKEN_ENV}=<secret>` });
  }
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) {
    throw new DatelineError('USAGE', { message: `the token must be at least ${MIN_TOKEN_LENGTH} characters` });
  }
  // Create and migrate the database once with a write connection; queries then use a read-only one.
  if (isPostgresUrl(options.db) || !existsSync(options.db)) open(options.db).close();
  else if (options.allowIngest) open(options.db).close();
  const store = open(options.db, { readonly: true });
  const workers = options.searchWorkers ?? Math.max(2, Math.min(4, availableParallelism()));
  const searchPool = workers > 0 ? new SearchPool(options.db, workers, { budgetMs: options.searchBudgetMs }) : undefined;
  const app = createApp({
    searchPool,
    allowedHosts: loopback ? ['127.0.0.1', 'localhost', '[::1]', host] : reachableNames(host, options.allowHosts ?? []),
    token: options.token,
    openReads: options.openReads,
    store,
    dbPath: options.db,
    allowIngest: options.allowIngest,
    maxUploadBytes: options.maxUploadBytes,
    rateLimit: options.rateLimit,
    clientKey: (c) => {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'unknown';
      }
    },
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // A deep accept queue: a thousand clients connecting at once while the loop is busy must wait, not be dropped.
  const port = options.port ?? DEFAULT_PORT;
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: 4096 }, () => resolve(server.address() as AddressInfo));
  }).catch(async (error: NodeJS.ErrnoException) => {
    store.close();
    await searchPool?.close();
    const reason =
      error.code === 'EADDRINUSE' ? 'the port is in use (another dateline serve? pick one with --port)' : error.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : error.code === 'EADDRNOTAVAIL' ? 'no such address on this machine' : error.message;
    throw new DatelineError('SERVE_LISTEN', { address: `${host}:${port}`, reason });
  });
  // Under load the event loop can be busy for seconds; an idle keep-alive timer must not fire
  // before the next request already waiting on that socket is read (clients saw ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 300_000;
  server.maxRequestsPerSocket = 0;
  // Cluster the store's entities now rather than on the first Entities page (0.7 s on 3,300 articles; cached until a write).
  setImmediate(() => {
    try {
      crossEntities(store);
    } catch {
      // The entities route reports the same failure when it is asked.
    }
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${info.port}/`,
    port: info.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          void (searchPool?.close() ?? Promise.resolve()).then(() => resolve());
        });
        server.closeAllConnections();
      }),
  };
}
