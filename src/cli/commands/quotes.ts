import { listQuotes } from '../../api/quotes.js';
import { FilterError, periodBound } from '../../api/event-table.js';
import { DatelineError } from '../../core/errors.js';
import { countFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { openDb } from './shared.js';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'Who said what: stored quotes with speaker, cue and kind, filtered by speaker or subject',
  usage: `dateline quotes [--speaker NAME] [--about NAME] [--text WORDS] [--medium M] [--from DATE] [--to DATE] [--limit N] [--offset N] [--db PATH] [--json]

  --speaker  the speaker's phrase or resolved entity names NAME ("he said" resolved to Peskov counts;
             "Zelensky" finds the entity Volodymyr Zelenskyy) — the same answer as /api/quotes?speaker=
  --about    an entity named NAME is mentioned inside the quote
  --text     the quote's words contain WORDS; --medium the medium as written (interview, Telegram)
  --from/--to  the statement's day (its own date, else its article's): YYYY, YYYY-MM or YYYY-MM-DD`,
  flags: { values: ['db', 'speaker', 'about', 'text', 'medium', 'from', 'to', 'limit', 'offset'] },
  async run(args, io) {
    const store = openDb(args, true);
    try {
      const page = { limit: countFlag(args, 'limit', 50), offset: countFlag(args, 'offset', 0) };
      const bound = (name: 'from' | 'to') => {
        const v = stringFlag(args, name);
        if (v === undefined) return undefined;
        try {
          return periodBound(v, name === 'to');
        } catch (error) {
          if (error instanceof FilterError) throw new DatelineError('USAGE', { message: `--${name}: ${error.message}` });
          throw error;
        }
      };
      const filter = { speaker: stringFlag(args, 'speaker'), about: stringFlag(args, 'about'), text: stringFlag(args, 'text'), medium: stringFlag(args, 'medium'), from: bound('from'), to: bound('to') };
      const { items: quotes, total } = listQuotes(store, filter, page);
      if (args.flags.json) {
        io.out(JSON.stringify({ total, ...page, quotes }, null, 2));
        return EXIT.OK;
      }
      for (const { articleId, published, quote } of quotes) {
        // a pronoun whose referent names no entity shows that referent: "he (= A Labour Party spokesman)"
        const who = quote.speaker ? (quote.speaker.antecedent ? `${quote.speaker.text} (= ${quote.speaker.antecedent.text})` : quote.speaker.text) : 'unattributed';
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
