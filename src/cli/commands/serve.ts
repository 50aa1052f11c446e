import { DatelineError } from '../../core/errors.js';
import { TOKEN_ENV } from '../../server/auth.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer } from '../../server/server.js';
import { boolFlag, numberFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { dbPath, dbShown } from './shared.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the JSON API (/api, /openapi.json) and the offline web UI over the database',
  usage: `dateline serve [--db PATH] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--allow-ingest] [--max-upload-mb 32] [--rate-limit 2000]
               [--search-budget-ms 2000] [--token SECRET] [--open-reads] [--allow-host NAME]

  Binds ${DEFAULT_HOST} unless --host says otherwise; read-only unless --allow-ingest (uploads then go
  through the same readers and pipeline as \`dateline ingest\`). --rate-limit is requests per second per
  client (0 turns it off). A search or facet count over --search-budget-ms answers 503.
  Any --host beyond loopback needs --token (or ${TOKEN_ENV}): every request must then carry
  "Authorization: Bearer SECRET" (a browser opens /?token=SECRET once); --open-reads lets reads
  through without it (writes never). --allow-host adds a DNS name the Host header may carry.
  Stops on Ctrl-C or SIGTERM (a second signal exits at once).`,
  flags: { values: ['db', 'port', 'host', 'max-upload-mb', 'rate-limit', 'search-budget-ms', 'token', 'allow-host'], booleans: ['allow-ingest', 'open-reads'] },
  async run(args, io) {
    const port = numberFlag(args, 'port', DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatelineError('USAGE', { message: `--port must be 0…65535, got ${port}` });
    const rate = numberFlag(args, 'rate-limit', 2000);
    const maxMb = numberFlag(args, 'max-upload-mb', 32);
    if (rate < 0) throw new DatelineError('USAGE', { message: `--rate-limit must be ≥ 0 (0 turns it off), got ${rate}` });
    if (!(maxMb > 0)) throw new DatelineError('USAGE', { message: `--max-upload-mb must be more than 0, got ${maxMb}` });
    const budget = numberFlag(args, 'search-budget-ms', 2000);
    if (!(budget > 0)) throw new DatelineError('USAGE', { message: `--search-budget-ms must be more than 0, got ${budget}` });
    const host = stringFlag(args, 'host') ?? DEFAULT_HOST;
    const token = stringFlag(args, 'token') ?? (process.env[TOKEN_ENV] || undefined);
    const allowHost = stringFlag(args, 'allow-host');
    const server = await startServer({
      db: dbPath(args),
      port,
      host,
      allowIngest: boolFlag(args, 'allow-ingest'),
      maxUploadBytes: Math.round(maxMb * 1024 * 1024),
      rateLimit: rate > 0 ? { perSecond: rate, burst: rate * 2.5 } : false,
      searchBudgetMs: budget,
      token,
      openReads: boolFlag(args, 'open-reads'),
      allowHosts: allowHost ? allowHost.split(',') : [],
    });
    io.out(`${paint(io, 'bold', 'dateline')} serving ${dbShown(args)} at ${paint(io, 'cyan', server.url)}  (API ${server.url}api/ · OpenAPI ${server.url}openapi.json)`);
    io.out(boolFlag(args, 'allow-ingest') ? 'uploads allowed (--allow-ingest)' : 'read-only (start with --allow-ingest to accept uploads)');
    if (!isLoopback(host)) {
      io.out(
        `listening beyond loopback on ${host}: ${boolFlag(args, 'open-reads') ? 'writes need' : 'every request needs'} the token (Authorization: Bearer …, or open /?token=… once in a browser); Host and Origin checks stay on`,
      );
    } else if (token !== undefined) io.out(`token required for ${boolFlag(args, 'open-reads') ? 'writes' : 'every request'}`);
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        // A second Ctrl-C / SIGTERM while closing: exit now.
        if (stopping) process.exit(130);
        stopping = true;
        void server.close().then(() => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.OK;
  },
};
