/**
 * Takes the README screenshot: serves a database, opens an article in headless Chromium, selects a
 * date so its resolution shows, and writes a PNG.
 *   node dist/web/screenshot.js --db dateline.db [--article ID] [--out docs/screenshot.png]
 * Without --article it picks the article with the most layer items.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packagePath } from '../core/paths.js';
import { richestArticle } from '../api/articles.js';
import { openStore } from '../store/sqlite.js';
import { startServer } from '../server/server.js';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'dateline.db' }, article: { type: 'string' }, out: { type: 'string', default: packagePath('docs', 'screenshot.png') } } });
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`screenshot: Chromium not installed at ${CHROMIUM}`);
  process.exit(1);
}
let article = values.article;
if (!article) {
  const store = openStore(values.db!, { readonly: true });
  article = richestArticle(store) ?? undefined;
  store.close();
}
const server = await startServer({ db: values.db!, port: 0 });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
  await page.goto(`${server.url}#/article/${article ?? ''}`);
  await page.locator('#article-text').waitFor({ timeout: 10_000 });
  const date = page.locator('#article-text .ann-time[tabindex]').first();
  if (await date.count()) await date.click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: values.out! });
  console.log(`wrote ${values.out} (article ${article})`);
} finally {
  await browser.close();
  await server.close();
}
