/**
 * What the NER window network (window-net.ts) reads of one word form: the row of its dense vector
 * (learned from recent unlabelled news by scripts/ner-vectors.py; lowercase, digits folded to 0) and a
 * bag of hashed character features (prefixes, suffixes, shapes, length), so that a name never seen in
 * any text still gets a representation. Training (train-window.ts → scripts/ner-window-train.py) and
 * the run-time network use this one function, so their ids agree.
 */
import { hashString } from './hash.js';
import { longShape, shortShape } from './features.js';

/** Buckets of the hashed character-feature table. */
export const BAG_BUCKETS = 1 << 15;
/** Hashed features per word (unused slots are -1). */
export const BAG_SIZE = 11;
/** Special vector rows after the vocabulary: unknown word, sentence start, sentence end. */
export const ROW_UNK = 0;
export const ROW_START = 1;
export const ROW_END = 2;
export const WINDOW_START = '<S>';
export const WINDOW_END = '</S>';

const DIGITS = /\d/g;

/** The key of a form in the vector vocabulary. */
export function vectorKey(form: string): string {
  return form.toLowerCase().replace(DIGITS, '0');
}

/**
 * Fills `bag` (BAG_SIZE slots) with the form's hashed character features and returns the vector row:
 * an index into `vocab`, or -1 - ROW_* for the special rows.
 */
export function windowWordInputs(form: string, vocab: ReadonlyMap<string, number>, bag: Int32Array): number {
  if (form === WINDOW_START || form === WINDOW_END) {
    bag.fill(-1);
    bag[0] = hashString(form === WINDOW_START ? 'pad:start' : 'pad:end') % BAG_BUCKETS;
    return -1 - (form === WINDOW_START ? ROW_START : ROW_END);
  }
  const lower = form.toLowerCase();
  let k = 0;
  const add = (f: string): void => {
    bag[k++] = hashString(f) % BAG_BUCKETS;
  };
  for (let n = 1; n <= 3; n++) if (lower.length >= n) add(`p${n}:${lower.slice(0, n)}`);
  for (let n = 1; n <= 4; n++) if (lower.length >= n) add(`s${n}:${lower.slice(lower.length - n)}`);
  add(`S:${shortShape(form)}`);
  add(`L:${longShape(form).slice(0, 6)}`);
  add(`n:${Math.min(form.length, 10)}`);
  while (k < BAG_SIZE) bag[k++] = -1;
  const row = vocab.get(vectorKey(form));
  return row !== undefined ? row : -1 - ROW_UNK;
}
