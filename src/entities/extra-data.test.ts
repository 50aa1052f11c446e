import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseColumns } from './extra-data.js';
import { iobToSpans } from './conll.js';

test('parseColumns reads index-token-tag lines and cuts pseudo-documents', () => {
  const text = ['0\tAirbus\tB-ORG', '1\tdelivered\tO', '', '0\tOman\tB-LOC', '1\tgrew\tO', '', '0\tKyiv\tB-LOC', ''].join('\n');
  const docs = parseColumns(text, 2);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0].sentences[0].tokens, ['Airbus', 'delivered']);
  assert.deepEqual(iobToSpans(docs[0].sentences[1].tags), [{ start: 0, end: 1, type: 2 }]);
  assert.equal(docs[1].sentences.length, 1);
});

test('parseColumns keeps token-tag files with document markers as they are', () => {
  const text = ['-DOCSTART- O', '', 'Hamas B-ORG', 'said O', '', '-DOCSTART- O', '', 'Gaza B-LOC', ''].join('\n');
  const docs = parseColumns(text);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[1].sentences[0].tags, ['B-LOC']);
});

test('fine types map to CoNLL types and types without a counterpart become O', () => {
  const text = ['Labour\tB-politicalparty', 'won\tO', 'the\tO', '1997\tB-election', 'election\tI-election', 'using\tO', 'BERT\tB-algorithm', ''].join('\n');
  const [doc] = parseColumns(text);
  assert.deepEqual(doc.sentences[0].tags, ['B-ORG', 'O', 'O', 'B-MISC', 'I-MISC', 'O', 'O']);
});
