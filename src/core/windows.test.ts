import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowStarts } from './windows.js';

/** The windows of `text` as strings, checking that they tile it and none is longer than `size`. */
function windows(text: string, size: number): string[] {
  const starts = windowStarts(text, size);
  assert.equal(starts[0], 0);
  const out = starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
  assert.equal(out.join(''), text);
  for (const w of out) assert.ok(w.length <= size && w.length > 0, `window of ${w.length}`);
  return out;
}

test('a text that fits is one window', () => {
  assert.deepEqual(windowStarts('Short text.', 100), [0]);
  assert.deepEqual(windowStarts('x'.repeat(100), 100), [0]);
});

test('windows end after a paragraph break when one lies in their second half', () => {
  const para = 'The minister said on Tuesday that 14 people were killed. Officials disputed it.';
  const text = Array.from({ length: 12 }, () => para).join('\n');
  for (const w of windows(text, 200).slice(0, -1)) assert.ok(w.endsWith('\n'), JSON.stringify(w.slice(-20)));
});

test('in one long line, windows end after a sentence, not after "Mr." or "U.S." or inside a word', () => {
  const text = 'Mr. Smith met Dr. Jones of the U.S. Army on Monday in Washington. '.repeat(40).trim();
  const parts = windows(text, 500);
  assert.ok(parts.length > 4);
  for (const w of parts.slice(0, -1)) assert.ok(w.endsWith('Washington. '), JSON.stringify(w.slice(-20)));
});

test('without a sentence end a window ends after a space, and a giant word is cut but never inside a surrogate pair', () => {
  const words = windows('lorem ipsum dolor '.repeat(100), 250);
  for (const w of words.slice(0, -1)) assert.ok(w.endsWith(' '));
  const emoji = '🙂'.repeat(1000);
  const parts = windows(emoji, 301);
  for (const w of parts) assert.ok(!/[\ud800-\udbff]$/.test(w) && !/^[\udc00-\udfff]/.test(w));
});
