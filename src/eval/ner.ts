/**
 * `dateline eval ner --conll FILE [--out PRED] [--model FILE] [--window FILE|none]`: span-level NER scoring on CoNLL-2003
 * column files (conlleval-style: a predicted span counts only when its boundaries and type match the
 * gold exactly). With --out it writes `token gold predicted` lines (IOB2) that conlleval reads.
 *
 * Documents are tagged whole (the model uses document-level evidence), one -DOCSTART- block at a time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { DatelineError } from '../core/errors.js';
import { iobToSpans, parseConll, scoreSpans, spansToIob, type ConllDocument } from '../entities/conll.js';
import { TYPES, normalizeForm, type TokenSpan } from '../entities/features.js';
import { DEFAULT_MODEL_PATH, defaultNerModel, loadNerModelFrom, type NerModel } from '../entities/model.js';
import type { EvalReport, EvalTask } from './types.js';

/** Tags CoNLL documents; returns predicted spans per sentence per document. */
export function tagConll(model: NerModel, docs: readonly ConllDocument[]): TokenSpan[][][] {
  return docs.map((d) => model.tagDocument(d.sentences.map((s) => s.tokens.map(normalizeForm))));
}

const pct = (x: number): number => Math.round(x * 10000) / 100;

export const nerEval: EvalTask = {
  name: 'ner',
  summary: 'Named entities (PER/ORG/LOC/MISC) on CoNLL-2003 columns: exact-span P/R/F1',
  usage: 'dateline eval ner --conll FILE [--out PRED] [--model MODEL.bin.gz] [--window WINDOW.bin.gz|none]',
  async run(args: ParsedArgs): Promise<EvalReport> {
    const file = stringFlag(args, 'conll');
    if (file === undefined) throw new DatelineError('USAGE', { message: 'eval ner needs --conll FILE' });
    if (!existsSync(file)) throw new DatelineError('EVAL_INPUT', { message: `no such file: ${file}` });
    const modelPath = stringFlag(args, 'model');
    const t0 = performance.now();
    // --window: the window network added to the perceptron (window-net.ts); `none` for the perceptron alone.
    // Default: models/ner/window.bin.gz with the shipped model, none with another --model.
    const window = stringFlag(args, 'window');
    const windowPath = window === undefined || window === 'none' ? null : window;
    const model =
      modelPath === undefined && window === undefined ? defaultNerModel() : loadNerModelFrom(modelPath ?? DEFAULT_MODEL_PATH, undefined, windowPath);
    const loadMs = performance.now() - t0;
    const docs = parseConll(readFileSync(file, 'utf8'));
    if (docs.length === 0) throw new DatelineError('EVAL_INPUT', { message: `${file} holds no CoNLL sentences` });
    const t1 = performance.now();
    const predicted = tagConll(model, docs);
    const tagMs = performance.now() - t1;
    const gold = docs.map((d) => d.sentences.map((s) => iobToSpans(s.tags)));
    const score = scoreSpans(gold.flat(), predicted.flat());
    const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
    const out = stringFlag(args, 'out');
    if (out !== undefined) {
      const lines: string[] = [];
      docs.forEach((d, di) =>
        d.sentences.forEach((s, si) => {
          const goldTags = spansToIob(s.tokens.length, gold[di][si]);
          const predTags = spansToIob(s.tokens.length, predicted[di][si]);
          s.tokens.forEach((tok, i) => lines.push(`${tok} ${goldTags[i]} ${predTags[i]}`));
          lines.push('');
        }),
      );
      writeFileSync(out, lines.join('\n'));
    }
    const rows: Array<Array<string | number>> = TYPES.map((type) => {
      const s = score.byType[type];
      return [type, pct(s.precision), pct(s.recall), pct(s.f1), s.gold, s.predicted];
    });
    const o = score.overall;
    rows.push(['overall', pct(o.precision), pct(o.recall), pct(o.f1), o.gold, o.predicted]);
    const metrics: Record<string, number> = {
      precision: o.precision,
      recall: o.recall,
      f1: o.f1,
      tokens,
      tokensPerSecond: Math.round((tokens / tagMs) * 1000),
      loadMs: Math.round(loadMs),
    };
    for (const type of TYPES) metrics[`f1_${type}`] = score.byType[type].f1;
    return {
      task: 'ner',
      data: file,
      tables: [{ title: 'Exact-match spans', columns: ['type', 'P', 'R', 'F1', 'gold', 'predicted'], rows }],
      metrics,
      notes: [
        `${tokens} tokens in ${docs.length} documents tagged in ${Math.round(tagMs)} ms (${metrics.tokensPerSecond} tokens/s: one cold pass, wall clock, one thread); model load ${Math.round(loadMs)} ms`,
      ],
    };
  },
};
