/**
 * Whether extracted text is long enough to be an article. Words are counted where the script separates
 * them with spaces; Chinese, Japanese, Thai and other scripts written without spaces are counted by
 * characters (a 300-character Chinese story has no spaces at all, so it is one "word").
 */

/** Fewest words for an article in spaced text (a short wire brief has about 40). */
export const MIN_ARTICLE_WORDS = 20;
/** Fewest characters of unspaced scripts for an article (a Chinese word averages about 1.7 characters). */
export const MIN_ARTICLE_UNSPACED_CHARS = 50;

const UNSPACED_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/gu;

/** Characters per word in Chinese (≈1.7) and Japanese text, for counting words where none are spaced. */
const CHARS_PER_UNSPACED_WORD = 1.7;

function counts(text: string): { words: number; unspaced: number } {
  const unspaced = text.match(UNSPACED_CHARS)?.length ?? 0;
  const words = text.replace(UNSPACED_CHARS, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words, unspaced };
}

/** Words in spaced text plus the word-equivalents of characters in unspaced scripts. */
export function wordEquivalents(text: string): number {
  const { words, unspaced } = counts(text);
  return words + unspaced / CHARS_PER_UNSPACED_WORD;
}

export function isLongEnough(text: string): boolean {
  const { unspaced } = counts(text);
  return wordEquivalents(text) >= MIN_ARTICLE_WORDS || unspaced >= MIN_ARTICLE_UNSPACED_CHARS;
}
