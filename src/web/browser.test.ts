// End-to-end UI tests in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// search, an article with its layers, an entity, the timeline, the map, and a hostile article that
// must render as text. Screenshots go to test-output/. Skips when Chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../core/paths.js';
import { buildFixtureStore } from '../server/fixtures.js';
import { startServer } from '../server/server.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = packagePath('test-output');

test(
  'the web UI in headless Chromium: search → article layers → entity → timeline → map; hostile text stays text',
  { skip: !existsSync(CHROMIUM) && `Chromium not installed at ${CHROMIUM} (apt-get install chromium); browser tests skipped`, timeout: 90_000 },
  async () => {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'dateline-ui-'));
    const db = join(dir, 'ui.db');
    buildFixtureStore(db).close();
    const server = await startServer({ db, port: 0 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 820 } });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('dialog', (d) => {
        problems.push(`dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      // Offline: nothing may be fetched from anywhere but this server.
      const origin = new URL(server.url).origin;
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
        problems.push(`request outside the server: ${url}`);
        return route.abort();
      });
      const shot = (name: string) => page.screenshot({ path: join(SHOTS, `ui-${name}.png`) });
      const heading = (text: string) => page.locator('main h1', { hasText: text }).waitFor({ timeout: 10_000 });

      // Search with highlighted snippets and facets.
      await page.goto(server.url);
      await heading('Newest articles');
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', "'/' focuses the search box");
      await page.keyboard.type('drones');
      await page.keyboard.press('Enter');
      await heading('Results for');
      assert.equal(await page.locator('.hit').count(), 2);
      assert.deepEqual([...new Set((await page.locator('.snippet mark').allTextContents()).map((t) => t.toLowerCase()))].sort(), ['drone', 'drones']);
      assert.ok((await page.locator('.facet-group').count()) >= 3, 'facets shown');
      await shot('search');

      // An article with every layer in place and a side panel.
      await page.locator('.hit a', { hasText: 'Drones strike Riverton market' }).click();
      await heading('Drones strike Riverton market');
      for (const cls of ['ann-ent', 'ann-time', 'ann-quote', 'ann-qty', 'ann-place', 'ann-event', 'ann-trigger']) {
        assert.ok((await page.locator(`#article-text .${cls}`).count()) > 0, `${cls} shown in the text`);
      }
      const time = page.locator('#article-text .ann-time').first();
      assert.match((await time.getAttribute('title')) ?? '', /resolved: 2026-03-10.*anchor: published/);
      await page.locator('#article-text [data-ref="entity:0"]').first().click();
      assert.ok(await page.locator('[data-item="entity:0"].selected').isVisible(), 'clicking a span selects its panel entry');
      await page.locator('#article-text [data-ref="quantity:1"]').focus();
      await page.keyboard.press('Enter');
      assert.ok(await page.locator('[data-item="quantity:1"].selected').isVisible(), 'Enter on a focused span selects it');
      await page.locator('[data-layer-toggle="entities"]').uncheck();
      assert.ok(await page.locator('#article-text.hide-entities').count(), 'layers can be hidden');
      await page.locator('[data-layer-toggle="entities"]').check();
      await shot('article');

      // The entity page: roles, mentions over time, quotes.
      await page.locator('[data-item="entity:0"] a', { hasText: 'Anna Marsh' }).click();
      await heading('Anna Marsh');
      assert.equal(await page.locator('.chart rect').count(), 2);
      assert.match(await page.locator('main').innerText(), /regional governor/);
      assert.match(await page.locator('ul.quotes').innerText(), /We will rebuild every stall/);
      await shot('entity');

      // The timeline with conflicting figures side by side.
      await page.locator('nav.primary a', { hasText: 'Timeline' }).click();
      await heading('Timeline');
      assert.equal(await page.locator('.timeline .day').count(), 2);
      assert.match(await page.locator('table.figures.conflict').innerText(), /15[\s\S]*officials[\s\S]*12[\s\S]*Anna Marsh|12[\s\S]*Anna Marsh[\s\S]*15[\s\S]*officials/);
      assert.equal(await page.locator('.downloads a').count(), 5, 'download links for the shown events');
      await shot('timeline');

      // The map: a world outline from the bundled vector data, and a point per located event.
      await page.locator('nav.primary a', { hasText: 'Map' }).click();
      await heading('Map of events');
      await page.waitForFunction(() => (document.querySelector('.map .land')?.getAttribute('d') ?? '').length > 10_000, null, { timeout: 10_000 });
      assert.equal(await page.locator('.map circle').count(), 2, 'one point per merged event');
      await shot('map');
      await page.locator('.map a.map-point').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('main dl.facts').waitFor();

      // A story: its timeline with every source's figures.
      await page.locator('nav.primary a', { hasText: 'Stories' }).click();
      await heading('Stories');
      await page.locator('main table a', { hasText: 'Drones strike Riverton market' }).click();
      await heading('Drones strike Riverton market');
      assert.match(await page.locator('table.figures.conflict').innerText(), /officials/);
      await shot('story');

      // Claims side by side.
      await page.locator('nav.primary a', { hasText: 'Claims' }).click();
      await heading('Claims side by side');
      assert.equal(await page.locator('.claim').count(), 2);

      // A hostile article: markup in its title, text, source, URL and layers renders as text.
      await page.goto(`${server.url}#/search?q=harbor`);
      await heading('Results for');
      await page.locator('.hit a').first().click();
      await page.locator('#article-text').waitFor();
      await page.locator('#article-text .ann-ent').first().hover();
      await page.locator('[data-item="event:0"] a').first().hover();
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss,
        scripts: document.querySelectorAll('script').length,
        injected: document.querySelectorAll('main img, main script, main iframe, main [onerror], main [onmouseover], main [onload], main a[href^="javascript:"]').length,
        title: document.querySelector('main h1')?.textContent ?? '',
        text: document.getElementById('article-text')?.textContent ?? '',
      }));
      assert.equal(state.xss, undefined, 'no injected script ran');
      assert.equal(state.scripts, 2, 'only our own two script tags');
      assert.equal(state.injected, 0, 'no element came from article data');
      assert.match(state.title, /<img src=x onerror="window.__xss=1">Harbor <script>/);
      assert.match(state.text, /<a href="javascript:window.__xss=3">click here<\/a>/);
      await shot('hostile');

      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  'the upload page in headless Chromium: a file goes in with progress, bad records are named, new articles are linked',
  { skip: !existsSync(CHROMIUM) && `Chromium not installed at ${CHROMIUM} (apt-get install chromium); browser tests skipped`, timeout: 90_000 },
  async () => {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'dateline-ui-upload-'));
    const db = join(dir, 'upload.db');
    const server = await startServer({ db, port: 0, allowIngest: true });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}#/upload`);
      await page.locator('main h1', { hasText: 'Upload' }).waitFor();
      assert.ok(await page.locator('#nav-upload').isVisible(), 'the Upload link shows when uploads are allowed');
      const jsonl = [
        JSON.stringify({ title: 'Lighthouse relit', text: 'The Kestrel Point lighthouse was relit on Sunday after a decade dark.', date: '2026-06-07' }),
        '{"title": broken',
        JSON.stringify({ title: 'Ferry added', text: 'A second ferry now serves Kestrel Point on weekdays.', date: '2026-06-08' }),
      ].join('\n');
      await page.locator('input[type=file]').setInputFiles({ name: 'coast.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) });
      await page.locator('#upload-form button[type=submit]').click();
      await page.locator('#upload-result strong').waitFor({ timeout: 60_000 });
      const result = await page.locator('#upload-result').innerText();
      assert.match(result, /^2 new articles/);
      assert.match(result, /upload\/coast\.jsonl:2/, 'the bad line is named');
      assert.equal(await page.locator('#bytes').evaluate((el) => (el as HTMLProgressElement).value), 1, 'upload progress reached the end');
      assert.equal(await page.locator('#analysed').evaluate((el) => (el as HTMLProgressElement).value), 1, 'analysis progress reached the end');
      assert.match(await page.locator('#analysed-text').innerText(), /^(\d+) \/ \1 articles · done$/, 'the count ends at the total, not "3 / 4"');
      await page.screenshot({ path: join(SHOTS, 'ui-upload.png') });
      await page.locator('#upload-result a').first().click();
      await page.locator('#article-text').waitFor();
      assert.match(await page.locator('#article-text').innerText(), /Kestrel Point/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
