/**
 * Throughput of the events stage and of the cross-source merge + story clustering, for the benchmark
 * (src/bench) and for `node dist/events/bench.js [--bbc DIR] [--limit N]`. CPU time of this process
 * (user + system), so a shared machine's other load does not count against it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../core/article.js';
import type { Layers } from '../core/layers.js';
import { makeArticle } from '../core/article.js';
import { sharedPath } from '../core/paths.js';
import { openStore } from '../store/sqlite.js';
import { updateStories } from '../stories/store.js';
import { extractEvents } from './extract.js';

export interface Throughput {
  what: string;
  articles: number;
  words: number;
  cpuSeconds: number;
  wordsPerSecond: number;
  items: number;
}

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function countWords(text: string): number {
  return (text.match(/\S+/g) ?? []).length;
}

/** Times `extractEvents` over analysed articles whose earlier layers are already present. */
export function eventsThroughput(docs: ReadonlyArray<{ article: Article; layers: Layers }>): Throughput {
  const words = docs.reduce((s, d) => s + countWords(d.article.text), 0);
  if (docs.length) extractEvents(docs[0].article, docs[0].layers);
  const t0 = cpu();
  let items = 0;
  for (const d of docs) items += extractEvents(d.article, d.layers).length;
  const seconds = cpu() - t0;
  return { what: 'events', articles: docs.length, words, cpuSeconds: +seconds.toFixed(3), wordsPerSecond: Math.round(words / Math.max(seconds, 1e-9)), items };
}

/**
 * Times the cross-source merge and story clustering (`updateStories`) into a fresh database, one
 * article per batch as ingest does; the articles are written first (not timed).
 */
export function mergeThroughput(docs: ReadonlyArray<{ article: Article; layers: Layers }>): Throughput {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-merge-bench-'));
  // Without the stories indexer: the articles are written untimed, then filed into stories timed.
  const store = openStore(join(dir, 'bench.db'), { indexers: [] });
  try {
    const withEvents = docs.map((d) => ({ article: d.article, layers: { ...d.layers, events: d.layers.events ?? extractEvents(d.article, d.layers) }, diagnostics: [] }));
    const inserted = store.writeBatch({ source: { file: 'bench', format: 'text', bytes: 0, raw: null }, analyzed: withEvents, diagnostics: [] }).inserted;
    const words = withEvents.reduce((s, d) => s + countWords(d.article.text), 0);
    const t0 = cpu();
    let items = 0;
    for (const d of withEvents) {
      if (!inserted.includes(d.article.id)) continue;
      const r = updateStories(store, [d], [d.article.id]);
      items += r.events.created + r.events.merged;
    }
    const seconds = cpu() - t0;
    return { what: 'merge + stories', articles: withEvents.length, words, cpuSeconds: +seconds.toFixed(3), wordsPerSecond: Math.round(words / Math.max(seconds, 1e-9)), items };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadBbc(dir: string, limit: number): Article[] {
  const out: Article[] = [];
  for (const topic of readdirSync(dir).sort()) {
    const path = join(dir, topic);
    if (!statSync(path).isDirectory()) continue;
    for (const name of readdirSync(path).sort()) {
      if (!name.endsWith('.txt') || out.length >= limit) continue;
      const raw = readFileSync(join(path, name), 'latin1').replace(/\r\n?/g, '\n');
      const nl = raw.indexOf('\n');
      out.push(makeArticle({ text: raw.slice(nl + 1).trim(), title: raw.slice(0, nl).trim(), origin: { file: join(path, name), format: 'text' }, published: '2005-01-01' }));
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = flag('bbc') ?? sharedPath('data', 'bbc-news');
  const limit = Number(flag('limit') ?? 100_000);
  const { DEFAULT_COMPONENTS } = await import('../api/default-pipeline.js');
  const { assemblePipeline } = await import('../core/pipeline.js');
  const { places } = await import('../places/component.js');
  const names = new Set(DEFAULT_COMPONENTS.map((c) => c.name));
  const upstream = [...DEFAULT_COMPONENTS.filter((c) => c.name !== 'events'), ...(names.has('places') ? [] : [places])];
  const pipeline = assemblePipeline(upstream);
  const articles = loadBbc(dir, limit);
  const docs = articles.map((a) => {
    const r = pipeline.run(a);
    return { article: a, layers: r.layers };
  });
  const placesComponent = upstream.find((c) => c.name === 'places')!;
  const words = docs.reduce((s, d) => s + countWords(d.article.text), 0);
  const t0 = cpu();
  for (const d of docs) placesComponent.run(d.article, d.layers, { diagnostics: [] });
  const placeSeconds = cpu() - t0;
  const ev = eventsThroughput(docs);
  for (const d of docs) d.layers.events = extractEvents(d.article, d.layers);
  const merge = mergeThroughput(docs);
  const rows = [
    { what: 'places', articles: docs.length, words, cpuSeconds: +placeSeconds.toFixed(3), wordsPerSecond: Math.round(words / placeSeconds), items: 0 },
    ev,
    merge,
  ];
  const combined = words / (placeSeconds + ev.cpuSeconds + merge.cpuSeconds);
  console.log(JSON.stringify({ data: dir, rows, eventsPlacesMergeWordsPerSecond: Math.round(combined), rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
