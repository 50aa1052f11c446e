import { EXIT, type Command } from '../command.js';
import { table } from '../io.js';
import { dbShown, openDb } from './shared.js';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Counts of articles, words, sources and every layer in the database',
  usage: 'dateline stats [--db PATH] [--json]',
  flags: { values: ['db'] },
  async run(args, io) {
    const store = openDb(args, true);
    try {
      const stats = store.stats();
      if (args.flags.json) {
        io.out(JSON.stringify({ db: dbShown(args), ...stats }, null, 2));
        return EXIT.OK;
      }
      io.out(`${dbShown(args)}: ${stats.articles} articles (${stats.words} words) from ${stats.sources} inputs; published ${stats.firstPublished ?? '?'} … ${stats.lastPublished ?? '?'}`);
      io.out(`${stats.nearDuplicates} near-duplicates linked, ${stats.diagnostics} diagnostics recorded\n`);
      io.out(table(['layer', 'items'], Object.entries(stats.layers).map(([k, v]) => [k, v ?? 0])));
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
