import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bracketedToConll, parseBracketed, tokenize } from './bracketed.js';
import { parseConll, iobToSpans } from './conll.js';

test('tokenize splits punctuation and possessives but keeps abbreviations', () => {
  assert.deepEqual(tokenize('the U.S. said (on Sunday) that Oman\'s fund, "worth $40 billion", grew.', true), [
    'the', 'U.S.', 'said', '(', 'on', 'Sunday', ')', 'that', 'Oman', "'s", 'fund', ',', '"', 'worth', '$40', 'billion', '"', ',', 'grew', '.',
  ]);
  assert.deepEqual(tokenize('talks with the U.S.', true), ['talks', 'with', 'the', 'U.S.', '.']);
  assert.deepEqual(tokenize('COVID-19 cases rose 3.5 percent', true), ['COVID-19', 'cases', 'rose', '3.5', 'percent']);
});

test('parseBracketed tags multi-word entities in IOB2', () => {
  const s = parseBracketed('[PER Ursula von der Leyen] arrived in [LOC Kyiv] on Saturday.');
  assert.deepEqual(s.tokens, ['Ursula', 'von', 'der', 'Leyen', 'arrived', 'in', 'Kyiv', 'on', 'Saturday', '.']);
  assert.deepEqual(s.tags, ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'O', 'O']);
});

test('bracketedToConll writes documents that parseConll reads back', () => {
  const conll = bracketedToConll('# comment\n## one\n[ORG Airbus] delivered 64 aircraft.\n[LOC Oman] has set up a fund.\n## two\n[MISC COVID-19] spread.\n');
  const docs = parseConll(conll);
  assert.equal(docs.length, 2);
  assert.equal(docs[0].sentences.length, 2);
  assert.deepEqual(iobToSpans(docs[1].sentences[0].tags), [{ start: 0, end: 1, type: 3 }]);
});

test('parseBracketed rejects an unbalanced bracket', () => {
  assert.throws(() => parseBracketed('[PER Ursula von der Leyen arrived.'));
});

test('the fresh-news CoNLL files are the conversion of their bracket sources', async () => {
  const { readFileSync } = await import('node:fs');
  const { packagePath } = await import('../core/paths.js');
  for (const split of ['test', 'dev']) {
    const source = readFileSync(packagePath('test-fixtures', 'ner-fresh', `${split}.txt`), 'utf8');
    const conll = readFileSync(packagePath('test-fixtures', 'ner-fresh', `${split}.conll`), 'utf8');
    assert.equal(bracketedToConll(source), conll, `${split}.conll is stale: rerun node dist/entities/bracketed.js`);
  }
});
