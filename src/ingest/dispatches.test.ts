import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLeadDateline, isContributorLine, isPreambleLine, matchDateline, rebaseDateline, splitDispatches } from './dispatches.js';

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

test('splitDispatches: a byline or kicker just before a dateline goes with the dispatch it opens', () => {
  const text = [
    'By Jane Doe, Northline News',
    '(KYIV) — Sirens sounded across the capital overnight.',
    'The all-clear came an hour later.',
    'By Tom Reilly',
    'Updated 3:15 p.m.',
    '(LONDON) — Britain summoned the ambassador.',
    'Officials declined to comment.',
  ].join('\n');
  const slices = splitDispatches(text);
  assert.equal(slices.length, 2);
  assert.deepEqual(
    slices.map((s) => text.slice(s.start, s.end).split('\n')[0]),
    ['By Jane Doe, Northline News', 'By Tom Reilly'],
  );
  assert.ok(text.slice(slices[0].start, slices[0].end).endsWith('an hour later.'));
  assert.deepEqual(slices.map((s) => s.firstLine), [0, 3]);
  for (const s of slices) assert.equal(text.slice(s.dateline!.start, s.dateline!.end), s.dateline!.text);
});

test('splitDispatches: sentences, or three short lines, before a dateline stay a dispatch of their own', () => {
  const sentence = 'A short note on the talks.\n(GENEVA) — Talks resumed.';
  assert.equal(splitDispatches(sentence).length, 2);
  const threeLines = 'Kicker one\nKicker two\nKicker three\n(GENEVA) — Talks resumed.';
  assert.equal(splitDispatches(threeLines).length, 2);
});

test('findLeadDateline: on the first line or after a byline, offsets into the whole text', () => {
  const text = 'By Jane Doe\n(DOHA, Qatar) — Talks resumed.';
  const d = findLeadDateline(text);
  assert.equal(d?.place, 'DOHA');
  assert.equal(text.slice(d!.start, d!.end), '(DOHA, Qatar) —');
  assert.equal(findLeadDateline('  (KYIV) — x')?.start, 2);
  assert.equal(findLeadDateline('The talks resumed on Monday.\n(DOHA) — Later.'), null);
  assert.ok(isPreambleLine('By Jane Doe and John Roe'));
  assert.ok(isPreambleLine('Updated 3:15 p.m.'));
  assert.ok(!isPreambleLine('By Monday, the toll had risen to 14.'));
  assert.ok(!isPreambleLine('Sirens sounded across the capital overnight.'));
});
