/**
 * `npm run bench:serve`: a loopback load test of `dateline serve`.
 *
 * 1. Builds (or reuses) a 100k-article database in bench-output/: articles made by recombining
 *    sentences of the BBC News corpus (../shared/data/bbc-news) with a seeded generator, written
 *    through the store's own writeBatch (FTS, MinHash and all) without running the NLP pipeline.
 *    Without the shared data it recombines sentences from a built-in vocabulary instead (and says so).
 * 2. Starts the server (`startServer`, what `dateline serve` runs) in a child process with its default
 *    settings (rate limit included).
 * 3. Starts CLIENTS clients at once, each on its own keep-alive connection; each runs REQUESTS
 *    searches in a row (a one-client run first gives the service time without queueing). Every response must be 200 with a JSON body; anything else is an error.
 *    Bounded: stops at DEADLINE seconds whatever happens.
 *
 * Environment: BENCH_ARTICLES (100000), BENCH_CLIENTS (1000), BENCH_REQUESTS (3), BENCH_DEADLINE_S (240),
 * BENCH_DB (bench-output/serve-100k.db). Prints one JSON summary line at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../core/article.js';
import { packagePath, sharedPath } from '../core/paths.js';
import { openStore } from '../store/sqlite.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3);
const DEADLINE_S = Number(process.env.BENCH_DEADLINE_S ?? 240);
const DB = process.env.BENCH_DB ?? packagePath('bench-output', `serve-${ARTICLES / 1000}k.db`);
const BBC = sharedPath('data', 'bbc-news');

const SOURCES = ['Wire One', 'Daily Two', 'Evening Post', 'Global Desk', 'Metro Bulletin'];

/** A seeded xorshift generator, so every run builds the same database. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

function bbcSentences(): { sentences: string[]; titles: string[]; origin: string } | null {
  if (!existsSync(BBC)) return null;
  const sentences: string[] = [];
  const titles: string[] = [];
  for (const topic of readdirSync(BBC)) {
    const folder = join(BBC, topic);
    if (!/^[a-z]+$/.test(topic)) continue;
    for (const file of readdirSync(folder)) {
      if (!file.endsWith('.txt')) continue;
      const text = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(join(folder, file)));
      const [title, ...body] = text.split('\n');
      titles.push(title.trim());
      for (const s of body.join(' ').split(/(?<=[.!?])\s+(?=[A-Z"])/)) if (s.trim().length > 30) sentences.push(s.trim());
    }
  }
  return { sentences, titles, origin: 'BBC News sentences (../shared/data/bbc-news)' };
}

const VOCAB =
  'government minister election council police army drone strike market river bridge port harbour ferry railway school hospital court trial judge ' +
  'company shares profit loss bank oil gas price energy storm flood fire village city region border talks ceasefire treaty spokesperson official ' +
  'said reported announced denied confirmed warned killed injured launched downed attacked arrested rescued opened closed rose fell between after before';

function syntheticSentences(random: () => number): { sentences: string[]; titles: string[]; origin: string } {
  const words = VOCAB.split(/\s+/);
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]);
    return `${w[0][0].toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  return {
    sentences: Array.from({ length: 20_000 }, () => sentence(8 + Math.floor(random() * 14))),
    titles: Array.from({ length: 2000 }, () => sentence(5).slice(0, -1)),
    origin: 'synthetic sentences (shared BBC data absent)',
  };
}

function buildDatabase(): { articles: number; seconds: number; origin: string; reused: boolean } {
  const started = Date.now();
  if (existsSync(DB)) {
    const store = openStore(DB, { readonly: true });
    const have = store.stats().articles;
    store.close();
    if (have >= ARTICLES) return { articles: have, seconds: 0, origin: 'reused', reused: true };
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${DB}${suffix}`, { force: true });
  }
  mkdirSync(join(DB, '..'), { recursive: true });
  const random = rng(20260301);
  const pool = bbcSentences() ?? syntheticSentences(random);
  // Search is what is measured: no stories indexing while building.
  const store = openStore(DB, { indexers: [] });
  const batchSize = 2000;
  let written = 0;
  try {
    for (let b = 0; written < ARTICLES; b++) {
      const analyzed = [];
      for (let i = 0; i < batchSize && written + i < ARTICLES; i++) {
        const n = written + i;
        const count = 6 + Math.floor(random() * 10);
        const body = Array.from({ length: count }, () => pool.sentences[Math.floor(random() * pool.sentences.length)]);
        const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
        const text = `${body.slice(0, 3).join(' ')}\n\n${body.slice(3).join(' ')}\n\n(copy ${n})`;
        const article = makeArticle({
          text,
          title: pool.titles[Math.floor(random() * pool.titles.length)],
          source: SOURCES[n % SOURCES.length],
          published: day,
          origin: { file: 'bench.jsonl', format: 'jsonl', record: n + 1 },
        });
        analyzed.push({ article, layers: {}, diagnostics: [] });
      }
      store.writeBatch({ source: { file: `bench-${b}.jsonl`, format: 'jsonl', bytes: 0, raw: null }, analyzed, diagnostics: [] });
      written += analyzed.length;
      if (b % 10 === 0) process.stderr.write(`\rbuilding ${written}/${ARTICLES} articles…`);
    }
    process.stderr.write('\n');
    store.compact();
  } finally {
    store.close();
  }
  return { articles: written, seconds: (Date.now() - started) / 1000, origin: pool.origin, reused: false };
}

const STOP = new Set('with that this from have after over into what when will would their about says said than more been were they them then also just first could year years time back make made amid'.split(' '));

/**
 * Queries an analyst might type: words and word pairs from the headlines (a mix of rare and very
 * common terms), some as phrases. Many distinct queries, so nothing is answered from a warm page of
 * one query's results.
 */
function queries(titles: string[], count: number): string[] {
  const random = rng(99);
  const words = [...new Set(titles.flatMap((t) => t.match(/[A-Za-z][a-z]{3,}/g) ?? []).filter((w) => !STOP.has(w.toLowerCase())))];
  const pick = () => words[Math.floor(random() * words.length)];
  return Array.from({ length: count }, () => {
    const r = random();
    if (r < 0.7) return pick();
    if (r < 0.9) return `${pick()} ${pick()}`;
    const title = titles[Math.floor(random() * titles.length)].split(/\s+/);
    const at = Math.floor(random() * Math.max(1, title.length - 1));
    return `"${title.slice(at, at + 2).join(' ').replace(/"/g, '')}"`;
  });
}

async function startChild(): Promise<{ url: string; stop: () => void }> {
  // The same startServer `dateline serve` calls, with its defaults, in its own process.
  const script = `import { startServer } from ${JSON.stringify(new URL('./server.js', import.meta.url).href)};
    const s = await startServer({ db: ${JSON.stringify(DB)}, port: 0 });
    console.log(s.url);
    process.on('SIGTERM', () => s.close().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(url: string, QUERIES: string[], CLIENTS: number, REQUESTS: number): Promise<Record<string, unknown>> {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS, maxFreeSockets: CLIENTS });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let open = 0;
  let peak = 0;
  const deadline = Date.now() + DEADLINE_S * 1000;
  const random = rng(7 + CLIENTS);
  const one = (path: string, k: number) =>
    new Promise<void>((done) => {
      open++;
      peak = Math.max(peak, open);
      const resolve = () => {
        open--;
        done();
      };
      const t0 = performance.now();
      const req = http.get({ host: base.hostname, port: base.port, path, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          let ok = res.statusCode === 200;
          if (ok) {
            try {
              const body = JSON.parse(Buffer.concat(chunks).toString()) as { items?: unknown[] };
              ok = Array.isArray(body.items);
            } catch {
              ok = false;
            }
          }
          if (ok) latencies.push(ms);
          else errors[`HTTP ${res.statusCode}`] = (errors[`HTTP ${res.statusCode}`] ?? 0) + 1;
          resolve();
        });
      });
      req.on('error', (e) => {
        const kind = `${e.message} (${k === 0 ? 'first request of a client' : 'on a reused connection'})`;
        errors[kind] = (errors[kind] ?? 0) + 1;
        resolve();
      });
      req.setTimeout(Math.max(1000, deadline - Date.now()), () => req.destroy(new Error('timeout')));
    });
  // Every client starts at once (the server's accept queue holds them); none finishes before all have begun.
  let started = 0;
  let go: () => void = () => {};
  const allStarted = new Promise<void>((r) => (go = r));
  const client = async () => {
    if (++started === CLIENTS) go();
    await allStarted;
    for (let k = 0; k < REQUESTS && Date.now() < deadline; k++) {
      const q = QUERIES[Math.floor(random() * QUERIES.length)];
      await one(`/api/search?q=${encodeURIComponent(q)}&limit=10&offset=${k % 2 === 0 ? 0 : 10}`, k);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, () => client()));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const failed = Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    clients: CLIENTS,
    peakRequestsInFlight: peak,
    requests: latencies.length + failed,
    ok: latencies.length,
    errors: failed,
    errorKinds: errors,
    seconds: Number(seconds.toFixed(1)),
    requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
    p50ms: Number(percentile(latencies, 50).toFixed(1)),
    p90ms: Number(percentile(latencies, 90).toFixed(1)),
    p99ms: Number(percentile(latencies, 99).toFixed(1)),
    maxMs: Number((latencies[latencies.length - 1] ?? NaN).toFixed(1)),
  };
}

async function main(): Promise<void> {
  const built = buildDatabase();
  const pool = bbcSentences() ?? syntheticSentences(rng(20260301));
  const QUERIES = queries(pool.titles, 2000);
  console.log(`database: ${DB} — ${built.articles} articles (${built.reused ? 'reused' : `built in ${built.seconds.toFixed(0)} s from ${built.origin}`})`);
  const server = await startChild();
  try {
    // Warm up: a few searches, so the first clients do not pay for opening the database.
    for (const q of QUERIES.slice(0, 20)) await fetch(`${server.url}api/search?q=${encodeURIComponent(q)}&limit=10`);
    console.log(`server ${server.url} (default settings, rate limit on); ${CLIENTS} clients × ${REQUESTS} searches from ${QUERIES.length} distinct queries, deadline ${DEADLINE_S} s`);
    // Service time first: one client alone, so queueing is not in the figure.
    const alone = await load(server.url, QUERIES.slice(1000), 1, 100);
    console.log(`one client alone: p50 ${alone.p50ms} ms · p99 ${alone.p99ms} ms over ${alone.ok} searches`);
    const result = await load(server.url, QUERIES, CLIENTS, REQUESTS);
    console.log(
      `${result.ok}/${result.requests} ok, ${result.errors} errors · p50 ${result.p50ms} ms · p90 ${result.p90ms} ms · p99 ${result.p99ms} ms · max ${result.maxMs} ms · ${result.requestsPerSecond} req/s`,
    );
    console.log(
      JSON.stringify({ bench: 'serve', db: DB, articles: built.articles, ...result, aloneP50ms: alone.p50ms, aloneP99ms: alone.p99ms, loadAverage: loadavg()[0].toFixed(1) }),
    );
    if ((result.errors as number) > 0) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

await main();
