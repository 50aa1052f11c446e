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
let factory: typeof winkNLPType | null = null;
/** The lexeme table of the newest instance's model: wink appends every out-of-vocabulary word to it. */
let lexemes: { list: unknown[]; intrinsicSize: number } | null = null;

/**
 * Out-of-vocabulary words one instance may collect before `winkForDocument` starts a fresh one. wink
 * keeps them for the life of the instance (≈ 9 MB of heap after 1,500 long news articles, still
 * growing); the tokenizer never reads them back (see above), so a fresh instance tags the same, and
 * making one costs ≈ 0.1 CPU-s (docs/benchmarks.md, "mem16").
 */
export const WINK_OOV_LIMIT = 50_000;

export function wink(): Wink {
  instance ??= create();
  return instance;
}

/** The instance to read a new document with: a fresh one once the current one holds WINK_OOV_LIMIT words it learned. */
export function winkForDocument(limit = WINK_OOV_LIMIT): Wink {
  if (lexemes !== null && lexemes.list.length - lexemes.intrinsicSize > limit) instance = null;
  return wink();
}

/** Out-of-vocabulary words the current instance holds (tests). */
export function winkLearnedWords(): number {
  return lexemes === null ? 0 : lexemes.list.length - lexemes.intrinsicSize;
}

/**
 * The model as each instance loads it. Its `metaCER` loader stringifies its module's copy of the custom
 * entity machines in place, so every further instance got a string escaped once more (twice as long;
 * "Invalid string length" by the tenth): every instance gets the first load's answer instead.
 */
let metaCER: unknown;
const loaders = model as unknown as { metaCER(): unknown };
const modelOnce = { ...model, metaCER: () => (metaCER ??= loaders.metaCER()) } as typeof model;

function create(): Wink {
  factory ??= loadFactory();
  return factory(modelOnce, ['sbd', 'pos']);
}

function loadFactory(): typeof winkNLPType {
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
    lexemes = (args[0] as { features: { lexeme: { list: unknown[]; intrinsicSize: number } } }).features.lexeme;
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
  return winkNLP;
}
