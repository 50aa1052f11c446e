import { writeFileSync } from 'node:fs';
import { stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { DatelineError } from '../../core/errors.js';
import { ACLED_COLUMNS, acledExport } from '../../export/acled.js';
import { eventSentences } from '../../api/event-table.js';
import { csv } from '../../export/csv.js';
import { toGeoJson, toJsonl, toPloverJson } from '../../export/formats.js';
import { GKG_COLUMNS, gkgRow } from '../../export/gkg.js';
import { EVENT_FILTER_FLAGS, EVENT_LIST_FLAGS, eventQuery, selectEvents } from './events.js';
import { openDb } from './shared.js';

const LEFT_OUT = {
  outOfScope: 'outside ACLED\'s scope (no ACLED type; crime, accident, disaster or background)',
  noDate: 'without a date (none stated or implied, or a span over a month)',
  noPlace: 'without a mapped place',
  countryOnly: 'placed only to a country (no first-level division)',
  noAdmin1: 'whose first-level division has no name we know (admin1 never blank or guessed)',
};

const FORMATS = ['acled-csv', 'plover-json', 'geojson', 'jsonl', 'gkg-tsv'] as const;
type Format = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export events as ACLED CSV, PLOVER JSON, GeoJSON or JSONL, or articles as GDELT GKG TSV',
  usage: `dateline export --format ${FORMATS.join('|')} [--out FILE] [event filters] [--db PATH]

  acled-csv    ACLED's 31 export columns (RFC 4180 CSV), events with an ACLED type
  plover-json  PLOVER records (event, mode, actor, recipient, location, dead, injured, sources)
  geojson      FeatureCollection of placed events, Point coordinates [lon, lat]
  jsonl        one merged event per line, with every source and its figures
  gkg-tsv      one GKG 2.x row per article (27 columns, header row)
  Event filters as in 'dateline events': --country --admin1 --type --sub-type --actor --from --to
  --min-fatalities --max-fatalities --source --min-confidence --place --story --sort --limit.`,
  flags: { values: [...EVENT_FILTER_FLAGS, 'format', 'out'], repeatable: EVENT_LIST_FLAGS },
  async run(args, io) {
    const format = stringFlag(args, 'format') as Format | undefined;
    if (!format || !FORMATS.includes(format)) {
      throw new DatelineError('USAGE', { message: `--format must be one of ${FORMATS.join('|')}${format ? `, got '${format}'` : ''}` });
    }
    const store = openDb(args, true);
    let output: string;
    let count = 0;
    let selected = 0;
    try {
      if (format === 'gkg-tsv') {
        const lines = [GKG_COLUMNS.join('\t')];
        const pageSize = 200;
        for (let offset = 0; ; offset += pageSize) {
          const page = store.listArticles({ limit: pageSize, offset });
          for (const summary of page) {
            const stored = store.getArticle(summary.id);
            if (stored) lines.push(gkgRow(stored.article, stored.layers, ++count).join('\t'));
          }
          if (page.length < pageSize) break;
        }
        output = `${lines.join('\n')}\n`;
      } else {
        const events = selectEvents(store, eventQuery(args, 100_000)).items;
        selected = events.length;
        // Count what is written, not what was selected: ACLED rows need an ACLED type, PLOVER
        // records a PLOVER type, GeoJSON features coordinates.
        if (format === 'acled-csv') {
          const sentences = eventSentences(store, events);
          const { rows, leftOut } = acledExport(events, new Date(), (id) => sentences.get(id));
          count = rows.length;
          output = csv(ACLED_COLUMNS, rows);
          const why = Object.entries(leftOut).filter(([, n]) => n > 0);
          if (why.length) io.err(`export: left out ${why.map(([k, n]) => `${n} ${LEFT_OUT[k as keyof typeof LEFT_OUT]}`).join(', ')}`);
        } else if (format === 'plover-json') {
          count = events.filter((e) => e.event.plover).length;
          output = toPloverJson(events);
        } else if (format === 'geojson') {
          const collection = toGeoJson(events);
          count = collection.features.length;
          output = `${JSON.stringify(collection, null, 2)}\n`;
        } else {
          count = events.length;
          output = toJsonl(events);
        }
      }
    } finally {
      store.close();
    }
    const out = stringFlag(args, 'out');
    if (out) {
      try {
        writeFileSync(out, output);
      } catch (error) {
        io.err(`export: cannot write ${out}: ${(error as Error).message}`);
        return EXIT.FAILURE;
      }
      const left = selected - count;
      const why = format === 'geojson' ? ' (no coordinates)' : format === 'plover-json' ? ' (no PLOVER type)' : '';
      io.err(`export: ${count} ${format === 'gkg-tsv' ? 'articles' : 'events'} written to ${out} (${format})${left > 0 ? `; ${left} left out${why}` : ''}`);
    } else io.out(output.endsWith('\n') ? output.slice(0, -1) : output);
    return EXIT.OK;
  },
};
