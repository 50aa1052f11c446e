import { countFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { table } from '../io.js';
import { dayFlag, openDb } from './shared.js';

export const articlesCommand: Command = {
  name: 'articles',
  summary: 'List stored articles by publication day, or find those that mention a date (--mentions)',
  usage: `dateline articles [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--mentions] [--limit N] [--offset N] [--db PATH] [--json]

  Without --mentions: articles published (stated or inferred) in the range, oldest first.
  With --mentions: every resolved date or time expression whose range overlaps the range, with its article.`,
  flags: { values: ['db', 'from', 'to', 'limit', 'offset'], booleans: ['mentions'] },
  async run(args, io) {
    const from = dayFlag(args, 'from');
    const to = dayFlag(args, 'to');
    const page = { limit: countFlag(args, 'limit', 50), offset: countFlag(args, 'offset', 0) };
    const store = openDb(args, true);
    try {
      if (args.flags.mentions) {
        if (!from && !to) {
          io.err('articles --mentions: give --from and/or --to');
          return EXIT.USAGE;
        }
        const rows = store.articlesMentioning({ from: from ?? '0000-01-01', to: to ?? '9999-12-31' }, page);
        if (args.flags.json) io.out(JSON.stringify({ from, to, ...page, mentions: rows }, null, 2));
        else io.out(table(['article', 'value', 'text', 'at'], rows.map((r) => [r.articleId, r.value, r.text, `${r.start}-${r.end}`])));
        return EXIT.OK;
      }
      const rows = store.listArticles({ ...page, from, to });
      if (args.flags.json) io.out(JSON.stringify({ from, to, ...page, articles: rows }, null, 2));
      else
        io.out(
          table(
            ['id', 'published', 'how', 'dateline', 'title'],
            rows.map((r) => [r.id, r.published?.slice(0, 10) ?? '?', r.publishedSource, r.dateline ?? '', (r.title ?? '').slice(0, 60)]),
          ),
        );
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
