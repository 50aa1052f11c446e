/**
 * The search query language, parsed into one tree that each store compiles to its own engine
 * (compile-fts5.ts for SQLite). Words, "quoted phrases", prefix*, AND / OR / NOT (upper case;
 * a space means AND), -word, parentheses and NEAR(a b, 10).
 *
 * Syntax never fails: an unclosed quote is dropped, an unclosed parenthesis closes at the end, a stray `)` or a dangling
 * operator is ignored, and text with no letter or digit is no word. Only the cost bounds in
 * limits.ts (and a query that only excludes) are errors, so a caller can answer 400 with the reason.
 */
import { QUERY_LIMITS, type QueryLimits } from './limits.js';

export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean }
  | { kind: 'phrase'; words: string; prefix: boolean }
  | { kind: 'near'; phrases: Array<Extract<QueryNode, { kind: 'term' | 'phrase' }>>; distance: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; positive: QueryNode; negative: QueryNode };

export type QueryErrorReason = 'TOO_LONG' | 'TOO_MANY_WORDS' | 'TOO_MANY_PREFIXES' | 'SHORT_PREFIX' | 'NEAR_TOO_WIDE' | 'TOO_DEEP' | 'ONLY_EXCLUDES';

/** A query refused for its cost or shape; `message` says which bound and how to fix it. */
export class QueryError extends Error {
  constructor(
    readonly reason: QueryErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

type Token =
  | { t: 'word'; text: string; prefix: boolean; negated: boolean }
  | { t: 'phrase'; text: string; prefix: boolean; negated: boolean }
  | { t: 'near'; body: string; negated: boolean }
  | { t: 'open'; negated: boolean }
  | { t: 'close' }
  | { t: 'op'; op: 'AND' | 'OR' | 'NOT' };

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < query.length && !SPACE.test(query[i + 1])) {
      negated = true;
      i++;
    }
    const c = query[i];
    if (c === '(') {
      tokens.push({ t: 'open', negated });
      depth++;
      i++;
    } else if (c === ')') {
      // A stray `)` closes nothing and is dropped.
      if (depth > 0) {
        tokens.push({ t: 'close' });
        depth--;
      }
      i++;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      // An unclosed quote is a typo, not a phrase to the end: it is dropped and the rest read as usual.
      if (end < 0) {
        i++;
        continue;
      }
      let next = end + 1;
      const prefix = query[next] === '*';
      while (query[next] === '*') next++;
      tokens.push({ t: 'phrase', text: query.slice(i + 1, end), prefix, negated });
      i = next;
    } else if (query.startsWith('NEAR(', i)) {
      const end = query.indexOf(')', i);
      const stop = end < 0 ? query.length : end;
      tokens.push({ t: 'near', body: query.slice(i + 5, stop), negated });
      i = end < 0 ? query.length : end + 1;
    } else {
      let j = i;
      while (j < query.length && !SPACE.test(query[j]) && query[j] !== '(' && query[j] !== ')' && query[j] !== '"') j++;
      const raw = query.slice(i, j);
      i = j;
      if (!negated && (raw === 'AND' || raw === 'OR' || raw === 'NOT')) {
        tokens.push({ t: 'op', op: raw });
        continue;
      }
      const text = raw.replace(/\*+$/, '');
      tokens.push({ t: 'word', text, prefix: text.length < raw.length, negated });
    }
  }
  return tokens;
}

function hasWord(text: string): boolean {
  return WORD_CHAR.test(text);
}

class Parser {
  private at = 0;
  droppedNegation = false;

  constructor(
    private readonly tokens: Token[],
    private readonly limits: QueryLimits,
  ) {}

  parseOr(depth: number): QueryNode | null {
    const groups: QueryNode[] = [];
    for (;;) {
      const group = this.parseAnd(depth);
      if (group) groups.push(group);
      const next = this.tokens[this.at];
      if (next?.t === 'op' && next.op === 'OR') {
        this.at++;
        continue;
      }
      break;
    }
    if (groups.length === 0) return null;
    return groups.length === 1 ? groups[0] : { kind: 'or', children: groups };
  }

  private parseAnd(depth: number): QueryNode | null {
    const positives: QueryNode[] = [];
    const negatives: QueryNode[] = [];
    let negateNext = false;
    for (;;) {
      const token = this.tokens[this.at];
      if (!token || token.t === 'close' || (token.t === 'op' && token.op === 'OR')) break;
      if (token.t === 'op') {
        this.at++;
        if (token.op === 'NOT') negateNext = true;
        continue;
      }
      const negated = negateNext || token.negated;
      negateNext = false;
      const unit = this.parseUnit(depth);
      if (unit) (negated ? negatives : positives).push(unit);
    }
    if (positives.length === 0) {
      if (negatives.length > 0) this.droppedNegation = true;
      return null;
    }
    const positive: QueryNode = positives.length === 1 ? positives[0] : { kind: 'and', children: positives };
    if (negatives.length === 0) return positive;
    return { kind: 'not', positive, negative: negatives.length === 1 ? negatives[0] : { kind: 'or', children: negatives } };
  }

  private parseUnit(depth: number): QueryNode | null {
    const token = this.tokens[this.at++];
    switch (token.t) {
      case 'open': {
        if (depth + 1 > this.limits.maxDepth) throw new QueryError('TOO_DEEP', `the query nests parentheses more than ${this.limits.maxDepth} deep`);
        const inner = this.parseOr(depth + 1);
        if (this.tokens[this.at]?.t === 'close') this.at++;
        return inner;
      }
      case 'word':
        return hasWord(token.text) ? { kind: 'term', text: token.text, prefix: token.prefix } : null;
      case 'phrase':
        return hasWord(token.text) ? { kind: 'phrase', words: token.text.trim(), prefix: token.prefix } : null;
      case 'near':
        return this.near(token.body);
      default:
        return null;
    }
  }

  private near(body: string): QueryNode | null {
    const m = /,\s*(\d+)\s*$/.exec(body);
    const distance = m ? Number(m[1]) : this.limits.defaultNearDistance;
    if (distance > this.limits.maxNearDistance) throw new QueryError('NEAR_TOO_WIDE', `NEAR distance ${distance} is over the limit of ${this.limits.maxNearDistance}`);
    const phrases: Array<Extract<QueryNode, { kind: 'term' | 'phrase' }>> = [];
    for (const token of lex(m ? body.slice(0, m.index) : body)) {
      if (token.t === 'word' && hasWord(token.text)) phrases.push({ kind: 'term', text: token.text, prefix: token.prefix });
      else if (token.t === 'phrase' && hasWord(token.text)) phrases.push({ kind: 'phrase', words: token.text.trim(), prefix: token.prefix });
    }
    if (phrases.length > this.limits.maxNearPhrases) throw new QueryError('NEAR_TOO_WIDE', `NEAR groups at most ${this.limits.maxNearPhrases} words or phrases, got ${phrases.length}`);
    if (phrases.length === 0) return null;
    if (phrases.length === 1) return phrases[0];
    return { kind: 'near', phrases, distance };
  }
}

function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function checkCost(root: QueryNode, limits: QueryLimits): void {
  let count = 0;
  const prefixes = new Set<string>();
  const visit = (node: QueryNode): void => {
    switch (node.kind) {
      case 'term':
      case 'phrase': {
        const text = node.kind === 'term' ? node.text : node.words;
        count += words(text);
        if (node.prefix) {
          const last = text.match(/[\p{L}\p{N}]+/gu)?.at(-1) ?? '';
          if ([...last].length < limits.minPrefixChars) {
            throw new QueryError('SHORT_PREFIX', `a prefix needs at least ${limits.minPrefixChars} letters before '*', got '${last}*'`);
          }
          prefixes.add(text.toLowerCase());
        }
        return;
      }
      case 'near':
        node.phrases.forEach(visit);
        return;
      case 'and':
      case 'or':
        node.children.forEach(visit);
        return;
      case 'not':
        visit(node.positive);
        visit(node.negative);
    }
  };
  visit(root);
  if (count > limits.maxWords) throw new QueryError('TOO_MANY_WORDS', `the query has ${count} words; at most ${limits.maxWords} are searched at once`);
  if (prefixes.size > limits.maxPrefixes) throw new QueryError('TOO_MANY_PREFIXES', `the query has ${prefixes.size} prefix terms (word*); at most ${limits.maxPrefixes} are allowed`);
}

/**
 * Parses a query into its tree, or null when it has no word to search for. Throws QueryError when
 * the query is over a bound or only excludes words.
 */
export function parseQuery(query: string, limits: QueryLimits = QUERY_LIMITS): QueryNode | null {
  if (query.length > limits.maxChars) throw new QueryError('TOO_LONG', `the query is ${query.length} characters; at most ${limits.maxChars} are allowed`);
  // Control characters are no query syntax and no word (a NUL would end the string SQLite sees).
  // eslint-disable-next-line no-control-regex
  const parser = new Parser(lex(query.replace(/[\u0000-\u001f\u007f]/g, ' ')), limits);
  const root = parser.parseOr(0);
  if (!root) {
    if (parser.droppedNegation) throw new QueryError('ONLY_EXCLUDES', 'the query only excludes words (NOT, -word); add a word to find');
    return null;
  }
  checkCost(root, limits);
  return root;
}
