/**
 * A parsed query (parse.ts) as PostgreSQL tsquery text, for `to_tsquery('dateline', …)`: the same
 * tree FTS5 gets (compile-fts5.ts), so both stores match the same articles. Every word and phrase is
 * a quoted tsquery operand, so the user's text is never tsquery syntax; to_tsquery stems each operand
 * with the store's configuration, and an operand the parser splits in several words (`U.S.`) becomes
 * a phrase, as FTS5 makes it one. NEAR(a b, N) between two single words is exact (b within N+1
 * positions after a, or a after b); a NEAR over longer phrases or more than two is read as AND (a
 * superset of FTS5's hits).
 */
import { parseQuery, type QueryNode } from './parse.js';
import type { QueryLimits } from './limits.js';

function operand(text: string, prefix: boolean): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

function phrase(words: string, prefix: boolean): string {
  const parts = words.split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return operand(words, prefix);
  return `(${parts.map((w, i) => operand(w, prefix && i === parts.length - 1)).join(' <-> ')})`;
}

function near(node: Extract<QueryNode, { kind: 'near' }>): string {
  const single = node.phrases.length === 2 && node.phrases.every((p) => p.kind === 'term' || !/\s/.test(p.words.trim()));
  if (!single) return `(${node.phrases.map(compileTsquery).join(' & ')})`;
  const [a, b] = node.phrases.map(compileTsquery);
  const alternatives: string[] = [];
  for (let k = 1; k <= node.distance + 1; k++) alternatives.push(`${a} <${k}> ${b}`, `${b} <${k}> ${a}`);
  return `(${alternatives.join(' | ')})`;
}

export function compileTsquery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return operand(node.text, node.prefix);
    case 'phrase':
      return phrase(node.words, node.prefix);
    case 'near':
      return near(node);
    case 'and':
      return `(${node.children.map(compileTsquery).join(' & ')})`;
    case 'or':
      return `(${node.children.map(compileTsquery).join(' | ')})`;
    case 'not':
      return `(${compileTsquery(node.positive)} & !${compileTsquery(node.negative)})`;
  }
}

/** The user's query as tsquery text, or null when it has no word to search for; throws QueryError over a bound. */
export function toTsquery(query: string, limits?: QueryLimits): string | null {
  const tree = parseQuery(query, limits);
  return tree ? compileTsquery(tree) : null;
}
