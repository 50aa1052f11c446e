/**
 * The assembled NER dev set (issue 12, item 1: the selection rule of docs/benchmarks.md): CoNLL-2003 valid,
 * our fresh-news dev file, and the news documents (`newdoc id = n…`) of UNER English-PUD, whose gold has
 * PER/ORG/LOC only, so MISC predictions are left out of its score. Never a test split.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath, sharedPath } from '../core/paths.js';
import { iobToSpans, parseConll, scoreSpans, type ConllDocument } from './conll.js';
import { TYPES, type TokenSpan } from './features.js';

export interface DevSet {
  name: string;
  docs: ConllDocument[];
  /** Drop predicted MISC spans before scoring (the gold has no MISC). */
  noMisc: boolean;
}

/** The news documents of a UNER iob2 file (`# newdoc id = n…`; columns: index, token, tag). */
export function parseUnerNews(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllDocument['sentences'][number] | null = null;
  const lines = text.split(/\r?\n/);
  const flush = (): void => {
    if (doc !== null && sentence !== null && sentence.tokens.length > 0) doc.sentences.push(sentence);
    sentence = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^# newdoc id = (\S+)/.exec(line);
    if (m !== null) {
      flush();
      doc = m[1].startsWith('n') ? { sentences: [] } : null;
      if (doc !== null) docs.push(doc);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (doc === null) continue;
    const cols = line.split('\t');
    sentence ??= { tokens: [], tags: [], line: i + 1 };
    sentence.tokens.push(cols[1]);
    sentence.tags.push(cols[2] ?? 'O');
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

export function assembledDevSets(): DevSet[] {
  const sets: DevSet[] = [
    { name: 'CoNLL valid', docs: parseConll(readFileSync(sharedPath('data', 'conll2003', 'valid.txt'), 'utf8')), noMisc: false },
    { name: 'fresh dev', docs: parseConll(readFileSync(packagePath('test-fixtures', 'ner-fresh', 'dev.conll'), 'utf8')), noMisc: false },
  ];
  const pud = sharedPath('data', 'ner-uner-english', 'en_pud-ud-test.iob2');
  if (existsSync(pud)) sets.push({ name: 'PUD news', docs: parseUnerNews(readFileSync(pud, 'utf8')), noMisc: true });
  return sets;
}

interface Counts {
  tp: number;
  gold: number;
  predicted: number;
}

function count(set: DevSet, predicted: TokenSpan[][][]): Counts {
  const keep = (spans: TokenSpan[]): TokenSpan[] => (set.noMisc ? spans.filter((s) => TYPES[s.type] !== 'MISC') : spans);
  const gold = set.docs.flatMap((d) => d.sentences.map((s) => keep(iobToSpans(s.tags))));
  const score = scoreSpans(gold, predicted.flat().map(keep));
  const o = score.overall;
  const tp = Math.round(o.recall * o.gold);
  return { tp, gold: o.gold, predicted: o.predicted };
}

const f1 = (c: Counts): number => (c.tp === 0 ? 0 : (2 * c.tp) / (c.gold + c.predicted));

/** Per dev set and micro over all: F1 of one tagging function. */
export function evaluateDev(sets: DevSet[], tag: (set: number, doc: number) => TokenSpan[][]): { parts: number[]; micro: number } {
  const total: Counts = { tp: 0, gold: 0, predicted: 0 };
  const parts = sets.map((set, si) => {
    const c = count(set, set.docs.map((_, di) => tag(si, di)));
    total.tp += c.tp;
    total.gold += c.gold;
    total.predicted += c.predicted;
    return f1(c);
  });
  return { parts, micro: f1(total) };
}
