/**
 * The passes over a local report's events once they are all made: an event with only the report's own
 * date takes the day of the incident told before it (date:from-story), and another incident the
 * report recalls or compares is a reference (ref:elsewhere, ref:elsewhere-context, ref:earlier-incident).
 */
import type { EventRecord, Layers, Place } from '../core/layers.js';
import { reportsCasualties } from './casualties.js';
import { haversineKm } from './haversine.js';
import type { EventClass } from './lexicon.js';
import { contextPlace, earlierIncident, elsewhere } from './reference.js';
import { SETTING_KM } from './setting.js';
import { summarize } from './summary.js';

export interface LocalReportContext {
  /** The report's setting (setting.ts), or null. */
  setting: Place | null;
  /** Each event's class, by event id (to rewrite its summary). */
  classOf: ReadonlyMap<string, EventClass>;
  /** Ids of events told with no place of their own. */
  placedBySetting: ReadonlySet<string>;
  /** The mappable places the article names. */
  placesNamed: readonly Place[];
  layers: Readonly<Layers>;
}

export function localReportPasses(events: EventRecord[], { setting, classOf, placedBySetting, placesNamed, layers }: LocalReportContext): void {
  // In a local report, an event with only the report's own date ("Two people were killed, police
  // said.") is the incident told before it: it takes the day of the nearest event before it that
  // states one, at the setting (date:from-story).
  if (setting) {
    const dayOf = events.filter((e) => !e.reference && e.date?.how === 'stated' && e.date.precision === 'day' && (!e.place || haversineKm(e.place, setting) <= SETTING_KM));
    for (const e of events) {
      if (e.reference || e.date?.how !== 'implied' || (e.place && haversineKm(e.place, setting) > SETTING_KM)) continue;
      const before = dayOf.filter((d) => d.start < e.start).sort((a, b) => b.start - a.start)[0];
      if (!before?.date) continue;
      e.date = { ...before.date, how: 'implied' };
      e.how = [...(e.how ?? []), 'date:from-story'];
      // The summary was written with the report's own date; it reads the incident's day now.
      const cls = classOf.get(e.id);
      if (cls) e.summary = summarize(e, cls, layers.entities);
    }
  }
  // Another incident a local report recalls or compares (ref:elsewhere, reference.ts).
  const violentNews = events.filter((e) => !e.reference && e.kind !== undefined && e.kind !== 'conflict' && (e.status ?? 'asserted') === 'asserted');
  const most = Math.max(0, ...violentNews.map((e) => e.mentions?.length ?? 1));
  const main = violentNews.filter((e) => (e.mentions?.length ?? 1) === most);
  // Where the article names no setting, its one most-told incident's place stands for it.
  const home = setting ?? (main.length === 1 ? main[0].place : null);
  for (const e of violentNews) {
    if (!reportsCasualties(e)) continue;
    const lesser = (e.mentions?.length ?? 1) < most;
    const unplaced = placedBySetting.has(e.id);
    const near = unplaced ? contextPlace(placesNamed, layers.sentences ?? [], e.trigger.start) : e.place;
    const rule = !home || !lesser
      ? null
      : near && elsewhere(near, home, haversineKm(near, home), true)
        ? (unplaced ? 'ref:elsewhere-context' : 'ref:elsewhere')
        : main.length === 1 && earlierIncident(e.date, main[0].date)
          ? 'ref:earlier-incident'
          : null;
    if (rule) {
      e.reference = true;
      e.how = [...(e.how ?? []), rule];
    }
  }
}
