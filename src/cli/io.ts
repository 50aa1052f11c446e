/** Output for commands: injectable so tests capture it; colour only on a TTY and never with NO_COLOR. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Rewrites the current stderr line (progress); a no-op when stderr is not a TTY. */
  progress(text: string): void;
  isTTY: boolean;
  color: boolean;
  stdin?: NodeJS.ReadableStream;
}

/** `dateline … | head` closes stdout early: that is the reader's choice, not an error worth a stack trace. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Our own colour codes (see `paint`): the only escape sequences let through, and only with colour on. */
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\x1b\[(?:1|2|22|31|32|33|36|39)m/g;
/**
 * C0 controls but tab, newline and the carriage return of a CRLF line end (CSV's; a lone one could
 * overwrite the line), DEL, C1 controls, and bidi overrides that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
const SGR_MARK = '\u{F8FF}';

/**
 * Text as it may reach a terminal: control characters from titles, article text or file names
 * (a hostile feed could clear the screen, move the cursor or rewrite a line) become U+FFFD, or
 * \u escapes in JSON output.
 */
export function terminalSafe(text: string, color = false): string {
  // JSON output keeps its data: the characters are written as \u escapes (raw C0 cannot occur in JSON text).
  if (/^\s*[[{]/.test(text)) return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (!color) return text.replace(UNSAFE, '\uFFFD');
  const own: string[] = [];
  const marked = text.replace(OWN_SGR, (m) => {
    own.push(m);
    return SGR_MARK;
  });
  let i = 0;
  return marked.replace(UNSAFE, '\uFFFD').replace(new RegExp(SGR_MARK, 'gu'), (m) => (i < own.length ? own[i++] : m));
}

/** One field on one line: newlines and tabs inside a title or message cannot forge output lines. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ');
}

export function processIO(): CliIO {
  quietOnClosedPipe(process.stdout);
  const isTTY = Boolean(process.stderr.isTTY);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return {
    out: (raw) => {
      const text = terminalSafe(raw, color);
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    err: (raw) => {
      const text = terminalSafe(raw, color);
      process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    progress: (text) => {
      if (isTTY) process.stderr.write(`\r\x1b[2K${terminalSafe(oneLine(text))}`);
    },
    isTTY,
    color,
    stdin: process.stdin,
  };
}

export interface CapturedIO extends CliIO {
  stdout: string[];
  stderr: string[];
}

export function captureIO(stdin?: NodeJS.ReadableStream): CapturedIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(terminalSafe(t)),
    err: (t) => stderr.push(terminalSafe(t)),
    progress: () => {},
    isTTY: false,
    color: false,
    stdin,
  };
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

export function paint(io: CliIO, style: keyof typeof CODES, text: string): string {
  if (!io.color) return text;
  const [open, close] = CODES[style];
  return `\x1b[${open}m${text}\x1b[${close}m`;
}

/** A plain fixed-width table. */
export function table(columns: string[], rows: Array<Array<string | number>>): string {
  const cells = [columns, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : oneLine(String(c ?? '')))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: Array<string | number>) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 1 ? n.toFixed(3) : n.toFixed(1);
}
