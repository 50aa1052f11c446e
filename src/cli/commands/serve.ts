import { DatelineError } from '../../core/errors.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../server/server.js';
import { boolFlag, numberFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint } from '../io.js';
import { dbPath } from './shared.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the JSON API (/api, /openapi.json) and the offline web UI over the database',
  usage: `dateline serve [--db PATH] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--allow-ingest] [--max-upload-mb 32] [--rate-limit 2000]

  Binds ${DEFAULT_HOST} unless --host says otherwise; read-only unless --allow-ingest (uploads then go
  through the same readers and pipeline as \`dateline ingest\`). --rate-limit is requests per second per
  client (0 turns it off). Stops on Ctrl-C.`,
  flags: { values: ['db', 'port', 'host', 'max-upload-mb', 'rate-limit'], booleans: ['allow-ingest'] },
  async run(args, io) {
    const port = numberFlag(args, 'port', DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatelineError('USAGE', { message: `--port must be 0…65535, got ${port}` });
    const rate = numberFlag(args, 'rate-limit', 2000);
    const maxMb = numberFlag(args, 'max-upload-mb', 32);
    if (rate < 0) throw new DatelineError('USAGE', { message: `--rate-limit must be ≥ 0 (0 turns it off), got ${rate}` });
    if (!(maxMb > 0)) throw new DatelineError('USAGE', { message: `--max-upload-mb must be more than 0, got ${maxMb}` });
    const server = await startServer({
      db: dbPath(args),
      port,
      host: stringFlag(args, 'host') ?? DEFAULT_HOST,
      allowIngest: boolFlag(args, 'allow-ingest'),
      maxUploadBytes: Math.round(maxMb * 1024 * 1024),
      rateLimit: rate > 0 ? { perSecond: rate, burst: rate * 2.5 } : false,
    });
    io.out(`${paint(io, 'bold', 'dateline')} serving ${dbPath(args)} at ${paint(io, 'cyan', server.url)}  (API ${server.url}api/ · OpenAPI ${server.url}openapi.json)`);
    io.out(boolFlag(args, 'allow-ingest') ? 'uploads allowed (--allow-ingest)' : 'read-only (start with --allow-ingest to accept uploads)');
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.OK;
  },
};
