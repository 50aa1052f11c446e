import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossLinkParagraphs, elsewhere, referenceRule } from './reference.js';

const day = (d: string) => ({ value: d, precision: 'day' as const, range: { from: d, to: d }, how: 'stated' as const });

test('referenceRule: an event dated well before the article is background', () => {
  assert.equal(referenceRule({ date: { value: '1994', precision: 'year', range: { from: '1994-01-01', to: '1994-12-31' }, how: 'stated' }, published: '2024-04-07', named: false, figureKinds: ['killed'] }), 'ref:dated-before');
  assert.equal(referenceRule({ date: day('2023-10-07'), published: '2025-12-01', named: true, figureKinds: [] }), 'ref:named');
  // Yesterday's attack is news.
  assert.equal(referenceRule({ date: day('2025-11-30'), published: '2025-12-01', named: true, figureKinds: [] }), null);
  // An implied date (the article's own) is never background.
  assert.equal(referenceRule({ date: { value: '2025-12-01', precision: 'day', how: 'implied' }, published: '2025-12-01', named: false, figureKinds: ['killed'] }), null);
});

test('referenceRule: an event told only with running totals is a reference', () => {
  assert.equal(referenceRule({ date: null, published: '2024-01-01', named: false, figureKinds: ['cumulative_killed'] }), 'ref:cumulative');
  assert.equal(referenceRule({ date: null, published: '2024-01-01', named: false, figureKinds: ['cumulative_killed', 'killed'] }), null);
});

test('referenceRule: a named event whose day the text cannot fix is a reference, an unnamed one is not', () => {
  const span = { value: '2024-10-07/2025-10-07', precision: 'day' as const, range: { from: '2024-10-07', to: '2025-10-07' }, how: 'stated' as const };
  assert.equal(referenceRule({ date: span, published: '2025', named: true, figureKinds: [] }), 'ref:named');
  assert.equal(referenceRule({ date: span, published: '2025', named: false, figureKinds: [] }), null);
});

test('crossLinkParagraphs: a label and a colon open a link to another story; an editor\'s note is the article\'s own', () => {
  const paras = ['Two people were shot at the mall on Saturday.', 'WILMINGTON CRIME:He murdered a man, he told police', "EDITOR’S NOTE: One person has died.", 'RELATED: Man, 21, killed in crash', 'Police said: stay away.'];
  let at = 0;
  const spans = paras.map((p) => {
    const s = { start: at, end: at + p.length };
    at += p.length + 2;
    return s;
  });
  const text = paras.join('\n\n');
  assert.deepEqual(crossLinkParagraphs(text, spans).map((s) => text.slice(s.start, s.end).slice(0, 9)), ['WILMINGTO', 'RELATED: ']);
});

test('elsewhere: a lesser event far away in another state is another incident; near, same state, the main one or no setting is not', () => {
  const joppatowne = { lat: 39.43, lon: -76.36, country: 'US', admin1: 'MD' };
  const georgia = { lat: 33.99, lon: -83.72, country: 'US', admin1: 'GA' };
  assert.equal(elsewhere(georgia, joppatowne, 900, true), true);
  assert.equal(elsewhere(georgia, joppatowne, 900, false), false, 'the most-told event is the news');
  assert.equal(elsewhere(georgia, null, 0, true), false, 'no setting: not a local article');
  assert.equal(elsewhere({ ...georgia, admin1: 'MD' }, joppatowne, 200, true), false, 'same state');
  assert.equal(elsewhere(georgia, joppatowne, 100, true), false, 'near');
});
