// Unit tests for the browser modules' pure parts (escaping, annotation markup, map projection), run in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { packagePath } from '../core/paths.js';
import { fixtureArticles } from '../server/fixtures.js';

interface Safe {
  value: string;
}
interface EscapeModule {
  escapeHtml(v: unknown): string;
  html(strings: TemplateStringsArray, ...values: unknown[]): Safe;
  raw(s: string): Safe;
  safeUrl(u: unknown): string;
  mount(el: { innerHTML: string }, markup: unknown): void;
}
interface AnnotateModule {
  annotateText(text: string, layers: object): Safe;
  annotations(text: string, layers: object): Array<{ start: number; end: number; kind: string; ref: string }>;
  highlightSnippet(snippet: string, highlights: Array<[number, number]>): Safe;
  speakerColour(name: string): number;
}
interface MapModule {
  project(lon: number, lat: number): [number, number];
  ringsToPath(rings: number[][][]): string;
  WIDTH: number;
  HEIGHT: number;
}

const load = <T>(name: string): Promise<T> => import(pathToFileURL(packagePath('src', 'web', 'public', 'js', name)).href) as Promise<T>;
const esc = await load<EscapeModule>('escape.js');
const ann = await load<AnnotateModule>('annotate.js');
const map = await load<MapModule>('map.js');

/** Markup with no live tags or handlers: every '<' that reaches the output was written by us. */
function tagsIn(markup: string): string[] {
  return [...markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase());
}

test('escapeHtml escapes every character that can open markup or leave an attribute', () => {
  assert.equal(esc.escapeHtml(`<script>alert("x")</script>`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  assert.equal(esc.escapeHtml(`' onmouseover=x \``), '&#39; onmouseover&#61;x &#96;');
  assert.equal(esc.escapeHtml('a & b'), 'a &amp; b');
  assert.equal(esc.escapeHtml(null), '');
  assert.equal(esc.escapeHtml(42), '42');
});

test('html escapes every interpolation, composes nested markup and arrays, drops null/false', () => {
  const evil = '<img src=x onerror="alert(1)">';
  const out = esc.html`<p title="${evil}">${evil}${[esc.html`<b>${evil}</b>`, null, false]}</p>`.value;
  assert.deepEqual(tagsIn(out), ['p', 'b', 'b', 'p']);
  assert.ok(!out.includes('onerror="'));
  assert.equal(esc.html`${esc.raw('<i>ok</i>')}`.value, '<i>ok</i>');
});

test('safeUrl keeps http(s) and in-app links only', () => {
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example/x', 'http://a.b/"onmouseover="x', '']) assert.equal(esc.safeUrl(bad), '#', bad);
  assert.equal(esc.safeUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  assert.equal(esc.safeUrl('#/article/abc'), '#/article/abc');
  assert.equal(esc.safeUrl('/openapi.json'), '/openapi.json');
});

test('mount refuses plain strings', () => {
  const el = { innerHTML: '' };
  assert.throws(() => esc.mount(el, '<b>x</b>'), TypeError);
  esc.mount(el, esc.html`<b>${'<i>'}</b>`);
  assert.equal(el.innerHTML, '<b>&lt;i&gt;</b>');
});

test('the hostile fixture article renders as text: only our own span tags appear', () => {
  const hostile = fixtureArticles()[2];
  const out = ann.annotateText(hostile.article.text, hostile.layers).value;
  assert.deepEqual([...new Set(tagsIn(out))], ['span']);
  assert.ok(out.includes('&lt;script&gt;window.__xss &#61; 2&lt;/script&gt;'));
  // Title attributes carry layer fields (a time rule with markup): escaped too.
  assert.ok(out.includes('&lt;img src&#61;x onerror&#61;&quot;window.__xss&#61;6&quot;&gt;'));
});

test('annotated text keeps the article text exactly and marks every layer item', () => {
  for (const { article, layers } of fixtureArticles()) {
    const out = ann.annotateText(article.text, layers).value;
    const text = out
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&#96;/g, '`')
      .replace(/&#61;/g, '=')
      .replace(/&amp;/g, '&');
    assert.equal(text, article.text);
  }
  const strike = fixtureArticles()[0];
  const anns = ann.annotations(strike.article.text, strike.layers);
  const kinds = new Set(anns.map((a) => a.kind));
  for (const k of ['entity', 'time', 'quote', 'speaker', 'quantity', 'place', 'event', 'trigger']) assert.ok(kinds.has(k), k);
  const out = ann.annotateText(strike.article.text, strike.layers).value;
  assert.match(out, /data-ref="entity:0"[^>]*>Anna Marsh</);
  assert.match(out, /data-ref="time:0" title="Tuesday: resolved: 2026-03-10/);
});

test('annotation ignores spans outside the text instead of breaking', () => {
  const out = ann.annotateText('short', { entities: [{ id: 'e0', name: 'X', type: 'PER', start: 2, end: 99, mentions: [{ start: 2, end: 99 }] }] }).value;
  assert.equal(out, 'short');
});

test('snippet highlights become <mark> around escaped text', () => {
  const out = ann.highlightSnippet('a <b> drones c', [[6, 12]]).value;
  assert.equal(out, 'a &lt;b&gt; <mark>drones</mark> c');
  assert.equal(ann.speakerColour('Anna Marsh'), ann.speakerColour('anna marsh'));
});

test('the Equal Earth projection maps the world into the SVG box', () => {
  const [cx, cy] = map.project(0, 0);
  assert.ok(Math.abs(cx - map.WIDTH / 2) < 1e-9 && Math.abs(cy - map.HEIGHT / 2) < 1e-9);
  const [east] = map.project(180, 0);
  assert.ok(Math.abs(east - map.WIDTH) < 1, `east edge at ${east}`);
  const [, north] = map.project(0, 90);
  assert.ok(north > 0 && north < map.HEIGHT / 2);
  // A ring crossing the antimeridian is broken, not drawn across the map.
  assert.equal((map.ringsToPath([[[170, 0], [-170, 0], [-170, 10]]]).match(/M/g) ?? []).length, 2);
});
