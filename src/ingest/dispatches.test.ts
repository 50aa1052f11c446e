import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isContributorLine, matchDateline, rebaseDateline, splitDispatches } from './dispatches.js';

test('matchDateline: parenthesised city, with and without a region, spans reproduce the surface', () => {
  const cases: Array<[string, string, string, string | undefined]> = [
    ['(NEW YORK) — The council met.', '(NEW YORK) —', 'NEW YORK', undefined],
    ['(DOHA, Qatar) — Talks resumed.', '(DOHA, Qatar) —', 'DOHA', 'Qatar'],
    ['(PORT SUDAN, Sudan) – Trucks waited.', '(PORT SUDAN, Sudan) –', 'PORT SUDAN', 'Sudan'],
    ['(ST. LOUIS) -- Rain fell.', '(ST. LOUIS) --', 'ST. LOUIS', undefined],
    ['KHARKIV, Ukraine (AP) — Sirens sounded.', 'KHARKIV, Ukraine (AP) —', 'KHARKIV', 'Ukraine'],
  ];
  for (const [paragraph, surface, place, region] of cases) {
    const d = matchDateline(paragraph, 0);
    assert.ok(d, `no dateline in ${paragraph}`);
    assert.equal(d.text, surface);
    assert.equal(d.place, place);
    assert.equal(d.region, region);
    assert.equal(paragraph.slice(d.start, d.end), d.text);
  }
});

test('matchDateline: offsets honour the base; ordinary parentheses and sentences are not datelines', () => {
  const d = matchDateline('(LONDON) — Jets were scrambled.', 100);
  assert.deepEqual({ start: d?.start, end: d?.end }, { start: 100, end: 110 });
  for (const p of [
    '(Reuters) reported the figure first.',
    'The ministry (MoD) — a large body — said so.',
    'NATO said on Tuesday that jets were scrambled.',
    '(a) the first point — of several.',
    '',
  ]) {
    assert.equal(matchDateline(p), null, p);
  }
});

test('isContributorLine: wire contributor and reporting credits, not ordinary sentences', () => {
  assert.ok(isContributorLine('Northline News’ Anna Kovalenko and Tom Reilly contributed to this report.'));
  assert.ok(isContributorLine('The Associated Press contributed reporting.'));
  assert.ok(isContributorLine('Reporting by Jane Doe; editing by John Roe'));
  assert.ok(!isContributorLine('She said two reporters were injured in the strike.'));
  assert.ok(!isContributorLine('Reporters were told the talks had contributed to calm.'));
});

test('splitDispatches: splits at datelines and after contributor lines, trims blank lines, keeps offsets', () => {
  const text = [
    '',
    '(NEW YORK) — First dispatch, first paragraph.',
    'First dispatch, second paragraph.',
    'Staff writers contributed to this report.',
    'A paragraph with no dateline of its own.',
    '(DOHA, Qatar) — Third dispatch.',
    '   ',
    '(LONDON) — Fourth dispatch.',
    '',
  ].join('\n');
  const slices = splitDispatches(text);
  assert.equal(slices.length, 4);
  assert.deepEqual(
    slices.map((s) => s.dateline?.place ?? null),
    ['NEW YORK', null, 'DOHA', 'LONDON'],
  );
  assert.deepEqual(
    slices.map((s) => s.firstLine),
    [1, 4, 5, 7],
  );
  for (const s of slices) {
    const body = text.slice(s.start, s.end);
    assert.equal(body, body.trim(), 'no leading or trailing blanks');
    if (s.dateline) assert.equal(text.slice(s.dateline.start, s.dateline.end), s.dateline.text);
  }
  assert.ok(text.slice(slices[0].start, slices[0].end).endsWith('contributed to this report.'));
  const rebased = rebaseDateline(slices[2].dateline, slices[2].start);
  const article = text.slice(slices[2].start, slices[2].end);
  assert.ok(rebased);
  assert.equal(article.slice(rebased.start, rebased.end), '(DOHA, Qatar) —');
});

test('splitDispatches: a text without datelines is one dispatch; an empty text is none', () => {
  assert.equal(splitDispatches('One paragraph.\nAnother paragraph.').length, 1);
  assert.deepEqual(splitDispatches(''), []);
  assert.deepEqual(splitDispatches('\n \n\t\n'), []);
});
