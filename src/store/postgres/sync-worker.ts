/**
 * The worker thread behind SyncPg (sync-client.ts): holds one `pg` connection, runs each request's
 * statements in order and posts the answer back, then wakes the waiting caller through the shared flag.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';

interface Request {
  ops: Array<{ sql: string; params?: unknown[] }>;
  close?: boolean;
}

const { url, flag, port } = workerData as { url: string; flag: Int32Array; port: MessagePort };
// bigint counts and sums come back as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const client = new pg.Client({ connectionString: url });
const ready = client.connect().then(
  () => null,
  (error: Error) => error,
);

function answer(message: unknown): void {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on('message', (req: Request) => {
  void (async () => {
    const failed = await ready;
    if (failed) return answer({ error: { message: failed.message, code: (failed as { code?: string }).code } });
    if (req.close) {
      await client.end().catch(() => undefined);
      return answer({ results: [] });
    }
    const results: unknown[][] = [];
    try {
      for (const op of req.ops) results.push((await client.query(op.sql, op.params)).rows as unknown[]);
      answer({ results });
    } catch (error) {
      const e = error as { message: string; code?: string };
      answer({ error: { message: e.message, code: e.code } });
    }
  })();
});
