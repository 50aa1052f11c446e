import { countFlag, listFlag, numberFlag, stringFlag, type ParsedArgs } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { table } from '../io.js';
import { eventCounts, eventTable, FilterError, parseSort, type Bucket, type EventTableFilters } from '../../api/event-table.js';
import type { MergedEvent } from '../../core/merged-event.js';
import type { EventSort, PageArgs, ReadStore } from '../../store/queries.js';
import { DatelineError } from '../../core/errors.js';
import { openDb } from './shared.js';
import { humanTime } from '../timex-words.js';
import { admin1OfPlace } from '../../places/admin1.js';

export interface EventSelection {
  filters: EventTableFilters;
  sort: EventSort;
  page: PageArgs;
}

/** The filters shared by `events` and `export` (each list flag repeats or takes commas: --country LY,EG). */
export function eventQuery(args: ParsedArgs, fallbackLimit: number): EventSelection {
  const filters: EventTableFilters = {};
  const lists = { type: 'type', 'sub-type': 'subType', country: 'country', admin1: 'admin1' } as const;
  for (const [flag, key] of Object.entries(lists)) {
    const v = listFlag(args, flag);
    if (v.length) filters[key] = v;
  }
  for (const name of ['actor', 'source', 'place', 'story', 'from', 'to'] as const) {
    const v = stringFlag(args, name);
    if (v !== undefined) filters[name] = v;
  }
  const min = stringFlag(args, 'min-fatalities') !== undefined ? countFlag(args, 'min-fatalities', 0) : undefined;
  const max = stringFlag(args, 'max-fatalities') !== undefined ? countFlag(args, 'max-fatalities', 0) : undefined;
  if (min !== undefined) filters.fatalitiesMin = min;
  if (max !== undefined) filters.fatalitiesMax = max;
  if (stringFlag(args, 'min-confidence') !== undefined) filters.confidenceMin = numberFlag(args, 'min-confidence', 0);
  try {
    return {
      filters,
      sort: parseSort(stringFlag(args, 'sort') ?? 'date'),
      page: { limit: countFlag(args, 'limit', fallbackLimit), offset: countFlag(args, 'offset', 0) },
    };
  } catch (error) {
    if (error instanceof FilterError) throw new DatelineError('USAGE', { message: `--${error.param}: ${error.message}` });
    throw error;
  }
}

/** The events the filters select, sorted and paged, with the total (as /api/event-table answers them). */
export function selectEvents(store: ReadStore, q: EventSelection): { items: MergedEvent[]; total: number } {
  try {
    return eventTable(store, q.filters, q.sort, q.page);
  } catch (error) {
    if (error instanceof FilterError) throw new DatelineError('USAGE', { message: `--${error.param}: ${error.message}` });
    throw error;
  }
}

export const EVENT_FILTER_FLAGS = ['db', 'actor', 'source', 'place', 'story', 'from', 'to', 'min-fatalities', 'max-fatalities', 'min-confidence', 'sort', 'limit', 'offset'];
export const EVENT_LIST_FLAGS = ['type', 'sub-type', 'country', 'admin1'];

export const eventsCommand: Command = {
  name: 'events',
  summary: 'Events merged across sources (ACLED/PLOVER types, place, date, toll, sources), filtered',
  usage: `dateline events [--country C] [--admin1 NAME] [--type T] [--sub-type T] [--actor NAME] [--from DATE] [--to DATE]
                [--min-fatalities N] [--max-fatalities N] [--source NAME] [--min-confidence X] [--place NAME]
                [--story ID] [--sort KEY] [--limit N] [--offset N] [--db PATH] [--json]

  --country is an ISO 3166 code (LY, LBY) or a name (Libya): the country the gazetteer gives the event's
  place. --admin1 a first-level division by name (Benghazi, Ternopil, California). --type matches an ACLED
  event or sub-event type ("Explosions/Remote violence", "Air/drone strike") or a PLOVER type (ASSAULT,
  CONSULT, …), case-insensitive; --sub-type an ACLED sub-event type. --country, --admin1, --type and
  --sub-type repeat or take commas (any of them). --from/--to take YYYY, YYYY-MM or YYYY-MM-DD (a month
  or year is whole). --actor is an actor, target or claimant name; --source a source name (contains);
  --place a place name (contains). --sort date|fatalities|type|country|sources, -KEY for descending
  (default: date, oldest first). Each event lists every source with its own figures.
  --count day|week|month prints, instead of the events, how many there were and how many were killed per
  period and type (what the web UI's chart draws): dateline events --country LY --from 2011-02 --to 2011-03 --count month`,
  flags: { values: [...EVENT_FILTER_FLAGS, 'count'], repeatable: EVENT_LIST_FLAGS },
  async run(args, io) {
    const store = openDb(args, true);
    try {
      const count = stringFlag(args, 'count');
      if (count !== undefined) return printCounts(store, args, count, io);
      const selection = eventQuery(args, 50);
      const { items: events, total } = selectEvents(store, selection);
      if (args.flags.json) {
        io.out(JSON.stringify({ total, offset: selection.page.offset, events }, null, 2));
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
        e.place ? `${e.place.name}${placeContext(e.place)} (${e.place.lat.toFixed(2)}, ${e.place.lon.toFixed(2)})` : '',
        [e.actors.map((a) => a.name ?? a.text).join('+'), e.targets.map((a) => a.name ?? a.text).join('+')].filter(Boolean).join(' → '),
        sources.map((s) => (s.killed ?? '-')).join('/'),
        sources.map((s) => (s.injured ?? '-')).join('/'),
        sources.length,
      ]);
      io.out(table(['id', 'date', 'type', 'place', 'actors → targets', 'killed', 'injured', 'sources'], rows));
      io.out(`\n${events.length} of ${total} events${total > selection.page.offset + events.length ? ` (next: --offset ${selection.page.offset + events.length})` : ''}`);
      io.out('* date implied from publication; killed/injured: each source\'s own figure, side by side');
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

/** ", Benghazi, LY" after a town: its admin1 (when not the town's own name) and country. */
function placeContext(p: NonNullable<MergedEvent['event']['place']>): string {
  if (!p.country || p.precision === 'country') return '';
  const a1 = admin1OfPlace(p);
  return `${a1 && a1 !== p.name ? `, ${a1}` : ''}, ${p.country}`;
}

function printCounts(store: ReadStore, args: ParsedArgs, count: string, io: Parameters<Command['run']>[1]): number {
  if (!['day', 'week', 'month'].includes(count)) throw new DatelineError('USAGE', { message: `--count takes day, week or month, got '${count}'` });
  const { filters } = eventQuery(args, 50);
  let counts;
  try {
    counts = eventCounts(store, filters, count as Bucket);
  } catch (error) {
    if (error instanceof FilterError) throw new DatelineError('USAGE', { message: `--${error.param}: ${error.message}` });
    throw error;
  }
  if (args.flags.json) {
    io.out(JSON.stringify(counts, null, 2));
    return EXIT.OK;
  }
  const rows = counts.periods.flatMap((p) =>
    counts.types.filter((t) => p.events[t]).map((t) => [count === 'week' ? `week of ${p.period}` : count === 'month' ? p.period.slice(0, 7) : p.period, t, p.events[t], p.fatalities[t] ?? 0]),
  );
  if (rows.length === 0) {
    io.out('no dated events match');
    return EXIT.OK;
  }
  io.out(table([count, 'type', 'events', 'killed'], rows));
  return EXIT.OK;
}
