import { countFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { dayFlag, openDb } from './shared.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search (FTS5, BM25) over titles and text, with highlighted snippets',
  usage: `dateline search <query…> [--db PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--offset N] [--json]

  --from/--to keep articles whose publication day (stated or inferred) lies in the range.

  The query is FTS5 syntax ("Dmitry Peskov", kill*, strike AND Doha, drones NEAR(missiles, 5));
  anything that is not valid FTS5 is searched as plain words.`,
  flags: { values: ['db', 'limit', 'offset', 'from', 'to'] },
  async run(args, io) {
    const query = args.positionals.join(' ');
    if (!query.trim()) {
      io.err('search: give a query');
      return EXIT.USAGE;
    }
    const store = openDb(args, true);
    try {
      const filter = { from: dayFlag(args, 'from'), to: dayFlag(args, 'to') };
      const page = { limit: countFlag(args, 'limit', 10), offset: countFlag(args, 'offset', 0) };
      const hits = store.search(query, { ...page, ...filter });
      const total = store.countSearch(query, filter);
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
        io.out(`\n${paint(io, 'bold', hit.id)}  ${hit.published?.slice(0, 10) ?? '????-??-??'}  ${hit.title ?? '(untitled)'}\n  ${snippet}`);
      }
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
