import { search } from '../../api/search.js';
import { BudgetError, type SearchResult } from '../../store/queries.js';
import { QueryError } from '../../store/query/parse.js';
import { countFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { oneLine, paint } from '../io.js';
import { dayFlag, openDb } from './shared.js';

/** A command-line search may take longer than a server request (nobody else waits on it). */
const CLI_BUDGET_MS = 60_000;

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search (FTS5, BM25) over titles and text, with highlighted snippets',
  usage: `dateline search <query…> [--db PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source NAME] [--type T] [--place NAME]
                [--limit N] [--offset N] [--json]

  --from/--to keep articles whose publication day (stated or inferred) lies in the range; --source,
  --type (an ACLED or PLOVER event type) and --place (a place name or ISO country code) narrow as
  /api/search does. Every match is ranked (BM25); the answer is the same as /api/search's.

  Words (all must match), "quoted phrases", prefix* (3+ letters), AND / OR / NOT (upper case), -word,
  parentheses and NEAR(drones missiles, 5). Broken syntax is read as plainly as it can be; a query over
  its bounds (32 words, 4 prefixes, NEAR of 6 within 50) is a usage error that says which.`,
  flags: { values: ['db', 'limit', 'offset', 'from', 'to', 'source', 'type', 'place'] },
  async run(args, io) {
    const query = args.positionals.join(' ');
    if (!query.trim()) {
      io.err('search: give a query');
      return EXIT.USAGE;
    }
    const store = openDb(args, true);
    try {
      const filter = { from: dayFlag(args, 'from'), to: dayFlag(args, 'to'), source: stringFlag(args, 'source'), type: stringFlag(args, 'type'), place: stringFlag(args, 'place') };
      const page = { limit: countFlag(args, 'limit', 10), offset: countFlag(args, 'offset', 0) };
      let hits: SearchResult[];
      let total: number;
      try {
        ({ items: hits, total } = search(store, query, filter, page, CLI_BUDGET_MS));
      } catch (error) {
        if (error instanceof BudgetError) {
          io.err(`search: ${error.message}; narrow the query`);
          return EXIT.FAILURE;
        }
        if (!(error instanceof QueryError)) throw error;
        io.err(`search: ${error.message}`);
        return EXIT.USAGE;
      }
      if (args.flags.json) {
        io.out(JSON.stringify({ query, total, ...page, hits }, null, 2));
        return EXIT.OK;
      }
      io.out(`${total} articles match ${JSON.stringify(query)}`);
      for (const hit of hits) {
        let snippet = '';
        let at = 0;
        for (const [s, e] of hit.highlights) {
          snippet += hit.snippet.slice(at, s) + paint(io, 'yellow', io.color ? hit.snippet.slice(s, e) : `[${hit.snippet.slice(s, e)}]`);
          at = e;
        }
        snippet += hit.snippet.slice(at);
        io.out(`\n${paint(io, 'bold', hit.id)}  ${hit.published?.slice(0, 10) ?? '????-??-??'}  ${oneLine(hit.title ?? '(untitled)')}\n  ${oneLine(snippet)}`);
      }
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
