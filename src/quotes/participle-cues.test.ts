import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { extractQuotes } from './quotes.js';
import { RECALL_MODEL_PATH } from './recall.js';
import { doeReedLayers } from './test-docs.js';

const layersOf = doeReedLayers;

const noModel = !existsSync(RECALL_MODEL_PATH) && 'models/quotes/recall.json absent';

test('participle cues: a speech participle after a comma or "and" attributes to the clause subject', { skip: noModel }, () => {
  const cases: Array<[string, string, string]> = [
    ['Senator Jane Doe attacked the budget on Monday, complaining that it left rural schools without funds.', 'Senator Jane Doe', 'that it left rural schools without funds'],
    ['Tom Reed rejected the offer on Friday, claiming that the company had misled its workers.', 'Tom Reed', 'that the company had misled its workers'],
  ];
  for (const [text, speaker, content] of cases) {
    const quotes = extractQuotes(text, layersOf(text));
    assert.equal(quotes.length, 1, text);
    assert.equal(quotes[0].speaker?.text, speaker, text);
    assert.equal(quotes[0].text, content, text);
  }
});

test('participle cues: a coordinated participle ends the content; a fronted subordinate clause is not the subject', { skip: noModel }, () => {
  const text = 'As she had done in Ohio, Tom Reed attacked the plan at the rally, claiming that it would raise taxes and promising a vote by June.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.equal(quotes.length, 1, JSON.stringify(quotes));
  assert.equal(quotes[0].speaker?.text, 'Tom Reed');
  assert.equal(quotes[0].text, 'that it would raise taxes');
});

test('participle cues: a participle hanging on no clause (no comma, dash or "and" before it) is no cue', () => {
  const text = 'Jane Doe kept complaining that the trains were late.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.deepEqual(quotes.map((q) => q.text), []);
});

test('participle cues: a sentence-initial participle takes the main clause subject after its comma', { skip: noModel }, () => {
  const text = 'The talks ended badly. Complaining that the other side had ignored every offer, Tom Reed said the union would strike.';
  const quotes = extractQuotes(text, layersOf(text));
  const q = quotes.find((x) => x.cue?.text === 'Complaining');
  assert.ok(q, JSON.stringify(quotes.map((x) => x.text)));
  assert.equal(q.speaker?.text, 'Tom Reed');
  assert.equal(q.text, 'that the other side had ignored every offer');
});

test('participle cues: an opening participle with no subject and verb after its comma is no cue', () => {
  const text = 'The talks ended badly. Complaining that the offer was late, angry and vague.';
  const quotes = extractQuotes(text, layersOf(text));
  assert.deepEqual(quotes.map((q) => q.text), []);
});

test('participle cues: after a quotation closed on its comma, and after its own subject in a "with" phrase', { skip: noModel }, () => {
  const cases: Array<[string, string, string]> = [
    ['Tom Reed was accused of misleading buyers about the product\u2019s \u201csafety record,\u201d claiming that the tests had been passed by an outside laboratory.', 'Tom Reed', 'that the tests had been passed by an outside laboratory'],
    ['The vote will be close, with Jane Doe claiming that the council has broken its promises to the town.', 'Jane Doe', 'that the council has broken its promises to the town'],
  ];
  for (const [text, speaker, content] of cases) {
    const q = extractQuotes(text, layersOf(text)).find((x) => x.cue?.text === 'claiming');
    assert.ok(q, text);
    assert.equal(q.speaker?.text, speaker, text);
    assert.equal(q.text, content, text);
  }
});
