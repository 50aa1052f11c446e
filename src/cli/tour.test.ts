// The README tour, run as written against the database `npm start` builds (`dateline demo` over samples/):
// every command must succeed and show something, so the tour and the demo corpus cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from './main.js';
import { captureIO } from './io.js';
import { EXIT } from './command.js';
import { packagePath } from '../core/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-tour-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'demo.db');

/** Commands the test cannot run as a one-shot here: a server, and an eval that needs ../shared. */
const NOT_ONE_SHOT = new Set(['serve', 'eval']);
/** What a command prints when it found nothing. */
const FOUND_NOTHING = /\bno (article|entity|quotes?|events?|story)\b|no quotes match|\b0 of 0\b|^0 /i;

/** Shell words of one command line: single and double quotes, no expansions. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

interface TourCommand {
  line: string;
  argv: string[];
  stdinFile?: string;
}

function tourCommands(): TourCommand[] {
  const readme = readFileSync(packagePath('README.md'), 'utf8');
  const block = /## A tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README has a tour block');
  const out: TourCommand[] = [];
  for (const raw of block[1]!.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const piped = /^cat (\S+) \| (.*)$/.exec(line);
    const words = shellWords(piped ? piped[2]! : line);
    if (words[0] !== 'npx' || words[1] !== 'dateline' || NOT_ONE_SHOT.has(words[2]!)) continue;
    out.push({ line, argv: words.slice(2), ...(piped ? { stdinFile: piped[1]! } : {}) });
  }
  return out;
}

/** Paths in the tour are relative to the checkout; the output file goes to the temp dir. */
function resolveArgs(argv: string[]): string[] {
  return argv.map((a, i) => {
    if (argv[i - 1] === '--out') return join(dir, a);
    return a.startsWith('samples/') ? packagePath(a) : a;
  });
}

async function run(argv: string[], stdin?: string) {
  const io = captureIO(stdin === undefined ? undefined : Readable.from([stdin]));
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

test('README tour: every command finds something in the demo database', async () => {
  const demo = await run(['demo', '--db', db]);
  assert.equal(demo.code, EXIT.OK, demo.err);
  const commands = tourCommands();
  assert.ok(commands.length >= 12, `tour commands found: ${commands.length}`);
  for (const c of commands) {
    const argv = resolveArgs(c.argv);
    const withDb = argv[0] === 'analyze' ? argv : [...argv, '--db', db];
    const stdin = c.stdinFile ? readFileSync(packagePath(c.stdinFile), 'utf8') : undefined;
    const r = await run(withDb, stdin);
    assert.equal(r.code, EXIT.OK, `${c.line}\n${r.err}`);
    assert.ok(`${r.out}${r.err}`.trim().length > 0, `${c.line} printed nothing`);
    assert.doesNotMatch(r.out.split('\n')[0]!, FOUND_NOTHING, `${c.line} found nothing:\n${r.out.slice(0, 300)}`);
    const out = argv.indexOf('--out');
    if (out >= 0) assert.ok(existsSync(argv[out + 1]!), `${c.line} wrote no file`);
  }
});
