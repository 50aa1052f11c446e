import { dbLabel, ingest } from '../../api/dateline.js';
import { enqueue } from '../../api/queue.js';
import { DatelineError } from '../../core/errors.js';
import { busyTimeoutMs, isBusyError } from '../../store/sqlite.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { countFlag, listFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { oneLine, paint } from '../io.js';
import { progressLine } from '../progress.js';
import { inputTotals } from '../../ingest/read.js';
import { dbPath, fieldMap, formatFlag, openDb, dbShown } from './shared.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Analyse inputs and store them in the database (idempotent; one transaction per batch)',
  usage: `dateline ingest <paths…|-> [--db PATH] [--format FMT] [--field NAME=KEY …] [--max-bytes N] [--verbose] [--json]
       dateline ingest --queue <paths…> --db postgres://… [--job-timeout-s 600]

  Reads files, directories (recursively) or stdin (-): seed text, plain text, Markdown, JSON, JSONL, HTML, RSS, Atom.
  Re-ingesting an article is a no-op; near-duplicates are linked to the article they repeat.
  Each bad file, line or record is reported by name and number; the rest of the batch still lands.
  Errors and warnings are printed one per line; informational notes are counted by code
  (--verbose prints the first 100 of them). Every diagnostic is stored: dateline diagnostics.
  Exit 0 if anything was ingested (or was already there), 1 if nothing could be, 4 if another writer held
  the database locked past the busy timeout (what was committed before stays; re-run to finish).
  --queue (PostgreSQL only) reads the inputs and queues them as jobs of a few articles each for
  \`dateline worker\` processes to analyse and store; a job whose worker dies is retried after
  --job-timeout-s seconds.`,
  flags: { values: ['db', 'format', 'max-bytes', 'date', 'job-timeout-s'], repeatable: ['field'], booleans: ['verbose', 'queue'] },
  async run(args, io) {
    if (args.positionals.length === 0) {
      io.err('ingest: give at least one path, or - for stdin');
      return EXIT.USAGE;
    }
    if (args.flags.queue) {
      const queued = await enqueue(dbPath(args), args.positionals, {
        format: formatFlag(args),
        fields: fieldMap(listFlag(args, 'field')),
        maxBytes: countFlag(args, 'max-bytes', 32 * 1024 * 1024),
        date: stringFlag(args, 'date'),
        stdin: io.stdin,
        jobTimeoutSeconds: countFlag(args, 'job-timeout-s', 600),
      });
      for (const d of queued.diagnostics) if (d.severity !== 'info') io.err(oneLine(formatDiagnostic(d)));
      if (args.flags.json) io.out(JSON.stringify({ db: dbLabel(dbPath(args)), ...queued, diagnostics: undefined }, null, 2));
      else io.out(`${paint(io, 'bold', 'queued')} ${queued.articles} articles in ${queued.jobs} jobs on ${dbLabel(dbPath(args))} (run \`dateline worker\` to process them)`);
      return queued.articles > 0 ? EXIT.OK : EXIT.FAILURE;
    }
    const store = openDb(args);
    // Files and bytes counted first, so the terminal's progress line has a total and an ETA.
    const totals = io.isTTY ? await inputTotals(args.positionals) : { files: 0, bytes: 0 };
    const started = Date.now();
    let committed = 0;
    try {
      const summary = await ingest(store, args.positionals, {
        format: formatFlag(args),
        fields: fieldMap(listFlag(args, 'field')),
        maxBytes: countFlag(args, 'max-bytes', 32 * 1024 * 1024),
        stdin: io.stdin,
        onBatch: (p) => {
          committed = p.inserted;
          io.progress(`ingesting ${progressLine(p, totals, Date.now() - started)}`);
        },
      }).catch((error: unknown) => {
        if (!isBusyError(error)) throw error;
        io.progress('');
        throw new DatelineError('STORE_BUSY', { path: dbPath(args), seconds: busyTimeoutMs() / 1000, committed }, { cause: error });
      });
      io.progress('');
      const verbose = Boolean(args.flags.verbose);
      for (const d of summary.diagnostics) if (verbose || d.severity !== 'info') io.err(oneLine(formatDiagnostic(d)));
      if (!verbose) {
        for (const [key, n] of Object.entries(summary.counts)) {
          const [severity, code] = key.split(' ');
          if (severity !== 'info') continue;
          const example = summary.diagnostics.find((d) => d.code === code);
          io.err(`info: ${n} × ${code}${example ? ` — e.g. ${formatDiagnostic(example).replace(/^info /, '')}` : ''}`);
        }
      }
      const seconds = (Date.now() - started) / 1000;
      if (args.flags.json) {
        const { diagnostics, outcomes: _o, ...counts } = summary;
        io.out(JSON.stringify({ db: dbShown(args), ...counts, seconds, diagnostics }, null, 2));
      } else {
        io.out(
          `${paint(io, 'bold', 'ingested')} ${summary.inserted} new articles from ${summary.files} inputs into ${dbShown(args)} ` +
            `(${summary.duplicates} already stored, ${summary.nearDuplicates} near-duplicates linked, ${summary.errors} errors) in ${seconds.toFixed(1)} s`,
        );
      }
      return summary.inserted + summary.duplicates > 0 ? EXIT.OK : EXIT.FAILURE;
    } finally {
      store.close();
    }
  },
};
