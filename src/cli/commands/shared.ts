import type { InputFormat } from '../../core/article.js';
import { DatelineError } from '../../core/errors.js';
import type { FieldMap, FieldName } from '../../ingest/json.js';
import { dbLabel, open } from '../../api/dateline.js';
import type { ReadStore } from '../../store/queries.js';
import { isCalendarDate, stringFlag, type ParsedArgs } from '../args.js';
import { DEFAULT_DB } from '../command.js';

const FORMATS: InputFormat[] = ['seed', 'text', 'markdown', 'json', 'jsonl', 'html', 'rss', 'atom'];
const FIELDS: FieldName[] = ['title', 'text', 'date', 'url', 'source', 'byline', 'language'];

export function formatFlag(args: ParsedArgs): InputFormat | undefined {
  const f = stringFlag(args, 'format');
  if (f === undefined) return undefined;
  if (!FORMATS.includes(f as InputFormat)) throw new DatelineError('USAGE', { message: `--format must be one of ${FORMATS.join('|')}, got '${f}'` });
  return f as InputFormat;
}

export function fieldMap(specs: string[]): FieldMap {
  const map: FieldMap = {};
  for (const spec of specs) {
    const m = /^(\w+)=(.+)$/.exec(spec);
    if (!m || !FIELDS.includes(m[1] as FieldName)) {
      throw new DatelineError('USAGE', { message: `--field takes NAME=KEY with NAME one of ${FIELDS.join('|')}, got '${spec}'` });
    }
    map[m[1] as FieldName] = m[2];
  }
  return map;
}

export function dbPath(args: ParsedArgs): string {
  return stringFlag(args, 'db') ?? process.env.DATELINE_DB ?? DEFAULT_DB;
}

/** The database as messages name it (a PostgreSQL URL without its password). */
export function dbShown(args: ParsedArgs): string {
  return dbLabel(dbPath(args));
}

export function openDb(args: ParsedArgs, readonly = false): ReadStore {
  return open(dbPath(args), { readonly });
}

/** A `YYYY-MM-DD` flag, or undefined; anything else is a usage error. */
export function dayFlag(args: ParsedArgs, name: string): string | undefined {
  const v = stringFlag(args, name);
  if (v !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v))) throw new DatelineError('USAGE', { message: `--${name} must be YYYY-MM-DD, got '${v}'` });
  return v;
}
