import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasLongRun, segmentText, splitParagraphs } from './segment.js';

const text =
  'Gen. Randy George met U.S. officials on Oct. 30. Daniel P. Driscoll spoke.\n' +
  '\n' +
  '  “No,” Peskov said. It was 5:30 p.m.  \n' +
  'Last line';

test('segment: paragraphs are non-blank lines, trimmed', () => {
  const paragraphs = splitParagraphs(text);
  assert.deepEqual(
    paragraphs.map((p) => text.slice(p.start, p.end)),
    [
      'Gen. Randy George met U.S. officials on Oct. 30. Daniel P. Driscoll spoke.',
      '“No,” Peskov said. It was 5:30 p.m.',
      'Last line',
    ],
  );
});

test('segment: abbreviations and initials do not split sentences', () => {
  const { sentences } = segmentText(text);
  assert.deepEqual(
    sentences.map((s) => text.slice(s.start, s.end)),
    [
      'Gen. Randy George met U.S. officials on Oct. 30.',
      'Daniel P. Driscoll spoke.',
      '“No,” Peskov said.',
      'It was 5:30 p.m.',
      'Last line',
    ],
  );
  assert.deepEqual(
    sentences.map((s) => s.paragraph),
    [0, 0, 1, 1, 2],
  );
});

test('segment: every token span reproduces its surface and tokens are ordered', () => {
  const { tokens } = segmentText(text);
  const surfaces = tokens.map((t) => text.slice(t.start, t.end));
  assert.ok(surfaces.includes('U.S.'));
  assert.ok(surfaces.includes('Driscoll'));
  assert.ok(surfaces.includes('5:30'));
  for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end, 'tokens overlap');
  for (const t of tokens) assert.ok(t.end > t.start && !/^\s|\s$/.test(text.slice(t.start, t.end)));
  const peskov = tokens.find((t) => text.slice(t.start, t.end) === 'Peskov');
  assert.equal(peskov?.pos, 'PROPN');
});

test('segment: empty and whitespace-only text give empty layers', () => {
  assert.deepEqual(segmentText(''), { paragraphs: [], sentences: [], tokens: [] });
  assert.deepEqual(segmentText(' \n\t\n'), { paragraphs: [], sentences: [], tokens: [] });
});

test('segment: names with letters the English model does not know stay one token each', () => {
  const text = 'Anna Zielińska said Łukasz Dvořák and Recep Erdoğan met in Kraków. He cannot go.';
  const { tokens } = segmentText(text);
  const words = tokens.map((t) => text.slice(t.start, t.end));
  for (const name of ['Zielińska', 'Łukasz', 'Dvořák', 'Erdoğan', 'Kraków']) assert.ok(words.includes(name), `${name} in ${words.join('|')}`);
  assert.deepEqual(words.slice(-4), ['can', 'not', 'go', '.'], 'ASCII splits stay as the model makes them');
});

test('segment: a run of 100k non-space characters is one token, read in linear time', () => {
  const blob = 'ab+/'.repeat(25_000);
  const text = `Header line.\nThe payload ${blob} ends here. Next sentence.`;
  const { tokens, sentences } = segmentText(text);
  const words = tokens.map((t) => text.slice(t.start, t.end));
  assert.ok(words.includes(blob), 'the blob is one token');
  assert.deepEqual(words.slice(0, 5), ['Header', 'line', '.', 'The', 'payload']);
  assert.ok(words.includes('ends') && words.includes('Next'));
  for (const s of sentences) assert.ok(s.end <= text.length && s.start < s.end);
  const short = 'x'.repeat(200);
  assert.ok(segmentText(`A ${short} b.`).tokens.some((t) => t.end - t.start === 200), 'a long but plausible run is left to the model');
});

test('segment: an article is split the same way whatever was read before it', () => {
  const surfaces = (t: string) => segmentText(t).tokens.map((k) => t.slice(k.start, k.end));
  const article = "It followed David Quorvanek's resignation.";
  const cold = surfaces(article);
  assert.deepEqual(cold.slice(3, 5), ['Quorvanek', "'s"]);
  // Read whole before its full stop, the possessive used to be cached as one out-of-vocabulary token.
  surfaces("She denies he is Mr Quorvanek's.");
  assert.deepEqual(surfaces(article), cold);
});

test('segment: hasLongRun answers as the regex \\S{257,} does, for every kind of JavaScript space', () => {
  const re = /\S{257,}/;
  const spaces: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
  assert.ok(spaces.length >= 25);
  const pieces = ['a', 'é', '\u{1F600}', '\u200b', '-', ...spaces];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let trial = 0; trial < 400; trial++) {
    let text = '';
    const length = next() % 700;
    // Long runs of one piece, broken by a space now and then, around the 256-character edge.
    while (text.length < length) {
      const piece = pieces[next() % pieces.length];
      text += next() % 40 === 0 ? spaces[next() % spaces.length] : piece.repeat(1 + (next() % 300));
    }
    assert.equal(hasLongRun(text), re.test(text), JSON.stringify(text.slice(0, 40)));
  }
  for (const space of spaces) {
    assert.equal(hasLongRun(`${'x'.repeat(256)}${space}${'x'.repeat(256)}`), false);
    assert.equal(hasLongRun(`${space}${'x'.repeat(257)}`), true);
  }
});
