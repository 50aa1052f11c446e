/**
 * Local violent-incident news (hand-written dev set, test-fixtures/events-local/articles.jsonl): per
 * article, the gold kind and the killed/injured counts of the incident it reports. Scored per article:
 * a violent event found, killed exact, over-count (ours > gold) and under-count, injured exact. The
 * article's figure is the largest among its asserted, non-reference events (several mentions of one
 * incident that were not merged must not add up). It is dev data: rules may be tuned on it.
 */
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';
import { packagePath } from '../core/paths.js';
import type { EvalTable } from './types.js';
import { readJsonLines } from './jsonl.js';

export interface LocalGold {
  id: string;
  published: string;
  kind: string;
  killed: number;
  injured: number;
  text: string;
}

export const LOCAL_SET = packagePath('test-fixtures', 'events-local', 'articles.jsonl');

export function readLocal(path = LOCAL_SET): LocalGold[] {
  return readJsonLines<LocalGold>(path);
}

/** Events that count as news of this article: asserted and not a reference to an earlier event. */
export function newsEvents(events: readonly EventRecord[]): EventRecord[] {
  return events.filter((e) => (e.status ?? 'asserted') === 'asserted' && !e.reference);
}

/** A violent event: PLOVER assault/fight, or one of the casualty kinds. */
export function isViolent(e: EventRecord): boolean {
  return e.plover?.type === 'ASSAULT' || e.plover?.type === 'FIGHT' || (e.kind !== undefined && e.kind !== 'conflict');
}

export function articleFigure(events: readonly EventRecord[], field: 'killed' | 'injured'): number {
  let best = 0;
  for (const e of newsEvents(events)) best = Math.max(best, e[field]?.value ?? 0);
  return best;
}

const pct = (x: number, n: number) => (n ? Math.round((1000 * x) / n) / 10 : 0);

export interface LocalResult {
  table: EvalTable;
  metrics: Record<string, number>;
  misses: string[];
}

export function scoreLocal(rows: readonly LocalGold[]): LocalResult {
  const pipeline = defaultPipeline();
  let incidents = 0;
  let violentFound = 0;
  let exact = 0;
  let over = 0;
  let under = 0;
  let injExact = 0;
  let kindOk = 0;
  let fatal = 0;
  let fatalNoFigure = 0;
  let sumGold = 0;
  let sumOurs = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const article = makeArticle({ text: row.text, origin: { file: LOCAL_SET, format: 'jsonl', record: 0 }, published: row.published });
    const events = pipeline.run(article).layers.events ?? [];
    const news = newsEvents(events).filter(isViolent);
    const killed = articleFigure(events, 'killed');
    const injured = articleFigure(events, 'injured');
    const incident = row.killed > 0 || row.injured > 0 || /shots|gunshots|robber/i.test(row.text.slice(0, 80));
    if (incident) {
      incidents++;
      if (news.length) violentFound++;
    }
    if (row.killed > 0) {
      fatal++;
      if (killed === 0) fatalNoFigure++;
    }
    sumGold += row.killed;
    sumOurs += killed;
    if (killed === row.killed) exact++;
    else if (killed > row.killed) over++;
    else under++;
    if (injured === row.injured) injExact++;
    const kind = news.find((e) => e.killed || e.injured)?.kind ?? news[0]?.kind;
    if (kind === row.kind) kindOk++;
    if (killed !== row.killed || injured !== row.injured || kind !== row.kind) misses.push(`${row.id}: killed ${killed}/${row.killed} injured ${injured}/${row.injured} kind ${kind ?? '-'}/${row.kind}`);
  }
  const n = rows.length;
  const table: EvalTable = {
    title: `Local violent-incident news (${n} hand-written dev articles)`,
    columns: ['metric', 'value'],
    rows: [
      ['violent event found, of incident articles (%)', pct(violentFound, incidents)],
      ['killed exact (%)', pct(exact, n)],
      ['killed over-counted (%)', pct(over, n)],
      ['killed under-counted (%)', pct(under, n)],
      ['fatal articles with no killed figure (%)', pct(fatalNoFigure, fatal)],
      ['injured exact (%)', pct(injExact, n)],
      ['kind of the main event right (%)', pct(kindOk, n)],
      ['summed killed, ours / gold', `${sumOurs} / ${sumGold}`],
    ],
  };
  return {
    table,
    metrics: {
      local_violent_found: pct(violentFound, incidents) / 100,
      local_killed_exact: pct(exact, n) / 100,
      local_killed_over: pct(over, n) / 100,
      local_injured_exact: pct(injExact, n) / 100,
      local_kind: pct(kindOk, n) / 100,
    },
    misses,
  };
}
