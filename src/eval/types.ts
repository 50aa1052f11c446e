/**
 * The evaluation harness: each task (ner, timex, quotes, geo, timeline) is one EvalTask registered in
 * registry.ts. `dateline eval <task> …` parses flags, calls `run`, prints the report's table and writes
 * its JSON (`--json` to stdout, or `--report FILE`).
 */
import type { ParsedArgs } from '../cli/args.js';

export interface EvalTable {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export interface EvalReport {
  task: string;
  /** Data that was scored, e.g. the file or folder and the split. */
  data: string;
  tables: EvalTable[];
  /** Headline figures, flat, e.g. `{ f1: 0.887, precision: …}`; what floors in CI gate on. */
  metrics: Record<string, number>;
  notes?: string[];
}

export interface EvalTask {
  name: string;
  summary: string;
  /** Usage line shown by `dateline eval <task> --help`. */
  usage: string;
  run(args: ParsedArgs): Promise<EvalReport>;
}
