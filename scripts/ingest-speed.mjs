// End-to-end ingest speed on a BBC subset, split by stage, in CPU time of this process (docs/benchmarks.md,
// "speed"). Build first (npx tsc -p tsconfig.json).
//   node scripts/ingest-speed.mjs [topic ...] [--reps N]     (topics of ../shared/data/bbc-news; default politics)
// Per component (each fed the layers of the ones before, one pass: it also warms the code up), then the whole
// pipeline N times, then its output written N times into fresh SQLite stores with merged events and stories, 200
// articles per batch as `npm run bench` does; medians of the N. Prints one JSON line.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_COMPONENTS } from '../dist/api/default-pipeline.js';
import { makeArticle } from '../dist/core/article.js';
import { assemblePipeline } from '../dist/core/pipeline.js';
import { sharedPath } from '../dist/core/paths.js';
import { openStore } from '../dist/store/sqlite.js';

const argv = process.argv.slice(2);
const repsAt = argv.indexOf('--reps');
const reps = repsAt >= 0 ? Number(argv[repsAt + 1]) : 1;
const topics = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--reps');
if (topics.length === 0) topics.push('politics');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const articles = [];
for (const topic of topics) {
  const dir = sharedPath('data', 'bbc-news', topic);
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const raw = readFileSync(join(dir, name), 'latin1').replace(/\r\n?/g, '\n');
    const nl = raw.indexOf('\n');
    articles.push(makeArticle({ text: raw.slice(nl + 1).trim(), title: raw.slice(0, nl).trim(), origin: { file: join(dir, name), format: 'text' } }));
  }
}
const words = articles.reduce((n, a) => n + (a.text.match(/\S+/g) ?? []).length, 0);
const out = { topics, articles: articles.length, words, components: {} };
const layers = articles.map(() => ({}));
for (const c of DEFAULT_COMPONENTS) {
  c.run(articles[0], { ...layers[0] }, { diagnostics: [] });
  const t = cpu();
  articles.forEach((a, i) => Object.assign(layers[i], c.run(a, layers[i], { diagnostics: [] })));
  out.components[c.name] = Math.round(words / (cpu() - t));
}
const dir = mkdtempSync(join(tmpdir(), 'dateline-speed-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const pipeline = assemblePipeline(DEFAULT_COMPONENTS);
  const analysis = [];
  const write = [];
  let analyzed = [];
  for (let r = 0; r < reps; r++) {
    const t = cpu();
    analyzed = articles.map((a) => pipeline.run(a));
    analysis.push(cpu() - t);
  }
  for (let r = 0; r < reps; r++) {
    const store = openStore(join(dir, `run${r}.db`));
    const t = cpu();
    for (let i = 0; i < analyzed.length; i += 200) {
      store.writeBatch({ source: { file: 'bbc', format: 'text', bytes: 0, raw: null }, analyzed: analyzed.slice(i, i + 200), diagnostics: [] });
    }
    write.push(cpu() - t);
    store.close();
  }
  const a = median(analysis);
  const w = median(write);
  Object.assign(out, {
    analysisCpuS: analysis.map((x) => +x.toFixed(2)),
    writeCpuS: write.map((x) => +x.toFixed(2)),
    analysisWordsPerCpuS: Math.round(words / a),
    writeWordsPerCpuS: Math.round(words / w),
    endToEndWordsPerCpuS: Math.round(words / (a + w)),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
