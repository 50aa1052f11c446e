// Reindex parity on a corpus (docs/benchmarks.md, "Layer provenance and dateline reindex"): ingests it fresh into A,
// ingests it into B with the events component replaced by an older version that finds no events, runs
// `reindex(B)`, and deep-compares A and B (every article's layers and provenance, merged events, stories, entity
// totals, stats). Build first (npx tsc -p tsconfig.json).
//   node scripts/reindex-parity.mjs <corpus> [--pg]      (--pg: a throw-away PostgreSQL, else SQLite in a temp folder)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ingest, open } from '../dist/api/dateline.js';
import { DEFAULT_COMPONENTS, defaultPipeline } from '../dist/api/default-pipeline.js';
import { reindex } from '../dist/api/reindex.js';
import { assemblePipeline } from '../dist/core/pipeline.js';
import { requirePostgres } from '../dist/store/postgres/test-server.js';

const [corpus, flag] = process.argv.slice(2);
if (!corpus) throw new Error('usage: node scripts/reindex-parity.mjs <corpus> [--pg]');
const dir = mkdtempSync(join(tmpdir(), 'dateline-reindex-parity-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const server = flag === '--pg' ? requirePostgres('reindex parity') : null;
if (flag === '--pg' && !server) process.exit(1);
const database = (name) => (server ? server.freshDatabase() : join(dir, `${name}.db`));

const older = assemblePipeline(DEFAULT_COMPONENTS.map((c) => (c.name === 'events' ? { ...c, version: '0.9.0', run: () => ({ events: [] }) } : c)));
defaultPipeline();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const byId = (x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
function everything(store) {
  const ids = store.listArticles({ limit: 10000 }).map((a) => a.id);
  return {
    articles: ids.map((id) => ({ id, layers: store.getArticle(id)?.layers, provenance: store.provenance(id) })),
    events: store.queries.mergedEvents({ limit: 10000 }),
    // PostgreSQL lists stories with equal counts and days in no fixed order: compared as a set.
    stories: store.queries.stories(10000).sort(byId),
    entityKeys: store.queries.entityKeys().sort((a, b) => (`${a.type}|${a.key}` < `${b.type}|${b.key}` ? -1 : 1)),
    stats: store.stats(),
  };
}

const a = open(database('a'));
let t = cpu();
const fresh = await ingest(a, [corpus]);
const ingestCpu = cpu() - t;
const b = open(database('b'));
await ingest(b, [corpus], { pipeline: older });
t = cpu();
const wall = Date.now();
const run = reindex(b);
const reindexCpu = cpu() - t;
const reindexWall = (Date.now() - wall) / 1000;
const A = everything(a);
const B = everything(b);
const again = reindex(b);
console.log(
  JSON.stringify({
    store: server ? 'postgres' : 'sqlite',
    articles: fresh.inserted,
    words: fresh.words,
    ingestCpuS: +ingestCpu.toFixed(2),
    reindexCpuS: +reindexCpu.toFixed(2),
    reindexWallS: reindexWall,
    stale: run.stale,
    reindexed: run.reindexed,
    events: A.events.length,
    stories: A.stories.length,
    equal: Object.fromEntries(Object.keys(A).map((k) => [k, isDeepStrictEqual(A[k], B[k])])),
    secondRunStale: again.stale,
  }),
);
a.close();
b.close();
