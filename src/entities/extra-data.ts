/**
 * Extra NER training data in column files other than CoNLL-2003's own layout: the token is the
 * second-to-last column and the IOB tag the last (`index token tag` as in WikiGold's conllu, or
 * `token tag`). Files without document markers are cut into pseudo-documents of consecutive
 * sentences so the document-level features see some context. Fine-grained types (CrossNER's
 * politician, politicalparty, election…) are mapped to CoNLL's four by FINE_TYPES; a type with no
 * CoNLL counterpart (algorithm, protein…) becomes O.
 */
import { parseConll, type ConllDocument } from './conll.js';

/** Sentences per pseudo-document when a file has no -DOCSTART- lines. */
export const PSEUDO_DOC_SENTENCES = 20;

/** Fine entity types of other corpora → CoNLL-2003 types (CrossNER, WNUT-17, Re-DocRED names). */
export const FINE_TYPES: Readonly<Record<string, 'PER' | 'ORG' | 'LOC' | 'MISC'>> = {
  PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC',
  person: 'PER', politician: 'PER', scientist: 'PER', writer: 'PER', musicalartist: 'PER', researcher: 'PER',
  organisation: 'ORG', organization: 'ORG', politicalparty: 'ORG', university: 'ORG', band: 'ORG', magazine: 'ORG',
  corporation: 'ORG', group: 'ORG',
  location: 'LOC', country: 'LOC',
  misc: 'MISC', event: 'MISC', election: 'MISC', award: 'MISC', book: 'MISC', poem: 'MISC', album: 'MISC', song: 'MISC',
  musicgenre: 'MISC', literarygenre: 'MISC', product: 'MISC', 'creative-work': 'MISC',
};

/** An IOB tag with its type mapped by FINE_TYPES (unmapped types → O). */
export function mapTag(tag: string): string {
  const m = /^([BI])-(.+)$/.exec(tag);
  if (m === null) return tag;
  const type = FINE_TYPES[m[2]];
  return type === undefined ? 'O' : `${m[1]}-${type}`;
}

export function parseColumns(text: string, sentencesPerDoc = PSEUDO_DOC_SENTENCES): ConllDocument[] {
  // Rewrite each token line as `token tag` so parseConll (token first, tag last) reads it.
  const normalised = text
    .split(/\r?\n/)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      if (cols.length >= 3) return `${cols[cols.length - 2]} ${mapTag(cols[cols.length - 1])}`;
      if (cols.length === 2) return `${cols[0]} ${mapTag(cols[1])}`;
      return line;
    })
    .join('\n');
  const docs = parseConll(normalised);
  if (docs.length !== 1) return docs;
  const out: ConllDocument[] = [];
  const sentences = docs[0].sentences;
  for (let i = 0; i < sentences.length; i += sentencesPerDoc) out.push({ sentences: sentences.slice(i, i + sentencesPerDoc) });
  return out;
}
