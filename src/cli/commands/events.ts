import { countFlag, isCalendarDate, stringFlag, type ParsedArgs } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { table } from '../io.js';
import { mergedEvents } from '../../api/events.js';
import type { MergedEvent } from '../../core/merged-event.js';
import type { MergedEventQuery as EventQuery, ReadStore } from '../../store/queries.js';
import { DatelineError } from '../../core/errors.js';
import { openDb } from './shared.js';
import { humanTime } from '../timex-words.js';

const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The filters shared by `events` and `export`. */
export function eventQuery(args: ParsedArgs, fallbackLimit: number): EventQuery {
  const q: EventQuery = { limit: countFlag(args, 'limit', fallbackLimit), offset: countFlag(args, 'offset', 0) };
  for (const name of ['type', 'place', 'actor', 'story'] as const) {
    const v = stringFlag(args, name);
    if (v !== undefined) q[name] = v;
  }
  for (const name of ['from', 'to'] as const) {
    const v = stringFlag(args, name);
    if (v === undefined) continue;
    if (!DAY.test(v) || !isCalendarDate(v)) throw new DatelineError('USAGE', { message: `--${name} takes a date YYYY[-MM[-DD]], got '${v}'` });
    q[name] = v;
  }
  return q;
}

/** The merged events the filters select, as /api/merged-events answers them. */
export function selectEvents(store: ReadStore, q: EventQuery): MergedEvent[] {
  return mergedEvents(store, q, { limit: q.limit ?? 50, offset: q.offset ?? 0 }).items;
}

export const EVENT_FILTER_FLAGS = ['db', 'type', 'from', 'to', 'place', 'actor', 'story', 'limit', 'offset'];

export const eventsCommand: Command = {
  name: 'events',
  summary: 'Events merged across sources (ACLED/PLOVER types, place, date, toll, sources), filtered',
  usage: `dateline events [--type T] [--from DATE] [--to DATE] [--place NAME] [--actor NAME] [--story ID] [--limit N] [--offset N] [--db PATH] [--json]

  --type matches an ACLED event or sub-event type ("Explosions/Remote violence", "Air/drone strike") or a
  PLOVER type (ASSAULT, CONSULT, …), case-insensitive. --place is a substring of the place name; --actor
  an actor, target or claimant name. Each event lists every source with its own figures.`,
  flags: { values: EVENT_FILTER_FLAGS },
  async run(args, io) {
    const store = openDb(args, true);
    try {
      const events = selectEvents(store, eventQuery(args, 50));
      if (args.flags.json) {
        io.out(JSON.stringify({ events }, null, 2));
        return EXIT.OK;
      }
      if (events.length === 0) {
        io.out('no events match');
        return EXIT.OK;
      }
      const rows = events.map(({ id, event: e, sources }) => [
        id,
        e.date ? `${humanTime(e.date.value)}${e.date.how === 'implied' ? '*' : ''}` : '?',
        e.acled ? e.acled.subEventType : (e.plover?.type ?? ''),
        e.place ? `${e.place.name} (${e.place.lat.toFixed(2)}, ${e.place.lon.toFixed(2)})` : '',
        [e.actors.map((a) => a.name ?? a.text).join('+'), e.targets.map((a) => a.name ?? a.text).join('+')].filter(Boolean).join(' → '),
        sources.map((s) => (s.killed ?? '-')).join('/'),
        sources.map((s) => (s.injured ?? '-')).join('/'),
        sources.length,
      ]);
      io.out(table(['id', 'date', 'type', 'place', 'actors → targets', 'killed', 'injured', 'sources'], rows));
      io.out('\n* date implied from publication; killed/injured: each source\'s own figure, side by side');
      for (const { id, event: e, sources } of events) {
        io.out(`\n${id}: ${e.summary}`);
        for (const s of sources) io.out(`  - ${s.source ?? s.title ?? s.article} (${s.published ?? 'undated'}): ${s.summary}`);
      }
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
