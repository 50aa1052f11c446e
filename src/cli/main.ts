/**
 * `dateline` entry point: a thin shell over the programmatic API (src/api). Parses the command line,
 * runs one command, maps errors to exit codes.
 */
import { isDatelineError } from '../core/errors.js';
import { parseArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import { analyzeCommand } from './commands/analyze.js';
import { articlesCommand } from './commands/articles.js';
import { entitiesCommand, entityCommand } from './commands/entities.js';
import { quotesCommand } from './commands/quotes.js';
import { demoCommand } from './commands/demo.js';
import { diagnosticsCommand } from './commands/diagnostics.js';
import { evalCommand, parseEvalArgs } from './commands/eval.js';
import { eventsCommand } from './commands/events.js';
import { exportCommand } from './commands/export.js';
import { ingestCommand } from './commands/ingest.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { showCommand } from './commands/show.js';
import { statsCommand } from './commands/stats.js';
import { reindexCommand } from './commands/reindex.js';
import { timelineCommand } from './commands/timeline.js';
import { workerCommand } from './commands/worker.js';
import { processIO, type CliIO } from './io.js';

export const COMMANDS: Command[] = [analyzeCommand, ingestCommand, searchCommand, showCommand, articlesCommand, entitiesCommand, entityCommand, quotesCommand, statsCommand, diagnosticsCommand, eventsCommand, timelineCommand, exportCommand, evalCommand, demoCommand, serveCommand, workerCommand, reindexCommand];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `dateline — offline news intelligence: entities, dates, quotes, counts and events with their sources

usage: dateline <command> [options]     (dateline <command> --help for one command)

${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

common options: --db PATH (default ./dateline.db, or $DATELINE_DB), --json (machine output), --help
exit codes: 0 ok · 1 nothing could be done (no input ingested, eval failed) · 2 usage error · 3 not found · 4 database error`;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.out('dateline 0.1.0');
    return EXIT.OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`dateline: unknown command '${name}'\n\n${helpText()}`);
    return EXIT.USAGE;
  }
  try {
    const args = command === evalCommand ? parseEvalArgs(rest) : parseArgs(rest, command.flags);
    if (args.flags.help && command !== evalCommand) {
      io.out(command.usage);
      return EXIT.OK;
    }
    return await command.run(args, io);
  } catch (error) {
    if (isDatelineError(error)) {
      io.err(`dateline ${name}: ${error.message}`);
      if (error.code === 'USAGE') return EXIT.USAGE;
      if (error.code === 'STORE_OPEN' || error.code === 'STORE_MIGRATION' || error.code === 'STORE_BUSY') return EXIT.DATABASE;
      return EXIT.FAILURE;
    }
    throw error;
  }
}
