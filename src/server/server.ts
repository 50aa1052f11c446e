/**
 * `startServer`: opens the database (creating it when absent), a read connection for queries, and
 * serves the app on host:port (127.0.0.1 by default). Returns the URL and a close function, so
 * `npm start` can chain demo → serve and tests can bind port 0.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Server } from 'node:http';
import { open } from '../api/dateline.js';
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
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // Create and migrate the database once with a write connection; queries then use a read-only one.
  if (!existsSync(options.db)) open(options.db).close();
  else if (options.allowIngest) open(options.db).close();
  const store = open(options.db, { readonly: true });
  const workers = options.searchWorkers ?? Math.max(2, Math.min(4, availableParallelism()));
  const searchPool = workers > 0 ? new SearchPool(options.db, workers) : undefined;
  const host = options.host ?? DEFAULT_HOST;
  const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host) || host.startsWith('127.');
  const app = createApp({
    searchPool,
    allowedHosts: loopback ? ['127.0.0.1', 'localhost', '[::1]', host] : undefined,
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
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? DEFAULT_PORT, host, backlog: 4096 }, () => resolve(server.address() as AddressInfo));
  });
  // Under load the event loop can be busy for seconds; an idle keep-alive timer must not fire
  // before the next request already waiting on that socket is read (clients saw ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 300_000;
  server.maxRequestsPerSocket = 0;
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
