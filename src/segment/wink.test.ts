import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from './segment.js';
import { WINK_OOV_LIMIT, winkForDocument, winkLearnedWords } from './wink.js';

/** Made-up words wink's lexicon cannot know, in news-like sentences, with POS-sensitive neighbours. */
function inventedArticle(seed: number, sentences: number): string {
  const syllables = ['ka', 'zor', 'vem', 'tri', 'lux', 'pod', 'reg', 'ish', 'anu', 'qel'];
  let s = seed;
  const word = (): string => {
    let w = '';
    for (let k = 0; k < 3; k++) w += syllables[(s = (s * 1103515245 + 12345) % 2147483648) % syllables.length];
    return w;
  };
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const name = word();
    out.push(`${name[0].toUpperCase()}${name.slice(1)} said the ${word()}s were ${word()}ing near ${word()}ly ${word()}ed towns on Tuesday.`);
  }
  return out.join(' ');
}

const layers = (text: string) => {
  const s = segmentText(text);
  return s.tokens.map((t) => `${text.slice(t.start, t.end)}/${t.pos}/${t.sentence}`).join(' ');
};

test('wink: a fresh instance, started once the old one learned enough words, segments and tags as the old one did', () => {
  const probe = inventedArticle(7, 40);
  const before = layers(probe);
  for (let i = 0; i < 5; i++) layers(inventedArticle(100 + i, 60));
  const learned = winkLearnedWords();
  assert.ok(learned > 500, `only ${learned} words learned: the articles do not reach wink's out-of-vocabulary path`);
  assert.ok(learned < WINK_OOV_LIMIT, 'the test expects no refresh yet');
  const old = winkForDocument();
  // A limit of zero refreshes now; the next article is read by the new instance.
  const fresh = winkForDocument(0);
  assert.notEqual(fresh, old);
  assert.ok(winkLearnedWords() < 50, `a fresh instance starts with ${winkLearnedWords()} learned words`);
  assert.equal(layers(probe), before);
  assert.equal(winkForDocument(), fresh, 'under the limit the instance is kept');
});
