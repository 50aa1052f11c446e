// Latency of full BM25 ranking (every match) for common and rare words over N synthetic articles of BBC sentences.
//   npm run build && node scripts/measure-search-rank.mjs [N=30000]
// Reads ../shared/data/bbc-news in place; builds (once) a scratch database in the OS temp directory.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
const root = resolve(new URL('..', import.meta.url).pathname);
const N = Number(process.argv[2] ?? 30000);
const { openStore } = await import(`${root}/dist/store/sqlite.js`);
const { makeArticle } = await import(`${root}/dist/core/article.js`);
const path = join(tmpdir(), `dateline-search-rank-${N}.db`);
if (!existsSync(path)) {
  const sentences = [];
  for (const topic of ['business', 'politics', 'tech', 'sport', 'entertainment']) {
    const dir = join(root, '..', 'shared', 'data', 'bbc-news', topic);
    for (const f of readdirSync(dir)) sentences.push(...readFileSync(join(dir, f), 'latin1').split(/(?<=\.)\s+/).filter((s) => s.length > 40));
  }
  let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const store = openStore(path, { indexers: [] });
  for (let b = 0; b < N / 2000; b++) {
    const analyzed = [];
    for (let i = 0; i < 2000; i++) {
      const body = Array.from({ length: 6 + Math.floor(rnd() * 10) }, () => sentences[Math.floor(rnd() * sentences.length)]);
      analyzed.push({ article: makeArticle({ text: `${body.join(' ')} (copy ${b * 2000 + i})`, title: body[0].slice(0, 60), published: '2025-01-01', origin: { file: 'x', format: 'jsonl', record: i } }), layers: {}, diagnostics: [] });
    }
    store.writeBatch({ source: { file: `b${b}`, format: 'jsonl', bytes: 0, raw: null }, analyzed, diagnostics: [] });
  }
  store.compact();
  store.close();
}
const store = openStore(path, { readonly: true });
for (const q of ['said', 'government', 'people year', 'election', 'broadband', '"prime minister"']) {
  const times = [];
  let total = 0;
  for (let r = 0; r < 5; r++) { const t = performance.now(); total = store.queries.search(q, {}, { limit: 20, offset: 0 }).total; times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(`${N} articles  ${q.padEnd(18)} matches ${String(total).padStart(6)}  median ${times[2].toFixed(0)} ms`);
}
store.close();
