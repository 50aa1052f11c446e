import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { packagePath } from '../core/paths.js';
import { openStore, type SqliteStore } from '../store/sqlite.js';
import { createApp } from './app.js';
import { buildFixtureStore, fixtureIds } from './fixtures.js';
import { openApiDocument } from './openapi.js';
import { ROUTES, pathParams } from './routes.js';
import { COMPONENTS, validate, type JsonSchema } from './schema.js';
import { search } from '../api/search.js';
import { safeSegments } from './static.js';

const ids = fixtureIds();
let dir: string;
let dbPath: string;
let store: SqliteStore;
let app: Hono;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-server-'));
  dbPath = join(dir, 'test.db');
  buildFixtureStore(dbPath).close();
  store = openStore(dbPath, { readonly: true });
  app = createApp({ store, dbPath });
});

after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await app.request(path);
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(text);
  return { status: response.status, body, headers: response.headers };
}

function routeFor(method: string, path: string) {
  const r = ROUTES.find((x) => x.method === method && x.path === path);
  assert.ok(r, `route ${method} ${path}`);
  return r;
}

async function getValid<T>(routePath: string, url: string): Promise<T> {
  const { status, body } = await get(url);
  assert.equal(status, 200, `${url}: ${JSON.stringify(body)}`);
  const problems = validate(routeFor('GET', routePath).response.json, body);
  assert.deepEqual(problems, [], `${url} does not match its schema`);
  return body as T;
}

type Paged<T> = { items: T[]; total: number; limit: number; offset: number };

describe('the route table and the OpenAPI document', () => {
  test('every route is in the document with its parameters, and nothing else is', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required: boolean }> }>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const routes = ROUTES.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    assert.deepEqual(documented.sort(), routes.sort());
    for (const r of ROUTES) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      assert.deepEqual(op.parameters.map((p) => p.name).sort(), Object.keys(r.params).sort());
      for (const name of pathParams(r.path)) assert.ok(op.parameters.find((p) => p.name === name && p.in === 'path' && p.required), `${r.path} ${name}`);
    }
  });

  test('every $ref in the document resolves', () => {
    const text = JSON.stringify(openApiDocument());
    for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) assert.ok(COMPONENTS.has(m[1]), m[1]);
  });

  test('GET /openapi.json serves the document', async () => {
    const { status, body } = await get('/openapi.json');
    assert.equal(status, 200);
    assert.equal((body as { openapi: string }).openapi, '3.1.0');
    assert.ok((body as { paths: Record<string, unknown> }).paths['/api/search']);
  });

  test('the validator itself rejects wrong shapes (so the conformance checks can fail)', () => {
    const schema = routeFor('GET', '/api/search').response.json as JsonSchema;
    assert.notDeepEqual(validate(schema, { items: [{ id: 1 }], total: 0, limit: 1, offset: 0 }), []);
    assert.notDeepEqual(validate(schema, { items: [], total: 'x', limit: 1, offset: 0 }), []);
    assert.deepEqual(validate(schema, { items: [], total: 0, limit: 1, offset: 0 }), []);
  });
});

describe('read endpoints', () => {
  test('health and stats', async () => {
    const h = await getValid<{ status: string; articles: number; readOnly: boolean }>('/api/health', '/api/health');
    assert.equal(h.status, 'ok');
    assert.equal(h.articles, 4);
    assert.equal(h.readOnly, true);
    const s = await getValid<{ articles: number; layers: Record<string, number> }>('/api/stats', '/api/stats');
    assert.equal(s.articles, 4);
    assert.equal(s.layers.events, 3);
  });

  test('search returns snippets whose highlight ranges cover the query word', async () => {
    const r = await getValid<Paged<{ id: string; snippet: string; highlights: Array<[number, number]> }>>('/api/search', '/api/search?q=drones');
    assert.equal(r.total, 2);
    for (const hit of r.items) {
      assert.ok(hit.highlights.length > 0);
      for (const [s, e] of hit.highlights) assert.match(hit.snippet.slice(s, e).toLowerCase(), /^drone/);
    }
  });

  test('search pages with limit/offset and reports the total', async () => {
    const all = await getValid<Paged<{ id: string }>>('/api/search', '/api/search?q=Riverton');
    const second = await getValid<Paged<{ id: string }>>('/api/search', '/api/search?q=Riverton&limit=1&offset=1');
    assert.equal(all.total, 2);
    assert.equal(second.total, 2);
    assert.equal(second.items.length, 1);
    assert.equal(second.items[0].id, all.items[1].id);
    assert.deepEqual(Object.keys(second).sort(), ['items', 'limit', 'offset', 'total'], 'a page carries nothing but the page');
    assert.deepEqual(Object.keys(await getValid<object>('/api/events', '/api/events?type=ATTACK&limit=1')).sort(), ['items', 'limit', 'offset', 'total']);
  });

  test('every match is ranked: pages of one search are slices of the full ranking, and total counts them all', () => {
    const full = search(store, 'Riverton', {}, { limit: 2, offset: 0 });
    assert.equal(full.total, 2);
    const first = search(store, 'Riverton', {}, { limit: 1, offset: 0 });
    const second = search(store, 'Riverton', {}, { limit: 1, offset: 1 });
    assert.deepEqual([...first.items, ...second.items].map((h) => h.id), full.items.map((h) => h.id));
    assert.ok(full.items[0].score >= full.items[1].score, 'best first');
  });

  test('search filters by source, date, event type and place; an empty query browses', async () => {
    const bySource = await getValid<Paged<{ id: string }>>('/api/search', '/api/search?q=Riverton&source=Daily%20Two');
    assert.deepEqual(bySource.items.map((h) => h.id), [ids.followup]);
    const byDate = await getValid<Paged<{ id: string }>>('/api/search', '/api/search?q=Riverton&from=2026-03-11');
    assert.deepEqual(byDate.items.map((h) => h.id), [ids.followup]);
    const byType = await getValid<Paged<{ id: string }>>('/api/search', `/api/search?type=${encodeURIComponent('Explosions/Remote violence')}`);
    assert.deepEqual(byType.items.map((h) => h.id).sort(), [ids.strike, ids.followup].sort());
    const byPlace = await getValid<Paged<{ id: string }>>('/api/search', '/api/search?place=XH');
    assert.deepEqual(byPlace.items.map((h) => h.id), [ids.hostile]);
    const browse = await getValid<Paged<{ id: string }>>('/api/search', '/api/search');
    assert.equal(browse.total, 4);
  });

  test('facets count articles per type, place, month and source', async () => {
    const f = await getValid<{ articles: number; type: Array<{ value: string; count: number }>; month: Array<{ value: string; count: number }>; source: Array<{ value: string; count: number }> }>(
      '/api/facets',
      '/api/facets?q=Riverton',
    );
    assert.equal(f.articles, 2);
    assert.deepEqual(f.type, [{ value: 'Explosions/Remote violence', count: 2 }]);
    assert.deepEqual(f.month, [{ value: '2026-03', count: 2 }]);
    assert.equal(f.source.length, 2);
    const everything = await getValid<{ articles: number }>('/api/facets', '/api/facets');
    assert.equal(everything.articles, 4);
  });

  test('articles list with paging and date filters; one article with every layer, by id or prefix', async () => {
    const page = await getValid<Paged<{ id: string }>>('/api/articles', '/api/articles?limit=2&offset=1');
    assert.equal(page.total, 4);
    assert.equal(page.items.length, 2);
    const march = await getValid<Paged<{ id: string }>>('/api/articles', '/api/articles?from=2026-03-01&to=2026-03-10');
    assert.equal(march.total, 2);
    const a = await getValid<{ id: string; text: string; entities: Array<{ start: number; end: number; mentions: Array<{ start: number; end: number }> }>; sightings: unknown[] }>(
      '/api/articles/:id',
      `/api/articles/${ids.strike.slice(0, 8)}`,
    );
    assert.equal(a.id, ids.strike);
    assert.equal(a.entities.length, 3);
    assert.equal(a.text.slice(a.entities[0].mentions[0].start, a.entities[0].mentions[0].end), 'Anna Marsh');
    assert.equal(a.sightings.length, 1);
    const missing = await get('/api/articles/ffffffffffffffff');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: { code: 'NOT_FOUND', message: "no article 'ffffffffffffffff'" } });
  });

  test('entities merge by key across articles; one entity has roles, timeline, quotes and appearances', async () => {
    const list = await getValid<Paged<{ key: string; articles: number; mentions: number }>>('/api/entities', '/api/entities?type=PER');
    const anna = list.items.find((e) => e.key === 'anna marsh');
    assert.deepEqual({ articles: anna?.articles, mentions: anna?.mentions }, { articles: 2, mentions: 3 });
    const one = await getValid<{ roles: Array<{ title: string }>; timeline: Array<{ day: string }>; quotes: Array<{ quote: { text: string } }>; appearances: unknown[] }>(
      '/api/entities/:key',
      '/api/entities/anna%20marsh',
    );
    assert.deepEqual(one.roles.map((r) => r.title), ['regional governor']);
    assert.deepEqual(one.timeline.map((t) => t.day), ['2026-03-10', '2026-03-11']);
    assert.deepEqual(one.quotes.map((q) => q.quote.text), ['"We will rebuild every stall,"']);
    assert.equal(one.appearances.length, 2);
    const hostile = await getValid<{ events: Array<{ role: string }> }>('/api/entities/:key', `/api/entities/${encodeURIComponent('<b onmouseover="window.__xss=5">lena ortiz</b>')}`);
    assert.deepEqual(hostile.events.map((e) => e.role), ['actor']);
    assert.equal((await get('/api/entities/nobody')).status, 404);
    const byName = await getValid<{ key: string }>('/api/entities/:key', '/api/entities/Anna%20Marsh');
    assert.equal(byName.key, 'anna marsh', 'a name finds the entity as `dateline entity` does');
  });

  test('quotes filter by speaker name or entity; quantities by role', async () => {
    const marsh = await getValid<Paged<{ speakerKey: string | null }>>('/api/quotes', '/api/quotes?speaker=Marsh');
    assert.equal(marsh.total, 1);
    assert.equal(marsh.items[0].speakerKey, 'anna marsh');
    assert.equal((await getValid<Paged<unknown>>('/api/quotes', '/api/quotes?speaker=resident')).total, 1);
    assert.equal((await getValid<Paged<unknown>>('/api/quotes', '/api/quotes?speaker=nobody')).total, 0);
    const killed = await getValid<Paged<{ quantity: { value: number } }>>('/api/quantities', '/api/quantities?role=killed');
    assert.deepEqual(killed.items.map((q) => q.quantity.value).sort(), [12, 15]);
  });

  test('claims put the same figure from different claimants side by side', async () => {
    const c = await getValid<Paged<{ role: string; values: number[]; claims: Array<{ claimant: string }> }>>('/api/claims', '/api/claims');
    assert.equal(c.total, 1, 'only the killed figures disagree; downed and launched have one claimant each');
    const killed = c.items.find((g) => g.role === 'killed');
    assert.deepEqual(killed?.values, [12, 15]);
    assert.deepEqual(killed?.claims.map((x) => x.claimant).sort(), ['Anna Marsh', 'officials']);
    const total = async (qs: string) => (await getValid<Paged<unknown>>('/api/claims', `/api/claims?${qs}`)).total;
    assert.equal(await total('claimant=marsh'), 1);
    assert.equal(await total('claimant=nobody'), 0);
    assert.equal(await total('role=injured'), 0);
    assert.equal(await total('from=2026-03&to=2026-03'), 1, 'a month bound is the whole month');
    assert.equal(await total('from=2027'), 0);
    assert.equal((await app.request('/api/claims?from=2026-02-30')).status, 400);
    // Every route reads a month or year bound as the whole period (a month's `to` is its last day, not before its 1st).
    const searchTotal = async (qs: string) => (await getValid<Paged<unknown>>('/api/search', `/api/search?${qs}`)).total;
    assert.equal(await searchTotal('from=2026-03&to=2026-03'), await searchTotal('from=2026-03-01&to=2026-03-31'));
    assert.ok((await searchTotal('to=2026-03')) >= 3);
    assert.equal(await searchTotal('from=2026&to=2026'), await searchTotal('from=2026-01-01&to=2026-12-31'));
    assert.equal((await getValid<{ total: number }>('/api/timeline', '/api/timeline?from=2026-03&to=2026-03')).total, 2);
  });

  test('events filter by type, date range, place, actor, article and coordinates', async () => {
    const q = async (qs: string) => (await getValid<Paged<{ articleId: string }>>('/api/events', `/api/events?${qs}`)).items.map((e) => e.articleId).sort();
    assert.deepEqual(await q('type=ATTACK'), [ids.strike, ids.followup].sort());
    assert.deepEqual(await q(`type=${encodeURIComponent('Air/drone strike')}&from=2026-03-10&to=2026-03-10`), [ids.strike, ids.followup].sort());
    assert.deepEqual(await q('from=2026-03-11'), []);
    assert.deepEqual(await q('place=harbor'), [ids.hostile]);
    assert.deepEqual(await q('actor=drones'), [ids.strike]);
    assert.deepEqual(await q(`article=${ids.followup}`), [ids.followup]);
    assert.equal((await q('geo=true')).length, 3);
    const one = await getValid<{ event: { id: string }; story: string }>('/api/events/:article/:event', `/api/events/${ids.strike}/v0`);
    assert.equal(one.event.id, 'v0');
    assert.equal((await get(`/api/events/${ids.strike}/v9`)).status, 404);
  });

  test('stories come from the stories stage; a story gives its timeline and its merged events with every source\'s figures', async () => {
    const stories = await getValid<Paged<{ id: string; title: string; articles: number; events: number }>>('/api/stories', '/api/stories');
    assert.equal(stories.total, 3);
    const riverton = stories.items.find((x) => x.title === 'Drones strike Riverton market');
    assert.deepEqual({ articles: riverton?.articles, events: riverton?.events }, { articles: 2, events: 1 });
    type Detail = { entries: Array<{ kind: string; sources: unknown[] }>; events: Array<{ sources: Array<{ killed: number | null; claimant: string | null }> }> };
    const story = await getValid<Detail>('/api/stories/:id', `/api/stories/${riverton!.id}`);
    assert.equal(story.entries.length, 1);
    assert.equal(story.entries[0].sources.length, 2);
    assert.deepEqual(story.events[0].sources.map((x) => `${x.killed} ${x.claimant}`).sort(), ['12 Anna Marsh', '15 officials']);
    assert.equal((await get('/api/stories/st-nothing')).status, 404);
    const paged = await getValid<Paged<unknown>>('/api/stories', '/api/stories?limit=1&offset=2');
    assert.deepEqual({ total: paged.total, n: paged.items.length }, { total: 3, n: 1 });
    const events = await getValid<Paged<{ articleId: string; story: string | null }>>('/api/events', `/api/events?story=${riverton!.id}`);
    assert.deepEqual(events.items.map((x) => x.articleId).sort(), [ids.strike, ids.followup].sort());
    assert.ok(events.items.every((x) => x.story === riverton!.id));
  });

  test('merged events and the timeline put every source\'s figures side by side', async () => {
    const merged = await getValid<Paged<{ id: string; sources: unknown[] }>>('/api/merged-events', '/api/merged-events');
    assert.equal(merged.total, 2);
    assert.equal((await getValid<Paged<unknown>>('/api/merged-events', '/api/merged-events?type=ATTACK')).total, 1);
    assert.equal((await getValid<Paged<unknown>>('/api/merged-events', '/api/merged-events?geo=true&limit=1')).total, 2);
    assert.equal((await getValid<Paged<unknown>>('/api/merged-events', '/api/merged-events?limit=1&offset=1')).total, 2);
    type T = { total: number; entries: Array<{ date: string; sources: number; figures: Array<{ value: number; claimant: string }> }> };
    const all = await getValid<T>('/api/timeline', '/api/timeline');
    assert.deepEqual(all.entries.map((e) => e.date), ['2026-03-09', '2026-03-10']);
    const day = all.entries[1];
    assert.equal(day.sources, 2);
    assert.deepEqual(day.figures.map((f) => `${f.value} ${f.claimant}`).sort(), ['12 Anna Marsh', '15 officials']);
    assert.equal((await getValid<T>('/api/timeline', '/api/timeline?from=2026-03-10&place=riverton')).total, 1);
  });

  test('diagnostics are listed with paging', async () => {
    const d = await getValid<Paged<{ code: string; where: { line: number } }>>('/api/diagnostics', '/api/diagnostics');
    assert.equal(d.total, 1);
    assert.equal(d.items[0].where.line, 5);
  });

  test('export downloads every article as JSON Lines', async () => {
    const response = await app.request('/api/export/articles.jsonl');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="dateline-articles\.jsonl"/);
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
    assert.deepEqual(lines.map((l) => l.id).sort(), Object.values(ids).sort());
    assert.ok(lines.every((l) => l.text.length > 0));
    const march = (await (await app.request('/api/export/articles.jsonl?from=2026-03-10')).text()).trim().split('\n');
    assert.equal(march.length, 2);
  });
});

describe('event and GKG downloads', () => {
  test('events download as ACLED CSV, PLOVER JSON, GeoJSON and JSONL, with the event filters', async () => {
    const acled = await app.request('/api/export/events?type=ATTACK');
    assert.equal(acled.status, 200);
    assert.match(acled.headers.get('content-disposition') ?? '', /attachment; filename="dateline-events\.acled\.csv"/);
    const lines = (await acled.text()).trim().split('\n');
    // The fixture's Riverton lies in a made-up country (XR): no ISO code, no first-level division, so
    // ACLED CSV leaves it out and says why; GeoJSON and JSONL below still carry it.
    assert.equal(lines.length, 1, 'the header only');
    assert.match(lines[0], /event_date/);
    assert.equal(acled.headers.get('x-dateline-left-out'), 'outOfScope=0; noDate=0; noPlace=1; countryOnly=0; noAdmin1=0');
    const geo = (await (await app.request('/api/export/events?format=geojson')).json()) as { type: string; features: Array<{ geometry: { coordinates: number[] } }> };
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 2);
    assert.ok(geo.features.some((f) => f.geometry.coordinates[0] === 31.4 && f.geometry.coordinates[1] === 48.6), 'GeoJSON is [lon, lat]');
    const plover = JSON.parse(await (await app.request('/api/export/events?format=plover&place=riverton')).text()) as Array<{ event: string }>;
    assert.deepEqual(plover.map((p) => p.event), ['ATTACK']);
    const jsonl = (await (await app.request('/api/export/events?format=jsonl&from=2026-03-10')).text()).trim().split('\n');
    assert.equal(jsonl.length, 1);
    assert.equal((JSON.parse(jsonl[0]) as { sources: unknown[] }).sources.length, 2);
    assert.equal((await get('/api/export/events?format=xml')).status, 400);
  });

  test('articles download as GKG rows', async () => {
    const r = await app.request('/api/export/articles.gkg.tsv');
    assert.equal(r.status, 200);
    const rows = (await r.text()).trim().split('\n');
    assert.equal(rows.length, 5, 'header and four articles');
  });
});

describe('errors', () => {
  const cases: Array<[string, number, string]> = [
    ['/api/search?q=x&limit=abc', 400, 'BAD_PARAM'],
    ['/api/search?q=x&limit=-1', 400, 'BAD_PARAM'],
    ['/api/search?q=x&limit=100000', 400, 'BAD_PARAM'],
    ['/api/search?q=x&limt=5', 400, 'BAD_PARAM'],
    ['/api/search?q=x&q=y', 400, 'BAD_PARAM'],
    ['/api/articles?from=yesterday', 400, 'BAD_PARAM'],
    ['/api/articles?from=2025-02-30', 400, 'BAD_PARAM'],
    ['/api/search?q=x&to=2025-13', 400, 'BAD_PARAM'],
    ['/api/events?from=2025-04-31', 400, 'BAD_PARAM'],
    ['/api/export/articles.jsonl?to=2025-00-10', 400, 'BAD_PARAM'],
    ['/api/entities?type=ALIEN', 400, 'BAD_PARAM'],
    ['/api/events?geo=maybe', 400, 'BAD_PARAM'],
    ['/api/nothing', 404, 'NOT_FOUND'],
  ];
  for (const [url, status, code] of cases) {
    test(`${url} → ${status} ${code}`, async () => {
      const r = await get(url);
      assert.equal(r.status, status);
      assert.equal((r.body as { error: { code: string } }).error.code, code);
      assert.equal(typeof (r.body as { error: { message: string } }).error.message, 'string');
    });
  }

  test('an integer too long to be exact is refused as too large, not as "not an integer"', async () => {
    const r = await get('/api/articles?offset=99999999999999999');
    assert.equal(r.status, 400);
    assert.match((r.body as { error: { message: string } }).error.message, /parameter 'offset' must be ≤ 999999999999999/);
  });

  test('a wrong method answers 405 with Allow', async () => {
    const r = await app.request('/api/search?q=x', { method: 'DELETE' });
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'GET');
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'METHOD_NOT_ALLOWED');
  });

  test('FTS syntax errors fall back to plain words instead of failing', async () => {
    const r = await getValid<Paged<unknown>>('/api/search', '/api/search?q=%22drones%20AND%20(');
    assert.ok(r.total >= 1);
  });
});

describe('static files and security headers', () => {
  test('the UI is served with a strict Content-Security-Policy', async () => {
    const r = await get('/');
    assert.equal(r.status, 200);
    assert.match(String(r.body), /<main id="main"/);
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.doesNotMatch(r.headers.get('content-security-policy') ?? '', /unsafe-inline|unsafe-eval/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await get('/static/js/app.js')).status, 200);
    assert.match((await get('/static/app.css')).headers.get('content-type') ?? '', /text\/css/);
    assert.equal((await get('/vendor/countries-110m.json')).status, 200);
  });

  const secret = readFileSync(packagePath('package.json'), 'utf8').slice(0, 40);
  const attempts = [
    '/static/../package.json',
    '/static/%2e%2e/package.json',
    '/static/%2E%2E/%2E%2E/package.json',
    '/static/.%2e/package.json',
    '/static/..%2fpackage.json',
    '/static/..%2Fpackage.json',
    '/static/..%5cpackage.json',
    '/static/%252e%252e/package.json',
    '/static/%252e%252e%252fpackage.json',
    '/static/js/../../../../package.json',
    '/static/js/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/static/%00../package.json',
    '/static/.%00./package.json',
    '/static//etc/passwd',
    '/static/%2fetc%2fpasswd',
    '/vendor/..%2f..%2fpackage.json',
    '/vendor/package.json',
    '/static/.gitignore',
  ];
  for (const url of attempts) {
    test(`no traversal: ${url}`, async () => {
      const r = await get(url);
      assert.equal(r.status, 404);
      assert.ok(!JSON.stringify(r.body).includes(secret));
    });
  }

  test('safeSegments refuses every unsafe segment', () => {
    assert.deepEqual(safeSegments('js/app.js'), ['js', 'app.js']);
    for (const bad of ['..', '%2e%2e', '.%2E', 'a/../b', 'a%2fb', 'a%5cb', '%252e', '.hidden', 'a//b', '', 'a%00', '%E0%A4%A']) assert.equal(safeSegments(bad), null, bad);
  });
});

describe('rate limit and ingest', () => {
  test('a client over its bucket gets 429 with Retry-After; other clients are unaffected', async () => {
    const limited = createApp({ store, dbPath, rateLimit: { perSecond: 1, burst: 3 }, clientKey: (c) => c.req.header('x-test-client') ?? 'a' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.request('/api/health', { headers: { 'x-test-client': 'a' } })).status);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const r = await limited.request('/api/health', { headers: { 'x-test-client': 'a' } });
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    assert.equal((await limited.request('/api/health', { headers: { 'x-test-client': 'b' } })).status, 200);
  });

  test('a loopback server answers only to loopback host names (no DNS rebinding)', async () => {
    const guarded = createApp({ store, dbPath, allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] });
    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787', 'LOCALHOST']) {
      assert.equal((await guarded.request('http://x/api/health', { headers: { host } })).status, 200, host);
    }
    for (const host of ['evil.example', 'evil.example:8787', '127.0.0.1.evil.example', '']) {
      const r = await guarded.request('http://x/api/health', { headers: { host } });
      assert.equal(r.status, 403, host);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'BAD_HOST');
    }
  });

  test('a write from another origin is refused before anything is read', async () => {
    const writable = createApp({ store, dbPath, allowIngest: true });
    const attempts: Array<Record<string, string>> = [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of attempts) {
      const r = await writable.request('http://localhost/api/ingest?name=a.txt', { method: 'POST', body: 'x', headers: { host: 'localhost', ...headers } });
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'CROSS_ORIGIN');
    }
  });

  test('uploads are refused unless ingest is allowed', async () => {
    const r = await app.request('/api/ingest?name=a.txt', { method: 'POST', body: 'hello world' });
    assert.equal(r.status, 403);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'INGEST_DISABLED');
  });

  test('an allowed upload lands with per-record diagnostics and is searchable through the read connection', async () => {
    const ownPath = join(dir, 'ingest.db');
    buildFixtureStore(ownPath).close();
    const own = openStore(ownPath, { readonly: true });
    const writable = createApp({ store: own, dbPath: ownPath, allowIngest: true, maxUploadBytes: 4096 });
    const getOwn = async (url: string) => (await (await writable.request(url)).json()) as Paged<unknown>;
    const body = [
      JSON.stringify({ title: 'Canal reopens', text: 'The Westhaven canal reopened to barges on Friday after repairs.', date: '2026-04-03' }),
      '{not json',
      JSON.stringify({ title: 'Bridge closes', text: 'The Westhaven bridge closed for inspection on Saturday.', date: '2026-04-04' }),
    ].join('\n');
    const r = await writable.request('/api/ingest?name=batch.jsonl', { method: 'POST', body });
    const result = (await r.json()) as { inserted: string[]; errors: number; diagnostics: Array<{ where: { file: string; line: number } }>; file: string };
    assert.equal(r.status, 200, JSON.stringify(result));
    assert.deepEqual(validate(routeFor('POST', '/api/ingest').response.json, result), []);
    assert.equal(result.inserted.length, 2);
    assert.ok(result.errors >= 1);
    assert.ok(result.diagnostics.some((d) => d.where.file === 'upload/batch.jsonl' && d.where.line === 2));
    assert.equal((await getOwn('/api/search?q=Westhaven')).total, 2);
    assert.equal((await getValid<Paged<unknown>>('/api/search', '/api/search?q=Westhaven')).total, 0);
    const again = (await (await writable.request('/api/ingest?name=batch.jsonl', { method: 'POST', body })).json()) as { duplicates: string[] };
    assert.equal(again.duplicates.length, 2);

    const form = new FormData();
    form.append('file', new File(['Harbourside market reopened in Westhaven on Sunday.'], 'note.txt'));
    const multipart = await writable.request('/api/ingest', { method: 'POST', body: form });
    assert.equal(multipart.status, 200);
    assert.equal(((await multipart.json()) as { file: string }).file, 'upload/note.txt');

    const big = await writable.request('/api/ingest?name=big.txt', { method: 'POST', body: 'x'.repeat(5000) });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
    const empty = await writable.request('/api/ingest?name=e.txt', { method: 'POST', body: '' });
    assert.equal(((await empty.json()) as { error: { code: string } }).error.code, 'BAD_BODY');
    const binary = (await (await writable.request('/api/ingest?name=x.bin', { method: 'POST', body: new Uint8Array([0, 1, 2, 0, 255, 0, 7]) })).json()) as { inserted: string[]; errors: number };
    assert.deepEqual({ inserted: binary.inserted.length, errors: binary.errors > 0 }, { inserted: 0, errors: true });
    own.close();
  });
});
