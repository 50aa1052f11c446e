import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedShare } from './text.js';

test('the quoted share counts the tokens of direct speech, PTB, straight and curly marks alike', () => {
  assert.equal(quotedShare('`` We are devastated , \'\' he said .'), 4 / 6);
  assert.equal(quotedShare('"We will rebuild the whole city," he said.'), 6 / 8);
  assert.equal(quotedShare('“We have lost everything,” said Marie Joseph, 34.'), 4 / 8);
  assert.equal(quotedShare('He said the operation was likely to take `` a couple of hours \'\' .'), 6 / 15);
});

test('a closing mark with no opening one ends a quote begun in the sentence before', () => {
  assert.equal(quotedShare("the timing would be too difficult for me , '' Ms Jackson said ."), 10 / 14);
});

test('apostrophes are not quotes', () => {
  assert.equal(quotedShare("Haiti 's capital was hit on Tuesday ."), 0);
  assert.equal(quotedShare('Officials said the workers’ pay would rise on Monday.'), 0);
  assert.equal(quotedShare('The rescue teams reached the capital on Monday.'), 0);
});
