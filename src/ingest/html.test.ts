import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import { htmlFragmentToText, isBoilerplateLine, nestsDeeperThan, parseHtml } from './html.js';

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Cranes back in service at Gdansk | Fixture Wire</title>
  <meta property="og:title" content="Cranes back in service at Gdansk">
  <meta property="og:site_name" content="Fixture Wire">
  <meta property="article:published_time" content="2025-11-04T09:30:00+01:00">
  <link rel="canonical" href="https://news.example.org/gdansk-cranes">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
  <article>
    <h1>Cranes back in service at Gdansk</h1>
    <p class="byline">By <span rel="author">Ana Silva</span></p>
    <p>(GDANSK, Poland) — Two of the harbour’s container cranes were back in service on Tuesday after a storm knocked out their power supply for nearly a week, the port operator said.</p>
    <p>“We lost about six days of loading,” said Marta Nowicka, the operator’s head of operations. “Most of it we will make up by the weekend.”</p>
    <div><p>ADVERTISEMENT</p></div>
    <p>The storm, which hit the coast on Wednesday night, also brought down power lines across the Pomeranian region and left at least 40,000 homes without electricity, the regional grid company said.</p>
    <p>Shipping agents said that about a dozen vessels had been diverted to Gdynia while the cranes were out of action.</p>
  </article>
  <footer><p>© 2025 Fixture Wire · <a href="/privacy">Privacy</a></p><p>Follow us on social media</p></footer>
</body>
</html>`;

test('html: Readability extracts article text, title, byline, published time, url, site, language', () => {
  const { articles, diagnostics } = parseHtml({ text: PAGE, file: 'page.html', normalizations: [] });
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 1);
  const [a] = articles;
  assert.equal(a.title, 'Cranes back in service at Gdansk');
  assert.match(a.byline ?? '', /Ana Silva/);
  // The page's own calendar day, from article:published_time 2025-11-04T09:30:00+01:00.
  assert.equal(a.published, '2025-11-04');
  assert.equal(a.publishedSource, 'metadata');
  assert.equal(a.publishedConfidence, 1);
  assert.equal(a.url, 'https://news.example.org/gdansk-cranes');
  assert.equal(a.source, 'Fixture Wire');
  assert.equal(a.language, 'en');
  assert.equal(a.origin.format, 'html');
  assert.ok(a.text.startsWith('(GDANSK, Poland) — Two of the harbour’s'), a.text.slice(0, 80));
  assert.equal(a.dateline?.place, 'GDANSK');
  assert.equal(a.text.slice(a.dateline!.start, a.dateline!.end), a.dateline!.text);
  assert.ok(!/ADVERTISEMENT/i.test(a.text), 'the inline ad line is removed');
  for (const chrome of ['Home', 'Privacy', 'Follow us', '©']) assert.ok(!a.text.includes(chrome), `${chrome} leaked into the text`);
  assert.ok(a.text.includes('Shipping agents said'));
  assert.equal(a.text.split('\n').length, 4, 'one line per paragraph');
});

test('html: a page with no article is INGEST_NO_ARTICLE naming the file', () => {
  const page = readFileSync(packagePath('test-fixtures', 'bad', 'no-article.html'), 'utf8');
  const { articles, diagnostics } = parseHtml({ text: page, file: 'no-article.html', normalizations: [] });
  assert.equal(articles.length, 0);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'INGEST_NO_ARTICLE');
  assert.equal(diagnostics[0].where?.file, 'no-article.html');
  assert.equal(parseHtml({ text: '<html><body></body></html>', file: 'e.html', normalizations: [] }).diagnostics[0].code, 'INGEST_NO_ARTICLE');
});

test('html: the bundled sample page keeps its dateline and drops nav, ads, related links and footer', () => {
  const page = readFileSync(packagePath('samples', 'web', 'prisoner-exchange.html'), 'utf8');
  const { articles } = parseHtml({ text: page, file: 'prisoner-exchange.html', normalizations: [] });
  assert.equal(articles.length, 1);
  const [a] = articles;
  assert.equal(a.dateline?.text, '(KYIV) —');
  assert.equal(a.published, '2025-12-06');
  assert.ok(!/ADVERTISEMENT|Newsletters|Read more|All rights reserved|Skip to content/.test(a.text), a.text);
});

test('html fragments: block elements become lines, scripts vanish, boilerplate lines are dropped', () => {
  assert.equal(
    htmlFragmentToText('<div>One <b>bold</b>\n  word.</div><script>var x = 1;</script><p>Two.<br>Three.</p><p>Share</p><ul><li>Four.</li></ul>'),
    'One bold word.\nTwo.\nThree.\nFour.',
  );
  assert.ok(isBoilerplateLine('ADVERTISEMENT'));
  assert.ok(isBoilerplateLine('Advertisement - scroll to continue'));
  assert.ok(isBoilerplateLine('Sign up for our newsletter to get updates in your inbox'));
  assert.ok(isBoilerplateLine('Related stories: Ferry service resumes'));
  assert.ok(isBoilerplateLine('Read more'));
  for (const sentence of [
    'Advertisement revenue fell 10% in the third quarter, the company said.',
    'Recommended doses were exceeded in 30 cases, the ministry said.',
    'Related talks in Geneva ended without agreement on Friday.',
    'Officials said they would share the data with investigators.',
  ]) {
    assert.ok(!isBoilerplateLine(sentence), sentence);
  }
});

test('html fragments: thousands of sibling paragraphs convert in linear time (171 s before children were read once)', () => {
  const started = performance.now();
  const text = htmlFragmentToText('<p>x'.repeat(20000));
  assert.equal(text.split('\n').length, 20000);
  assert.ok(performance.now() - started < 5000, `${Math.round(performance.now() - started)} ms`);
});

test('html: pathologically nested markup is refused fast instead of hanging the parser', () => {
  const started = performance.now();
  const deep = parseHtml({ text: `<!doctype html><html><body>${'<div>'.repeat(50000)}<p>${'word '.repeat(100)}</p></body></html>`, file: 'deep.html', normalizations: [] });
  assert.deepEqual(deep.diagnostics.map((d) => d.code), ['INGEST_BAD_HTML']);
  // Deep enough to take Readability a minute (2,000 levels), shallow enough for the raw scan to let through.
  const medium = parseHtml({ text: `<!doctype html><html><body>${'<div>'.repeat(2000)}<p>${'word '.repeat(100)}</p></body></html>`, file: 'medium.html', normalizations: [] });
  assert.deepEqual(medium.diagnostics.map((d) => d.code), ['INGEST_BAD_HTML']);
  assert.ok(performance.now() - started < 3000, `${Math.round(performance.now() - started)} ms`);
  // A deeply nested fragment (a record's HTML body) keeps its words.
  assert.equal(htmlFragmentToText(`${'<div>'.repeat(50000)}hello &amp; goodbye`), 'hello &amp; goodbye');
});

test('nestsDeeperThan: counts real nesting, not void elements, implicit ends, self-closing tags or comments', () => {
  assert.ok(nestsDeeperThan('<div>'.repeat(11), 10));
  assert.ok(!nestsDeeperThan('<div></div>'.repeat(1000), 10));
  assert.ok(!nestsDeeperThan(`${'<p>text'.repeat(1000)}${'<br><img src=x><li>'.repeat(100)}<x/>`.repeat(2), 10));
  assert.ok(!nestsDeeperThan('<!-- a --><!DOCTYPE html>'.repeat(100), 10));
});

test('html: a Chinese page without spaces is an article (counted by characters), its headline not repeated in the body', () => {
  const page = `<!doctype html><html lang="zh-CN"><head><title>城市开通新的地铁线路</title></head><body>
<article><h1>城市开通新的地铁线路</h1><div class="share"><p><a href="#">分享到微信</a></p><p><a href="#">分享到微博</a></p></div>
<p class="time">发布时间：2021年3月8日 09:30</p>
<p>本市第十二条地铁线路于周一上午正式开通运营，全长三十二公里，共设二十个车站，连接城市东部的新区和老城中心。</p>
<p>市交通局负责人表示，新线路开通后，东部新区到市中心的通勤时间将缩短约二十分钟，每天预计客流量超过四十万人次。</p>
</article></body></html>`;
  const { articles, diagnostics } = parseHtml({ text: page, file: 'zh.html', normalizations: [] });
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 1);
  const [a] = articles;
  assert.equal(a.language, 'zh');
  assert.ok(a.text.startsWith('发布时间') || a.text.startsWith('本市'), a.text.slice(0, 20));
  assert.ok(!a.text.includes('分享'), 'share bar removed');
  assert.equal(a.published, '2021-03-08');
  assert.equal(a.publishedSource, 'content');
  assert.ok(a.publishedConfidence > 0 && a.publishedConfidence < 1);
});

test('html: share bars above and below the story and a menu inside it are removed, sub-headings kept', () => {
  const story = [
    'The city council voted 31 to 12 on Tuesday evening to approve two new bus lanes on the inner ring road, ending a long dispute.',
    'Transport officials said the lanes would cut journey times on the busiest routes by up to eight minutes at peak hours.',
    'Opponents, including several shop owners along Mill Street, said the loss of parking spaces would drive customers away.',
  ];
  const share = '<div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Tweet</a><button>Copy link</button></div>';
  const menu = '<div><p><a href="/news">News</a></p><p><a href="/sport">Sport</a></p><p><a href="/business">Business</a></p></div>';
  const page = `<!doctype html><html lang="en"><head><title>Bus lanes approved</title></head><body><article><h1>Bus lanes approved</h1>
${share}<p>${story[0]}</p>${menu}<h2>What happens next</h2><p>${story[1]}</p><p>${story[2]}</p>${share}</article></body></html>`;
  const { articles } = parseHtml({ text: page, file: 'share.html', normalizations: [] });
  assert.deepEqual(articles[0].text.split('\n'), [story[0], 'What happens next', story[1], story[2]]);
});
