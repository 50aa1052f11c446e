import { ingest } from '../../api/dateline.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { packagePath } from '../../core/paths.js';
import { EXIT, type Command } from '../command.js';
import { paint, table } from '../io.js';
import { dbShown, openDb } from './shared.js';

export const SAMPLE_CORPUS = packagePath('samples');

/**
 * `npm start`: ingest the bundled sample corpus into the database and print what was found.
 * `npm start` runs `serve` right after it, so the user lands in the web UI.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Ingest the bundled sample corpus into the database and print what it found (what npm start runs)',
  usage: 'dateline demo [--db PATH] [--json]',
  flags: { values: ['db'] },
  async run(args, io) {
    const store = openDb(args);
    try {
      const summary = await ingest(store, [SAMPLE_CORPUS], {});
      const stats = store.stats();
      if (args.flags.json) {
        io.out(JSON.stringify({ db: dbShown(args), ingested: summary.inserted, alreadyStored: summary.duplicates, stats }, null, 2));
        return EXIT.OK;
      }
      io.out(
        `${paint(io, 'bold', 'dateline')}: ${summary.inserted} new articles from the sample corpus (${summary.duplicates} already stored) → ${dbShown(args)}`,
      );
      for (const d of summary.diagnostics.filter((x) => x.severity !== 'info')) io.err(formatDiagnostic(d));
      io.out(`${stats.articles} articles, ${stats.words} words, published ${stats.firstPublished ?? '?'} … ${stats.lastPublished ?? '?'}\n`);
      io.out(
        table(
          ['what', 'found'],
          [
            ['articles', stats.articles],
            ['sentences', stats.layers.sentences ?? 0],
            ['entities', stats.layers.entities ?? 0],
            ['dates and times', stats.layers.times ?? 0],
            ['quotes', stats.layers.quotes ?? 0],
            ['counts', stats.layers.quantities ?? 0],
            ['places', stats.layers.places ?? 0],
            ['events', stats.layers.events ?? 0],
          ],
        ),
      );
      io.out(`\nTry: npx dateline search "drones" · npx dateline entities · npx dateline quotes --speaker NAME · npx dateline events`);
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
