/**
 * False events on news that reports no armed conflict: the BBC sport, business, tech and
 * entertainment sections (../shared/data/bbc-news) and the Timeline17 Haiti earthquake topic. Every
 * ACLED-typed conflict event found there is false (a business "strike", a "clash" of managers, an
 * earthquake toll); the fatalities summed over them should be near zero.
 *
 * Split: a BBC file or Haiti article is dev when its number/index is odd, held-out when even; rules are
 * tuned on dev (`--split dev`) and the figures reported on held-out (the default).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';
import { newsEvents } from './events-local.js';
import type { EvalTable } from './types.js';

export const NON_CONFLICT_SECTIONS = ['sport', 'business', 'tech', 'entertainment'] as const;

export type Split = 'dev' | 'held-out' | 'all';

interface Doc {
  set: string;
  id: string;
  text: string;
  published?: string;
}

export function inSplit(n: number, split: Split): boolean {
  return split === 'all' || (split === 'dev' ? n % 2 === 1 : n % 2 === 0);
}

function bbcDocs(section: string, split: Split): Doc[] {
  const dir = sharedPath('data', 'bbc-news', section);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f) && inSplit(parseInt(f, 10), split))
    .sort()
    .map((f) => ({ set: `bbc ${section}`, id: f, text: readFileSync(join(dir, f), 'latin1') }));
}

/** Timeline17 stores tokenised text ("Haiti , -LRB- …"): undo the tokenisation before analysis. */
export function detokenize(s: string): string {
  return s
    .replace(/-LRB-/g, '(')
    .replace(/-RRB-/g, ')')
    .replace(/ ([.,;:!?)'’%])/g, '$1')
    .replace(/\( /g, '(')
    .replace(/ n't\b/g, "n't")
    .replace(/``|''/g, '"');
}

function haitiDocs(split: Split): Doc[] {
  const path = sharedPath('data', 'timeline17', 'articles', 'haiti_bbc', 'articles.json');
  if (!existsSync(path)) return [];
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Array<{ uid: string; dct: string; text: string }>;
  return rows.filter((_, i) => inSplit(i, split)).map((r) => ({ set: 'haiti earthquake', id: r.uid, text: detokenize(r.text), published: r.dct }));
}

/** An event that claims to be armed conflict news of the article. */
export function isConflictClaim(e: EventRecord): boolean {
  return e.acled !== null && (e.kind ?? 'conflict') === 'conflict';
}

export interface NonConflictResult {
  table: EvalTable;
  metrics: Record<string, number>;
  examples: string[];
}

export function scoreNonConflict(split: Split, limit = Infinity): NonConflictResult {
  const pipeline = defaultPipeline();
  const sets = new Map<string, { docs: number; events: number; killed: number; any: number }>();
  const examples: string[] = [];
  const docs = [...NON_CONFLICT_SECTIONS.flatMap((s) => bbcDocs(s, split)), ...haitiDocs(split)];
  const perSet = new Map<string, number>();
  for (const d of docs) {
    const seen = perSet.get(d.set) ?? 0;
    if (seen >= limit) continue;
    perSet.set(d.set, seen + 1);
    const article = makeArticle({ text: d.text, origin: { file: d.set, format: 'text', record: 0 }, ...(d.published ? { published: d.published } : {}) });
    const events = newsEvents(pipeline.run(article).layers.events ?? []).filter(isConflictClaim);
    const s = sets.get(d.set) ?? { docs: 0, events: 0, killed: 0, any: 0 };
    s.docs++;
    s.events += events.length;
    if (events.length) s.any++;
    for (const e of events) {
      s.killed += e.killed?.value ?? 0;
      if (examples.length < (Number(process.env.DATELINE_EVAL_EXAMPLES) || 40)) examples.push(`${d.set} ${d.id}: ${e.acled?.subEventType} «${d.text.slice(e.start, Math.min(e.end, e.start + 140)).replace(/\s+/g, ' ')}»${e.killed ? ` killed ${e.killed.value}` : ''}`);
    }
    sets.set(d.set, s);
  }
  const rows: Array<Array<string | number>> = [];
  let docsAll = 0;
  let eventsAll = 0;
  let killedAll = 0;
  for (const [set, s] of sets) {
    rows.push([set, s.docs, Math.round((1000 * s.events) / Math.max(1, s.docs)), Math.round((1000 * s.any) / Math.max(1, s.docs)) / 10, s.killed]);
    docsAll += s.docs;
    eventsAll += s.events;
    killedAll += s.killed;
  }
  rows.push(['all', docsAll, Math.round((1000 * eventsAll) / Math.max(1, docsAll)), '', killedAll]);
  return {
    table: { title: `False ACLED conflict events on non-conflict news (${split})`, columns: ['set', 'articles', 'events per 1,000 articles', 'articles with one (%)', 'killed summed'], rows },
    metrics: { false_events_per_1000: Math.round((1000 * eventsAll) / Math.max(1, docsAll)), false_killed_sum: killedAll },
    examples,
  };
}
