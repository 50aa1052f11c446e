/**
 * `dateline eval events-sample`: re-scores the hand-checked sample of 50 events from BBC politics and
 * the crisis timelines (test-fixtures/events-sample/sample.jsonl; drawn by scripts/events-sample-draw.mjs).
 * It re-runs the pipeline on the sampled articles, finds each sampled event again by its evidence
 * sentence, and reports the share real / typed / placed / dated / counted right per the stored verdicts,
 * listing the events that changed or were dropped so they can be re-checked and the sample extended.
 * The sample is held-out: it was checked by hand and no rule was tuned on it.
 */
import { stringFlag } from '../cli/args.js';
import { packagePath } from '../core/paths.js';
import { loadSampleDoc, runDocs, type SampleDoc } from './events-sample-docs.js';
import { evidenceText, systemSaid } from './events-sample-said.js';
import { rescoreRow, shares, type FoundEvent, type Outcome, type SampleRow } from './events-sample-score.js';
import type { EvalReport, EvalTask } from './types.js';
import { readJsonLines } from './jsonl.js';

export const SAMPLE_FILE = packagePath('test-fixtures', 'events-sample', 'sample.jsonl');

export function readSample(path = SAMPLE_FILE): SampleRow[] {
  return readJsonLines<SampleRow>(path);
}

const ratio = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 1000 : 0);

export const eventsSampleTask: EvalTask = {
  name: 'events-sample',
  summary: 'Hand-checked sample of 50 BBC + crisis events: share real, typed, placed, dated, counted right',
  usage: 'dateline eval events-sample [--sample FILE]',
  async run(args) {
    const file = stringFlag(args, 'sample') ?? SAMPLE_FILE;
    const rows = readSample(file);
    const docs = new Map<string, SampleDoc>();
    const missing: string[] = [];
    for (const row of rows) {
      if (docs.has(row.path)) continue;
      const doc = loadSampleDoc(row.path);
      if (doc) docs.set(row.path, doc);
      else missing.push(row.path);
    }
    const runs = runDocs([...docs.values()]);
    const notes: string[] = [];
    const outcomes: Outcome[] = rows.map((row) => {
      const run = runs.get(row.path);
      if (run && run.id !== row.id) notes.push(`${row.path}: article text changed (id ${run.id}, sampled ${row.id})`);
      const found: FoundEvent[] = (run?.events ?? []).map((e) => ({ evidence: evidenceText(run!.text, e), said: systemSaid(e) }));
      return rescoreRow(row, found);
    });
    const byField = shares(rows, outcomes);
    const dropped = rows.filter((_, i) => outcomes[i]!.status === 'dropped');
    const metrics: Record<string, number> = {
      sampled: rows.length,
      found: rows.length - dropped.length,
      dropped_not_real: dropped.filter((r) => !r.verdict.real).length,
      dropped_real: dropped.filter((r) => r.verdict.real).length,
    };
    for (const [field, s] of Object.entries(byField)) {
      metrics[field] = ratio(s.right, s.judged);
      metrics[`${field}_changed`] = s.changed;
    }
    const groups = new Map<string, { real: number; judged: number }>();
    outcomes.forEach((o, i) => {
      const row = rows[i]!;
      if (o.status !== 'found' || o.changed.includes('real')) return;
      for (const g of [row.source, ...(row.said.acled ? ['ACLED-typed'] : [])]) {
        const cell = groups.get(g) ?? { real: 0, judged: 0 };
        cell.judged++;
        if (row.verdict.real) cell.real++;
        groups.set(g, cell);
      }
    });
    for (const [g, c] of groups) metrics[`real_${g.replace(/\W+/g, '_').toLowerCase()}`] = ratio(c.real, c.judged);
    const changes: Array<Array<string | number>> = [];
    outcomes.forEach((o, i) => {
      const row = rows[i]!;
      if (o.status === 'dropped') changes.push([row.n, row.path, row.said.trigger, 'dropped', row.verdict.real ? 'was real' : 'was not real']);
      else if (o.changed.length) changes.push([row.n, row.path, row.said.trigger, o.changed.join(', '), JSON.stringify(o.now)]);
    });
    if (missing.length) notes.push(`articles not found under ../shared/data: ${missing.join(', ')}`);
    const report: EvalReport = {
      task: 'events-sample',
      data: `${file} (${rows.length} hand-checked events; held-out)`,
      tables: [
        {
          title: 'Share right per the stored verdicts (found events whose judged fields are unchanged)',
          columns: ['field', 'right', 'judged', 'share', 'changed (re-check)'],
          rows: Object.entries(byField).map(([field, s]) => [field, s.right, s.judged, ratio(s.right, s.judged), s.changed]),
        },
        {
          title: 'Share real by source and for ACLED-typed events',
          columns: ['group', 'real', 'judged', 'share'],
          rows: [...groups].map(([g, c]) => [g, c.real, c.judged, ratio(c.real, c.judged)]),
        },
        { title: 'Sampled events that changed or were dropped', columns: ['n', 'article', 'trigger', 'change', 'now'], rows: changes },
      ],
      metrics,
      notes,
    };
    return report;
  },
};
