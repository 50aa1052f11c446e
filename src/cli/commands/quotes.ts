import { findEntity } from '../../api/entities.js';
import { findQuotes, type StoredQuote } from '../../api/quotes.js';
import { countFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { openDb } from './shared.js';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'Who said what: stored quotes with speaker, cue and kind, filtered by speaker or subject',
  usage: `dateline quotes [--speaker NAME] [--about NAME] [--limit N] [--offset N] [--db PATH] [--json]

  --speaker  the speaker's phrase or resolved entity names NAME ("he said" resolved to Peskov counts)
  --about    an entity named NAME is mentioned inside the quote`,
  flags: { values: ['db', 'speaker', 'about', 'limit', 'offset'] },
  async run(args, io) {
    const store = openDb(args, true);
    try {
      const speaker = stringFlag(args, 'speaker');
      const filter = { about: stringFlag(args, 'about') };
      const page = { limit: countFlag(args, 'limit', 50), offset: countFlag(args, 'offset', 0) };
      // The speaker as written, and the entity that name finds ("Zelensky" → Volodymyr Zelenskyy), as
      // /api/quotes and `dateline entity` resolve it.
      const entity = speaker === undefined ? null : findEntity(store, speaker);
      const names = [...new Set([speaker, entity?.name].filter((n): n is string => n !== undefined))];
      const quotes =
        names.length < 2
          ? findQuotes(store, { ...filter, speaker, ...page })
          : unionQuotes(names.map((name) => findQuotes(store, { ...filter, speaker: name, limit: Number.MAX_SAFE_INTEGER }))).slice(page.offset, page.offset + page.limit);
      if (args.flags.json) {
        io.out(JSON.stringify({ quotes }, null, 2));
        return EXIT.OK;
      }
      for (const { articleId, published, quote } of quotes) {
        const who = quote.speaker ? quote.speaker.text : 'unattributed';
        io.out(`${paint(io, 'bold', who)} (${quote.kind}${quote.cue ? `, ${quote.cue.text}` : ''}) ${published?.slice(0, 10) ?? ''} ${articleId}`);
        io.out(`  ${quote.text.length > 300 ? `${quote.text.slice(0, 300)}…` : quote.text}`);
      }
      if (quotes.length === 0) io.out('no quotes match');
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};

/** Quotes found under several names, each once: articles in the order first met, quotes by position. */
function unionQuotes(lists: StoredQuote[][]): StoredQuote[] {
  const articles = new Map<string, Map<number, StoredQuote>>();
  for (const q of lists.flat()) {
    const quotes = articles.get(q.articleId) ?? new Map<number, StoredQuote>();
    quotes.set(q.quote.start, q);
    articles.set(q.articleId, quotes);
  }
  return [...articles.values()].flatMap((quotes) => [...quotes.values()].sort((a, b) => a.quote.start - b.quote.start));
}
