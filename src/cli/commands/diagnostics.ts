import type { Severity } from '../../core/diagnostics.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { diagnosticCounts, listDiagnostics } from '../../api/diagnostics.js';
import { countFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { oneLine, table } from '../io.js';
import { openDb } from './shared.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export const diagnosticsCommand: Command = {
  name: 'diagnostics',
  summary: 'What ingest reported: bad files, lines and records, and notes, as stored',
  usage: `dateline diagnostics [--severity error|warning|info] [--code CODE] [--counts] [--limit N] [--offset N] [--db PATH] [--json]

  --counts prints how many of each severity and code the database holds.`,
  flags: { values: ['db', 'severity', 'code', 'limit', 'offset'], booleans: ['counts'] },
  async run(args, io) {
    const severity = stringFlag(args, 'severity')?.toLowerCase();
    if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) {
      io.err(`diagnostics: --severity must be one of ${SEVERITIES.join('|')}`);
      return EXIT.USAGE;
    }
    const filter = { ...(severity ? { severity: severity as Severity } : {}), ...(stringFlag(args, 'code') ? { code: stringFlag(args, 'code') } : {}) };
    const store = openDb(args, true);
    try {
      if (args.flags.counts) {
        const rows = diagnosticCounts(store);
        if (args.flags.json) io.out(JSON.stringify(rows, null, 2));
        else io.out(table(['severity', 'code', 'count'], rows.map((r) => [r.severity, r.code, r.count])));
        return EXIT.OK;
      }
      const offset = countFlag(args, 'offset', 0);
      const { items, total } = listDiagnostics(store, filter, { limit: countFlag(args, 'limit', 100), offset });
      if (args.flags.json) {
        io.out(JSON.stringify({ total, offset, items }, null, 2));
        return EXIT.OK;
      }
      for (const d of items) io.out(oneLine(formatDiagnostic(d)));
      io.err(`${items.length} of ${total} diagnostics${offset ? ` from ${offset}` : ''}`);
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
