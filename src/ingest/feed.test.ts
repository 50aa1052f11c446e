import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFeed, parseFeed } from './feed.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Fixture Wire</title>
    <link>https://news.example.org/</link>
    <item>
      <title>Ferry service resumes</title>
      <link>https://news.example.org/ferry</link>
      <pubDate>Sun, 02 Nov 2025 10:00:00 +0300</pubDate>
      <dc:creator>Ana Silva</dc:creator>
      <description>Short teaser that is not the article.</description>
      <content:encoded><![CDATA[<p>(MWANZA, Tanzania) — Ferries ran again on Sunday.</p><p>ADVERTISEMENT</p><p>The port said repairs took a week.</p>]]></content:encoded>
    </item>
    <item>
      <title>Cranes back in service</title>
      <guid>https://news.example.org/cranes</guid>
      <pubDate>not a date</pubDate>
      <description>&lt;p&gt;Two cranes were repaired &amp;amp; back on Tuesday.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Empty item</title>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Fixture Wire — Europe</title>
  <entry>
    <title>Rail line reopens</title>
    <link rel="self" href="https://news.example.org/self/1"/>
    <link rel="alternate" href="https://news.example.org/rail"/>
    <published>2025-11-18T17:30:00+01:00</published>
    <updated>2025-11-19T08:00:00+01:00</updated>
    <author><name>Tom Reilly</name></author>
    <content type="html">&lt;p&gt;(WARSAW, Poland) — The line reopened on Tuesday.&lt;/p&gt;&lt;p&gt;Trains ran on time.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Sanctions agreed</title>
    <link href="https://news.example.org/sanctions"/>
    <updated>2025-10-23T12:00:00Z</updated>
    <summary>EU governments approved new sanctions on Thursday.</summary>
  </entry>
</feed>`;

test('rss 2.0: one article per item, content:encoded preferred, pubDate, link/guid, creator, feed title as source', () => {
  assert.equal(looksLikeFeed(RSS), 'rss');
  const { articles, diagnostics } = parseFeed({ text: RSS, file: 'wire.rss', normalizations: [] });
  assert.equal(articles.length, 2);
  const [a, b] = articles;
  assert.equal(a.title, 'Ferry service resumes');
  assert.equal(a.text, '(MWANZA, Tanzania) — Ferries ran again on Sunday.\nThe port said repairs took a week.');
  assert.equal(a.published, '2025-11-02T10:00:00.000+03:00');
  assert.equal(a.url, 'https://news.example.org/ferry');
  assert.equal(a.byline, 'Ana Silva');
  assert.equal(a.source, 'Fixture Wire');
  assert.equal(a.dateline?.text, '(MWANZA, Tanzania) —');
  assert.equal(a.text.slice(a.dateline!.start, a.dateline!.end), a.dateline!.text);
  assert.deepEqual(a.origin, { file: 'wire.rss', format: 'rss', record: 1 });
  assert.equal(b.text, 'Two cranes were repaired & back on Tuesday.');
  assert.equal(b.url, 'https://news.example.org/cranes');
  assert.equal(b.published, null);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.where?.record]),
    [
      ['INGEST_BAD_DATE', 2],
      ['INGEST_NO_TEXT', 3],
    ],
  );
  assert.ok(diagnostics.every((d) => d.where?.file === 'wire.rss'));
});

test('atom: entries with content or summary, published else updated, the alternate link, author name', () => {
  assert.equal(looksLikeFeed(ATOM), 'atom');
  const { articles, diagnostics } = parseFeed({ text: ATOM, file: 'europe.atom', normalizations: [] });
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 2);
  const [a, b] = articles;
  assert.equal(a.title, 'Rail line reopens');
  assert.equal(a.text, '(WARSAW, Poland) — The line reopened on Tuesday.\nTrains ran on time.');
  assert.equal(a.published, '2025-11-18T17:30:00.000+01:00');
  assert.equal(a.url, 'https://news.example.org/rail');
  assert.equal(a.byline, 'Tom Reilly');
  assert.equal(a.source, 'Fixture Wire — Europe');
  assert.equal(a.origin.format, 'atom');
  assert.equal(b.text, 'EU governments approved new sanctions on Thursday.');
  assert.equal(b.published, '2025-10-23T12:00:00.000Z');
  assert.equal(b.url, 'https://news.example.org/sanctions');
});

test('feeds: XML that is no feed, and a feed with no items, are reported', () => {
  const notFeed = parseFeed({ text: '<?xml version="1.0"?><catalog><book/></catalog>', file: 'c.xml', normalizations: [] });
  assert.equal(notFeed.articles.length, 0);
  assert.equal(notFeed.diagnostics[0].code, 'INGEST_NOT_FEED');
  const empty = parseFeed({ text: '<rss version="2.0"><channel><title>x</title></channel></rss>', file: 'e.rss', normalizations: [] });
  assert.equal(empty.articles.length, 0);
  assert.equal(empty.diagnostics[0].code, 'INGEST_NO_TEXT');
  assert.equal(empty.diagnostics[0].where?.file, 'e.rss');
});

test('atom: xhtml content keeps its paragraphs apart; text content is plain text, never parsed as markup', () => {
  const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
    <entry><title>x</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>(KYIV) — One.</p><p>Two &amp; three.</p></div></content></entry>
    <entry><title>t</title><content type="text">Prices rose 5% &lt;b&gt; (a typo) and &amp;lt;p&amp;gt; stayed.
      Second   line.</content></entry>
    <entry><title>u</title><summary>Untyped   summary.</summary></entry></feed>`;
  const { articles, diagnostics } = parseFeed({ text: xml, file: 'f.atom', normalizations: [] });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    articles.map((a) => a.text),
    ['(KYIV) — One.\nTwo & three.', 'Prices rose 5% <b> (a typo) and &lt;p&gt; stayed.\nSecond line.', 'Untyped summary.'],
  );
  assert.equal(articles[0].dateline?.place, 'KYIV');
});

test('feeds: a feed of 4,000 items parses in linear time', () => {
  const items = Array.from({ length: 4000 }, (_, i) => `<item><title>t${i}</title><description>Item ${i} text.</description></item>`).join('');
  const started = performance.now();
  const { articles } = parseFeed({ text: `<rss version="2.0"><channel><title>F</title>${items}</channel></rss>`, file: 'big.rss', normalizations: [] });
  assert.equal(articles.length, 4000);
  assert.equal(articles[3999].title, 't3999');
  // About 1 s on an idle core; reading linkedom's `children` per index made it quadratic (over 13 s).
  assert.ok(performance.now() - started < 8000, `${Math.round(performance.now() - started)} ms`);
});

test('feeds: pathologically nested XML is refused fast', () => {
  const started = performance.now();
  const { articles, diagnostics } = parseFeed({ text: `<rss version="2.0"><channel>${'<a>'.repeat(50000)}</channel></rss>`, file: 'deep.rss', normalizations: [] });
  assert.equal(articles.length, 0);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.where?.file]), [['INGEST_BAD_XML', 'deep.rss']]);
  assert.ok(performance.now() - started < 2000);
});
