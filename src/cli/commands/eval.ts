import { writeFileSync } from 'node:fs';
import { EVAL_TASKS, findEvalTask } from '../../eval/registry.js';
import { parseArgs, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { table } from '../io.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score a stage against gold data: dateline eval <task> … (ner, timex, quotes, geo, timeline)',
  usage: `dateline eval <task> [task flags] [--json] [--report FILE]

  Each task prints its tables and, with --json, one JSON result (--report FILE writes it to a file).
  Run 'dateline eval <task> --help' for a task's flags.`,
  // Task flags are parsed by the task itself, so accept anything here.
  flags: {},
  async run(args, io) {
    const [name] = args.positionals;
    const task = name ? findEvalTask(name) : undefined;
    if (!task) {
      io.err(name ? `eval: unknown task '${name}'` : 'eval: name a task');
      io.err(`tasks: ${EVAL_TASKS.map((t) => `${t.name} (${t.summary})`).join('; ') || 'none registered'}`);
      return EXIT.USAGE;
    }
    if (args.flags.help) {
      io.out(task.usage);
      return EXIT.OK;
    }
    const report = await task.run(args);
    const json = JSON.stringify(report, null, 2);
    const reportPath = stringFlag(args, 'report');
    if (reportPath) writeFileSync(reportPath, `${json}\n`);
    if (args.flags.json) io.out(json);
    else {
      io.out(`${report.task} on ${report.data}`);
      for (const t of report.tables) io.out(`\n${t.title}\n${table(t.columns, t.rows)}`);
      for (const n of report.notes ?? []) io.out(`note: ${n}`);
    }
    return EXIT.OK;
  },
};

/** Parse eval's argv leniently: every --flag with a following non-flag value is a value flag. */
export function parseEvalArgs(argv: string[]) {
  const values: string[] = [];
  const booleans: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || a.includes('=')) continue;
    const name = a.slice(2);
    if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.push(name);
    else booleans.push(name);
  }
  return parseArgs(argv, { values, booleans });
}
