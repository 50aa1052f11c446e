import type { FlagSpec, ParsedArgs } from './args.js';
import type { CliIO } from './io.js';

/** Exit codes, documented in `dateline --help` and the README. */
export const EXIT = {
  OK: 0,
  /** Nothing could be done: no input ingested, an eval failed, a file could not be written. */
  FAILURE: 1,
  /** Bad usage: unknown command or option, missing argument. */
  USAGE: 2,
  /** The thing asked for is not in the database. */
  NOT_FOUND: 3,
  /** The database could not be opened or is newer than this program. */
  DATABASE: 4,
} as const;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export const DB_FLAG = 'db';
export const DEFAULT_DB = './dateline.db';
