/**
 * `npm run bench`: throughput and memory of ingest + analysis, on real news text.
 *
 *   node --expose-gc dist/bench/bench.js [--bbc DIR] [--stream N] [--skip-stream] [--out FILE]
 *
 * 1. seed: the user's sample (four glued dispatches), full pipeline.
 * 2. BBC: 2,225 articles: words/s per component of the default pipeline (one core: the process is
 *    single-threaded), then segment + store and full pipeline + store into a fresh database.
 * 3. streaming: N distinct articles (BBC texts varied copy by copy so none is a duplicate) ingested
 *    through the public ingest API as JSONL, segment + store, in a fresh process with
 *    --max-old-space-size=384; peak RSS sampled throughout.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, createWriteStream, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { DEFAULT_COMPONENTS } from '../api/default-pipeline.js';
import { ingest } from '../api/dateline.js';
import { makeArticle, type Article } from '../core/article.js';
import type { Layers } from '../core/layers.js';
import { assemblePipeline, type Component } from '../core/pipeline.js';
import { sharedPath } from '../core/paths.js';
import { readInputs } from '../ingest/read.js';
import { segment } from '../segment/segment.js';
import { tagTokens } from '../entities/component.js';
import { parseConll } from '../entities/conll.js';
import { openStore } from '../store/sqlite.js';
import { parseArgs, stringFlag, numberFlag, boolFlag } from '../cli/args.js';

interface Row {
  what: string;
  articles: number;
  words: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system) of this process: the per-core figure, robust to a busy machine. */
  cpuSeconds: number;
  wordsPerSecond: number;
  wordsPerCpuSecond: number;
  peakRssMb?: number;
}

let peakRss = 0;
const sampleRss = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  return rss;
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const words = (text: string) => (text.match(/\S+/g) ?? []).length;

interface Timing {
  seconds: number;
  cpuSeconds: number;
}

function row(what: string, articles: Article[] | number, wordCount: number, timing: Timing, extra: Partial<Row> = {}): Row {
  const n = typeof articles === 'number' ? articles : articles.length;
  return {
    what,
    articles: n,
    words: wordCount,
    seconds: +timing.seconds.toFixed(3),
    cpuSeconds: +timing.cpuSeconds.toFixed(3),
    wordsPerSecond: Math.round(wordCount / timing.seconds),
    wordsPerCpuSecond: Math.round(wordCount / timing.cpuSeconds),
    ...extra,
  };
}

function startTimer(): () => Timing {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: (c.user + c.system) / 1e6 };
  };
}

function time<T>(fn: () => T): [T, Timing] {
  const stop = startTimer();
  const value = fn();
  return [value, stop()];
}

function loadBbc(dir: string): Article[] {
  const articles: Article[] = [];
  for (const topic of readdirSync(dir).sort()) {
    const path = join(dir, topic);
    if (!statSync(path).isDirectory()) continue;
    for (const name of readdirSync(path).sort()) {
      if (!name.endsWith('.txt')) continue;
      const raw = readFileSync(join(path, name), 'latin1').replace(/\r\n?/g, '\n');
      const newline = raw.indexOf('\n');
      articles.push(makeArticle({ text: raw.slice(newline + 1).trim(), title: raw.slice(0, newline).trim(), origin: { file: join(path, name), format: 'text' } }));
    }
  }
  return articles;
}

/** Each component timed on its own, fed the layers of the ones before it. */
function perComponent(articles: Article[], components: readonly Component[], totalWords: number): Row[] {
  const layersPerArticle: Layers[] = articles.map(() => ({}));
  const rows: Row[] = [];
  for (const component of components) {
    // Warm up (lazy model loads are reported separately by each stage).
    component.run(articles[0], { ...layersPerArticle[0] }, { diagnostics: [] });
    const [, timing] = time(() => {
      articles.forEach((article, i) => {
        Object.assign(layersPerArticle[i], component.run(article, layersPerArticle[i], { diagnostics: [] }));
      });
    });
    rows.push(row(`component ${component.name}`, articles, totalWords, timing));
    sampleRss();
  }
  return rows;
}

/** The run, then the same run's CPU split into analysis (pipeline.run) and writeBatch (store, merge, stories). */
function storeRun(label: string, articles: Article[], components: readonly Component[], totalWords: number, dir: string, stories = false): Row[] {
  const pipeline = assemblePipeline(components);
  // With stories, the store files each batch into merged events and stories inside its transaction.
  const store = openStore(join(dir, `${label.replace(/\W+/g, '-')}.db`), stories ? {} : { indexers: [] });
  const split = { analysis: { seconds: 0, cpuSeconds: 0 }, write: { seconds: 0, cpuSeconds: 0 } };
  const add = (to: Timing, t: Timing) => {
    to.seconds += t.seconds;
    to.cpuSeconds += t.cpuSeconds;
  };
  const [, timing] = time(() => {
    for (let i = 0; i < articles.length; i += 200) {
      const [analyzed, analysis] = time(() => articles.slice(i, i + 200).map((a) => pipeline.run(a)));
      add(split.analysis, analysis);
      add(split.write, time(() => store.writeBatch({ source: { file: 'bbc', format: 'text', bytes: 0, raw: null }, analyzed, diagnostics: [] }))[1]);
      sampleRss();
    }
  });
  store.close();
  return [
    row(label, articles, totalWords, timing),
    row('  of which analysis (pipeline.run)', articles, totalWords, split.analysis),
    row(`  of which writeBatch (store${stories ? ', event merge, stories' : ''})`, articles, totalWords, split.write),
  ];
}

/** N distinct variants of the BBC texts written as JSONL, then ingested through the public API. */
async function streaming(articles: Article[], count: number, dir: string): Promise<Row> {
  const jsonl = join(dir, 'stream.jsonl');
  const out = createWriteStream(jsonl);
  let totalWords = 0;
  for (let i = 0; i < count; i++) {
    const base = articles[i % articles.length];
    const copy = Math.floor(i / articles.length);
    const paragraphs = base.text.split('\n').filter((p) => p.trim());
    // Rotate paragraphs and add a numbered line so every copy has distinct content.
    const rotated = paragraphs.slice(copy % paragraphs.length).concat(paragraphs.slice(0, copy % paragraphs.length));
    const text = `${rotated.join('\n')}\nBulletin ${i} filed from desk ${copy}.`;
    totalWords += words(text);
    if (!out.write(`${JSON.stringify({ title: `${base.title} (${copy})`, text, date: '2025-11-19' })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const store = openStore(join(dir, 'stream.db'));
  peakRss = 0;
  global.gc?.();
  const baseline = sampleRss();
  const timer = setInterval(sampleRss, 100);
  const stop = startTimer();
  const summary = await ingest(store, [jsonl], {
    pipeline: assemblePipeline([segment]),
    keepRaw: false,
    batchSize: 500,
    onBatch: (p) => {
      sampleRss();
      if (p.articles % 10000 < 500) process.stderr.write(`  streamed ${p.articles} articles, rss ${mb(process.memoryUsage.rss())} MB, heap ${mb(process.memoryUsage().heapUsed)} MB\n`);
    },
  });
  clearInterval(timer);
  const timing = stop();
  store.close();
  return row(`stream ${count} distinct articles (JSONL → segment + store), baseline RSS ${mb(baseline)} MB`, summary.inserted, totalWords, timing, { peakRssMb: mb(peakRss) });
}

/**
 * The streaming run goes in a fresh process so its RSS is the ingest's own, not this process's
 * models and caches from the runs before it.
 */
function streamInChild(bbcDir: string, count: number): Row {
  // A bounded old space (384 MB) makes V8 collect instead of letting garbage pile up to its default
  // limit of several GB; the live set of a streaming ingest is far below it.
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=384', fileURLToPath(import.meta.url), '--stream-only', '--bbc', bbcDir, '--stream', String(count)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{"what"'));
  if (!line) throw new Error(`streaming child failed (exit ${child.status}): ${child.stdout.slice(-2000)}`);
  return JSON.parse(line) as Row;
}

async function streamOnly(bbcDir: string, count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-stream-'));
  try {
    const result = await streaming(loadBbc(bbcDir), count, dir);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { values: ['bbc', 'stream', 'out', 'seed'], booleans: ['skip-stream', 'stream-only'] });
  if (boolFlag(args, 'stream-only')) {
    await streamOnly(stringFlag(args, 'bbc') ?? sharedPath('data', 'bbc-news'), numberFlag(args, 'stream', 200_000));
    return;
  }
  const bbcDir = stringFlag(args, 'bbc') ?? sharedPath('data', 'bbc-news');
  const seedPath = stringFlag(args, 'seed') ?? sharedPath('corpus', '000_6706b69dbb82096a.txt');
  const streamCount = numberFlag(args, 'stream', 200_000);
  const outPath = stringFlag(args, 'out') ?? 'bench-output/bench.json';
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const rows: Row[] = [];
  const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${mb(totalmem())} MB RAM, Node ${process.version}, ${process.platform}`;
  console.log(`machine: ${machine}`);
  try {
    if (existsSync(seedPath)) {
      const seed: Article[] = [];
      for await (const batch of readInputs([seedPath])) seed.push(...batch.articles);
      const seedWords = seed.reduce((n, a) => n + words(a.text), 0);
      const pipeline = assemblePipeline(DEFAULT_COMPONENTS);
      pipeline.run(seed[0]);
      const reps = 20;
      const [, timing] = time(() => {
        for (let r = 0; r < reps; r++) for (const a of seed) pipeline.run(a);
      });
      rows.push(row(`seed, full pipeline (${DEFAULT_COMPONENTS.map((c) => c.name).join(' → ')}), ×${reps}`, seed.length * reps, seedWords * reps, timing));
    } else console.log(`seed not found at ${seedPath}; skipped`);

    const conllTest = sharedPath('data', 'conll2003', 'test.txt');
    if (existsSync(conllTest)) {
      // NER alone: the trained tagger over CoNLL-2003 test's own tokens, document by document.
      const docs = parseConll(readFileSync(conllTest, 'utf8')).map((d) => d.sentences.map((s) => s.tokens));
      const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
      tagTokens(docs[0]);
      // Let the background compiler finish what the seed run queued (resolveEntities alone takes
      // ~0.5 CPU-s to optimise): process CPU time counts every thread, and that work is not the tagger's.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const reps = 3;
      const [, timing] = time(() => {
        for (let r = 0; r < reps; r++) for (const d of docs) tagTokens(d);
      });
      rows.push(row(`NER tagger alone on CoNLL-2003 test tokens (×${reps}; "words" = tokens)`, docs.length * reps, tokens * reps, timing));
    }

    if (existsSync(bbcDir)) {
      const bbc = loadBbc(bbcDir);
      const bbcWords = bbc.reduce((n, a) => n + words(a.text), 0);
      console.log(`BBC: ${bbc.length} articles, ${bbcWords} words`);
      rows.push(...perComponent(bbc, DEFAULT_COMPONENTS, bbcWords));
      rows.push(...storeRun('BBC segment + store (fresh DB)', bbc, [segment], bbcWords, dir));
      rows.push(...storeRun('BBC full pipeline + store + event merge + stories (fresh DB)', bbc, DEFAULT_COMPONENTS, bbcWords, dir, true));
      if (!boolFlag(args, 'skip-stream') && streamCount > 0) rows.push(streamInChild(bbcDir, streamCount));
    } else console.log(`BBC corpus not found at ${bbcDir}; skipped`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r.what.length));
  console.log(`\n${'what'.padEnd(width)}  articles     words  wall s   CPU s  words/s (wall)  words/CPU-s  peak RSS`);
  for (const r of rows) {
    console.log(
      `${r.what.padEnd(width)}  ${String(r.articles).padStart(8)}  ${String(r.words).padStart(8)}  ${r.seconds.toFixed(1).padStart(6)}  ${r.cpuSeconds.toFixed(1).padStart(6)}  ${String(r.wordsPerSecond).padStart(14)}  ${String(r.wordsPerCpuSecond).padStart(11)}  ${r.peakRssMb !== undefined ? `${r.peakRssMb} MB` : ''}`,
    );
  }
  console.log(`peak RSS over the whole run: ${mb(peakRss)} MB`);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify({ machine, date: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log(`wrote ${outPath}`);
}

await main();
