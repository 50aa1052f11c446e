/**
 * A parsed query (parse.ts) as an SQLite FTS5 MATCH expression. Every word and phrase is a quoted
 * FTS5 string, so the user's text is never FTS5 syntax: the FTS tokenizer splits it the way it
 * split the indexed text, and operators come only from the tree.
 */
import { parseQuery, type QueryNode } from './parse.js';
import type { QueryLimits } from './limits.js';

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function compileFts5(node: QueryNode): string {
  const wrap = (child: QueryNode): string => {
    const s = compileFts5(child);
    return child.kind === 'and' || child.kind === 'or' || child.kind === 'not' ? `(${s})` : s;
  };
  switch (node.kind) {
    case 'term':
      return quote(node.text) + (node.prefix ? '*' : '');
    case 'phrase':
      return quote(node.words) + (node.prefix ? '*' : '');
    case 'near':
      return `NEAR(${node.phrases.map(compileFts5).join(' ')}, ${node.distance})`;
    case 'and':
      return node.children.map(wrap).join(' AND ');
    case 'or':
      return node.children.map(wrap).join(' OR ');
    case 'not':
      return `${wrap(node.positive)} NOT ${wrap(node.negative)}`;
  }
}

/** The user's query as FTS5, or null when it has no word to search for; throws QueryError over a bound. */
export function toFts5(query: string, limits?: QueryLimits): string | null {
  const tree = parseQuery(query, limits);
  return tree ? compileFts5(tree) : null;
}
