import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { collectCandidates, readDateLine, urlDay } from './sources.js';

test('urlDay: dated paths, compact and dashed days; a month alone is not a day', () => {
  assert.equal(urlDay('https://example.com/politics/2020/05/04/council-vote/'), '2020-05-04');
  assert.equal(urlDay('https://example.com/news/story_2020-05-04.html'), '2020-05-04');
  assert.equal(urlDay('https://example.com/archive/20200504/story'), '2020-05-04');
  assert.equal(urlDay('https://x.blogspot.com/2020/05/a-post.html'), null);
  assert.equal(urlDay('https://example.com/2020/13/45/x'), null);
  assert.equal(urlDay('https://example.com/article/12345678'), null);
});

test('readDateLine: a line is split at its cue words', () => {
  const line = readDateLine('Updated May 6, 2020 at 3:41 p.m. EDT | Published May 4, 2020');
  assert.deepEqual(line.published.map((d) => d.day), ['2020-05-04']);
  assert.deepEqual(line.modified.map((d) => d.day), ['2020-05-06']);
  assert.deepEqual(readDateLine('Mon 4 May 2020 05.25 BST').unlabelled.map((d) => d.day), ['2020-05-04']);
  // A cue far from the date is another fact, not this page's date line.
  assert.deepEqual(readDateLine('The council posted the results of the long consultation on 4 May 2020').published, []);
});

test('collectCandidates: JSON-LD in @graph and arrays, metas in trust order, URL, bylines; other regions skipped', () => {
  const { document } = parseHTML(`<html><head>
    <meta property="article:modified_time" content="2021-01-10T10:00:00+01:00">
    <meta name="pubdate" content="20200504">
    <meta property="article:published_time" content="not a date">
    <script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-05-03"},{"@type":"NewsArticle","datePublished":"2020-05-04T01:00:00+07:00"},{"@type":"ImageObject","datePublished":"2019-01-01"}]}</script>
    <link rel="canonical" href="https://example.com/2020/05/04/story">
  </head><body>
    <aside class="trending"><p class="date">Published 1 May 2020</p></aside>
    <article><p class="byline">Published 4 May 2020</p><p>Text.</p></article>
  </body></html>`);
  const c = collectCandidates(document);
  assert.deepEqual(
    c.map((x) => [x.source, x.detail, x.parsed?.day ?? null]),
    [
      ['json-ld', 'NewsArticle.datePublished', '2020-05-04'],
      ['meta', 'article:published_time', null],
      ['meta', 'pubdate', '2020-05-04'],
      ['json-ld', 'WebPage.datePublished', '2020-05-03'],
      ['url', 'path', '2020-05-04'],
      ['byline', 'p.byline', '2020-05-04'],
      ['modified', 'article:modified_time', '2021-01-10'],
    ],
  );
});

test('collectCandidates: a script-rendered page keeps its date in its state blob, not in JSON-LD', () => {
  const { document } = parseHTML(`<html><head>
    <script id="__NEXT_DATA__" type="application/json">{"props":{"story":{"title":"T","firstPublishedDate":"2020-05-04T23:10:00-04:00"}}}</script>
    <script type="application/ld+json">{"@type":"Organization","name":"X"}</script>
  </head><body><span class="ago">3 hours ago</span></body></html>`);
  const state = collectCandidates(document).filter((c) => c.source === 'script-state');
  assert.deepEqual(state.map((c) => c.parsed?.day), ['2020-05-04']);
});
