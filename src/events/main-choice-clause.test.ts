import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseRelations } from './main-choice-clause.js';

const rel = (text: string, town: string, trigger: string) => {
  const m = { start: text.indexOf(town), end: text.indexOf(town) + town.length };
  const t = { start: text.indexOf(trigger), end: text.indexOf(trigger) + trigger.length };
  return clauseRelations(text, m, { start: 0, end: text.length }, [t]);
};

test('a town beside a statement verb is where a source speaks', () => {
  assert.equal(rel('Military officials in Warsaw said six missiles were fired at Lviv.', 'Warsaw', 'fired').attrib, true);
  const local = rel('Police in Dover said a man was shot.', 'Dover', 'shot');
  assert.ok(local.attribLocal && !local.attrib, 'a local force speaking is told apart');
  assert.equal(rel('Washington officials told reporters the base was struck.', 'Washington', 'struck').attrib, true);
  assert.equal(rel('The base was struck, according to Kyiv officials.', 'Kyiv', 'struck').attrib, true);
  assert.equal(rel('The base was struck, the official told reporters in Washington.', 'Washington', 'struck').attrib, true);
  assert.equal(rel('A man was shot and killed in Dover, police said.', 'Dover', 'killed').attrib, false);
});

test('a trigger in the town\'s own clause, not only its sentence', () => {
  const a = rel('A shell hit a checkpoint in Irpin on Sunday.', 'Irpin', 'hit');
  assert.ok(a.sameClause && a.sameClauseFirst);
  assert.equal(rel('He lives in Kyiv, where officials said a shell hit a checkpoint.', 'Kyiv', 'hit').sameClause, false);
  assert.equal(rel('A man was killed in St. Louis on Friday.', 'St. Louis', 'killed').sameClause, true);
});
