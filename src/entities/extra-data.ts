/**
 * Extra NER training data in column files other than CoNLL-2003's own layout: the token is the
 * second-to-last column and the IOB tag the last (`index token tag` as in WikiGold's conllu, or
 * `token tag`). Files without document markers are cut into pseudo-documents of consecutive
 * sentences so the document-level features see some context.
 */
import { parseConll, type ConllDocument } from './conll.js';

/** Sentences per pseudo-document when a file has no -DOCSTART- lines. */
export const PSEUDO_DOC_SENTENCES = 20;

export function parseColumns(text: string, sentencesPerDoc = PSEUDO_DOC_SENTENCES): ConllDocument[] {
  // Rewrite each token line as `token tag` so parseConll (token first, tag last) reads it.
  const normalised = text
    .split(/\r?\n/)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return cols.length >= 3 ? `${cols[cols.length - 2]} ${cols[cols.length - 1]}` : line;
    })
    .join('\n');
  const docs = parseConll(normalised);
  if (docs.length !== 1) return docs;
  const out: ConllDocument[] = [];
  const sentences = docs[0].sentences;
  for (let i = 0; i < sentences.length; i += sentencesPerDoc) out.push({ sentences: sentences.slice(i, i + sentencesPerDoc) });
  return out;
}
