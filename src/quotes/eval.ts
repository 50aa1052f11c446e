/**
 * `dateline eval quotes --brat DIR`: attribution extraction scored on PolNeAR-style brat standoff
 * (Source / Cue / Content spans linked by `E… Attribution:T Content:T Cue:T [Source:T]`).
 *
 * Scoring, in the manner of the Gender Gap Tracker's quote evaluation:
 * - a predicted quote matches a gold content span when |P ∩ G| / max(|P|, |G|) ≥ the threshold
 *   (0.3 and 0.8); matching is one-to-one, best overlap first;
 * - precision counts a match against any gold attribution (speech, belief, endorsement …);
 * - recall is reported over all gold attributions and over speech attributions (a speech cue, or a
 *   content in quotation marks); the headline F1 pairs that precision with speech recall;
 * - cue accuracy: matched pairs whose cue spans overlap; speaker accuracy: matched pairs with a gold
 *   Source whose speaker span overlaps it (the local source expression, as PolNeAR annotates it) or
 *   names the same person — by the speaker phrase or by the entity it was resolved to (same last
 *   capitalised word before any apposition; GGT compares resolved names, not spans);
 * - end to end (what the user sees): a matched pair counts only when its speaker is also right by the rule
 *   above; a gold attribution with no Source is right only when no speaker is named; P over predictions,
 *   R over speech gold (headline) and all gold;
 * - predictions sharing one cue token and one speaker (an interrupted quote's halves, a partial quote and the
 *   direct quote continuing it) are one attribution with a multi-fragment content (`groupPredictions`);
 * - articles split by SHA-1 of the file name: first hex digit even → tune, odd → held-out.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makeArticle } from '../core/article.js';
import { DatelineError } from '../core/errors.js';
import type { Entity, Layers, Quote } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import { sharedPath } from '../core/paths.js';
import { DEFAULT_COMPONENTS } from '../api/default-pipeline.js';
import { numberFlag, stringFlag, type ParsedArgs } from '../cli/args.js';
import type { EvalReport, EvalTask } from '../eval/types.js';
import { quotes as quotesComponent } from './quotes.js';

export interface Frag {
  start: number;
  end: number;
}

export interface GoldAttribution {
  content: Frag[];
  cue: Frag[];
  source: Frag[] | null;
  speech: boolean;
}

/** Speech cues for the speech/non-speech split of gold attributions (independent of the extractor's lexicon). */
const SPEECH_CUE_RE =
  /\b(?:say|says|said|saying|tell|tells|told|telling|according to|add|adds|added|adding|write|writes|wrote|written|writing|state|states|stated|stating|announce[sd]?|announcing|ask|asks|asked|asking|claim|claims|claimed|claiming|insist|insists|insisted|insisting|note|notes|noted|noting|warn|warns|warned|warning|confirm|confirms|confirmed|confirming|deny|denies|denied|denying|post|posts|posted|posting|tweet|tweets|tweeted|tweeting|explain|explains|explained|explaining|argue[sd]?|arguing|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|declar(?:e|es|ed|ing)|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|speak|speaks|spoke|speaking|comment(?:s|ed|ing)?|testif(?:y|ies|ied|ying)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|predict(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:on|for)|quip(?:s|ped|ping)?|jok(?:e|es|ed|ing)|tout(?:s|ed|ing)?|assert(?:s|ed|ing)?|alleg(?:e|es|ed|ing)|conced(?:e|es|ed|ing)|remark(?:s|ed|ing)?|answer(?:s|ed|ing)?|report(?:s|ed|ing)?|recall(?:s|ed|ing)?|stress(?:es|ed|ing)?|emphasi[sz](?:e|es|ed|ing)|repeat(?:s|ed|ing)?|complain(?:s|ed|ing)?|boast(?:s|ed|ing)?|shout(?:s|ed|ing)?)\b/i;

export function parseBrat(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; frags: Frag[] }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, info] = line.split('\t');
      if (!info) continue;
      const sp = info.indexOf(' ');
      const type = info.slice(0, sp);
      const frags = info
        .slice(sp + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number))
        .filter((f) => f.length === 2 && Number.isFinite(f[0]) && Number.isFinite(f[1]))
        .map(([start, end]) => ({ start, end }));
      spans.set(id, { type, frags });
    } else if (line.startsWith('E')) {
      events.push(line.split('\t')[1] ?? '');
    }
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const args = new Map<string, string>();
    for (const part of ev.split(/\s+/)) {
      const c = part.indexOf(':');
      if (c > 0) args.set(part.slice(0, c).replace(/\d+$/, ''), part.slice(c + 1));
    }
    const content = spans.get(args.get('Content') ?? '')?.frags;
    const cue = spans.get(args.get('Cue') ?? '')?.frags ?? [];
    if (!content || content.length === 0) continue;
    const source = args.has('Source') ? (spans.get(args.get('Source') ?? '')?.frags ?? null) : null;
    const cueText = cue.map((f) => text.slice(f.start, f.end)).join(' ');
    const contentText = content.map((f) => text.slice(f.start, f.end)).join(' ');
    const quoted = /^\s*[“"]/.test(contentText) || /[“"]/.test(contentText.slice(0, 3));
    out.push({ content, cue, source, speech: SPEECH_CUE_RE.test(cueText) || quoted });
  }
  return out;
}

function length(frags: readonly Frag[]): number {
  return frags.reduce((n, f) => n + (f.end - f.start), 0);
}

function intersection(a: readonly Frag[], b: readonly Frag[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

export function overlap(a: readonly Frag[], b: readonly Frag[]): number {
  const d = Math.max(length(a), length(b));
  return d === 0 ? 0 : intersection(a, b) / d;
}

export interface ArticleScore {
  predicted: number;
  gold: number;
  goldSpeech: number;
  /** Per threshold: matched predictions, matched gold, matched speech gold, cue hits, speaker hits, speaker denominators. */
  at: Record<string, Counts>;
}

export interface Counts {
  matchedPred: number;
  matchedGold: number;
  matchedSpeech: number;
  cueHits: number;
  speakerHits: number;
  speakerTotal: number;
  namedDirectHits: number;
  namedDirectTotal: number;
  /** End to end (what the user sees): matched pairs whose speaker is also right, over predictions / gold / speech gold. */
  e2ePred: number;
  e2eGold: number;
  e2eSpeech: number;
}

const PRONOUN_RE = /^(?:he|she|it|they|we|i|you|his|her|their|its|who|which)$/i;

/** The last capitalised word of a name phrase, for a speaker match by name (GGT compares names, not spans). */
function nameKey(phrase: string): string | null {
  const words = phrase.replace(/[’']s\b/g, '').match(/[A-Z][\p{L}-]+/gu);
  if (!words) return null;
  const last = words[words.length - 1];
  return PRONOUN_RE.test(last) ? null : last.toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  const ka = nameKey(a.split(',')[0]);
  const kb = nameKey(b.split(',')[0]);
  return ka !== null && ka === kb;
}

function emptyCounts(): Counts {
  return { matchedPred: 0, matchedGold: 0, matchedSpeech: 0, cueHits: 0, speakerHits: 0, speakerTotal: 0, namedDirectHits: 0, namedDirectTotal: 0, e2ePred: 0, e2eGold: 0, e2eSpeech: 0 };
}

/**
 * One prediction per attribution: the parts of a quote interrupted by its attribution (“A,” X said.
 * “B.”) share cue and speaker and are scored as one multi-fragment content, as PolNeAR annotates them.
 * The same holds whatever the parts' kinds: a partial quote and the direct quote that continues it
 * (Teachers are “looking …,” X said. “That’s got to …”) carry one cue token, so they are one attribution.
 */
export function groupPredictions(predicted: readonly Quote[]): Array<{ quote: Quote; frags: Frag[] }> {
  const out: Array<{ quote: Quote; frags: Frag[] }> = [];
  const byKey = new Map<string, { quote: Quote; frags: Frag[] }>();
  for (const q of predicted) {
    const key = q.cue && q.speaker ? `${q.cue.start}:${q.cue.end}:${q.speaker.start}` : null;
    const existing = key ? byKey.get(key) : undefined;
    if (existing) {
      existing.frags.push({ start: q.start, end: q.end });
      continue;
    }
    const item = { quote: q, frags: [{ start: q.start, end: q.end }] };
    out.push(item);
    if (key) byKey.set(key, item);
  }
  return out;
}

export function scoreArticle(
  text: string,
  quotes: readonly Quote[],
  gold: readonly GoldAttribution[],
  thresholds: readonly number[],
  entities: readonly Entity[] = [],
): ArticleScore {
  const predicted = groupPredictions(quotes);
  const at: Record<string, Counts> = {};
  for (const th of thresholds) {
    const c = emptyCounts();
    const pairs: Array<{ p: number; g: number; o: number }> = [];
    predicted.forEach((pr, p) => {
      gold.forEach((g, gi) => {
        const o = overlap(pr.frags, g.content);
        if (o >= th) pairs.push({ p, g: gi, o });
      });
    });
    pairs.sort((x, y) => y.o - x.o);
    const usedP = new Set<number>();
    const usedG = new Set<number>();
    for (const { p, g } of pairs) {
      if (usedP.has(p) || usedG.has(g)) continue;
      usedP.add(p);
      usedG.add(g);
      const q = predicted[p].quote;
      const gd = gold[g];
      c.matchedPred++;
      c.matchedGold++;
      if (gd.speech) c.matchedSpeech++;
      if (q.cue && intersection([q.cue], gd.cue) > 0) c.cueHits++;
      // a gold attribution without a Source ("it was reported that …") is right only with no speaker named
      let speakerRight = q.speaker === null;
      if (gd.source && gd.source.length > 0) {
        c.speakerTotal++;
        const goldText = gd.source.map((f) => text.slice(f.start, f.end)).join(' ');
        const entityName = q.speaker?.entity ? entities.find((e) => e.id === q.speaker?.entity)?.name : undefined;
        const hit =
          q.speaker !== null &&
          (intersection([q.speaker], gd.source) > 0 || sameName(q.speaker.text, goldText) || (entityName !== undefined && sameName(entityName, goldText)));
        if (hit) c.speakerHits++;
        speakerRight = hit;
        const srcText = gd.source.map((f) => text.slice(f.start, f.end)).join(' ').trim();
        const named = /[A-Z]/.test(srcText[0] ?? '') && !PRONOUN_RE.test(srcText) && !/^(?:The|A|An)\s/.test(srcText);
        if (q.kind === 'direct' && named) {
          c.namedDirectTotal++;
          if (hit) c.namedDirectHits++;
        }
      }
      if (speakerRight) {
        c.e2ePred++;
        c.e2eGold++;
        if (gd.speech) c.e2eSpeech++;
      }
    }
    at[String(th)] = c;
  }
  return { predicted: predicted.length, gold: gold.length, goldSpeech: gold.filter((g) => g.speech).length, at };
}

/** Deterministic split by SHA-1 of the article's file name (without extension). */
export function splitOf(name: string): 'tune' | 'heldout' {
  const h = createHash('sha1').update(name).digest('hex');
  return parseInt(h[0], 16) % 2 === 0 ? 'tune' : 'heldout';
}

/** Components of the default pipeline that run before quotes, then quotes. */
export function quotesPipelineComponents(): Component[] {
  const idx = DEFAULT_COMPONENTS.findIndex((c) => c.name === 'quotes');
  const before = idx >= 0 ? DEFAULT_COMPONENTS.slice(0, idx) : DEFAULT_COMPONENTS.filter((c) => !c.requires.includes('quotes') && c.name !== 'quantities');
  return [...before, quotesComponent];
}

/** Run the pipeline prefix then quotes; layers a prefix lacks (no entities stage yet) are given as empty. */
export function analyzeQuotes(text: string, file: string): { quotes: Quote[]; layers: Layers } {
  const article = makeArticle({ text, origin: { file, format: 'text' } });
  const layers: Layers = {};
  const components = quotesPipelineComponents();
  for (const c of components) {
    for (const need of c.requires) {
      if (layers[need] === undefined) (layers as Record<string, unknown>)[need] = [];
    }
    try {
      Object.assign(layers, c.run(article, layers, { diagnostics: [] }));
    } catch (error) {
      if (error instanceof DatelineError) throw error;
      for (const name of c.assigns) (layers as Record<string, unknown>)[name] = [];
    }
  }
  return { quotes: layers.quotes ?? [], layers };
}

interface Pair {
  name: string;
  txt: string;
  ann: string;
}

export function findBratPairs(dir: string): Pair[] {
  const out: Pair[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith('.txt') && basename(d) === 'text') {
        const name = entry.slice(0, -4);
        const annDir = join(d, '..', 'attributions');
        if (!existsSync(annDir)) continue;
        const anns = readdirSync(annDir)
          .filter((f) => f.startsWith(name + '_') && f.endsWith('.ann') && /^[0-9a-f]+$/.test(f.slice(name.length + 1, -4)))
          .sort();
        if (anns.length > 0) out.push({ name, txt: p, ann: join(annDir, anns[0]) });
      }
    }
  };
  walk(dir);
  return out;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 1000) / 1000;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : Math.round(((2 * p * r) / (p + r)) * 1000) / 1000;
}

export async function runQuotesEval(args: ParsedArgs): Promise<EvalReport> {
  const dir = stringFlag(args, 'brat') ?? sharedPath('data', 'polnear');
  if (!existsSync(dir)) throw new DatelineError('EVAL_INPUT', { message: `no brat folder at ${dir}` });
  const split = stringFlag(args, 'split') ?? 'heldout';
  if (!['tune', 'heldout', 'all'].includes(split)) throw new DatelineError('USAGE', { message: `--split must be tune, heldout or all, got '${split}'` });
  const limit = numberFlag(args, 'limit', Infinity);
  const thresholds = [0.3, 0.8];
  const pairs = findBratPairs(dir).filter((p) => split === 'all' || splitOf(p.name) === split).slice(0, limit);
  if (pairs.length === 0) throw new DatelineError('EVAL_INPUT', { message: `no text/*.txt with attributions/*.ann under ${dir}` });
  let predicted = 0;
  let gold = 0;
  let goldSpeech = 0;
  let words = 0;
  const totals: Record<string, Counts> = Object.fromEntries(thresholds.map((t) => [String(t), emptyCounts()]));
  const started = process.hrtime.bigint();
  for (const pair of pairs) {
    const text = readFileSync(pair.txt, 'utf8');
    const goldAttr = parseBrat(readFileSync(pair.ann, 'utf8'), text);
    const { quotes, layers } = analyzeQuotes(text, pair.txt);
    words += text.split(/\s+/).length;
    const s = scoreArticle(text, quotes, goldAttr, thresholds, layers.entities ?? []);
    predicted += s.predicted;
    gold += s.gold;
    goldSpeech += s.goldSpeech;
    for (const th of thresholds) {
      const k = String(th);
      for (const key of Object.keys(totals[k]) as Array<keyof Counts>) totals[k][key] += s.at[k][key];
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const metrics: Record<string, number> = {};
  const rows: Array<Array<string | number>> = [];
  const e2eRows: Array<Array<string | number>> = [];
  for (const th of thresholds) {
    const c = totals[String(th)];
    const p = ratio(c.matchedPred, predicted);
    const rAll = ratio(c.matchedGold, gold);
    const rSpeech = ratio(c.matchedSpeech, goldSpeech);
    const tag = th === 0.3 ? '03' : '08';
    metrics[`precision_${tag}`] = p;
    metrics[`recall_speech_${tag}`] = rSpeech;
    metrics[`f1_speech_${tag}`] = f1(p, rSpeech);
    metrics[`recall_all_${tag}`] = rAll;
    metrics[`f1_all_${tag}`] = f1(p, rAll);
    metrics[`cue_accuracy_${tag}`] = ratio(c.cueHits, c.matchedPred);
    metrics[`speaker_accuracy_${tag}`] = ratio(c.speakerHits, c.speakerTotal);
    metrics[`speaker_accuracy_named_direct_${tag}`] = ratio(c.namedDirectHits, c.namedDirectTotal);
    const eP = ratio(c.e2ePred, predicted);
    const eR = ratio(c.e2eSpeech, goldSpeech);
    metrics[`e2e_precision_${tag}`] = eP;
    metrics[`e2e_recall_speech_${tag}`] = eR;
    metrics[`e2e_f1_speech_${tag}`] = f1(eP, eR);
    metrics[`e2e_recall_all_${tag}`] = ratio(c.e2eGold, gold);
    e2eRows.push([`≥ ${th}`, eP, eR, f1(eP, eR), ratio(c.e2eGold, gold), f1(eP, ratio(c.e2eGold, gold))]);
    rows.push([
      `≥ ${th}`,
      p,
      rSpeech,
      f1(p, rSpeech),
      rAll,
      f1(p, rAll),
      ratio(c.cueHits, c.matchedPred),
      ratio(c.speakerHits, c.speakerTotal),
      `${ratio(c.namedDirectHits, c.namedDirectTotal)} (n=${c.namedDirectTotal})`,
    ]);
  }
  return {
    task: 'quotes',
    data: `${dir} split=${split} (SHA-1 of file name, first hex digit even → tune, odd → heldout; first .ann per article): ${pairs.length} articles, ${gold} gold attributions (${goldSpeech} speech), ${predicted} predicted`,
    tables: [
      {
        title: 'Content spans (overlap = |P∩G| / max(|P|,|G|)); precision vs any gold attribution',
        columns: ['overlap', 'P', 'R speech', 'F1 speech', 'R all', 'F1 all', 'cue acc', 'speaker acc', 'speaker acc, named direct'],
        rows,
      },
      {
        title: 'End to end: a gold attribution is found only when the content matches AND the speaker is right (no speaker named where the gold has no Source)',
        columns: ['overlap', 'P', 'R speech', 'F1 speech', 'R all', 'F1 all'],
        rows: e2eRows,
      },
    ],
    metrics,
    notes: [
      `pipeline: ${quotesPipelineComponents().map((c) => c.name).join(' → ')}`,
      `${words} words in ${seconds.toFixed(1)} s (pipeline prefix + quotes)`,
      'reference: Gender Gap Tracker V5.3, its own 98 annotated Canadian articles: F1 83.7 at 0.3, 76.1 at 0.8, speaker 86%',
    ],
  };
}

export const quotesEvalTask: EvalTask = {
  name: 'quotes',
  summary: 'Quote/attribution extraction on PolNeAR-style brat (content P/R/F1 at overlap 0.3 and 0.8, cue and speaker accuracy)',
  usage: 'dateline eval quotes [--brat DIR] [--split heldout|tune|all] [--limit N] [--json] [--report FILE]',
  run: runQuotesEval,
};
