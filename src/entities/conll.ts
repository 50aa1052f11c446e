/**
 * CoNLL-2003 column files and span-level scoring (conlleval-style exact match).
 *
 * Input: one token per line, the token first and the NE tag last, blank lines between sentences,
 * `-DOCSTART-` lines between documents. Tags may be IOB1 (CoNLL's original) or IOB2/BIO; both read
 * the same way: an `I-X` after something other than `X` opens a span, a `B-X` always does.
 */
import { TYPES, type TokenSpan } from './features.js';

export interface ConllSentence {
  tokens: string[];
  /** Gold tags as written in the file. */
  tags: string[];
  /** 1-based line of the first token. */
  line: number;
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

const DOC_MARK = '-DOC' + 'START-';

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence | null = null;
  const lines = text.split(/\r?\n/);
  const flushSentence = (): void => {
    if (sentence !== null && sentence.tokens.length > 0) doc.sentences.push(sentence);
    sentence = null;
  };
  const flushDoc = (): void => {
    flushSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      flushSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === DOC_MARK) {
      flushDoc();
      continue;
    }
    sentence ??= { tokens: [], tags: [], line: i + 1 };
    sentence.tokens.push(cols[0]);
    sentence.tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  flushDoc();
  return docs;
}

/** IOB1/IOB2/BILOU tags → spans (type index into TYPES; unknown types are ignored). */
export function iobToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  const close = (): void => {
    if (open !== null) spans.push(open);
    open = null;
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 'O' || tag.length < 3 || tag[1] !== '-') {
      close();
      continue;
    }
    const prefix = tag[0];
    const type = (TYPES as readonly string[]).indexOf(tag.slice(2));
    if (type < 0) {
      close();
      continue;
    }
    const cur = open as TokenSpan | null;
    const continues = cur !== null && cur.type === type && (prefix === 'I' || prefix === 'L' || prefix === 'E');
    if (continues) cur.end = i + 1;
    else {
      close();
      open = { start: i, end: i + 1, type };
    }
    if (prefix === 'L' || prefix === 'U' || prefix === 'E' || prefix === 'S') close();
  }
  close();
  return spans;
}

/** Spans → IOB2 tags (what we write for conlleval). */
export function spansToIob(length: number, spans: readonly TokenSpan[]): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${TYPES[s.type]}`;
  }
  return tags;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface SpanScore {
  overall: PRF;
  byType: Record<string, PRF>;
}

function prf(correct: number, gold: number, predicted: number): PRF {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Exact-match span scoring over parallel lists of gold and predicted spans (one list per sentence). */
export function scoreSpans(gold: readonly TokenSpan[][], predicted: readonly TokenSpan[][]): SpanScore {
  const g = new Array<number>(TYPES.length).fill(0);
  const p = new Array<number>(TYPES.length).fill(0);
  const c = new Array<number>(TYPES.length).fill(0);
  for (let s = 0; s < gold.length; s++) {
    const keys = new Set((gold[s] ?? []).map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of gold[s] ?? []) g[x.type]++;
    for (const x of predicted[s] ?? []) {
      p[x.type]++;
      if (keys.has(`${x.start}:${x.end}:${x.type}`)) c[x.type]++;
    }
  }
  const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
  const byType: Record<string, PRF> = {};
  TYPES.forEach((type, t) => (byType[type] = prf(c[t], g[t], p[t])));
  return { overall: prf(sum(c), sum(g), sum(p)), byType };
}
