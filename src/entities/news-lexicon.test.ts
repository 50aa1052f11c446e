import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GAZ_KINDS, phraseHash } from './features.js';
import { buildGazetteer } from './gazetteer.js';
import { deserializeModel, serializeModel } from './model.js';
import { addVotes, formatLexicon, newsSentences, parseLexicon, selectLexicon, type PhraseVotes } from './news-lexicon.js';

test('newsSentences splits news text into CoNLL-like tokens and sentences', () => {
  const doc = newsSentences('Mr. Biden met Sen. Warren in the U.S. on Monday. O’Brien’s COVID-19 test came back.\n"We know," Apple Inc. said.');
  assert.deepEqual(doc, [
    ['Mr.', 'Biden', 'met', 'Sen.', 'Warren', 'in', 'the', 'U.S.', 'on', 'Monday', '.'],
    ["O'Brien", "'s", 'COVID-19', 'test', 'came', 'back', '.'],
    ['"', 'We', 'know', ',', '"', 'Apple', 'Inc.', 'said', '.'],
  ]);
});

test('selectLexicon keeps frequent phrases whose tagged type is pure enough', () => {
  const votes: PhraseVotes = new Map();
  const doc = [['SpaceX', 'launched', 'from', 'Florida', '.']];
  for (let i = 0; i < 4; i++) addVotes(votes, doc, [[{ start: 0, end: 1, type: 1 }, { start: 3, end: 4, type: 2 }]]);
  addVotes(votes, doc, [[{ start: 0, end: 1, type: 0 }]]);
  // "florida": 4 LOC votes; "spacex": 4 ORG of 5 (0.8); a phrase longer than the gazetteer's limit is skipped.
  addVotes(votes, [['A', 'B', 'C', 'D', 'E']], [[{ start: 0, end: 5, type: 3 }]]);
  const entries = selectLexicon(votes, 3, 0.8);
  assert.deepEqual(entries, [
    { phrase: 'florida', type: 'LOC', count: 4 },
    { phrase: 'spacex', type: 'ORG', count: 4 },
  ]);
  assert.deepEqual(selectLexicon(votes, 3, 0.9), [{ phrase: 'florida', type: 'LOC', count: 4 }]);
  assert.deepEqual(parseLexicon(formatLexicon(entries)), entries);
});

test('lexicon phrases become news* gazetteer kinds that survive the model file', () => {
  const gaz = buildGazetteer({ cities: false, lexicon: [{ phrase: 'wallstreetbets', type: 'ORG', count: 9 }, { phrase: 'omicron', type: 'MISC', count: 5 }] });
  const bit = (kind: (typeof GAZ_KINDS)[number]): number => 1 << GAZ_KINDS.indexOf(kind);
  const key = (w: string): number => phraseHash([w], 0, 1);
  assert.ok((gaz.get(key('WallStreetBets')) ?? 0) & bit('newsorg'));
  assert.ok((gaz.get(key('Omicron')) ?? 0) & bit('newsmisc'));
  const back = deserializeModel(serializeModel({ stages: [], gazetteer: gaz, casing: new Map(), meta: {} }));
  assert.deepEqual([...back.gazetteer.entries()].sort(), [...gaz.entries()].sort());
});
