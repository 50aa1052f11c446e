/**
 * `dateline eval timex`: TempEval-3 Task A style scoring of the time layer.
 *
 *   dateline eval timex --timeml DIR [--split dev|tune|all] [--out DIR]
 *   dateline eval timex --meantime DIR [--split dev|tune|all] [--out DIR]
 *   dateline eval timex --timeml DIR --split tune --docs LIST   (only the documents LIST names)
 *
 * Each document's DCT is the reference date; the raw TEXT (gold tags stripped) goes through `segment`
 * and the time layer; our TIMEX3 tags are written inline into `--out` as TimeML. Scores, as in the
 * TempEval-3 scorer: strict extent (same span) and relaxed extent (overlap) P/R/F1; for type and value,
 * attribute F1 = relaxed F1 × attribute accuracy over relaxed matches.
 *
 * Split of TBAQ-cleaned (fixed, by file name): a file whose name's SHA-1 starts with a hex digit 0–3
 * is in `dev` (held out: never looked at while writing rules, about a quarter of the files); the rest
 * is `tune`. MEANTIME: topics gm and stock are `dev`, airbus and apple `tune` (since timex15 both are development data: their errors are read).
 * `--docs LIST` keeps only the documents whose id (file name without extension) is the first
 * tab-separated field of a line of LIST — e.g. TimeBank-Dense's relation file, whose 36 documents are
 * TimeBank files; with `--split tune` the 9 of them in the held-out split are left out.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { DatelineError } from '../core/errors.js';
import { segmentText } from '../segment/segment.js';
import { timesForText } from '../time/time.js';
import { parseMeantime, parseTimeML, writeTimeML, type GoldTimex, type OutTimex, type TimeMLDoc } from '../time/timeml.js';
import type { EvalReport, EvalTask } from './types.js';

export type Split = 'dev' | 'tune' | 'all';

/** MEANTIME split by topic: airbus and apple are for tuning, gm and stock were held out until timex15 made all of MEANTIME development data. */
export const MEANTIME_DEV_TOPICS = ['corpus_gm', 'corpus_stock'];

export function meantimeSplitOf(path: string): 'dev' | 'tune' {
  return MEANTIME_DEV_TOPICS.some((topic) => path.split(/[\\/]/).includes(topic)) ? 'dev' : 'tune';
}

/** Deterministic split of TBAQ-cleaned by file name. */
export function splitOf(fileName: string): 'dev' | 'tune' {
  const h = createHash('sha1').update(basename(fileName)).digest('hex');
  return '0123'.includes(h[0]) ? 'dev' : 'tune';
}

export interface TimexCounts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  typeCorrect: number;
  valueCorrect: number;
}

export function emptyCounts(): TimexCounts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, typeCorrect: 0, valueCorrect: 0 };
}

export interface MatchDetail {
  gold: GoldTimex | null;
  system: OutTimex | null;
}

/** One-to-one matching by largest overlap; returns counts and the pairs (unmatched on either side too). */
export function scoreDocument(gold: readonly GoldTimex[], system: readonly OutTimex[], counts: TimexCounts = emptyCounts()): { counts: TimexCounts; pairs: MatchDetail[] } {
  counts.gold += gold.length;
  counts.system += system.length;
  const usedGold = new Set<number>();
  const pairs: MatchDetail[] = [];
  const candidates: Array<{ s: number; g: number; overlap: number }> = [];
  system.forEach((s, si) => {
    gold.forEach((g, gi) => {
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (overlap > 0) candidates.push({ s: si, g: gi, overlap });
    });
  });
  candidates.sort((a, b) => b.overlap - a.overlap);
  const usedSys = new Set<number>();
  for (const c of candidates) {
    if (usedSys.has(c.s) || usedGold.has(c.g)) continue;
    usedSys.add(c.s);
    usedGold.add(c.g);
    const s = system[c.s];
    const g = gold[c.g];
    counts.relaxed++;
    if (s.start === g.start && s.end === g.end) counts.strict++;
    if (s.type === g.type) counts.typeCorrect++;
    if (s.value === g.value) counts.valueCorrect++;
    pairs.push({ gold: g, system: s });
  }
  system.forEach((s, i) => {
    if (!usedSys.has(i)) pairs.push({ gold: null, system: s });
  });
  gold.forEach((g, i) => {
    if (!usedGold.has(i)) pairs.push({ gold: g, system: null });
  });
  return { counts, pairs };
}

function prf(correct: number, system: number, gold: number): { p: number; r: number; f1: number } {
  const p = system === 0 ? 0 : correct / system;
  const r = gold === 0 ? 0 : correct / gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function metricsOf(c: TimexCounts): Record<string, number> {
  const strict = prf(c.strict, c.system, c.gold);
  const relaxed = prf(c.relaxed, c.system, c.gold);
  const typeAcc = c.relaxed === 0 ? 0 : c.typeCorrect / c.relaxed;
  const valueAcc = c.relaxed === 0 ? 0 : c.valueCorrect / c.relaxed;
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    strict_p: r4(strict.p),
    strict_r: r4(strict.r),
    strict_f1: r4(strict.f1),
    relaxed_p: r4(relaxed.p),
    relaxed_r: r4(relaxed.r),
    relaxed_f1: r4(relaxed.f1),
    type_accuracy: r4(typeAcc),
    type_f1: r4(relaxed.f1 * typeAcc),
    value_accuracy: r4(valueAcc),
    value_f1: r4(relaxed.f1 * valueAcc),
    gold: c.gold,
    system: c.system,
  };
}

/** Runs the time layer on one document and returns our TIMEX3s (minus those inside ignored spans). */
export function tagDocument(doc: TimeMLDoc): OutTimex[] {
  const { sentences } = segmentText(doc.text);
  const dctDay = doc.dct ? doc.dct.slice(0, 10) : null;
  return timesForText(doc.text, sentences, dctDay)
    .filter((t) => !doc.ignore.some((z) => t.start < z.end && z.start < t.end))
    .map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
}

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface TimexEvalResult {
  counts: TimexCounts;
  docs: number;
  errors: Array<{ doc: string; gold: string; system: string; context: string }>;
}

/** Document ids named by a list file: the first tab-separated field of each non-empty line. */
export function docIdsOf(text: string): Set<string> {
  return new Set(text.split('\n').map((l) => l.split('\t')[0].trim()).filter((id) => id !== ''));
}

/** Scores a folder; `write` receives each document's TimeML output. */
export function evaluateFolder(dir: string, format: 'timeml' | 'meantime', split: Split, write?: (relPath: string, xml: string) => void, only?: ReadonlySet<string>): TimexEvalResult {
  const ext = format === 'timeml' ? '.tml' : '.xml';
  const files = listFiles(dir, ext)
    .filter((f) => split === 'all' || (format === 'timeml' ? splitOf(f) : meantimeSplitOf(relative(dir, f))) === split)
    .filter((f) => !only || only.has(basename(f, ext)));
  const counts = emptyCounts();
  const errors: TimexEvalResult['errors'] = [];
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const doc = format === 'timeml' ? parseTimeML(xml, basename(file, '.tml')) : parseMeantime(xml, basename(file, '.xml'));
    const system = tagDocument(doc);
    const gold = doc.gold.filter((g) => !doc.ignore.some((z) => g.start < z.end && z.start < g.end));
    const { pairs } = scoreDocument(gold, system, counts);
    for (const p of pairs) {
      const g = p.gold ? `${doc.text.slice(p.gold.start, p.gold.end)}|${p.gold.type}|${p.gold.value}` : '-';
      const s = p.system ? `${doc.text.slice(p.system.start, p.system.end)}|${p.system.type}|${p.system.value}` : '-';
      if (!p.gold || !p.system || p.gold.value !== p.system.value || p.gold.start !== p.system.start || p.gold.end !== p.system.end) {
        const at = (p.gold ?? p.system) as { start: number; end: number };
        const context = doc.text.slice(Math.max(0, at.start - 60), at.end + 40).replace(/\s+/g, ' ');
        errors.push({ doc: `${doc.id}@${doc.dct ?? ''}`, gold: g, system: s, context });
      }
    }
    if (write) write(relative(dir, file).replace(/\.xml$/, '.tml'), writeTimeML(doc, system));
  }
  return { counts, docs: files.length, errors };
}

export const timexTask: EvalTask = {
  name: 'timex',
  summary: 'TempEval-3 style TIMEX3 extent, type and value scores on TimeML (TBAQ) or MEANTIME',
  usage: 'dateline eval timex (--timeml DIR | --meantime DIR) [--split dev|tune|all] [--docs LIST] [--out DIR] [--errors FILE]',
  async run(args: ParsedArgs): Promise<EvalReport> {
    const timeml = stringFlag(args, 'timeml');
    const meantime = stringFlag(args, 'meantime');
    const out = stringFlag(args, 'out');
    const errorsFile = stringFlag(args, 'errors');
    const docsFile = stringFlag(args, 'docs');
    if (docsFile && !existsSync(docsFile)) throw new DatelineError('EVAL_INPUT', { message: `no such file: ${docsFile}` });
    const only = docsFile ? docIdsOf(readFileSync(docsFile, 'utf8')) : undefined;
    const splitFlag = stringFlag(args, 'split') ?? 'all';
    if (!['dev', 'tune', 'all'].includes(splitFlag)) throw new DatelineError('USAGE', { message: `--split must be dev, tune or all, got '${splitFlag}'` });
    const dir = timeml ?? meantime;
    if (!dir) throw new DatelineError('USAGE', { message: 'eval timex needs --timeml DIR or --meantime DIR' });
    if (!existsSync(dir)) throw new DatelineError('EVAL_INPUT', { message: `no such folder: ${dir}` });
    const format = timeml ? 'timeml' : 'meantime';
    const split = splitFlag as Split;
    const write = out
      ? (rel: string, xml: string): void => {
          const path = join(out, rel);
          mkdirSync(join(path, '..'), { recursive: true });
          writeFileSync(path, xml);
        }
      : undefined;
    const t0 = performance.now();
    const result = evaluateFolder(dir, format, split, write, only);
    const seconds = (performance.now() - t0) / 1000;
    if (result.docs === 0) throw new DatelineError('EVAL_INPUT', { message: `no ${format === 'timeml' ? '.tml' : '.xml'} files in ${dir} (split ${split})` });
    if (errorsFile) writeFileSync(errorsFile, result.errors.map((e) => `${e.doc}\t${e.gold}\t${e.system}\t${e.context}`).join('\n') + '\n');
    const m = metricsOf(result.counts);
    const pct = (x: number): string => (100 * x).toFixed(1);
    return {
      task: 'timex',
      data: `${dir} (${format}, split ${split}${docsFile ? `, documents named in ${docsFile}` : ''}, ${result.docs} docs)`,
      tables: [
        {
          title: 'TIMEX3 recognition and normalisation (TempEval-3 style)',
          columns: ['measure', 'P', 'R', 'F1'],
          rows: [
            ['strict extent', pct(m.strict_p), pct(m.strict_r), pct(m.strict_f1)],
            ['relaxed extent', pct(m.relaxed_p), pct(m.relaxed_r), pct(m.relaxed_f1)],
            ['type (attr F1)', '', `acc ${pct(m.type_accuracy)}`, pct(m.type_f1)],
            ['value (attr F1)', '', `acc ${pct(m.value_accuracy)}`, pct(m.value_f1)],
          ],
        },
      ],
      metrics: { ...m, docs: result.docs, seconds: Math.round(seconds * 100) / 100 },
      notes: [
        `gold ${result.counts.gold}, system ${result.counts.system}; DCT is the reference date; attribute F1 = relaxed F1 × accuracy over relaxed matches`,
        format === 'timeml'
          ? 'TBAQ split: sha1(file name) first hex digit 0-3 = dev (held out), else tune'
          : `MEANTIME split: ${MEANTIME_DEV_TOPICS.join(', ')} = dev, other topics = tune (both read as development data since the timex15 session); scored within the TIMEX3 annotation scope (title + first 5 sentences), DCT tokens left out`,
      ],
    };
  },
};
