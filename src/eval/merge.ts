/**
 * `dateline eval merge`: cross-source event merging on a gold of news reports grouped by the real
 * incident they report (test-fixtures/incidents/reports.jsonl: short local-news style reports written by
 * hand, several outlets per incident, same-city and same-day distractors). Each report is run
 * through the default pipeline on its own publication date; every report's events are then merged
 * across sources in publication order with `mergeReports` (the rule the store uses), and an article
 * belongs to the merged event of its main event (an article with no event stays alone).
 *
 * Scored: B-cubed P/R/F1 of article → event clustering and the false-merge rate, beside the
 * all-singletons baseline; and, for each article's main event, place within 40 km of the gold
 * incident's place and date right (the day, at day precision).
 *
 * Split: an incident is "dev" when the first hex digit of sha1('dateline-merge-split:' + incident) is
 * 0–7, "test" otherwise; whole incidents go to one side. Tune on dev, report test.
 */
import { createHash } from 'node:crypto';
import { existsSync,  } from 'node:fs';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { DatelineError } from '../core/errors.js';
import type { EventRecord } from '../core/layers.js';
import type { MergedEvent } from '../core/merged-event.js';
import { packagePath } from '../core/paths.js';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { haversineKm } from '../events/extract.js';
import { mainEventOf } from '../events/main-choice.js';
import { mergeReports, sourceOf } from '../events/merge.js';
import { leadEnd } from '../events/setting.js';
import { findLeadDateline } from '../ingest/dispatches.js';
import { clusterScores } from './bcubed.js';
import type { EvalReport, EvalTask } from './types.js';
import { readJsonLines } from './jsonl.js';

export interface IncidentReport {
  id: string;
  incident: string;
  source: string;
  published: string;
  /** The incident's day and place (gold). */
  date: string;
  place: { name: string; lat: number; lon: number };
  text: string;
}

/** Distance within which an event's place counts as right. */
export const PLACE_KM = 40;

export function readIncidentReports(path: string): IncidentReport[] {
  return readJsonLines<IncidentReport>(path);
}

export function incidentSplit(incident: string): 'dev' | 'test' {
  const h = createHash('sha1').update(`dateline-merge-split:${incident}`).digest('hex');
  return parseInt(h[0], 16) < 8 ? 'dev' : 'test';
}

/** An article's main event, ranked as the learned main-event choice ranks it (`mainEventOf`). */
export const mainReportEvent = mainEventOf;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export const mergeEvalTask: EvalTask = {
  name: 'merge',
  summary: 'cross-source event merging (B-cubed, false merges), event place and date on incident reports',
  usage: `dateline eval merge [--gold FILE] [--split dev|test|all] [--errors] [--json] [--report FILE]

  FILE defaults to test-fixtures/incidents/reports.jsonl (one report a line: id, incident, source, published,
  date, place {name, lat, lon}, text). --split defaults to test.`,
  async run(args: ParsedArgs): Promise<EvalReport> {
    const path = stringFlag(args, 'gold') ?? packagePath('test-fixtures', 'incidents', 'reports.jsonl');
    if (!existsSync(path)) throw new DatelineError('EVAL_INPUT', { message: `no gold file at ${path}` });
    const split = stringFlag(args, 'split') ?? 'test';
    if (!['dev', 'test', 'all'].includes(split)) throw new DatelineError('USAGE', { message: `--split must be dev, test or all, got '${split}'` });
    const gold = readIncidentReports(path)
      .filter((r) => split === 'all' || incidentSplit(r.incident) === split)
      .sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
    const pipeline = defaultPipeline();
    const reports: Array<{ event: EventRecord; source: ReturnType<typeof sourceOf> }> = [];
    const main = new Map<string, EventRecord | null>();
    let placeOk = 0;
    let dateOk = 0;
    const errors: string[] = [];
    for (const g of gold) {
      // As JSON ingest does: the lead dateline ("ABUJA, Oct 16 (Reuters) -") is read from the text.
      const article = makeArticle({ text: g.text, source: g.source, title: g.id, origin: { file: path, format: 'jsonl' }, published: g.published, dateline: findLeadDateline(g.text) });
      const layers = pipeline.run(article).layers;
      const events = layers.events ?? [];
      const m = mainReportEvent(events, { lead: leadEnd(layers.paragraphs, g.text), text: g.text, title: article.title });
      main.set(g.id, m);
      for (const e of events) reports.push({ event: e, source: sourceOf({ ...article, id: g.id }, g.published, e) });
      const near = m?.place ? haversineKm(m.place, g.place) <= PLACE_KM : false;
      const day = m?.date?.precision === 'day' && m.date.value.slice(0, 10) === g.date;
      if (near) placeOk++;
      if (day) dateOk++;
      if (!near || !day) errors.push(`${g.id}: place ${m?.place ? `${m.place.name} (${m.place.country ?? '?'}${m.place.admin1 ? `/${m.place.admin1}` : ''})` : '-'}${near ? '' : ' ✗'}; date ${m?.date ? `${m.date.value}/${m.date.precision}/${m.date.how ?? ''}` : '-'}${day ? '' : ' ✗'}; event ${m ? m.summary : '-'}`);
    }
    const { labels } = incidentLabels(gold.map((g) => g.id), main, reports);
    const incidents = gold.map((g) => g.incident);
    // Incidents split over several events, and events that mix incidents, for --errors.
    const byIncident = new Map<string, string[]>();
    gold.forEach((g, i) => byIncident.set(g.incident, [...(byIncident.get(g.incident) ?? []), `${g.id}→${labels[i]}`]));
    for (const [incident, members] of byIncident) if (new Set(members.map((m) => m.split('→')[1])).size > 1) errors.push(`split ${incident}: ${members.join(', ')}`);
    const ours = clusterScores(incidents, labels);
    const single = clusterScores(incidents, gold.map((g) => g.id));
    const n = gold.length;
    const pct = (x: number) => Math.round((1000 * x) / Math.max(1, n)) / 10;
    return {
      task: 'merge',
      data: `${path} (${split}: ${n} reports of ${new Set(incidents).size} incidents)`,
      tables: [
        {
          title: 'Article → event clustering (B-cubed)',
          columns: ['system', 'precision', 'recall', 'F1', 'false-merge rate', 'pairs merged'],
          rows: [
            ['cross-source merge', r3(ours.precision), r3(ours.recall), r3(ours.f1), r3(ours.falseMergeRate), ours.mergedPairs],
            ['all singletons', r3(single.precision), r3(single.recall), r3(single.f1), 0, 0],
          ],
        },
        {
          title: "Each article's main event",
          columns: ['metric', 'value'],
          rows: [
            [`place within ${PLACE_KM} km (%)`, pct(placeOk)],
            ['date right, day precision (%)', pct(dateOk)],
            ['an event found (%)', pct([...main.values()].filter(Boolean).length)],
          ],
        },
      ],
      metrics: {
        bcubed_precision: r3(ours.precision),
        bcubed_recall: r3(ours.recall),
        bcubed_f1: r3(ours.f1),
        false_merge_rate: r3(ours.falseMergeRate),
        singletons_f1: r3(single.f1),
        place40: pct(placeOk) / 100,
        date_right: pct(dateOk) / 100,
        reports: n,
      },
      notes: args.flags.errors ? errors : [`${errors.length} articles with a wrong place or date (--errors lists them)`],
    };
  },
};

type Report = { event: EventRecord; source: ReturnType<typeof sourceOf> };

/**
 * Each article's cluster after merging every report across sources the way the store does: the merged event
 * that holds the article's main event, or `alone:<id>` when it has none; and the merged events.
 */
export function incidentLabels(ids: readonly string[], main: ReadonlyMap<string, EventRecord | null>, reports: Report[]): { labels: string[]; merged: MergedEvent[] } {
  const merged = mergeReports(reports, (r) => `${r.source.article}-${r.event.id}`);
  const clusterOf = new Map<string, string>();
  for (const x of merged) for (const s of x.sources) clusterOf.set(`${s.article}#${s.event}`, x.id);
  const labels = ids.map((id) => {
    const m = main.get(id);
    return (m && clusterOf.get(`${id}#${m.id}`)) ?? `alone:${id}`;
  });
  return { labels, merged };
}
