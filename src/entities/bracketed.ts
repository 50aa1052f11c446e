/**
 * Bracket-annotated sentences → CoNLL-2003 columns, for hand-written NER test sets
 * (test-fixtures/ner-fresh/*.txt):
 *
 *   ## doc-title                       starts a document (-DOCSTART-)
 *   [PER Ursula von der Leyen] arrived in [LOC Kyiv] .   one sentence per line
 *   # comment
 *
 * Tokens follow CoNLL's tokenisation: punctuation split from words, "'s" its own token, abbreviations
 * ("U.S.", "Inc.") kept whole. Output tags are IOB2.
 *
 *   node dist/entities/bracketed.js IN.txt OUT.conll
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { TYPES } from './features.js';

export interface BracketedSentence {
  tokens: string[];
  tags: string[];
}

const LEADING = /^["'(\u201c\u2018[]/;
const TRAILING = /["'),;:!?\u201d\u2019\]]$/;
/** A word whose final period belongs to it: initials ("U.S.", "J.") and a few common abbreviations. */
const ABBREVIATION = /^(?:(?:\p{L}\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Jr\.|Sr\.|Inc\.|Corp\.|Ltd\.|Co\.|Gen\.|Lt\.|Col\.|Sgt\.|Gov\.|Sen\.|Rep\.|vs\.)$/u;

/** Splits plain text (no brackets) into CoNLL-style tokens. `last` says whether it ends the sentence. */
export function tokenize(text: string, last: boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  words.forEach((raw, wi) => {
    let w = raw;
    const before: string[] = [];
    const after: string[] = [];
    while (w.length > 1 && LEADING.test(w)) {
      before.push(w[0]);
      w = w.slice(1);
    }
    const final = last && wi === words.length - 1;
    for (;;) {
      if (w.length > 1 && TRAILING.test(w)) {
        after.unshift(w[w.length - 1]);
        w = w.slice(0, -1);
      } else if (w.length > 1 && w.endsWith('.') && (!ABBREVIATION.test(w) || (final && after.length === 0))) {
        // A sentence-final abbreviation keeps its period and gets the full stop as well, as CoNLL does.
        if (ABBREVIATION.test(w)) after.unshift('.');
        else {
          after.unshift('.');
          w = w.slice(0, -1);
        }
        break;
      } else break;
    }
    const possessive = /^(.+)(['\u2019]s)$/u.exec(w);
    if (possessive !== null) out.push(...before, possessive[1], possessive[2], ...after);
    else out.push(...before, w, ...after);
  });
  return out;
}

/** One bracket-annotated line → tokens and IOB2 tags. */
export function parseBracketed(line: string): BracketedSentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  const span = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]/g;
  let last = 0;
  const matches = [...line.matchAll(span)];
  const plain = (text: string, isLast: boolean): void => {
    for (const t of tokenize(text, isLast)) {
      tokens.push(t);
      tags.push('O');
    }
  };
  for (const m of matches) {
    plain(line.slice(last, m.index), false);
    const type = m[1];
    if (!(TYPES as readonly string[]).includes(type)) throw new Error(`unknown type ${type}`);
    tokenize(m[2], false).forEach((t, i) => {
        tokens.push(t);
      tags.push(`${i === 0 ? 'B' : 'I'}-${type}`);
    });
    last = m.index + m[0].length;
  }
  plain(line.slice(last), true);
  if (/[[\]]/.test(tokens.join(' '))) throw new Error(`unbalanced brackets in: ${line}`);
  return { tokens, tags };
}

/** A whole bracket-annotated file → CoNLL-2003 text (token, then tag, one per line). */
export function bracketedToConll(text: string): string {
  const out: string[] = [];
  let open = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('##')) {
      out.push('-DOC' + 'START- O', '');
      open = true;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    if (!open) {
      out.push('-DOC' + 'START- O', '');
      open = true;
    }
    const s = parseBracketed(line);
    s.tokens.forEach((t, i) => out.push(`${t} ${s.tags[i]}`));
    out.push('');
  }
  return out.join('\n');
}

function main(): void {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    process.stderr.write('usage: node dist/entities/bracketed.js IN.txt OUT.conll\n');
    process.exitCode = 2;
    return;
  }
  writeFileSync(output, bracketedToConll(readFileSync(input, 'utf8')));
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
