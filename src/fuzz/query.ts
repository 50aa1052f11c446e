/**
 * Fuzzing the search query parser: any string parses to a tree or a QueryError (never another
 * exception), within a time bound, and what it compiles to is valid FTS5 that SQLite runs.
 */
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { toFts5 } from '../store/query/compile-fts5.js';
import { QueryError } from '../store/query/parse.js';

/** Pieces of query syntax, so random strings hit the parser's branches and not only plain words. */
const PIECES = ['"', '(', ')', '*', '-', ' ', 'AND', 'OR', 'NOT', 'NEAR(', ',', ' 5', ':', '^', '{', '}', 'drone', 'kil', 'Kyiv', 'é', '中', '\u0000', '\ud800', '😀', '\n'];

export const queryArbitrary = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
);

export function queryFuzzer(): (query: string) => void {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')`);
  db.prepare('INSERT INTO t(title, text) VALUES (?, ?)').run('Drones over Kyiv', 'Drones killed three people in Kyiv; 中文 news.');
  const match = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck();
  return (query) => {
    const started = performance.now();
    let fts: string | null;
    try {
      fts = toFts5(query);
    } catch (error) {
      if (error instanceof QueryError) return;
      throw error;
    }
    if (performance.now() - started > 250) throw new Error(`parsing took ${(performance.now() - started).toFixed(0)} ms: ${JSON.stringify(query)}`);
    if (fts !== null) match.get(fts);
  };
}

export function fuzzQueries(runs: number, seed: number): void {
  const check = queryFuzzer();
  fc.assert(fc.property(queryArbitrary, (q) => check(q)), { numRuns: runs, seed });
}
