/**
 * Screenshots of every page of the web UI at 1440×900, and how long each took to load: serves a
 * database, opens each page in headless Chromium, waits until the page has rendered (main's
 * aria-busy goes false), and writes docs/screenshots/<page>.png plus docs/screenshots/README.md with
 * the load times (navigation to rendered, ms).
 *   node dist/web/screenshot.js --db dateline.db [--out docs/screenshots] [--events "country=LY&from=2011-02"]
 * `--events` is the events page's filter (default: none). The README screenshot (docs/screenshot.png)
 * is the article page.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packagePath } from '../core/paths.js';
import { richestArticle } from '../api/articles.js';
import { openStore } from '../store/sqlite.js';
import { startServer } from '../server/server.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'dateline.db' },
    out: { type: 'string', default: packagePath('docs', 'screenshots') },
    events: { type: 'string', default: '' },
  },
});
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`screenshot: Chromium not installed at ${CHROMIUM}`);
  process.exit(1);
}
const store = openStore(values.db!, { readonly: true });
const article = richestArticle(store);
const firstEvent = store.queries.eventTable({}, { key: 'fatalities', desc: true }, { limit: 1, offset: 0 }).items[0];
const story = store.queries.mainStoryId();
const entity = store.queries.entityKeys('PER')[0]?.key;
store.close();

const pages: Array<[string, string]> = [
  ['search', '#/search'],
  ['events', `#/events${values.events ? `?${values.events}` : ''}`],
  ['map', `#/map${values.events ? `?${values.events}` : ''}`],
  ['article', `#/article/${article ?? ''}`],
  ['event', firstEvent ? `#/event/${firstEvent.sources[0].article}/${firstEvent.sources[0].event}` : '#/events'],
  ['entities', '#/entities'],
  ['entity', `#/entity/${encodeURIComponent(entity ?? '')}`],
  ['quotes', '#/quotes'],
  ['stories', '#/stories'],
  ['story', `#/story/${story ?? ''}`],
  ['timeline', '#/timeline'],
  ['claims', '#/claims'],
];

const server = await startServer({ db: values.db!, port: 0 });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const times: Array<[string, number]> = [];
try {
  mkdirSync(values.out!, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}#/search`);
  await page.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false', null, { timeout: 20_000 });
  for (const [name, hash] of pages) {
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(`${server.url}${hash}`);
    await page.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false', null, { timeout: 20_000 });
    times.push([name, Date.now() - t0]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(values.out!, `${name}.png`) });
  }
  // The README's own screenshot follows the docs set only (a run into another folder leaves it alone).
  if (values.out === packagePath('docs', 'screenshots')) copyFileSync(join(values.out!, 'article.png'), packagePath('docs', 'screenshot.png'));
  const table = times.map(([n, ms]) => `| ${n} | ${ms} |`).join('\n');
  writeFileSync(join(values.out!, 'README.md'), `# Screenshots\n\nWritten by \`node dist/web/screenshot.js --db ${values.db}\` at 1440×900 (headless Chromium). Load time: a fresh navigation (HTML, scripts, API calls) to the rendered page, in ms.\n\n| page | load ms |\n|---|---|\n${table}\n`);
  console.log(table);
} finally {
  await browser.close();
  await server.close();
}
