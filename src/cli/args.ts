/**
 * A small, strict argv parser: `--flag value`, `--flag=value`, boolean `--flag`, repeated flags
 * collect into arrays, `--` ends flags, a lone `-` is a positional (stdin).
 * Which flags take a value is declared by the command, so `--json file.txt` cannot swallow a path.
 */
import { DatelineError } from '../core/errors.js';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

export interface FlagSpec {
  /** Flags that take a value. */
  values?: string[];
  /** Flags that are booleans. */
  booleans?: string[];
  /** Value flags that may repeat. */
  repeatable?: string[];
  /** Short aliases, e.g. { h: 'help' }. */
  aliases?: Record<string, string>;
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set([...(spec.booleans ?? []), 'help', 'json']);
  const repeatable = new Set(spec.repeatable ?? []);
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      const short = arg.slice(1);
      name = spec.aliases?.[short] ?? (short === 'h' ? 'help' : short);
    }
    if (booleans.has(name)) {
      if (inline !== undefined) throw new DatelineError('USAGE', { message: `--${name} takes no value` });
      flags[name] = true;
    } else if (values.has(name) || repeatable.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new DatelineError('USAGE', { message: `--${name} needs a value` });
      if (repeatable.has(name)) {
        const list = (flags[name] as string[] | undefined) ?? [];
        list.push(value);
        flags[name] = list;
      } else flags[name] = value;
    } else {
      throw new DatelineError('USAGE', { message: `unknown option --${name}` });
    }
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

export function listFlag(args: ParsedArgs, name: string): string[] {
  const v = args.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function numberFlag(args: ParsedArgs, name: string, fallback: number): number {
  const v = stringFlag(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new DatelineError('USAGE', { message: `--${name} must be a number, got '${v}'` });
  return n;
}

/**
 * A count flag (--limit, --offset, --max-bytes): a whole number ≥ 0. A negative or fractional value
 * is a usage error rather than a silent `slice(-5)` from the end or a SQLite LIMIT -1 (= no limit).
 */
export function countFlag(args: ParsedArgs, name: string, fallback: number): number {
  const n = numberFlag(args, name, fallback);
  if (!Number.isInteger(n) || n < 0) throw new DatelineError('USAGE', { message: `--${name} must be a whole number ≥ 0, got '${stringFlag(args, name)}'` });
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

export { isCalendarDate } from '../api/dates.js';
