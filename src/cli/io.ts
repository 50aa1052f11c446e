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

export function processIO(): CliIO {
  quietOnClosedPipe(process.stdout);
  const isTTY = Boolean(process.stderr.isTTY);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (text) => {
      if (isTTY) process.stderr.write(`\r\x1b[2K${text}`);
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
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
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
  const cells = [columns, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: Array<string | number>) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 1 ? n.toFixed(3) : n.toFixed(1);
}
