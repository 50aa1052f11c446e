/**
 * `dateline eval local-news`: real news reports of violent incidents (shootings, stabbings, police
 * shootings, deadly crashes and fires), several reports per incident where the corpus has them. The
 * gold (test-fixtures/local-news-real/gold.jsonl, hand-checked; see its README) keeps only ids and
 * verdicts; the article text is read in place from the research-licensed shared corpora
 * (/work/shared/data/<corpus>/articles.jsonl.gz, or $DATELINE_SHARED_DATA), never copied.
 *
 * Scored per article (the bars of issue 11): a violent news event found; killed exact (the article's
 * figure — the largest among its asserted, non-reference events — equals the gold toll, or the toll
 * counting the perpetrator where the text counts both ways), over-counted and under-counted; fatal
 * articles with no killed figure; injured exact and over-counted (the largest injured figure, over the
 * reports whose gold states an injured count); the main event's place within 40 km of the gold place and its date
 * the gold day; B-cubed F1 of article → merged event (reports merged across sources in publication
 * order, as the store does); and the summed killed of merged violent events over the gold total (one
 * toll per incident). Trivial baselines beside each: killed always 0, the publication date as the
 * event date, every article alone.
 *
 * Split: an incident is "dev" when the first hex digit of sha1('dateline-local-news-split:' +
 * incident) is 0–7, "test" otherwise (whole incidents go to one side). Default: test.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { DatelineError } from '../core/errors.js';
import type { EventRecord } from '../core/layers.js';
import { packagePath } from '../core/paths.js';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { haversineKm } from '../events/extract.js';
import { sourceOf } from '../events/merge.js';
import { leadEnd } from '../events/setting.js';
import { findLeadDateline } from '../ingest/dispatches.js';
import { clusterScores } from './bcubed.js';
import { articleFigure, isViolent, newsEvents } from './events-local.js';
import { incidentLabels, mainReportEvent, PLACE_KM } from './merge.js';
import type { EvalReport, EvalTask } from './types.js';
import { readJsonLines } from './jsonl.js';

export interface LocalNewsGold {
  id: string;
  corpus: string;
  record: number;
  url: string;
  source: string;
  published: string;
  incident: string;
  kind: string;
  killed: number;
  /** The toll counted the other way (with or without the perpetrator), where the text gives both. */
  killedAlt?: number;
  injured: number | null;
  date: string | null;
  place: { name: string; lat: number; lon: number };
}

export const LOCAL_NEWS_GOLD = packagePath('test-fixtures', 'local-news-real', 'gold.jsonl');

export function sharedDataDir(): string {
  return process.env.DATELINE_SHARED_DATA ?? '/work/shared/data';
}

export function localNewsSplit(incident: string): 'dev' | 'test' {
  const h = createHash('sha1').update(`dateline-local-news-split:${incident}`).digest('hex');
  return parseInt(h[0], 16) < 8 ? 'dev' : 'test';
}

export function readLocalNewsGold(path = LOCAL_NEWS_GOLD): LocalNewsGold[] {
  return readJsonLines<LocalNewsGold>(path);
}

/** The texts of the gold records, read from the shared corpora (one pass per corpus file). */
export function readTexts(gold: readonly LocalNewsGold[], dir = sharedDataDir()): Map<string, { text: string; title: string | null }> {
  const out = new Map<string, { text: string; title: string | null }>();
  for (const corpus of new Set(gold.map((g) => g.corpus))) {
    const file = join(dir, corpus, 'articles.jsonl.gz');
    if (!existsSync(file)) throw new DatelineError('EVAL_INPUT', { message: `shared corpus not found: ${file} (set DATELINE_SHARED_DATA)` });
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    for (const g of gold) {
      if (g.corpus !== corpus) continue;
      const row = JSON.parse(lines[g.record]) as { url: string; text: string; title?: string };
      if (row.url !== g.url) throw new DatelineError('EVAL_INPUT', { message: `${g.id}: record ${g.record} of ${corpus} is ${row.url}, not ${g.url}` });
      out.set(g.id, { text: row.text, title: row.title ?? null });
    }
  }
  return out;
}

const pct = (x: number, n: number) => (n ? Math.round((1000 * x) / n) / 10 : 0);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export const localNewsTask: EvalTask = {
  name: 'local-news',
  summary: 'real news reports of violent incidents: killed exact/over-count, place ≤40 km, date, B-cubed, summed killed',
  usage: `dateline eval local-news [--split test|dev|all] [--gold FILE] [--errors] [--json] [--report FILE]

  FILE defaults to test-fixtures/local-news-real/gold.jsonl (ids and hand-checked verdicts; the texts are
  read from $DATELINE_SHARED_DATA, default /work/shared/data). --split defaults to test (held out).`,
  async run(args: ParsedArgs): Promise<EvalReport> {
    const path = stringFlag(args, 'gold') ?? LOCAL_NEWS_GOLD;
    if (!existsSync(path)) throw new DatelineError('EVAL_INPUT', { message: `no gold file at ${path}` });
    const split = stringFlag(args, 'split') ?? 'test';
    if (!['dev', 'test', 'all'].includes(split)) throw new DatelineError('USAGE', { message: `--split must be dev, test or all, got '${split}'` });
    const gold = readLocalNewsGold(path)
      .filter((g) => split === 'all' || localNewsSplit(g.incident) === split)
      .sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
    const texts = readTexts(gold);
    const pipeline = defaultPipeline();
    const reports: Array<{ event: EventRecord; source: ReturnType<typeof sourceOf> }> = [];
    const main = new Map<string, EventRecord | null>();
    let violent = 0, exact = 0, over = 0, under = 0, fatal = 0, fatalNone = 0, zeroExact = 0;
    let placeOk = 0, dated = 0, dateOk = 0, pubDateOk = 0, sumArticles = 0;
    // Injured, over the reports whose gold states a count (null: the text gives none).
    let injuredN = 0, injuredExact = 0, injuredOver = 0, injuredZero = 0;
    const errors: string[] = [];
    for (const g of gold) {
      const { text, title } = texts.get(g.id) ?? { text: '', title: null };
      const article = makeArticle({ text, source: g.source, title: title ?? g.id, url: g.url, origin: { file: g.corpus, format: 'jsonl', record: g.record }, published: g.published, dateline: findLeadDateline(text) });
      const layers = pipeline.run(article).layers;
      const news = newsEvents(layers.events ?? []).filter(isViolent);
      // The main event as the pipeline chose it: the one the lead and headline tell (main-event.ts).
      const m = mainReportEvent(news, { lead: leadEnd(layers.paragraphs, text), text, title: article.title });
      main.set(g.id, m);
      for (const e of news) reports.push({ event: e, source: sourceOf({ ...article, id: g.id }, g.published, e) });
      if (news.length) violent++;
      const killed = articleFigure(news, 'killed');
      sumArticles += killed;
      const ok = killed === g.killed || killed === g.killedAlt;
      if (ok) exact++;
      else if (killed > Math.max(g.killed, g.killedAlt ?? 0)) over++;
      else under++;
      if (g.killed === 0) zeroExact++;
      if (g.injured !== null) {
        const injured = articleFigure(news, 'injured');
        injuredN++;
        if (injured === g.injured) injuredExact++;
        else if (injured > g.injured) injuredOver++;
        if (g.injured === 0) injuredZero++;
      }
      if (g.killed > 0) {
        fatal++;
        if (killed === 0) fatalNone++;
      }
      const near = m?.place ? haversineKm(m.place, g.place) <= PLACE_KM : false;
      if (near) placeOk++;
      let day = true;
      if (g.date) {
        dated++;
        day = m?.date?.precision === 'day' && m.date.value.slice(0, 10) === g.date;
        if (day) dateOk++;
        if (g.published === g.date) pubDateOk++;
      }
      if (!ok || !near || !day)
        errors.push(`${g.id} [${g.incident}]: killed ${killed}/${g.killed}${g.killedAlt !== undefined ? `|${g.killedAlt}` : ''}${ok ? '' : ' ✗'}; place ${m?.place ? `${m.place.name} (${m.place.country ?? '?'})` : '-'}${near ? '' : ` ✗ (${g.place.name})`}; date ${m?.date ? `${m.date.value}/${m.date.precision}/${m.date.how ?? ''}` : '-'}${day ? '' : ` ✗ (${g.date})`}`);
    }
    const { labels, merged } = incidentLabels(gold.map((g) => g.id), main, reports);
    const incidents = gold.map((g) => g.incident);
    const ours = clusterScores(incidents, labels);
    const single = clusterScores(incidents, gold.map((g) => g.id));
    // One toll per incident: the largest its reports give (later reports count the later dead).
    const truth = new Map<string, number>();
    for (const g of gold) truth.set(g.incident, Math.max(truth.get(g.incident) ?? 0, g.killed));
    const sumTruth = [...truth.values()].reduce((a, b) => a + b, 0);
    const sumMerged = merged.reduce((a, x) => a + (x.event.killed?.value ?? 0), 0);
    const n = gold.length;
    return {
      task: 'local-news',
      data: `${path} (${split}: ${n} articles of ${truth.size} incidents)`,
      tables: [
        {
          title: 'Per article (bars: violent ≥95%, killed exact ≥70%, over-counted ≤3%, place ≥80%, date ≥80%)',
          columns: ['metric', 'ours', 'trivial baseline'],
          rows: [
            ['violent event found (%)', pct(violent, n), '-'],
            ['killed exact (%)', pct(exact, n), `${pct(zeroExact, n)} (always 0)`],
            ['killed over-counted (%)', pct(over, n), '0 (always 0)'],
            ['killed under-counted (%)', pct(under, n), `${pct(n - zeroExact, n)} (always 0)`],
            ['fatal articles with no killed figure (%)', pct(fatalNone, fatal), '100 (always 0)'],
            [`injured exact (%, of ${injuredN} stating a count)`, pct(injuredExact, injuredN), `${pct(injuredZero, injuredN)} (always 0)`],
            ['injured over-counted (%, same)', pct(injuredOver, injuredN), '0 (always 0)'],
            [`main event's place within ${PLACE_KM} km (%)`, pct(placeOk, n), '0 (none)'],
            ['main event dated to the gold day (%, of dated)', pct(dateOk, dated), `${pct(pubDateOk, dated)} (publication date)`],
          ],
        },
        {
          title: 'Across articles (bars: B-cubed F1 ≥0.80, summed killed within 1.5×)',
          columns: ['metric', 'ours', 'trivial baseline'],
          rows: [
            ['B-cubed precision', r3(ours.precision), r3(single.precision)],
            ['B-cubed recall', r3(ours.recall), r3(single.recall)],
            ['B-cubed F1', r3(ours.f1), `${r3(single.f1)} (all singletons)`],
            ['false-merge rate', r3(ours.falseMergeRate), '0'],
            ['summed killed of merged events / truth', `${sumMerged} / ${sumTruth} = ${r3(sumMerged / Math.max(1, sumTruth))}`, '0 (always 0)'],
            ['summed killed of articles / truth', `${sumArticles} / ${sumTruth} = ${r3(sumArticles / Math.max(1, sumTruth))}`, '-'],
          ],
        },
      ],
      metrics: {
        articles: n,
        violent_found: pct(violent, n) / 100,
        killed_exact: pct(exact, n) / 100,
        killed_over: pct(over, n) / 100,
        fatal_no_figure: pct(fatalNone, fatal) / 100,
        injured_exact: pct(injuredExact, injuredN) / 100,
        injured_over: pct(injuredOver, injuredN) / 100,
        place40: pct(placeOk, n) / 100,
        date_right: pct(dateOk, dated) / 100,
        bcubed_f1: r3(ours.f1),
        singletons_f1: r3(single.f1),
        summed_killed_ratio: r3(sumMerged / Math.max(1, sumTruth)),
      },
      notes: args.flags.errors ? errors : [`${errors.length} articles with a wrong toll, place or date (--errors lists them)`],
    };
  },
};
