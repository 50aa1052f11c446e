import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { findPublicationDate } from './find.js';

const find = (html: string, options = {}) => findPublicationDate(parseHTML(html).document, options).date;

test('findPublicationDate: keeps the page local day of an offset time (not the UTC day)', () => {
  const d = find('<html><head><meta property="article:published_time" content="2020-05-04T04:25:13+07:00"></head><body></body></html>');
  assert.deepEqual(d, { day: '2020-05-04', source: 'meta', detail: 'article:published_time', confidence: 1 });
});

test('findPublicationDate: a malformed first source is skipped for the next valid one', () => {
  const d = find(`<html><head><meta property="article:published_time" content="{{ post.date }}">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-05-04",}</script>
    <meta name="parsely-pub-date" content="2020-05-04T21:30:00-04:00"></head><body></body></html>`);
  assert.equal(d?.day, '2020-05-04');
  assert.equal(d?.detail, 'parsely-pub-date');
});

test('findPublicationDate: published wins over a modified date listed first', () => {
  const d = find(`<html><head><meta property="article:modified_time" content="2021-03-01T10:00:00Z">
    <script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2021-03-01","datePublished":"2020-05-04T10:00:00+02:00"}</script>
    </head><body><p class="date">Updated 1 March 2021</p></body></html>`);
  assert.equal(d?.day, '2020-05-04');
  assert.equal(d?.source, 'json-ld');
});

test('findPublicationDate: future and implausible dates are refused; a later valid source wins', () => {
  const page = `<html><head><meta property="article:published_time" content="2099-12-31T00:00:00Z">
    <meta name="date" content="1970-01-01T00:00:00Z"></head>
    <body><article><p class="byline">By A. Writer | Published 4 May 2020</p></article></body></html>`;
  assert.equal(find(page, { notAfter: '2025-01-01' })?.day, '2020-05-04');
  // A published date after the page's stated modification is not the publication either.
  const later = `<html><head><meta property="article:modified_time" content="2020-05-06T09:00:00+01:00">
    <meta property="article:published_time" content="2020-06-01T09:00:00+01:00"></head>
    <body><article><p class="byline">Published 4 May 2020</p></article></body></html>`;
  assert.equal(find(later)?.day, '2020-05-04');
});

test('findPublicationDate: a UTC instant yields to the local day the page prints beside it', () => {
  const d = find(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-05-04T23:25:13.000Z"}</script></head>
    <body><article><time datetime="2020-05-04T23:25:13.000Z">5 May 2020</time></article></body></html>`);
  assert.equal(d?.day, '2020-05-05');
});

test('findPublicationDate: URL, byline and unknown', () => {
  assert.equal(find('<html><head><link rel="canonical" href="https://e.com/news/2020/05/04/x"></head><body></body></html>')?.source, 'url');
  assert.equal(find('<html><body><div>Posted on Monday 4 May 2020</div></body></html>')?.day, '2020-05-04');
  // Dates of comments, other stories and the body text are not the page's.
  const none = find(`<html><body><article><p>The plan was first proposed on 4 May 2019.</p></article>
    <section class="comments"><p class="comment-meta">jo posted on May 6, 2020</p></section>
    <aside><time datetime="2020-05-01">May 1</time></aside>
    <blockquote class="twitter-tweet"><p>Big news today.</p><div class="tweet-meta">May 3, 2020</div></blockquote></body></html>`);
  assert.equal(none, null);
});
