import { articleDetail, lookupArticleId } from '../../api/articles.js';
import { toAnalyzeJson } from '../../api/serialize.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { openDb } from './shared.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show one stored article with its layers (--json for everything)',
  usage: `dateline show <article-id> [--db PATH] [--json]

  An id prefix is enough when it is unique.`,
  flags: { values: ['db'] },
  async run(args, io) {
    const id = args.positionals[0];
    if (!id) {
      io.err('show: give an article id');
      return EXIT.USAGE;
    }
    const store = openDb(args, true);
    try {
      const found = lookupArticleId(store, id);
      if (found && 'ambiguous' in found) {
        io.err(`show: '${id}' matches several articles; give more of the id`);
        return EXIT.USAGE;
      }
      const stored = found ? store.getArticle(found.id) : null;
      if (!stored) {
        io.err(`show: no article '${id}' in the database`);
        return EXIT.NOT_FOUND;
      }
      if (args.flags.json) {
        io.out(JSON.stringify(articleDetail(stored), null, 2));
        return EXIT.OK;
      }
      const a = stored.article;
      const json = toAnalyzeJson(stored);
      io.out(paint(io, 'bold', a.title ?? '(untitled)'));
      io.out(`id ${a.id}  published ${json.published ?? 'unknown'} (${json.publishedSource})  dateline ${a.dateline?.text ?? '—'}`);
      if (stored.nearDuplicateOf) io.out(`near-duplicate of ${stored.nearDuplicateOf}`);
      // A re-ingest records another sighting of the same place; list each place once, with how often it was read.
      const seen = new Map<string, number>();
      for (const s of stored.sightings) {
        const where = `${s.file}${s.line ? `:${s.line}` : ''}${s.record ? ` #${s.record}` : ''}`;
        seen.set(where, (seen.get(where) ?? 0) + 1);
      }
      io.out(`from ${[...seen].map(([where, n]) => (n > 1 ? `${where} (read ${n}×)` : where)).join(', ')}`);
      const counts = Object.entries(stored.layers)
        .map(([k, v]) => `${k} ${(v as unknown[]).length}`)
        .join(', ');
      io.out(paint(io, 'dim', counts));
      io.out(`\n${a.text}`);
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
