// SQL statements (and CPU) per article of the stories indexer, ingesting the first N BBC politics files.
//   npm run build && node scripts/measure-stories-statements.mjs [N=60]
// Reads ../shared/data/bbc-news in place; writes a scratch database in the OS temp directory.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
const root = resolve(new URL('..', import.meta.url).pathname);
const n = Number(process.argv[2] ?? 60);
const dir = mkdtempSync(join(tmpdir(), 'dateline-statements-'));
const bbc = join(root, '..', 'shared', 'data', 'bbc-news', 'politics');
{
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const f of readdirSync(bbc).sort().slice(0, n)) symlinkSync(join(bbc, f), join(input, f));
}
const { ingest } = await import(`${root}/dist/api/dateline.js`);
const { openStore } = await import(`${root}/dist/store/sqlite.js`);
const { storiesIndexer } = await import(`${root}/dist/stories/store.js`);
function counting(db, tally) {
  const wrap = (s) => { const p = new Proxy(s, { get(t, prop) { const v = Reflect.get(t, prop); if (typeof v !== 'function') return v;
    if (['run','get','all','iterate'].includes(prop)) return (...a) => { tally.n++; return v.apply(t, a); };
    return (...a) => { const o = v.apply(t, a); return o === t ? p : o; }; } }); return p; };
  return new Proxy(db, { get(t, prop) { if (prop === 'prepare') return (sql) => wrap(t.prepare(sql)); const v = Reflect.get(t, prop); return typeof v === 'function' ? v.bind(t) : v; } });
}
const tally = { n: 0, articles: 0, ms: 0 };
const inner = storiesIndexer(); let view = null;
const measured = { name: 'stories', index(db, ins) { view ??= counting(db, tally); tally.articles += ins.length; const t = process.cpuUsage(); const r = inner.index(view, ins); const d = process.cpuUsage(t); tally.ms += (d.user + d.system) / 1000; return r; } };
const store = openStore(join(dir, 'db.sqlite'), { indexers: [measured] });
await ingest(store, [join(dir, 'in')]);
store.close();
console.log(`${tally.articles} articles: ${(tally.n / tally.articles).toFixed(1)} statements/article, ${(tally.ms / tally.articles).toFixed(2)} CPU ms/article in the stories indexer`);
const { createHash } = await import('node:crypto');
const ro = openStore(join(dir, 'db.sqlite'), { readonly: true });
const shape = ro.queries.stories(1000).map((s) => [s.id, s.articles, s.events, s.title, ro.queries.storyArticleIds(s.id).ids]);
const ev = ro.queries.mergedEvents({ limit: 100000 });
console.log('stories', shape.length, 'events', ev.length, 'hash', createHash('sha1').update(JSON.stringify([shape, ev])).digest('hex').slice(0, 12));
ro.close();
rmSync(dir, { recursive: true, force: true });
