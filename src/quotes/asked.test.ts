import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../segment/segment.js';
import { extractRawQuotes } from './quotes.js';

function questions(text: string): Array<{ content: string; asker: string | null }> {
  const { raw, toks } = extractRawQuotes(text, { ...segmentText(text), entities: [], mentions: [] }, { recall: false });
  return raw
    .filter((r) => r.lemma === 'ask')
    .map((r) => ({ content: text.slice(r.start, r.end), asker: r.speaker ? text.slice(toks[r.speaker[0]].start, toks[r.speaker[1] - 1].end) : null }));
}

test('asked: a participial question names its topic and no asker', () => {
  assert.deepEqual(questions('Asked about the merger at a briefing on Monday, Ortiz said the deal was fair.'), [
    { content: 'the merger at a briefing on Monday', asker: null },
  ]);
});

test('asked: "asked by X whether …" names the asker; the passive names none', () => {
  assert.deepEqual(questions('When asked by a reporter whether the plan would work, Ortiz laughed.'), [
    { content: 'whether the plan would work', asker: 'a reporter' },
  ]);
  assert.deepEqual(questions('In an interview, she was asked what happened to the vote. She did not answer.'), [
    { content: 'what happened to the vote', asker: null },
  ]);
});

test('asked: a request is no question ("asked residents to …"), nor an active "X asked Y"', () => {
  assert.deepEqual(questions('The council asked residents to conserve water.'), []);
  assert.deepEqual(questions('The mayor asked whether the plan would work.'), []);
});
