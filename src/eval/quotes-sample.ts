/**
 * `dateline eval quotes-sample [--split test|dev|all]`: re-scores the hand-checked quote sample (BBC politics
 * + recent news, test-fixtures/quotes-sample/sample.jsonl; drawn by scripts/quotes-sample-draw.mjs). It re-runs
 * the pipeline on the sampled articles, finds each judged quote again by its content span and reports content
 * precision, speaker accuracy on right contents, end-to-end precision (both right) and, on the fully annotated
 * articles, recall — beside PolNeAR's held-out figures. Default split: test (held out; dev is for error classes).
 */
import { stringFlag } from '../cli/args.js';
import { DatelineError } from '../core/errors.js';
import { packagePath } from '../core/paths.js';
import { loadQuoteDoc, runQuoteDocs, type QuoteDoc } from './quotes-sample-docs.js';
import { emptyTally, scoreRow, tallyMetrics, type QuoteSampleRow } from './quotes-sample-score.js';
import type { EvalReport, EvalTask } from './types.js';
import { readJsonLines } from './jsonl.js';

export const QUOTE_SAMPLE_FILE = packagePath('test-fixtures', 'quotes-sample', 'sample.jsonl');

/** PolNeAR held-out figures of `dateline eval quotes` (README "Figures"), shown beside the sample's. */
const POLNEAR = { e2e_f1: 0.824, content_f1: 0.862, speaker_accuracy: 0.953 };

export function readQuoteSample(path = QUOTE_SAMPLE_FILE): QuoteSampleRow[] {
  return readJsonLines<QuoteSampleRow>(path);
}

export const quotesSampleTask: EvalTask = {
  name: 'quotes-sample',
  summary: 'Hand-checked quotes of 40 BBC politics + recent news articles: content, speaker, end-to-end, recall',
  usage: 'dateline eval quotes-sample [--split test|dev|all] [--sample FILE]',
  async run(args) {
    const file = stringFlag(args, 'sample') ?? QUOTE_SAMPLE_FILE;
    const split = stringFlag(args, 'split') ?? 'test';
    if (!['test', 'dev', 'all'].includes(split)) throw new DatelineError('USAGE', { message: `--split must be test, dev or all, got '${split}'` });
    const rows = readQuoteSample(file).filter((r) => split === 'all' || r.split === split);
    const docs: QuoteDoc[] = [];
    const notes: string[] = [];
    for (const row of rows) {
      const doc = loadQuoteDoc(row.path);
      if (doc) docs.push(doc);
      else notes.push(`article not found under ../shared/data: ${row.path}`);
    }
    const runs = runQuoteDocs(docs);
    const all = emptyTally();
    const bySource = new Map<string, ReturnType<typeof emptyTally>>();
    for (const row of rows) {
      const run = runs.get(row.path);
      if (!run) continue;
      if (run.id !== row.id) notes.push(`${row.path}: article text changed (id ${run.id}, sampled ${row.id})`);
      scoreRow(row, run.quotes, all);
      const own = bySource.get(row.source) ?? emptyTally();
      scoreRow(row, run.quotes, own);
      bySource.set(row.source, own);
    }
    const metrics = tallyMetrics(all);
    const cols = ['content_precision', 'speaker_accuracy', 'e2e_precision', 'content_recall', 'e2e_recall', 'e2e_f1', 'quotes_judged', 'gold_full_articles', 'articles', 'articles_speaker_wrong'];
    const bySrc = [...bySource].map(([s, t]) => { const m = tallyMetrics(t); return [s, ...cols.map((c) => m[c]!)]; });
    const report: EvalReport = {
      task: 'quotes-sample',
      data: `${file}, split ${split}: ${rows.length} articles (${rows.filter((r) => r.full).length} fully annotated)`,
      tables: [
        { title: 'Hand-checked quotes (found quotes whose judged parts are unchanged)', columns: ['group', ...cols], rows: [['all', ...cols.map((c) => metrics[c]!)], ...bySrc] },
        {
          title: 'Beside PolNeAR held-out (dateline eval quotes; overlap ≥ 0.3, speech recall)',
          columns: ['figure', 'this sample', 'PolNeAR'],
          rows: [
            ['end-to-end F1', metrics.e2e_f1!, POLNEAR.e2e_f1],
            ['speaker accuracy (right contents)', metrics.speaker_accuracy!, POLNEAR.speaker_accuracy],
            ['content precision / PolNeAR content F1', metrics.content_precision!, POLNEAR.content_f1],
          ],
        },
        { title: 'To re-check (speaker changed, or quotes not in the sample)', columns: ['quote'], rows: all.recheck.map((r) => [r]) },
      ],
      metrics,
      notes,
    };
    return report;
  },
};
