/**
 * A real PostgreSQL for tests: `DATELINE_TEST_PG` (a connection string to a server whose user may
 * create databases) when set, else a throw-away cluster initdb'd in a temp folder and started on a
 * loopback port (one per test file run; stopped and removed at exit). Run as root, the server runs as
 * the `postgres` user. Tests call `testPostgres()`: null (with the reason) when there is no
 * PostgreSQL here — a skip outside CI, a failure when `CI` is set (see `requirePostgres`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncPg } from './sync-client.js';

export interface TestPostgres {
  /** The server's maintenance database URL. */
  url: string;
  /** A new empty database on the server, as a connection string. */
  freshDatabase(): string;
}

function binDir(): string | null {
  if (process.env.DATELINE_PG_BIN) return process.env.DATELINE_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0], 'bin');
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs a server binary, as `postgres` when we are root (the server refuses to run as root). */
function asServerUser(bin: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

let cached: TestPostgres | null | undefined;
let reason = '';
let counter = 0;

function withDatabases(url: string): TestPostgres {
  // Closed with the process (its worker thread ends at exit).
  const admin = new SyncPg(url);
  const tag = `dl_${process.pid}_${Date.now().toString(36)}`;
  return {
    url,
    freshDatabase() {
      const name = `${tag}_${counter++}`;
      admin.all(`CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
  };
}

function startCluster(): TestPostgres | null {
  const bin = binDir();
  if (!bin || !existsSync(join(bin, 'initdb'))) {
    reason = 'no PostgreSQL server binaries (install Debian postgresql, or set DATELINE_TEST_PG or DATELINE_PG_BIN)';
    return null;
  }
  const root = process.getuid?.() === 0;
  if (root && spawnSync('id', ['postgres']).status !== 0) {
    reason = 'running as root and there is no postgres user to run the server as';
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  let port = 0;
  for (let attempt = 0; attempt < 5 && !port; attempt++) {
    const p = 20000 + Math.floor(Math.random() * 30000);
    const opts = `-p ${p} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
    try {
      asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
      port = p;
    } catch {
      // the port was taken: try another
    }
  }
  if (!port) {
    reason = `the test PostgreSQL did not start (log in ${dir}/log)`;
    return null;
  }
  process.on('exit', () => {
    try {
      asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return withDatabases(`postgres://postgres@127.0.0.1:${port}/postgres`);
}

/** The test server, started on first use; null when there is none (see `whyNoPostgres`). */
export function testPostgres(): TestPostgres | null {
  if (cached !== undefined) return cached;
  try {
    cached = process.env.DATELINE_TEST_PG ? withDatabases(process.env.DATELINE_TEST_PG) : startCluster();
  } catch (error) {
    reason = `PostgreSQL for tests failed to start: ${(error as Error).message}`;
    cached = null;
  }
  return cached;
}

export function whyNoPostgres(): string {
  return reason;
}

/**
 * For a test file needing PostgreSQL: the server, or null after saying why it is skipped; in CI (`CI`
 * set) a missing server throws, so the run fails loudly instead of passing without the tests.
 */
export function requirePostgres(what: string): TestPostgres | null {
  const pg = testPostgres();
  if (pg) return pg;
  const message = `${what}: PostgreSQL tests skipped — ${whyNoPostgres()}`;
  if (process.env.CI) throw new Error(`${message} (CI is set: PostgreSQL is required)`);
  console.log(`# ${message}`);
  return null;
}
