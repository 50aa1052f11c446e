/**
 * Paths (files, directories walked recursively, `-` for stdin) → batches of articles.
 *
 * One batch per file (JSONL files stream in batches of `batchSize` records so memory stays flat).
 * Every problem becomes a diagnostic naming the file and line/record; nothing here throws on content.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname, join } from 'node:path';
import type { Article, InputFormat } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { decodeBytes, looksBinary, utf16Evidence } from './decode.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { parseHtml } from './html.js';
import { parseJsonDocument, parseJsonLine, type FieldMap } from './json.js';
import { isSeedFormat, parseMarkdown, parsePlainText, parseSeed, type Parsed, type TextInput } from './text.js';

export interface SourceInfo {
  file: string;
  format: InputFormat | 'unknown';
  bytes: number;
  /** The decoded input as received (before any reduction to article text); kept by the store. */
  raw: string | null;
}

export interface Batch {
  source: SourceInfo;
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Bytes of the source consumed through this batch (a streamed JSONL file's position); absent when the whole source is read at once. */
  read?: number;
}

export interface ReadOptions {
  /** Largest file read whole, in bytes. JSONL streams and is limited per line instead. */
  maxBytes?: number;
  fields?: FieldMap;
  /** Force a format instead of detecting it. */
  format?: InputFormat;
  /** Records per batch for streamed JSONL. */
  batchSize?: number;
  /** Characters of JSONL lines per batch, so batches of long records stay small in memory. */
  batchChars?: number;
  /** Keep raw source text on batches (the store keeps it; benchmarks may not want it). */
  keepRaw?: boolean;
  /** Read stdin from this stream instead of process.stdin (tests). */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** A batch's articles and all their layers are held until its transaction; this bounds that. */
export const DEFAULT_BATCH_CHARS = 256 * 1024;
const KNOWN_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.json', '.jsonl', '.ndjson', '.html', '.htm', '.xhtml', '.xml', '.rss', '.atom']);

/** A folder's own documentation (README.md, LICENSE, …) is not an article; only skipped in directory walks. */
const DOCUMENTATION_FILE = /^(readme|license|licence|copying|changelog|notice|contributing)(\.[a-z]+)?$/i;

export function formatFromExtension(file: string): InputFormat | null {
  switch (extname(file).toLowerCase()) {
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.json':
      return 'json';
    case '.html':
    case '.htm':
    case '.xhtml':
      return 'html';
    case '.rss':
      return 'rss';
    case '.atom':
      return 'atom';
    default:
      return null;
  }
}

/** Format from content when the extension does not say (or for stdin). */
export function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // JSON Lines when the first line is a whole JSON value and more follows (even if a later line is bad).
    const body = text.trim();
    const newline = body.indexOf('\n');
    if (newline < 0) return 'json';
    try {
      JSON.parse(body.slice(0, newline));
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  const feed = looksLikeFeed(head);
  if (feed) return feed;
  if (/^<!doctype html|^<html[\s>]|<body[\s>]/i.test(head)) return 'html';
  if (isSeedFormat(text)) return 'seed';
  if (/^---\n[\s\S]*?\n---\n/.test(text) || /^#{1,6}\s/.test(head)) return 'markdown';
  return 'text';
}

/**
 * Parse decoded text in a known format. Bad content gives diagnostics, never an exception; should a
 * parser still throw (a bug, or a library failing on some input), the file is reported and the batch
 * goes on rather than the whole run dying on one file.
 */
export function parseText(input: TextInput, format: InputFormat, fields: FieldMap = {}): Parsed {
  try {
    return parseTextUnguarded(input, format, fields);
  } catch (error) {
    return {
      articles: [],
      diagnostics: [
        {
          severity: 'error',
          code: 'INGEST_FAILED',
          message: `could not be parsed as ${format} (${(error as Error).name}: ${(error as Error).message}); skipped — please report this input`,
          where: { file: input.file },
        },
      ],
    };
  }
}

function parseTextUnguarded(input: TextInput, format: InputFormat, fields: FieldMap): Parsed {
  switch (format) {
    case 'seed':
      return parseSeed(input);
    case 'text':
      return isSeedFormat(input.text) ? parseSeed(input) : parsePlainText(input);
    case 'markdown':
      return parseMarkdown(input);
    case 'json':
      return parseJsonDocument(input, fields);
    case 'jsonl': {
      const articles: Article[] = [];
      const diagnostics: Diagnostic[] = [];
      let record = 0;
      input.text.split('\n').forEach((line, i) => {
        const result = parseJsonLine(line, i + 1, record + 1, input.file, input.normalizations, fields);
        if (!result) return;
        record++;
        if (result.article) articles.push(result.article);
        diagnostics.push(...result.diagnostics);
      });
      return { articles, diagnostics };
    }
    case 'html':
      return parseHtml(input);
    case 'rss':
    case 'atom':
      return parseFeed(input);
  }
}

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a component of the path is not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** `ENOENT (no such file or directory)`: the code to search for and words to read, without the path again. */
function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return (error as Error).message;
  return ERRNO[code] ? `${code} (${ERRNO[code]})` : code;
}

function failure(file: string, code: string, message: string, bytes = 0): Batch {
  return {
    source: { file, format: 'unknown', bytes, raw: null },
    articles: [],
    diagnostics: [{ severity: 'error', code, message, where: { file } }],
  };
}

/**
 * A stream (stdin, a pipe, a device) read up to `limit` bytes: past it, reading stops at once and
 * `over` is true, so `/dev/zero` or a huge pipe costs at most the limit in memory.
 */
async function readLimited(stream: NodeJS.ReadableStream, limit: number): Promise<{ bytes: Buffer; over: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return { bytes: Buffer.alloc(0), over: true };
    }
    chunks.push(b);
  }
  return { bytes: Buffer.concat(chunks), over: false };
}

/** One input that is not a regular file (stdin, a pipe, a character device), read within the limit. */
async function readStream(name: string, open: () => NodeJS.ReadableStream, options: ReadOptions): Promise<Batch> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let read: { bytes: Buffer; over: boolean };
  try {
    read = await readLimited(open(), limit);
  } catch (error) {
    return failure(name, 'INGEST_UNREADABLE', `cannot read: ${readError(error)}`);
  }
  if (read.over) return failure(name, 'INGEST_TOO_LARGE', `more than ${limit} bytes (--max-bytes); stopped reading and skipped`, limit);
  return parseBytes(read.bytes, name, options);
}

/** What a path that is neither a file nor a directory is, for the message that skips or reads it. */
function specialKind(stat: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string | null {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return null;
}

/** Decode and parse one whole input. */
export function parseBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Batch {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return failure(file, decoded.code, `${decoded.message}; skipped`, bytes.length);
  const format = options.format ?? formatFromExtension(file) ?? sniffFormat(decoded.text);
  const parsed = parseText({ text: decoded.text, file, normalizations: decoded.normalizations }, format, options.fields);
  const notes: Diagnostic[] = (decoded.notes ?? []).map((n) => ({
    severity: n.severity,
    code: n.code,
    message: n.message,
    where: { file, ...(n.line !== undefined ? { line: n.line } : {}) },
  }));
  return {
    source: { file, format, bytes: bytes.length, raw: options.keepRaw === false ? null : (decoded.raw ?? decoded.text) },
    articles: parsed.articles,
    diagnostics: [...notes, ...parsed.diagnostics],
  };
}

/** Lines judged before a file whose opening bytes look binary, and none of whose lines parsed, is given up whole. */
const BINARY_JSONL_PROBE_LINES = 20;

async function* streamJsonl(file: string, size: number, options: ReadOptions, binaryHead = false): AsyncGenerator<Batch> {
  const batchSize = options.batchSize ?? 500;
  const batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
  let chars = 0;
  const fields = options.fields ?? {};
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let articles: Article[] = [];
  let diagnostics: Diagnostic[] = [];
  let rawLines: string[] = [];
  let lineNumber = 0;
  let record = 0;
  let read = 0;
  const source = (): SourceInfo => ({ file, format: 'jsonl', bytes: size, raw: options.keepRaw === false ? null : rawLines.join('\n') });
  for await (let line of rl) {
    lineNumber++;
    read += Buffer.byteLength(line) + 1;
    if (lineNumber === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) {
      diagnostics.push({ severity: 'error', code: 'INGEST_TOO_LARGE', message: `line of ${line.length} characters is over the ${options.maxBytes ?? DEFAULT_MAX_BYTES}-byte limit (--max-bytes); skipped`, where: { file, line: lineNumber } });
      continue;
    }
    let result: ReturnType<typeof parseJsonLine>;
    try {
      result = parseJsonLine(line, lineNumber, record + 1, file, [], fields);
    } catch (error) {
      result = {
        article: null,
        diagnostics: [{ severity: 'error', code: 'INGEST_FAILED', message: `record could not be parsed (${(error as Error).message}); skipped — please report this input`, where: { file, line: lineNumber, record: record + 1 } }],
      };
    }
    if (!result) continue;
    record++;
    if (binaryHead && !result.article && record >= BINARY_JSONL_PROBE_LINES && articles.length === 0 && record === diagnostics.length) {
      // Nothing but bad lines from a file that opens like binary data: one message, not one per line.
      rl.close();
      yield failure(file, 'INGEST_BINARY', `binary data (NUL or control bytes), not JSON Lines: none of its first ${record} lines is a record; skipped`, size);
      return;
    }
    rawLines.push(line);
    chars += line.length;
    if (result.article) articles.push(result.article);
    diagnostics.push(...result.diagnostics);
    if (articles.length + diagnostics.length >= batchSize || chars >= batchChars) {
      yield { source: source(), articles, diagnostics, read: Math.min(read, size) };
      articles = [];
      diagnostics = [];
      rawLines = [];
      chars = 0;
    }
  }
  if (binaryHead && record > 0 && record < BINARY_JSONL_PROBE_LINES && articles.length === 0 && record === diagnostics.length) {
    yield failure(file, 'INGEST_BINARY', `binary data (NUL or control bytes), not JSON Lines: none of its ${record} lines is a record; skipped`, size);
    return;
  }
  if (articles.length || diagnostics.length || record === 0) {
    if (record === 0) diagnostics.push({ severity: 'error', code: 'INGEST_EMPTY', message: 'no JSON lines; skipped', where: { file } });
    yield { source: source(), articles, diagnostics };
  }
}

async function* readFile(file: string, options: ReadOptions): AsyncGenerator<Batch> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    yield failure(file, 'INGEST_UNREADABLE', `cannot read: ${readError(error)}`);
    return;
  }
  const format = options.format ?? formatFromExtension(file);
  // JSONL streams as UTF-8 text, judged line by line: a NUL or stray bytes on one line cost that line
  // only. A file whose byte-order mark is borne out by its bytes (utf16Evidence) is UTF-16: read whole.
  if (format === 'jsonl' && stat.isFile()) {
    const head = await peek(file, 65536);
    const le = head[0] === 0xff && head[1] === 0xfe;
    const utf16 = (le || (head[0] === 0xfe && head[1] === 0xff)) && utf16Evidence(head.subarray(2), le ? 'le' : 'be');
    if (!utf16) {
      yield* streamJsonl(file, stat.size, options, looksBinary(head));
      return;
    }
  }
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (stat.size > limit) {
    yield failure(file, 'INGEST_TOO_LARGE', `${stat.size} bytes, over the ${limit}-byte limit (--max-bytes); skipped`, stat.size);
    return;
  }
  // Read and parsed in a function of its own: the bytes are not held while the batch is analysed and
  // stored (a 30 MB file's bytes stayed alive across this generator's yield).
  yield await readWhole(file, options);
}

async function readWhole(file: string, options: ReadOptions): Promise<Batch> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return failure(file, 'INGEST_UNREADABLE', `cannot read: ${readError(error)}`);
  }
  return parseBytes(bytes, file, options);
}

/** The first `n` bytes of a file (fewer when it is shorter; none when it cannot be read). */
async function peek(file: string, n: number): Promise<Uint8Array> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return new Uint8Array(0);
  } finally {
    await handle?.close();
  }
}

async function* walk(dir: string, options: ReadOptions, seen: Set<string> = new Set()): AsyncGenerator<Batch> {
  // Symbolic links are followed (a corpus folder of links is common); each real directory is walked
  // once, so a link back up the tree cannot loop.
  try {
    const real = await fs.realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
  } catch {
    // readdir below reports it.
  }
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield failure(dir, 'INGEST_UNREADABLE', `cannot read directory: ${readError(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        yield failure(path, 'INGEST_UNREADABLE', `broken link: ${readError(error)}`);
        continue;
      }
    }
    if (isFile && DOCUMENTATION_FILE.test(entry.name)) {
      yield {
        source: { file: path, format: 'unknown', bytes: 0, raw: null },
        articles: [],
        diagnostics: [{ severity: 'info', code: 'INGEST_SKIPPED', message: 'documentation, not an article; skipped', where: { file: path } }],
      };
      continue;
    }
    if (isDirectory) yield* walk(path, options, seen);
    else if (!isFile) {
      // In a folder, a pipe or device is never read (a FIFO would wait for a writer forever).
      const kind = await fs.stat(path).then(specialKind, () => null);
      yield {
        source: { file: path, format: 'unknown', bytes: 0, raw: null },
        articles: [],
        diagnostics: [{ severity: 'warning', code: 'INGEST_SKIPPED', message: `${kind ?? 'not a regular file'}, not an article; skipped`, where: { file: path } }],
      };
    } else if (isFile) {
      const ext = extname(entry.name).toLowerCase();
      if (ext !== '' && !KNOWN_EXTENSIONS.has(ext)) {
        yield {
          source: { file: path, format: 'unknown', bytes: 0, raw: null },
          articles: [],
          diagnostics: [{ severity: 'info', code: 'INGEST_SKIPPED', message: 'not a known article format; skipped', where: { file: path } }],
        };
        continue;
      }
      yield* readFile(path, options);
    }
  }
}

/** Every batch from every path, in order. */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<Batch> {
  for (const path of paths) {
    if (path === '-') {
      yield await readStream('<stdin>', () => options.stdin ?? process.stdin, options);
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(path);
    } catch (error) {
      yield failure(path, 'INGEST_UNREADABLE', `cannot read: ${readError(error)}`);
      continue;
    }
    const special = specialKind(stat);
    if (stat.isDirectory()) yield* walk(path, options);
    else if (special === 'a named pipe (FIFO)' || special === 'a character device') {
      // Named explicitly (`/dev/stdin`, a pipe): read as a stream within --max-bytes.
      yield await readStream(path, () => createReadStream(path), options);
    } else if (special) yield failure(path, 'INGEST_UNREADABLE', `${special}, not a file; skipped`);
    else yield* readFile(path, options);
  }
}

/**
 * What `readInputs` will read, counted first for a progress bar: the files (as the walk takes them:
 * no dot-files, documentation or unknown extensions; each real directory once) and their bytes.
 * Stdin and pipes are not counted (their size is unknown).
 */
export async function inputTotals(paths: string[]): Promise<{ files: number; bytes: number }> {
  const totals = { files: 0, bytes: 0 };
  const seen = new Set<string>();
  const visit = async (path: string, top: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      const real = await fs.realpath(path).catch(() => path);
      if (seen.has(real)) return;
      seen.add(real);
      const names = await fs.readdir(path).catch(() => [] as string[]);
      for (const name of names) {
        if (name.startsWith('.')) continue;
        await visit(join(path, name), false);
      }
    } else if (stat.isFile()) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const ext = extname(name).toLowerCase();
      if (!top && (DOCUMENTATION_FILE.test(name) || (ext !== '' && !KNOWN_EXTENSIONS.has(ext)))) return;
      totals.files++;
      totals.bytes += stat.size;
    }
  };
  for (const path of paths) if (path !== '-') await visit(path, true);
  return totals;
}
