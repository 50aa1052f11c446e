// The analyst's workflows in headless Chromium (Debian's /usr/bin/chromium): filter → table → chart →
// export on the events page, and a permalink round-trip (the URL holds the state; back and forward
// restore it). The database is hand-made: three Libyan events and one Egyptian, over two months.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord, Place, Quote } from '../core/layers.js';
import { batchOf, sampleArticle } from '../store/conformance.js';
import { openStore } from '../store/sqlite.js';
import { startServer } from '../server/server.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = !existsSync(CHROMIUM) && `Chromium not installed at ${CHROMIUM}; browser tests skipped`;

function place(name: string, country: string, admin1: string, lat: number, lon: number): Place {
  return { start: 0, end: name.length, text: name, name, lat, lon, country, admin1, precision: 'city', confidence: 0.9 };
}

function event(text: string, p: Place, day: string, acled: [string, string], killed: number | null): EventRecord {
  return {
    id: 'v0', start: 0, end: text.length, trigger: { start: 0, end: 5, text: text.slice(0, 5) },
    acled: { eventType: acled[0], subEventType: acled[1] }, plover: null, actors: [], targets: [], place: p,
    date: { value: `${day}TNI`, precision: 'day', range: { from: day, to: day }, how: 'stated' },
    ...(killed === null ? {} : { killed: { value: killed, hedge: null, quantity: 0 } }),
    quantities: [], claimant: null, summary: text, confidence: 0.8, kind: 'conflict',
  };
}

const DOCS: Array<[string, Place, string, [string, string], number | null, string]> = [
  ['Rebels and government forces clashed in Benghazi overnight, killing 12 fighters.', place('Benghazi', 'LY', '69', 32.1, 20.1), '2011-02-20', ['Battles', 'Armed clash'], 12, 'Wire One'],
  ['Thousands marched through Tripoli at night.', place('Tripoli', 'LY', '77', 32.9, 13.2), '2011-02-25', ['Protests', 'Peaceful protest'], null, 'Daily Two'],
  ['An air strike hit Ajdabiya at night, killing 4 people.', place('Ajdabiya', 'LY', '83', 30.8, 20.2), '2011-03-26', ['Explosions/Remote violence', 'Air/drone strike'], 4, 'Wire One'],
  ['Protesters filled Tahrir Square in Cairo at night.', place('Cairo', 'EG', '11', 30.0, 31.2), '2011-02-01', ['Protests', 'Peaceful protest'], null, 'Wire One'],
];

const QUOTE_TEXT = '"We will not leave the square," protest organiser Ali Zeidan said on Friday. "The city is calm," a police spokesman said.';

function quote(text: string, words: string, speaker: string): Quote {
  const start = QUOTE_TEXT.indexOf(words);
  const s = QUOTE_TEXT.indexOf(speaker);
  return { start, end: start + words.length, text, kind: 'direct', speaker: { start: s, end: s + speaker.length, text: speaker, entity: null, kind: 'name' }, cue: { start: 0, end: 0, text: 'said' }, confidence: 0.9 };
}

function seed(db: string): void {
  const store = openStore(db);
  store.writeBatch(
    batchOf('quotes.txt', [
      {
        article: sampleArticle(QUOTE_TEXT, { title: 'Organisers vow to stay', source: 'Daily Two', published: '2011-02-26' }),
        layers: { quotes: [quote('We will not leave the square,', 'We will not leave the square,', 'Ali Zeidan'), quote('The city is calm,', 'The city is calm,', 'a police spokesman')] },
      },
    ]),
  );
  store.writeBatch(
    batchOf(
      'hand.txt',
      DOCS.map(([text, p, day, acled, killed, source]) => ({
        article: sampleArticle(text, { title: text.slice(0, 40), source, published: day }),
        layers: { events: [event(text, p, day, acled, killed)] },
      })),
    ),
  );
  store.close();
}

test('events page in Chromium: filter by country → table → chart bar → legend → export; the URL round-trips with back/forward', { skip: SKIP, timeout: 90_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-workbench-'));
  const db = join(dir, 'wb.db');
  seed(db);
  const server = await startServer({ db, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(e.message));
    const rendered = () => page.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false');
    const rows = () => page.locator('.events-table tbody tr');
    await page.goto(`${server.url}#/events`);
    await page.locator('main h1', { hasText: 'Events' }).waitFor();
    await rendered();
    assert.equal(await rows().count(), 4);
    assert.doesNotMatch(await page.locator('main').innerText(), /\d{4}-\d{2}-\d{2}TNI/, 'no TIMEX codes on the page');
    assert.match(await rows().first().innerText(), /26 Mar 2011, night/, 'newest first, dates in words');
    assert.equal(await rows().first().locator('time').getAttribute('title'), '2011-03-26TNI', 'the TIMEX value on hover');

    // Filter: Libya by name, through the form.
    await page.locator('form[data-route=events] input[name=country]').fill('Libya');
    await page.locator('form[data-route=events] button[type=submit]').click();
    await page.waitForFunction(() => location.hash.includes('country=Libya'));
    await rendered();
    assert.equal(await rows().count(), 3, 'Benghazi, Tripoli, Ajdabiya');
    assert.ok((await page.locator('.events-chart svg rect').count()) >= 3, 'a stacked bar segment per type and month');
    const libya = page.url();

    // Sort by fatalities, descending.
    await page.locator('th a', { hasText: 'Killed' }).click();
    await rendered();
    assert.match(await rows().first().innerText(), /Benghazi/);

    // Click the February bar: its period becomes the date filter.
    await page.locator('.events-chart a.bar-link').first().click();
    await page.waitForFunction(() => location.hash.includes('from=2011-02-01') && location.hash.includes('to=2011-02-28'));
    await rendered();
    assert.equal(await rows().count(), 2, 'February only');

    // The legend filters by type.
    await page.locator('.legend-link', { hasText: 'Battles' }).click();
    await page.waitForFunction(() => location.hash.includes('type=Battles'));
    await rendered();
    assert.equal(await rows().count(), 1);

    // Export of exactly this filter.
    const href = await page.locator('.downloads a', { hasText: 'ACLED CSV' }).getAttribute('href');
    assert.ok(href);
    const csv = await (await fetch(new URL(href, server.url))).text();
    const lines = csv.trim().split('\n');
    assert.equal(lines.length, 2, `${href}\n${csv}`);
    assert.match(lines[1], /Battles/);
    assert.match(lines[1], /434,.*LBY/, 'iso and iso3 filled');

    // Back: February again, then the sorted table, then the Libya table (state from the URL alone); forward again.
    await page.goBack();
    await rendered();
    assert.equal(await rows().count(), 2, 'February, both types');
    await page.goBack();
    await rendered();
    assert.equal(await rows().count(), 3);
    assert.match(await rows().first().innerText(), /Benghazi/, 'sorted by fatalities');
    await page.goBack();
    await rendered();
    assert.equal(page.url(), libya);
    assert.match(await rows().first().innerText(), /Ajdabiya/, 'newest first again');
    assert.match(await rows().first().innerText(), /Ajdabiya, Al Wahat/, 'the town\'s first-level division beside it, by its GeoNames name');
    await page.goForward();
    await rendered();
    assert.match(await rows().first().innerText(), /Benghazi/);

    // The map of the same filter: clusters at world zoom; a click on a cluster, the wheel and + zoom in; a legend entry filters.
    await page.goto(`${server.url}#/map?country=LY`);
    await rendered();
    const zoom = async () => Number(await page.locator('figure.map').getAttribute('data-zoom'));
    assert.equal(await zoom(), 1);
    await page.locator('figure.map path.admin1').waitFor({ state: 'attached' });
    assert.equal(await page.locator('figure.map path.admin1').isVisible(), false, 'no state borders at world zoom');
    assert.ok((await page.locator('figure.map .cluster').count()) >= 1, 'nearby Libyan events cluster at world zoom');
    await page.locator('figure.map .cluster').first().click();
    assert.ok((await zoom()) > 1, 'a cluster click zooms in');
    const before = await zoom();
    await page.locator('figure.map > svg').hover();
    await page.mouse.wheel(0, -200);
    await page.waitForFunction((z) => Number(document.querySelector('figure.map')?.getAttribute('data-zoom')) > z, before);
    await page.locator('figure.map > svg').focus();
    await page.keyboard.press('0');
    assert.equal(await zoom(), 1, '0 resets the view');
    await page.keyboard.press('+');
    assert.equal(await zoom(), 1.5);
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await page.locator('figure.map > svg').getAttribute('viewBox'), '0 0 960 468');
    const mapLink = page.url();
    assert.match(mapLink, /view=/, 'the map view is in the URL');
    const again = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await again.goto(mapLink);
    await again.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false');
    assert.equal(await again.locator('figure.map > svg').getAttribute('viewBox'), await page.locator('figure.map > svg').getAttribute('viewBox'), 'a map permalink opens at the same view');
    await again.close();
    await page.locator('figure.map .legend-link', { hasText: 'Battles' }).click();
    await page.waitForFunction(() => location.hash.includes('type=Battles'));
    await rendered();
    assert.equal(await page.locator('figure.map .map-point').count(), 1);
    // A single event's page is zoomed to its town, its precision named.
    await page.locator('figure.map .map-point').first().click();
    await rendered();
    assert.equal(await zoom(), 24, 'a town: zoomed in close');
    await page.locator('figure.map path.admin1').waitFor({ state: 'visible' });
    assert.ok(((await page.locator('figure.map path.admin1').getAttribute('d')) ?? '').length > 10_000, 'Natural Earth admin-1 borders drawn once zoomed in');
    assert.match(await page.locator('.meta').first().innerText(), /Benghazi town/);

    // A permalink opened fresh shows the same state.
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await fresh.goto(`${server.url}#/events?country=LY&type=Protests`);
    await fresh.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false');
    assert.equal(await fresh.locator('.events-table tbody tr').count(), 1);
    assert.equal(await fresh.locator('input[name=type]').inputValue(), 'Protests');
    await fresh.goto(`${server.url}#/events?admin1=Banghazi`);
    await fresh.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false' && /Benghazi/.test(document.querySelector('.events-table tbody tr')?.textContent ?? ''));
    assert.equal(await fresh.locator('.events-table tbody tr').count(), 1, 'an admin1 filter by the division\'s own name');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('quotes page in Chromium: search by speaker and words, export the filter', { skip: SKIP, timeout: 90_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-workbench-q-'));
  const db = join(dir, 'wb.db');
  seed(db);
  const server = await startServer({ db, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const rendered = () => page.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false');
    await page.goto(`${server.url}#/quotes`);
    await page.locator('main h1', { hasText: 'Quotes' }).waitFor();
    await rendered();
    assert.equal(await page.locator('.quote-item').count(), 2);
    await page.locator('input[name=speaker]').fill('Ali Zeidan');
    await page.locator('form[data-route=quotes] button[type=submit]').click();
    await page.waitForFunction(() => location.hash.includes('speaker=Ali'));
    await rendered();
    assert.equal(await page.locator('.quote-item').count(), 1);
    assert.match(await page.locator('.quote-item blockquote').innerText(), /We will not leave/);
    await page.goto(`${server.url}#/quotes?text=calm&from=2011-02&to=2011-02`);
    await rendered();
    assert.equal(await page.locator('.quote-item').count(), 1, 'words and a month');
    const href = await page.locator('.downloads a', { hasText: 'CSV' }).getAttribute('href');
    const csv = (await (await fetch(new URL(href!, server.url))).text()).trim().split('\n');
    assert.equal(csv.length, 2, csv.join('\n'));
    assert.match(csv[1], /^2011-02-26,a police spokesman,/);
    await page.goto(`${server.url}#/quotes?from=2011-03`);
    await rendered();
    assert.equal(await page.locator('.quote-item').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
