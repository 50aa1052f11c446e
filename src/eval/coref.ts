/**
 * `dateline eval coref`: cross-article entity resolution scored on a gold of our own.
 *
 *   dateline eval coref [--gold FILE] [--split heldout|tune|all] [--errors FILE]
 *
 * The gold (test-fixtures/coref/articles.txt) is short hand-written articles; `[[surface|cluster]]` marks a mention
 * of the real-world entity `cluster`, shared across articles. Each article runs through segment + entities; the
 * article entities are clustered across articles as the store does (entities/crossdoc.ts `clusterEntities`). A gold
 * mention takes the cross-article entity of the system mention that overlaps it most (none: a singleton of its own).
 * Scores: B-cubed precision/recall/F1 over gold mentions, and the pairwise false-merge and split counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { makeArticle } from '../core/article.js';
import { DatelineError } from '../core/errors.js';
import { assemblePipeline } from '../core/pipeline.js';
import { entities } from '../entities/component.js';
import { clusterEntities, type EntityRecord } from '../entities/crossdoc.js';
import { segment } from '../segment/segment.js';
import type { EvalReport, EvalTask } from './types.js';
import { clusterScores } from './bcubed.js';

export const COREF_GOLD = 'test-fixtures/coref/articles.txt';

export interface GoldMention {
  start: number;
  end: number;
  cluster: string;
}

export interface GoldArticle {
  id: string;
  date: string;
  split: 'tune' | 'heldout';
  text: string;
  mentions: GoldMention[];
}

/** Parses the gold file: `=== id|date|split` headers, `[[surface|cluster]]` marks, `#` comment lines. */
export function parseCorefGold(source: string): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const block of source.split(/^=== /m).slice(1)) {
    const nl = block.indexOf('\n');
    const [id, date, split] = block.slice(0, nl).trim().split('|');
    const body = block.slice(nl + 1).trim();
    let text = '';
    const mentions: GoldMention[] = [];
    let pos = 0;
    for (const m of body.matchAll(/\[\[([^|\]]+)\|([^\]]+)\]\]/g)) {
      text += body.slice(pos, m.index);
      mentions.push({ start: text.length, end: text.length + m[1].length, cluster: m[2] });
      text += m[1];
      pos = (m.index ?? 0) + m[0].length;
    }
    text += body.slice(pos);
    out.push({ id, date, split: split === 'heldout' ? 'heldout' : 'tune', text, mentions });
  }
  return out;
}

export interface CorefResult {
  precision: number;
  recall: number;
  f1: number;
  mentions: number;
  matched: number;
  falseMergePairs: number;
  splitPairs: number;
  goldPairs: number;
  errors: string[];
}

/** Runs the entity layer on each article, clusters across articles, and scores against the gold. */
export function scoreCoref(articles: readonly GoldArticle[]): CorefResult {
  const pipeline = assemblePipeline([segment, entities]);
  const records: EntityRecord[] = [];
  // Per gold mention: [article index, system entity id or null].
  const link: Array<{ article: string; entity: string | null; gold: string; text: string }> = [];
  for (const a of articles) {
    const article = makeArticle({ text: a.text, published: a.date, origin: { file: `${a.id}.txt`, format: 'text' } });
    const { layers } = pipeline.run(article);
    const list = layers.entities ?? [];
    const ments = layers.mentions ?? [];
    for (const e of list) records.push({ article: a.id, id: e.id, name: e.name, type: e.type, key: e.key, roles: e.roles, mentions: e.mentions.length });
    for (const g of a.mentions) {
      let best: { entity: number; overlap: number } | null = null;
      for (const m of ments) {
        const overlap = Math.min(m.end, g.end) - Math.max(m.start, g.start);
        if (overlap > 0 && (!best || overlap > best.overlap)) best = { entity: m.entity, overlap };
      }
      link.push({ article: a.id, entity: best ? (list[best.entity]?.id ?? null) : null, gold: g.cluster, text: a.text.slice(g.start, g.end) });
    }
  }
  const clusterOf = new Map<string, number>();
  clusterEntities(records).forEach((c, i) => {
    for (const m of c.members) clusterOf.set(`${m.article}|${m.id}`, i);
  });
  // System cluster per gold mention; an unmatched mention is its own singleton.
  const sys = link.map((l, i) => (l.entity === null ? `none${i}` : `c${clusterOf.get(`${l.article}|${l.entity}`) ?? `none${i}`}`));
  const n = link.length;
  const { precision, recall, f1, falseMergePairs, splitPairs, goldPairs } = clusterScores(
    link.map((l) => l.gold),
    sys,
  );
  const errors: string[] = [];
  const byGold = new Map<string, Set<string>>();
  const bySys = new Map<string, Set<string>>();
  link.forEach((l, i) => {
    byGold.set(l.gold, (byGold.get(l.gold) ?? new Set()).add(sys[i]));
    bySys.set(sys[i], (bySys.get(sys[i]) ?? new Set()).add(l.gold));
  });
  for (const [gold, set] of byGold) {
    if (set.size > 1) errors.push(`split\t${gold}\t${link.flatMap((l, i) => (l.gold === gold ? [`${l.text}@${l.article}→${sys[i]}`] : [])).join(' | ')}`);
  }
  for (const [s, set] of bySys) if (set.size > 1) errors.push(`merged\t${s}\t${[...set].join(' + ')}`);
  return {
    precision,
    recall,
    f1,
    mentions: n,
    matched: link.filter((l) => l.entity !== null).length,
    falseMergePairs,
    splitPairs,
    goldPairs,
    errors,
  };
}

export const corefTask: EvalTask = {
  name: 'coref',
  summary: 'Cross-article entity resolution (spellings, types, owners): B-cubed P/R/F1 on a hand-made gold',
  usage: 'dateline eval coref [--gold FILE] [--split heldout|tune|all] [--errors FILE]',
  async run(args: ParsedArgs): Promise<EvalReport> {
    const file = stringFlag(args, 'gold') ?? COREF_GOLD;
    const split = stringFlag(args, 'split') ?? 'heldout';
    if (!['heldout', 'tune', 'all'].includes(split)) throw new DatelineError('USAGE', { message: `--split must be heldout, tune or all, got '${split}'` });
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      throw new DatelineError('EVAL_INPUT', { message: `cannot read the coref gold: ${file}` });
    }
    const articles = parseCorefGold(source).filter((a) => split === 'all' || a.split === split);
    if (articles.length === 0) throw new DatelineError('EVAL_INPUT', { message: `no articles in ${file} (split ${split})` });
    const res = scoreCoref(articles);
    const errorsFile = stringFlag(args, 'errors');
    if (errorsFile) writeFileSync(errorsFile, res.errors.join('\n') + '\n');
    const pct = (x: number): string => (100 * x).toFixed(1);
    const r4 = (x: number): number => Math.round(x * 10000) / 10000;
    return {
      task: 'coref',
      data: `${file} (split ${split}, ${articles.length} articles, ${res.mentions} gold mentions)`,
      tables: [
        {
          title: 'Cross-article entity clustering (B-cubed over gold mentions)',
          columns: ['measure', 'value'],
          rows: [
            ['B-cubed precision', pct(res.precision)],
            ['B-cubed recall', pct(res.recall)],
            ['B-cubed F1', pct(res.f1)],
            ['gold mentions found', `${res.matched}/${res.mentions}`],
            ['false-merge pairs', res.falseMergePairs],
            ['split pairs (of gold pairs)', `${res.splitPairs}/${res.goldPairs}`],
          ],
        },
      ],
      metrics: { precision: r4(res.precision), recall: r4(res.recall), f1: r4(res.f1), mentions: res.mentions, matched: res.matched, false_merge_pairs: res.falseMergePairs, split_pairs: res.splitPairs },
      notes: ['a gold mention takes the cross-article entity of the system mention overlapping it most; a mention the tagger missed is a singleton', 'split: articles c01-c18 tune, c19-c36 heldout'],
    };
  },
};
