import { dbLabel } from '../../api/dateline.js';
import { work } from '../../api/queue.js';
import { boolFlag, countFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { dbPath } from './shared.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Process queued ingest jobs (dateline ingest --queue) into a PostgreSQL database',
  usage: `dateline worker --db postgres://… [--until-empty] [--maintenance-s 30] [--json]

  Fetches one job at a time, analyses its articles (those not stored yet) and writes them in one
  transaction keyed by the job, so a retried job never doubles anything. Run as many workers as there
  are cores, on as many machines as share the database. --until-empty exits once nothing is queued or
  running (else the worker waits for work until Ctrl-C). Every --maintenance-s seconds a worker
  re-queues the jobs of workers that died (after the job timeout given to ingest --queue).`,
  flags: { values: ['db', 'maintenance-s'], booleans: ['until-empty'] },
  async run(args, io) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const started = Date.now();
    const cpu = process.cpuUsage();
    try {
      const summary = await work(dbPath(args), {
        untilEmpty: boolFlag(args, 'until-empty'),
        maintenanceSeconds: countFlag(args, 'maintenance-s', 30),
        signal: controller.signal,
        onJob: (s) => io.progress(`worker: ${s.jobs} jobs, ${s.inserted} new articles, ${s.duplicates} already stored, ${s.failed} failed`),
      });
      io.progress('');
      const used = process.cpuUsage(cpu);
      const seconds = (Date.now() - started) / 1000;
      const cpuSeconds = (used.user + used.system) / 1e6;
      if (args.flags.json) io.out(JSON.stringify({ db: dbLabel(dbPath(args)), ...summary, seconds, cpuSeconds }, null, 2));
      else io.out(`${paint(io, 'bold', 'worker')} done: ${summary.jobs} jobs, ${summary.inserted} new articles (${summary.duplicates} already stored, ${summary.failed} failed) in ${seconds.toFixed(1)} s`);
      return summary.failed > 0 ? EXIT.FAILURE : EXIT.OK;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
