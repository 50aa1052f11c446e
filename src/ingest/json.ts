/**
 * JSON and JSONL records → articles. Field names are guessed from common dumps (title/headline,
 * text/body/content, date/published, url/link, source/publisher) and can be mapped by flag
 * (`--field text=article_body`). A record whose text is HTML is reduced to text the way pages are.
 */
import { makeArticle, type Article, type InputFormat } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { findLeadDateline } from './dispatches.js';
import { normaliseDate } from './dates.js';
import { htmlFragmentToText } from './html.js';
import type { Parsed } from './text.js';

export type FieldName = 'title' | 'text' | 'date' | 'url' | 'source' | 'byline' | 'language';

export type FieldMap = Partial<Record<FieldName, string>>;

const DEFAULT_FIELDS: Record<FieldName, string[]> = {
  title: ['title', 'headline', 'name'],
  text: ['text', 'body', 'content', 'article', 'articleBody', 'article_body', 'maintext', 'description', 'summary'],
  date: ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished', 'date_publish', 'time', 'timestamp'],
  url: ['url', 'link', 'href', 'uri'],
  source: ['source', 'publisher', 'site', 'source_domain', 'outlet'],
  byline: ['byline', 'author', 'authors'],
  language: ['language', 'lang'],
};

function pick(record: Record<string, unknown>, field: FieldName, map: FieldMap): unknown {
  const names = map[field] ? [map[field] as string] : DEFAULT_FIELDS[field];
  for (const name of names) {
    const value = name.includes('.') ? name.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), record) : record[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/**
 * JSON can spell a lone UTF-16 surrogate (`"\ud800"`), which no UTF-8 store can hold: each becomes
 * U+FFFD, and the record says so.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(value: string | null, repaired: { count: number }): string | null {
  if (value === null) return value;
  LONE_SURROGATE.lastIndex = 0;
  if (!LONE_SURROGATE.test(value)) return value;
  repaired.count++;
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

/** A field as text; nesting beyond a few levels is not a value (and must not overflow the stack). */
function asText(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (depth >= 8) return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => asText(v, depth + 1)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return asText(o.name ?? o.title ?? o.value ?? null, depth + 1);
  }
  return null;
}

export interface RecordContext {
  file: string;
  format: InputFormat;
  record: number;
  line?: number;
  normalizations: string[];
  fields: FieldMap;
}

export function recordToArticle(value: unknown, ctx: RecordContext): { article: Article | null; diagnostics: Diagnostic[] } {
  const where = { file: ctx.file, record: ctx.record, ...(ctx.line !== undefined ? { line: ctx.line } : {}) };
  const diagnostics: Diagnostic[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NOT_OBJECT', message: 'record is not a JSON object; skipped', where });
    return { article: null, diagnostics };
  }
  const record = value as Record<string, unknown>;
  const rawText = pick(record, 'text', ctx.fields);
  // Paragraphs given as a list are paragraphs (one per line), not a comma-separated list like authors.
  let text = Array.isArray(rawText) && rawText.every((p) => typeof p === 'string') ? rawText.join('\n') : asText(rawText);
  const normalizations = [...ctx.normalizations];
  if (text !== null && /<\/?(p|div|br|article|span|h\d)\b[^<>]{0,500}>/i.test(text)) {
    text = htmlFragmentToText(text);
    normalizations.push('html->text');
  }
  if (text !== null && text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalizations.push('crlf->lf');
  }
  if (text === null || text.trim().length === 0) {
    const wanted = ctx.fields.text ? `'${ctx.fields.text}'` : DEFAULT_FIELDS.text.slice(0, 4).join('/');
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_TEXT', message: `record has no text (looked for ${wanted}); skipped`, where });
    return { article: null, diagnostics };
  }
  const rawDate = pick(record, 'date', ctx.fields);
  const published = normaliseDate(rawDate);
  if (rawDate !== undefined && published === null) {
    diagnostics.push({
      severity: 'warning',
      code: 'INGEST_BAD_DATE',
      message: `date ${JSON.stringify(rawDate)} is not a date; published left unknown`,
      where,
    });
  }
  const repaired = { count: 0 };
  const field = (name: FieldName) => wellFormed(asText(pick(record, name, ctx.fields)), repaired);
  text = wellFormed(text, repaired)!;
  const title = field('title');
  const url = field('url');
  const source = field('source');
  const byline = field('byline');
  const language = field('language') ?? 'en';
  if (repaired.count > 0) {
    normalizations.push('lone-surrogate->U+FFFD');
    diagnostics.push({ severity: 'warning', code: 'INGEST_LONE_SURROGATE', message: `${repaired.count} field(s) held a lone UTF-16 surrogate (\\uD800-\\uDFFF escape); each became U+FFFD`, where });
  }
  const article = makeArticle({
    text,
    origin: { file: ctx.file, format: ctx.format, record: ctx.record, ...(ctx.line !== undefined ? { line: ctx.line } : {}) },
    title,
    url,
    source,
    byline,
    language,
    published,
    publishedSource: published ? 'metadata' : 'unknown',
    dateline: findLeadDateline(text),
    normalizations,
  });
  return { article, diagnostics };
}

/** JSONL: one record per line; a bad line is reported by number and the rest go on. */
export function parseJsonLines(input: { text: string; file: string; normalizations: string[] }, fields: FieldMap = {}): Parsed {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = input.text.split('\n');
  let record = 0;
  for (let i = 0; i < lines.length; i++) {
    const result = parseJsonLine(lines[i], i + 1, ++record, input.file, input.normalizations, fields);
    if (result === null) {
      record--;
      continue;
    }
    if (result.article) articles.push(result.article);
    diagnostics.push(...result.diagnostics);
  }
  return { articles, diagnostics };
}

/** One JSONL line; null for a blank line (which is not a record). */
export function parseJsonLine(
  line: string,
  lineNumber: number,
  record: number,
  file: string,
  normalizations: string[],
  fields: FieldMap,
): { article: Article | null; diagnostics: Diagnostic[] } | null {
  // A stray NUL byte is no JSON: removed (and reported) so the record around it is kept.
  const nuls = line.includes('\0') ? line.split('\0').length - 1 : 0;
  const trimmed = (nuls ? line.replaceAll('\0', '') : line).trim();
  if (!trimmed && nuls) {
    return { article: null, diagnostics: [{ severity: 'error', code: 'INGEST_NOT_JSON', message: 'line holds only NUL bytes; skipped', where: { file, line: lineNumber, record } }] };
  }
  if (!trimmed) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return {
      article: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'INGEST_NOT_JSON',
          message: `line is not valid JSON (${(error as Error).message}); skipped`,
          where: { file, line: lineNumber, record },
        },
      ],
    };
  }
  const result = recordToArticle(value, { file, format: 'jsonl', record, line: lineNumber, normalizations: nuls ? [...normalizations, 'nul-removed'] : normalizations, fields });
  if (nuls) result.diagnostics.push({ severity: 'warning', code: 'INGEST_NUL_REMOVED', message: `${nuls} NUL byte(s) removed from the line`, where: { file, line: lineNumber, record } });
  return result;
}

/** A JSON document: an array of records, an object holding one (articles/items/data/results/docs), or one record. */
export function parseJsonDocument(input: { text: string; file: string; normalizations: string[] }, fields: FieldMap = {}): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch (error) {
    // Many ".json" dumps are really JSON Lines.
    if (input.text.trim().split('\n').length > 1 && input.text.trimStart().startsWith('{')) return parseJsonLines(input, fields);
    return {
      articles: [],
      diagnostics: [{ severity: 'error', code: 'INGEST_NOT_JSON', message: `is not valid JSON: ${(error as Error).message}`, where: { file: input.file } }],
    };
  }
  let records: unknown[];
  if (Array.isArray(value)) records = value;
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const key = ['articles', 'items', 'data', 'results', 'docs', 'documents', 'records'].find((k) => Array.isArray(o[k]));
    records = key ? (o[key] as unknown[]) : [value];
  } else records = [value];
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  if (records.length === 0) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_TEXT', message: 'JSON holds no records (an empty list)', where: { file: input.file } });
  }
  records.forEach((r, i) => {
    const result = recordToArticle(r, { file: input.file, format: 'json', record: i + 1, normalizations: input.normalizations, fields });
    if (result.article) articles.push(result.article);
    diagnostics.push(...result.diagnostics);
  });
  return { articles, diagnostics };
}
