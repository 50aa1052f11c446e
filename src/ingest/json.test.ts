import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonDocument, parseJsonLines, recordToArticle } from './json.js';
import { parseText } from './read.js';

const input = (text: string, file = 'records.json') => ({ text, file, normalizations: [] as string[] });

const REC_A = {
  title: 'Ferry service resumes',
  text: '(MWANZA, Tanzania) — Ferries ran again on Sunday, the port authority said.',
  date: '2025-11-02',
  url: 'https://news.example.org/a',
  source: 'Fixture Wire',
};
const REC_B = {
  headline: 'Cranes back in service',
  body: 'Two container cranes were repaired on Tuesday.\nThe operator said exports would resume.',
  published: 'Tue, 04 Nov 2025 08:00:00 GMT',
  link: 'https://news.example.org/b',
  publisher: 'Fixture Wire',
  author: ['Ana Silva', 'Tom Reilly'],
};

test('json: an array of records, with default field names and their common aliases', () => {
  const { articles, diagnostics } = parseJsonDocument(input(JSON.stringify([REC_A, REC_B])));
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 2);
  const [a, b] = articles;
  assert.equal(a.title, 'Ferry service resumes');
  assert.equal(a.published, '2025-11-02');
  assert.equal(a.publishedSource, 'metadata');
  assert.equal(a.url, 'https://news.example.org/a');
  assert.equal(a.source, 'Fixture Wire');
  assert.equal(a.dateline?.text, '(MWANZA, Tanzania) —');
  assert.equal(a.text.slice(a.dateline!.start, a.dateline!.end), a.dateline!.text);
  assert.deepEqual(a.origin, { file: 'records.json', format: 'json', record: 1 });
  assert.equal(b.title, 'Cranes back in service');
  assert.equal(b.published, '2025-11-04T08:00:00.000Z');
  assert.equal(b.url, 'https://news.example.org/b');
  assert.equal(b.source, 'Fixture Wire');
  assert.equal(b.byline, 'Ana Silva, Tom Reilly');
  assert.equal(b.dateline, null);
  assert.equal(b.origin.record, 2);
});

test('json: a wrapped object ({"articles": […]}) and a single record', () => {
  const wrapped = parseJsonDocument(input(JSON.stringify({ status: 'ok', articles: [REC_A, REC_B] })));
  assert.equal(wrapped.articles.length, 2);
  const items = parseJsonDocument(input(JSON.stringify({ items: [REC_B] })));
  assert.equal(items.articles[0].title, 'Cranes back in service');
  const single = parseJsonDocument(input(JSON.stringify(REC_A)));
  assert.equal(single.articles.length, 1);
  assert.equal(single.articles[0].title, 'Ferry service resumes');
});

test('json: records that are not objects or have no text are reported by record number; the rest land', () => {
  const { articles, diagnostics } = parseJsonDocument(input(JSON.stringify([REC_A, 42, { title: 'only a title' }, { text: '   ' }, REC_B])));
  assert.equal(articles.length, 2);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.where?.record, d.where?.file]),
    [
      ['INGEST_NOT_OBJECT', 2, 'records.json'],
      ['INGEST_NO_TEXT', 3, 'records.json'],
      ['INGEST_NO_TEXT', 4, 'records.json'],
    ],
  );
});

test('json: a document that is not JSON is one error naming the file; a .json that is really JSONL is read as lines', () => {
  const bad = parseJsonDocument(input('{"title": "x", '));
  assert.equal(bad.articles.length, 0);
  assert.equal(bad.diagnostics.length, 1);
  assert.equal(bad.diagnostics[0].code, 'INGEST_NOT_JSON');
  assert.equal(bad.diagnostics[0].where?.file, 'records.json');
  const lines = parseJsonDocument(input(`${JSON.stringify(REC_A)}\n${JSON.stringify(REC_B)}\n`));
  assert.equal(lines.articles.length, 2);
});

test('jsonl: a bad line is reported with file and line; good records before and after still land', () => {
  const text = [JSON.stringify(REC_A), '{"title": "cut off', '', JSON.stringify({ title: 'no text' }), JSON.stringify(REC_B)].join('\n');
  for (const parsed of [parseJsonLines(input(text, 'feed.jsonl')), parseText(input(text, 'feed.jsonl'), 'jsonl')]) {
    assert.deepEqual(parsed.articles.map((a) => a.title), ['Ferry service resumes', 'Cranes back in service']);
    assert.deepEqual(parsed.articles.map((a) => [a.origin.line, a.origin.record]), [[1, 1], [5, 4]]);
    assert.equal(parsed.diagnostics.length, 2);
    const [notJson, noText] = parsed.diagnostics;
    assert.equal(notJson.code, 'INGEST_NOT_JSON');
    assert.deepEqual(notJson.where, { file: 'feed.jsonl', line: 2, record: 2 });
    assert.equal(noText.code, 'INGEST_NO_TEXT');
    assert.deepEqual(noText.where, { file: 'feed.jsonl', line: 4, record: 3 });
    assert.match(noText.message, /no text/);
  }
});

test('records: --field mapping, dotted paths, HTML bodies reduced to text, CRLF normalised, bad dates warned', () => {
  const ctx = { file: 'r.json', format: 'json' as const, record: 7, normalizations: [], fields: { text: 'payload.story', title: 'kicker', date: 'when' } };
  const { article, diagnostics } = recordToArticle(
    { kicker: 'Mapped', when: 'sometime soon', payload: { story: '<p>(GENEVA) — First paragraph.</p><p>ADVERTISEMENT</p><p>Second\r\nline.</p>' } },
    ctx,
  );
  assert.ok(article);
  assert.equal(article.title, 'Mapped');
  assert.equal(article.text, '(GENEVA) — First paragraph.\nSecond line.');
  assert.ok(article.normalizations.includes('html->text'));
  assert.equal(article.dateline?.place, 'GENEVA');
  assert.equal(article.published, null);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'INGEST_BAD_DATE');
  assert.deepEqual(diagnostics[0].where, { file: 'r.json', record: 7 });
  const crlf = recordToArticle({ text: 'One.\r\nTwo.\rThree.' }, { ...ctx, fields: {} });
  assert.equal(crlf.article?.text, 'One.\nTwo.\nThree.');
  assert.ok(crlf.article?.normalizations.includes('crlf->lf'));
  const epoch = recordToArticle({ text: 'x happened.', date: 1764547200 }, { ...ctx, fields: {} });
  assert.equal(epoch.article?.published, '2025-12-01T00:00:00.000Z');
});

test('json: an empty list of records is reported, not silently ingested as nothing', () => {
  for (const text of ['[]', '{"articles": []}']) {
    const { articles, diagnostics } = parseJsonDocument(input(text));
    assert.equal(articles.length, 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.where?.file]), [['INGEST_NO_TEXT', 'records.json']]);
  }
});

test('records: text given as a list of paragraphs becomes one paragraph per line', () => {
  const { article } = recordToArticle(
    { text: ['(KYIV) — First paragraph.', 'Second paragraph.'], authors: ['Ana Silva', 'Tom Reilly'] },
    { file: 'r.json', format: 'json', record: 1, normalizations: [], fields: {} },
  );
  assert.equal(article?.text, '(KYIV) — First paragraph.\nSecond paragraph.');
  assert.equal(article?.byline, 'Ana Silva, Tom Reilly');
  assert.equal(article?.dateline?.place, 'KYIV');
});

test('records: the HTML sniff is linear on text full of unclosed tags (9 s for 120 KB before)', () => {
  const started = performance.now();
  const { article } = recordToArticle({ text: '<p '.repeat(40000) }, { file: 'r.json', format: 'json', record: 1, normalizations: [], fields: {} });
  assert.ok(article);
  assert.ok(performance.now() - started < 2000, `${Math.round(performance.now() - started)} ms`);
});

test('records: absurdly nested values are no text for that record only; the next record lands', () => {
  const deep = (n: number) => '{"title":"deep","text":' + '['.repeat(n) + '"x"' + ']'.repeat(n) + '}';
  const { articles, diagnostics } = parseJsonLines(input(`${deep(20000)}\n${JSON.stringify(REC_A)}\n${deep(3)}\n`, 'deep.jsonl'));
  assert.deepEqual(articles.map((a) => a.title), ['Ferry service resumes', 'deep']);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.where?.line]), [['INGEST_NO_TEXT', 1]]);
});
