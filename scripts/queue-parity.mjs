import { spawn, spawnSync } from 'node:child_process';
// Queue ingest with N workers vs one `dateline ingest` on a throw-away PostgreSQL cluster: articles, layers, merged
// events and stories compared (docs/benchmarks.md).  node scripts/queue-parity.mjs INPUT_DIR [WORKERS=2]
const root = new URL('..', import.meta.url).pathname;
const { testPostgres } = await import(root + '/dist/store/postgres/test-server.js');
const { open } = await import(root + '/dist/api/open.js');
const input = process.argv[2];
const pg = testPostgres();
const one = pg.freshDatabase(), two = pg.freshDatabase();
const cli = (args) => spawnSync('node', ['bin/dateline.js', ...args], { cwd: root, encoding: 'utf8' });
let t = Date.now();
console.log('ingest', cli(['ingest', '--db', one, input]).status, (Date.now() - t) / 1000, 's');
console.log('queue', cli(['ingest', '--queue', '--db', two, input]).status);
t = Date.now();
const workers = Number(process.argv[3] ?? 2);
await Promise.all(Array.from({ length: workers }, () => 0).map(() => new Promise((res) => spawn('node', ['bin/dateline.js', 'worker', '--until-empty', '--db', two], { cwd: root, stdio: 'ignore' }).on('exit', res))));
console.log(workers + ' workers', (Date.now() - t) / 1000, 's');
const snap = (url) => {
  const s = open(url, { readOnly: true });
  const arts = s.listArticles({ limit: 100000 }).map((a) => a.id).sort();
  const layers = arts.map((id) => JSON.stringify(s.getArticle(id)?.layers));
  const events = s.queries.mergedEvents({ limit: 100000 }).map((e) => JSON.stringify(e)).sort();
  const stories = s.queries.stories(100000).map((x) => JSON.stringify(x)).sort();
  return { arts, layers, events, stories };
};
const a = snap(one), b = snap(two);
const same = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
console.log('articles', a.arts.length, b.arts.length, same(a.arts, b.arts));
console.log('layers differing', a.layers.filter((l, i) => l !== b.layers[i]).length);
console.log('merged events', a.events.length, b.events.length, same(a.events, b.events));
console.log('stories', a.stories.length, b.stories.length, same(a.stories, b.stories));
process.exit(0);
