import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropChromeLines, isBoilerplateLine, isInlineMenu, type TextLine } from './boilerplate.js';

const plain = (text: string): TextLine => ({ text, linkChars: 0 });
const link = (text: string): TextLine => ({ text, linkChars: text.length });

test('isBoilerplateLine: share-bar and navigation labels in several languages', () => {
  for (const s of ['Share on Facebook', 'Share via Email', 'Tweet', 'Copy link', 'Skip to content', 'Skip to main navigation', 'WhatsApp', 'Menu', '分享到微信', 'ツイート']) {
    assert.ok(isBoilerplateLine(s), s);
  }
  for (const s of ['Facebook shares fell 4% on Monday.', 'Twitter users protested the change, the company said.', 'Copy link prices rose sharply.', 'X', 'The vote']) {
    assert.ok(!isBoilerplateLine(s), s);
  }
});

test('isInlineMenu: breadcrumbs and menus on one line, not bylines or sentences', () => {
  assert.ok(isInlineMenu('Home › News › Local'));
  assert.ok(isInlineMenu('Home | World | Business | Sport'));
  assert.ok(!isInlineMenu('By Ana Silva | Reuters'));
  assert.ok(!isInlineMenu('Prices rose | the bank said on Monday that inflation would ease | more soon.'));
});

test('dropChromeLines: repeated share bars and link menus go, real short lines stay', () => {
  const lines = [
    link('Share'), link('Save'),
    plain('The council voted on Tuesday to approve two new bus lanes on the ring road.'),
    link('News'), link('Sport'), link('Business'),
    plain('What happens next'),
    plain('Two new bus lanes'), plain('Wider pavements'),
    plain('Work will start in the autumn, officials said.'),
    link('Share'), link('Save'),
  ];
  assert.deepEqual(dropChromeLines(lines), [
    'The council voted on Tuesday to approve two new bus lanes on the ring road.',
    'What happens next',
    'Two new bus lanes',
    'Wider pavements',
    'Work will start in the autumn, officials said.',
  ]);
  // A short plain line repeated throughout is content (a column of figures), not a share bar.
  assert.equal(dropChromeLines(Array.from({ length: 10 }, () => plain('n/a'))).length, 10);
  // Two links are a link list, not a menu.
  assert.deepEqual(dropChromeLines([link('Full report'), link('Annex')]), ['Full report', 'Annex']);
});
