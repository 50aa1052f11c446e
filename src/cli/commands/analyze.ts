import { analyze } from '../../api/dateline.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { countFlag, isCalendarDate, listFlag, stringFlag, boolFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { fieldMap, formatFlag } from './shared.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Run the pipeline on files, directories or stdin (-) and print every layer as JSON; no database',
  usage: `dateline analyze <paths…|-> [--date YYYY-MM-DD] [--format FMT] [--field NAME=KEY …] [--max-bytes N] [--compact]

  Prints {"articles":[{id,title,published,publishedSource,dateline,text,paragraphs,sentences,tokens,…layers}]}.
  --date      reference date for articles that state none
  --format    force the input format: seed|text|markdown|json|jsonl|html|rss|atom
  --field     map a record field, e.g. --field text=article_body --field date=meta.published
  --compact   one line of JSON instead of indented
  Diagnostics (bad records, skipped files) go to stderr; exit 1 only when no article came out.`,
  flags: { values: ['date', 'format', 'max-bytes'], repeatable: ['field'], booleans: ['compact', 'no-tokens'] },
  async run(args, io) {
    if (args.positionals.length === 0) {
      io.err('analyze: give at least one path, or - for stdin');
      return EXIT.USAGE;
    }
    const date = stringFlag(args, 'date');
    if (date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && isCalendarDate(date))) {
      io.err(`analyze: --date must be YYYY-MM-DD, got '${date}'`);
      return EXIT.USAGE;
    }
    const result = await analyze(args.positionals, {
      date,
      format: formatFlag(args),
      fields: fieldMap(listFlag(args, 'field')),
      maxBytes: countFlag(args, 'max-bytes', 32 * 1024 * 1024),
      stdin: io.stdin,
      keepRaw: false,
    });
    for (const d of result.diagnostics) io.err(formatDiagnostic(d));
    const articles = boolFlag(args, 'no-tokens') ? result.articles.map(({ tokens: _t, ...rest }) => rest) : result.articles;
    io.out(JSON.stringify({ articles }, null, boolFlag(args, 'compact') ? undefined : 2));
    return result.articles.length > 0 ? EXIT.OK : EXIT.FAILURE;
  },
};
