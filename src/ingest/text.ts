/**
 * Plain text, the seed format (` date YYYY-MM-DD <headline>` first line) and Markdown.
 */
import { makeArticle, type Article, type InputFormat } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { matchDateline, rebaseDateline, splitDispatches } from './dispatches.js';
import { wordEquivalents } from './article-length.js';
import { normaliseDate } from './dates.js';

export interface Parsed {
  articles: Article[];
  diagnostics: Diagnostic[];
}

export interface TextInput {
  text: string;
  file: string;
  normalizations: string[];
}

// Matched against the trimmed first line: a lazy `(.*?)\s*$` on the raw line backtracked
// quadratically over long runs of spaces (4 s for a 40 KB first line, on every .txt read).
const SEED_HEADER = /^date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$/;

function seedHeader(text: string): RegExpExecArray | null {
  const newline = text.indexOf('\n');
  return SEED_HEADER.exec((newline < 0 ? text : text.slice(0, newline)).trim());
}

export function isSeedFormat(text: string): boolean {
  return seedHeader(text) !== null;
}

function countLinesBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Articles from (possibly glued) wire text. The first dispatch gets the header's title and date;
 * later dispatches carry the header date only as `inherited`, at low confidence — never as stated.
 */
function dispatchesToArticles(
  input: TextInput,
  body: { start: number; text: string },
  header: { title: string | null; date: string | null; dateSource: 'header' | 'metadata' },
  format: InputFormat,
): Parsed {
  const diagnostics: Diagnostic[] = [];
  const firstLine = countLinesBefore(input.text, body.start);
  const slices = splitDispatches(body.text, 0, firstLine);
  const articles = slices.map((slice, i) => {
    const text = body.text.slice(slice.start, slice.end);
    const first = i === 0;
    return makeArticle({
      text,
      origin: { file: input.file, format, line: slice.firstLine + 1 },
      title: first ? header.title : null,
      published: header.date,
      publishedSource: header.date === null ? 'unknown' : first ? header.dateSource : 'inherited',
      publishedConfidence: header.date === null ? 0 : first ? 1 : 0.2,
      dateline: rebaseDateline(slice.dateline, slice.start),
      normalizations: input.normalizations,
    });
  });
  if (articles.length === 0) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_TEXT', message: 'has no article text', where: { file: input.file } });
  }
  return { articles, diagnostics };
}

export function parseSeed(input: TextInput): Parsed {
  const newline = input.text.indexOf('\n');
  const m = seedHeader(input.text);
  if (!m) return parsePlainText(input);
  const bodyStart = newline < 0 ? input.text.length : newline + 1;
  // An impossible header date (2025-13-45) is not a date: say so and leave the articles undated.
  const date = normaliseDate(m[1]);
  const parsed = dispatchesToArticles(
    input,
    { start: bodyStart, text: input.text.slice(bodyStart) },
    { title: m[2] || null, date, dateSource: 'header' },
    'seed',
  );
  if (date === null) {
    parsed.diagnostics.unshift({
      severity: 'warning',
      code: 'INGEST_BAD_DATE',
      message: `header date '${m[1]}' is not a date; published left unknown`,
      where: { file: input.file, line: 1 },
    });
  }
  return parsed;
}

/**
 * Plain text: a short first line followed by a blank line, or one with no sentence-final punctuation
 * followed by more text, is the title. Glued dispatches are split as in the seed format.
 */
export function parsePlainText(input: TextInput): Parsed {
  const text = input.text;
  const leading = text.length - text.trimStart().length;
  const newline = text.indexOf('\n', leading);
  let title: string | null = null;
  let bodyStart = leading;
  if (newline > 0) {
    const first = text.slice(leading, newline).trim();
    const rest = text.slice(newline + 1);
    const blankAfter = /^[ \t]*\n/.test(rest);
    const headline =
      first.length <= 200 && !SENTENCE_END.test(first) && wordEquivalents(first) <= 25 && matchDateline(first) === null;
    if (rest.trim().length > 0 && headline && (blankAfter || !/^\(?[A-Z][A-Z .]+/.test(first))) {
      title = first;
      bodyStart = newline + 1;
    }
  }
  return dispatchesToArticles(input, { start: bodyStart, text: text.slice(bodyStart) }, { title, date: null, dateSource: 'metadata' }, 'text');
}

/** A line ending like a sentence is body text, not a headline (Latin and CJK punctuation). */
const SENTENCE_END = /[.!?:"”’)。！？」』]$/;

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/**
 * Markdown: optional front matter (`title`, `date`, `url`, `source`), a first `# heading` as title,
 * and the body rendered to plain text (markup removed, one paragraph per line).
 */
export function parseMarkdown(input: TextInput): Parsed {
  const diagnostics: Diagnostic[] = [];
  let source = input.text;
  const meta: Record<string, string> = {};
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    for (const line of fm[1].split('\n')) {
      const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (kv) meta[kv[1].toLowerCase()] = kv[2].replace(/^["']|["']$/g, '').trim();
    }
    source = source.slice(fm[0].length);
  }
  let title: string | null = meta.title ?? null;
  const paragraphs: string[] = [];
  let buffer: string[] = [];
  let inFence = false;
  let headlineSeen = false;
  const flush = () => {
    if (buffer.length) paragraphs.push(buffer.join(' ').replace(/\s+/g, ' ').trim());
    buffer = [];
  };
  for (const raw of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (raw.trim()) paragraphs.push(raw.trim());
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      flush();
      const headingText = inlineMarkdown(heading[1]);
      // A heading before any body text is the page headline: the title, or (when front matter
      // already gave one) a repeat of it that must not become a stray one-line dispatch.
      if (paragraphs.length === 0 && !headlineSeen) {
        title ??= headingText;
        headlineSeen = true;
      } else paragraphs.push(headingText);
      continue;
    }
    if (raw.trim() === '' || /^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      flush();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (item) {
      flush();
      buffer.push(inlineMarkdown(item[1]));
      continue;
    }
    buffer.push(inlineMarkdown(raw.replace(/^\s*>\s?/, '')));
  }
  flush();
  const text = paragraphs.filter((p) => p.length > 0).join('\n');
  if (!text) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_TEXT', message: 'Markdown has no body text', where: { file: input.file } });
    return { articles: [], diagnostics };
  }
  let published: string | null = null;
  if (meta.date ?? meta.published) {
    published = normaliseDate(meta.date ?? meta.published);
    if (published === null) {
      diagnostics.push({
        severity: 'warning',
        code: 'INGEST_BAD_DATE',
        message: `front matter date '${meta.date ?? meta.published}' is not a date; left unknown`,
        where: { file: input.file },
      });
    }
  }
  const parsed = dispatchesToArticles(
    { ...input, text, normalizations: [...input.normalizations, 'markdown->text'] },
    { start: 0, text },
    { title, date: published, dateSource: 'metadata' },
    'markdown',
  );
  for (const a of parsed.articles) {
    a.url = meta.url ?? null;
    a.source = meta.source ?? null;
    a.byline = meta.author ?? meta.byline ?? null;
    a.origin.line = undefined;
  }
  return { articles: parsed.articles, diagnostics: [...diagnostics, ...parsed.diagnostics] };
}

// Bounded spans keep these linear: unbounded ones scanned to the end of the line from every opening
// mark, so one 60 KB line of "![a![a…" or " _a _a…" took seconds (quadratic), and a larger one minutes.
function inlineMarkdown(s: string): string {
  return s
    .replace(/!\[[^[\]]{0,500}\]\([^()\s]{0,2000}\)/g, '')
    .replace(/\[([^[\]]{1,500})\]\([^()\s]{0,2000}\)/g, '$1')
    .replace(/`([^`]{1,500})`/g, '$1')
    .replace(/(\*\*|__)(.{1,500}?)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(\S(?:.{0,500}?\S)?)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/<[^<>]{1,500}>/g, '');
}
