import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Article } from '../core/article.js';
import { sharedPath } from '../core/paths.js';
import { decodeBytes } from './decode.js';
import { parseBytes } from './read.js';
import { isSeedFormat, parseMarkdown, parsePlainText, parseSeed } from './text.js';

/** Our own glued wire text in the seed's shape: a dated header line, four dispatches, one contributor line. */
const GLUED = [
  ' date 2025-10-30 Council vote on shipping corridor delayed as envoys trade accusations',
  '(NEW YORK) — A vote at the U.N. Security Council on protecting a Black Sea shipping corridor was postponed on Thursday, diplomats said.',
  '“We need one more day,” said Ambassador Carla Mendes, who chairs the council this month.',
  '(NEW YORK) — The U.S. Army’s top logistics officer arrived in Poland on Thursday to inspect depots, a Pentagon spokesperson said.',
  'Lt. Gen. Marcus Hale will also meet Polish officials in Warsaw, the spokesperson said.',
  '(DOHA, Qatar) — Qatari mediators said talks on a prisoner exchange would resume next week.',
  'A foreign ministry official said both delegations had agreed to return.',
  'Northline News’ Amal Haddad and Piotr Nowak contributed to this report.',
  '(LONDON) — Britain summoned the Russian ambassador on Thursday over a drone seen near an air base in Suffolk.',
  'The Foreign Office said the incident was “unacceptable.”',
  '',
].join('\n');

function check(article: Article): void {
  if (article.dateline) {
    assert.equal(article.text.slice(article.dateline.start, article.dateline.end), article.dateline.text);
  }
}

test('seed format: glued dispatches become 4 articles with datelines; only the first dated and titled', () => {
  assert.ok(isSeedFormat(GLUED));
  const { articles, diagnostics } = parseSeed({ text: GLUED, file: 'glued.txt', normalizations: [] });
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 4);
  assert.deepEqual(
    articles.map((a) => [a.dateline?.place, a.dateline?.region ?? null]),
    [['NEW YORK', null], ['NEW YORK', null], ['DOHA', 'Qatar'], ['LONDON', null]],
  );
  const [first, ...rest] = articles;
  assert.equal(first.title, 'Council vote on shipping corridor delayed as envoys trade accusations');
  assert.equal(first.published, '2025-10-30');
  assert.equal(first.publishedSource, 'header');
  assert.equal(first.publishedConfidence, 1);
  assert.equal(first.origin.format, 'seed');
  assert.equal(first.origin.line, 2);
  for (const a of rest) {
    assert.equal(a.title, null);
    assert.equal(a.publishedSource, 'inherited', 'later dispatches do not state the header date');
    assert.ok(a.publishedConfidence < 0.5);
  }
  assert.deepEqual(articles.map((a) => a.origin.line), [2, 4, 6, 9]);
  assert.ok(articles[2].text.endsWith('contributed to this report.'), 'the contributor line closes the Doha dispatch');
  assert.ok(articles[3].text.startsWith('(LONDON) —'));
  for (const a of articles) {
    check(a);
    assert.ok(GLUED.includes(a.text), 'article text is an exact slice of the input');
    assert.equal(a.dateline?.start, 0);
  }
  assert.equal(new Set(articles.map((a) => a.id)).size, 4);
});

const SEED = sharedPath('corpus', '000_6706b69dbb82096a.txt');

test('seed format: the real seed file gives NEW YORK, NEW YORK, DOHA (Qatar), LONDON', { skip: !existsSync(SEED) && `shared data absent: ${SEED}` }, () => {
  const decoded = decodeBytes(readFileSync(SEED));
  assert.ok(decoded.ok);
  const header = decoded.text.slice(0, decoded.text.indexOf('\n'));
  // Through format detection, as `dateline analyze` reads it.
  const { articles, diagnostics, source } = parseBytes(readFileSync(SEED), SEED);
  assert.equal(source.format, 'seed');
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 4);
  assert.deepEqual(
    articles.map((a) => [a.dateline?.place, a.dateline?.region ?? null]),
    [['NEW YORK', null], ['NEW YORK', null], ['DOHA', 'Qatar'], ['LONDON', null]],
  );
  assert.equal(articles[0].published, '2025-12-03');
  assert.equal(articles[0].publishedSource, 'header');
  assert.ok(articles[0].title && articles[0].title.length > 10 && header.endsWith(articles[0].title), 'titled with the headline');
  for (const a of articles.slice(1)) {
    assert.notEqual(a.publishedSource, 'header');
    assert.notEqual(a.publishedSource, 'metadata');
    assert.ok(a.publishedConfidence < 0.5);
    assert.equal(a.title, null);
  }
  for (const a of articles) {
    check(a);
    assert.ok(decoded.text.includes(a.text));
  }
});

test('seed format: a header with no body yields no article and one diagnostic', () => {
  const { articles, diagnostics } = parseSeed({ text: ' date 2025-11-01 Headline only\n\n', file: 'h.txt', normalizations: [] });
  assert.equal(articles.length, 0);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'INGEST_NO_TEXT');
  assert.equal(diagnostics[0].where?.file, 'h.txt');
});

test('plain text: a headline line then a blank line is the title; undated means unknown', () => {
  const text = 'Ferry service resumes across the lake\n\n(MWANZA, Tanzania) — Ferries ran again on Sunday.\nThe port said repairs took a week.\n';
  const { articles } = parsePlainText({ text, file: 'p.txt', normalizations: [] });
  assert.equal(articles.length, 1);
  const [a] = articles;
  assert.equal(a.title, 'Ferry service resumes across the lake');
  assert.equal(a.published, null);
  assert.equal(a.publishedSource, 'unknown');
  assert.equal(a.publishedConfidence, 0);
  assert.equal(a.dateline?.text, '(MWANZA, Tanzania) —');
  assert.equal(a.origin.line, 3);
  assert.ok(text.includes(a.text));
  check(a);
});

test('plain text: a first sentence is not mistaken for a title; glued dispatches split', () => {
  const text = '(KHARTOUM, Sudan) — Shelling hit a clinic on Monday.\nDoctors said two nurses were hurt.\n(PORT SUDAN, Sudan) — A convoy waited at the port.';
  const { articles } = parsePlainText({ text, file: 'p.txt', normalizations: [] });
  assert.equal(articles.length, 2);
  assert.equal(articles[0].title, null);
  assert.deepEqual(articles.map((a) => a.dateline?.place), ['KHARTOUM', 'PORT SUDAN']);
  assert.ok(!parsePlainText({ text: 'He said the talks failed.\nThey will resume.', file: 'q.txt', normalizations: [] }).articles[0].title);
});

test('markdown: front matter gives title, date, url, source, author; markup removed; repeated headline dropped', () => {
  const md = [
    '---',
    'title: "Grain terminal reopens"',
    'date: 2025-12-04',
    'url: https://news.example.org/x',
    'source: Fixture Wire',
    'author: Tom Reilly',
    '---',
    '',
    '# Grain terminal reopens',
    '',
    '(ODESA, Ukraine) — The **grain terminal** reopened on Thursday, [the port](https://example.org) said.',
    'It had been shut for _three days_.',
    '',
    '## What next',
    '',
    '- exports resume',
    '- insurers watch',
    '',
    '> “We are open,” the director said.',
    '',
    '```',
    'code stays as text',
    '```',
  ].join('\n');
  const { articles, diagnostics } = parseMarkdown({ text: md, file: 'm.md', normalizations: [] });
  assert.deepEqual(diagnostics, []);
  assert.equal(articles.length, 1);
  const [a] = articles;
  assert.equal(a.title, 'Grain terminal reopens');
  assert.equal(a.published, '2025-12-04');
  assert.equal(a.publishedSource, 'metadata');
  assert.equal(a.url, 'https://news.example.org/x');
  assert.equal(a.source, 'Fixture Wire');
  assert.equal(a.byline, 'Tom Reilly');
  assert.equal(a.origin.format, 'markdown');
  assert.ok(a.normalizations.includes('markdown->text'));
  assert.equal(
    a.text,
    [
      '(ODESA, Ukraine) — The grain terminal reopened on Thursday, the port said. It had been shut for three days.',
      'What next',
      'exports resume',
      'insurers watch',
      '“We are open,” the director said.',
      'code stays as text',
    ].join('\n'),
  );
  check(a);
  assert.equal(a.dateline?.place, 'ODESA');
});

test('markdown: a first heading is the title without front matter; a bad date warns and stays unknown', () => {
  const md = '---\ndate: next Tuesday\n---\n# Harbour cranes back\n\nTwo cranes were repaired.\n';
  const { articles, diagnostics } = parseMarkdown({ text: md, file: 'm.md', normalizations: [] });
  assert.equal(articles[0].title, 'Harbour cranes back');
  assert.equal(articles[0].published, null);
  assert.equal(articles[0].publishedSource, 'unknown');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'INGEST_BAD_DATE');
  assert.equal(diagnostics[0].where?.file, 'm.md');
});

test('markdown: front matter and a heading but no body is INGEST_NO_TEXT', () => {
  const { articles, diagnostics } = parseMarkdown({ text: '---\ntitle: x\n---\n# Only a title\n', file: 'e.md', normalizations: [] });
  assert.equal(articles.length, 0);
  assert.equal(diagnostics[0].code, 'INGEST_NO_TEXT');
});

test('seed format: a header with a date only, and one with an impossible date', () => {
  const dateOnly = parseSeed({ text: ' date 2025-11-01\n(KYIV) — Sirens sounded.\n', file: 'd.txt', normalizations: [] });
  assert.equal(dateOnly.articles.length, 1);
  assert.equal(dateOnly.articles[0].title, null);
  assert.equal(dateOnly.articles[0].published, '2025-11-01');
  const impossible = parseSeed({ text: ' date 2025-13-45 Headline\n(KYIV) — Sirens sounded.\n', file: 'i.txt', normalizations: [] });
  assert.equal(impossible.articles[0].published, null);
  assert.equal(impossible.articles[0].publishedSource, 'unknown');
  assert.equal(impossible.articles[0].title, 'Headline');
  assert.deepEqual(impossible.diagnostics.map((d) => [d.code, d.where?.line]), [['INGEST_BAD_DATE', 1]]);
});

test('plain text: a short dateline paragraph before a blank line is body, not a title', () => {
  const text = '(KYIV) — Sirens sounded across the capital\n\nThe all-clear came an hour later.\n';
  const { articles } = parsePlainText({ text, file: 'p.txt', normalizations: [] });
  assert.equal(articles[0].title, null);
  assert.equal(articles[0].dateline?.place, 'KYIV');
  assert.ok(articles[0].text.startsWith('(KYIV) — Sirens'));
});

test('plain text: a byline between the title and the dateline stays in the one article', () => {
  const text = 'Sirens over the capital\n\nBy Jane Doe, Northline News\n(KYIV) — Sirens sounded across the capital overnight.\nThe all-clear came an hour later.\n';
  const { articles } = parsePlainText({ text, file: 'p.txt', normalizations: [] });
  assert.equal(articles.length, 1);
  assert.equal(articles[0].title, 'Sirens over the capital');
  assert.ok(articles[0].text.startsWith('By Jane Doe'));
  assert.equal(articles[0].dateline?.place, 'KYIV');
  check(articles[0]);
});

test('pathological lines parse in linear time (these took seconds each when the regexes backtracked)', () => {
  const cases: Array<[string, () => unknown]> = [
    ['markdown images', () => parseMarkdown({ text: '![a'.repeat(20000), file: 'm.md', normalizations: [] })],
    ['markdown links', () => parseMarkdown({ text: '[a]('.repeat(20000), file: 'm.md', normalizations: [] })],
    ['markdown emphasis', () => parseMarkdown({ text: ' _a'.repeat(20000), file: 'm.md', normalizations: [] })],
    ['markdown tags', () => parseMarkdown({ text: '<a'.repeat(20000), file: 'm.md', normalizations: [] })],
    ['seed header', () => isSeedFormat(` date 2025-01-01 a${' '.repeat(40000)}x\nbody`)],
  ];
  for (const [name, run] of cases) {
    const started = performance.now();
    run();
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `${name}: ${Math.round(ms)} ms`);
  }
});

test('plain text: a Chinese first paragraph ending in 。 is body text, not a title; a short Chinese headline is', () => {
  const body = '本市第十二条地铁线路于周一上午正式开通运营，全长三十二公里，共设二十个车站。\n市交通局负责人表示，新线路开通后，通勤时间将缩短约二十分钟。\n';
  const untitled = parsePlainText({ text: body, file: 'zh.txt', normalizations: [] });
  assert.equal(untitled.articles[0].title, null);
  assert.ok(untitled.articles[0].text.startsWith('本市第十二条'));
  const titled = parsePlainText({ text: `城市开通第十二条地铁线路\n\n${body}`, file: 'zh.txt', normalizations: [] });
  assert.equal(titled.articles[0].title, '城市开通第十二条地铁线路');
});
