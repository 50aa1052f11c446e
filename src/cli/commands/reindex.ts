import { reindex } from '../../api/reindex.js';
import { stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { dbShown, openDb } from './shared.js';

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'Analyse again the stored articles whose layers an older component version made',
  usage: `dateline reindex [--db PATH] [--dry-run] [--component NAME] [--json]
  Finds articles whose recorded component versions differ from the current pipeline's (or, with
  --component, that one component's), runs the pipeline on their stored text and rewrites their layers,
  then files entity totals, merged events and stories again. --dry-run only counts them.`,
  flags: { values: ['db', 'component'], booleans: ['dry-run'] },
  async run(args, io) {
    const store = openDb(args);
    try {
      const component = stringFlag(args, 'component');
      const dryRun = args.flags['dry-run'] === true;
      const summary = reindex(store, {
        dryRun,
        ...(component !== undefined ? { component } : {}),
        onBatch: (done, total) => io.progress(`reindexed ${done}/${total}`),
      });
      if (args.flags.json) {
        io.out(JSON.stringify({ db: dbShown(args), dryRun, ...summary }, null, 2));
        return EXIT.OK;
      }
      const what = component !== undefined ? `component ${component}` : 'components';
      io.out(`${dbShown(args)}: ${summary.stale} article${summary.stale === 1 ? '' : 's'} with stale ${what}`);
      if (dryRun) io.out(`dry run: nothing written${summary.resumed ? ' (entity totals, merged events and stories are marked for rebuild)' : ''}`);
      else io.out(`${summary.reindexed} reindexed in ${summary.batches} batch${summary.batches === 1 ? '' : 'es'}; events and stories ${summary.rebuilt ? 'rebuilt' : 'unchanged'}`);
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
