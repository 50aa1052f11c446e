/**
 * One wink-nlp instance whose tokenizer has no memory between documents.
 *
 * wink adds every out-of-vocabulary string it meets to a process-wide cache, and its tokenizer looks
 * raw pieces up in that cache before splitting them: once "Blunkett's." has been read (kept whole
 * before the full stop), every later "Blunkett's" is one token instead of "Blunkett" + "'s". The
 * analysis of an article then depends on which articles the same process read before, so two
 * workers — or one ingest and a re-index — disagree. Here the cache's `lookup`, which only the
 * tokenizer and its lexeme checks call from outside the cache, answers for the model's own lexicon
 * only (except while `add` runs, whose feature extractors look the new word up); out-of-vocabulary
 * strings are split the same way every time. Features of OOV words are still
 * computed from their text alone, so POS tags are unaffected.
 */
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLPType>;
type Lookup = (text: string) => number[] | null;
interface WinkCache {
  lookup: Lookup;
  add: (...args: unknown[]) => number;
  intrinsicSize(): number;
}
type CacheFactory = (...args: unknown[]) => WinkCache;

const require = createRequire(import.meta.url);
let instance: Wink | null = null;

export function wink(): Wink {
  instance ??= create();
  return instance;
}

function create(): Wink {
  const cachePath = require.resolve('wink-nlp/src/cache.js');
  const winkPath = require.resolve('wink-nlp');
  if (require.cache[winkPath] !== undefined) {
    throw new Error('wink-nlp was loaded before src/segment/wink.ts could make its tokenizer history-free');
  }
  const original = require(cachePath) as CacheFactory;
  const cached = require.cache[cachePath];
  if (cached === undefined) throw new Error('wink-nlp/src/cache.js is not in the module cache');
  cached.exports = (...args: unknown[]): WinkCache => {
    const cache = original(...args);
    const intrinsic = cache.intrinsicSize();
    const lookup = cache.lookup;
    const add = cache.add;
    // The model's own feature extractors look the word being added up (OOV included) while `add` runs.
    let adding = false;
    cache.add = (...args: unknown[]) => {
      adding = true;
      try {
        return add(...args);
      } finally {
        adding = false;
      }
    };
    cache.lookup = (text: string) => {
      const found = lookup(text);
      if (adding) return found;
      return found !== null && found.length === 1 && found[0] >= intrinsic ? null : found;
    };
    return cache;
  };
  const winkNLP = require('wink-nlp') as typeof winkNLPType;
  cached.exports = original;
  return winkNLP(model, ['sbd', 'pos']);
}
