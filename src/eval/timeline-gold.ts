/**
 * Our own held-out timeline topics (`test-fixtures/timeline-gold/<topic>/`, issue 15): each topic is a
 * selection rule over a news corpus in ../shared/data (`topic.json`: corpus, date range, a pattern the
 * title or lead must match), the records that rule selected, stored as pointers (`records.jsonl`:
 * corpus, 1-based record line, publication date, url; never the text), and hand-written gold timelines
 * in the tilse format (`timelines/*.txt`). This module applies the rule and reads the pointed records
 * back from the corpus, checking each record's url, for `dateline eval timeline --gold`.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { DatelineError } from '../core/errors.js';

/** A topic's selection rule and the query a user would type for its timeline (`topic.json`). */
export interface GoldTopicSpec {
  title: string;
  /** Folder under ../shared/data holding `articles.jsonl.gz`. */
  corpus: string;
  /** Publication dates kept, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The lead: the title and this many first characters of the text. */
  leadChars: number;
  /** Case-insensitive pattern the lead must match. */
  match: string;
  /** A second pattern the lead must also match, or null. */
  alsoMatch: string | null;
  query: string;
}

/** One selected record: where it is in the corpus and what identifies it. */
export interface RecordPointer {
  corpus: string;
  line: number;
  date: string;
  url: string;
}

/** A corpus record read back: what `ingest` gets as one JSONL line. */
export interface GoldArticle {
  id: string;
  title: string | null;
  published: string;
  url: string;
  source: string | null;
  text: string;
}

export interface GoldTopic {
  name: string;
  dir: string;
  spec: GoldTopicSpec;
  records: RecordPointer[];
  /** Gold timeline files (`timelines/*.txt`), sorted. */
  timelineFiles: string[];
}

/** The fields the two news corpora use (AllSides: date/source; RealTime QA: publish_date). */
interface CorpusRecord {
  title?: string;
  text?: string;
  url?: string;
  date?: string;
  publish_date?: string;
  source?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function recordDate(r: CorpusRecord): string {
  return (r.date ?? r.publish_date ?? '').slice(0, 10);
}

function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new DatelineError('EVAL_INPUT', { message });
}

export function parseSpec(text: string, where: string): GoldTopicSpec {
  const s = JSON.parse(text) as Partial<GoldTopicSpec>;
  check(typeof s.corpus === 'string' && /^[\w.-]+$/.test(s.corpus), `${where}: corpus must be a folder name`);
  check(typeof s.from === 'string' && DAY.test(s.from) && typeof s.to === 'string' && DAY.test(s.to), `${where}: from/to must be YYYY-MM-DD`);
  check(typeof s.match === 'string' && s.match.length > 0, `${where}: match is required`);
  check(typeof s.query === 'string' && s.query.trim().length > 0, `${where}: query is required`);
  return {
    title: s.title ?? '',
    corpus: s.corpus,
    from: s.from,
    to: s.to,
    leadChars: typeof s.leadChars === 'number' && s.leadChars > 0 ? s.leadChars : 300,
    match: s.match,
    alsoMatch: typeof s.alsoMatch === 'string' && s.alsoMatch ? s.alsoMatch : null,
    query: s.query,
  };
}

export function parsePointers(text: string, where: string): RecordPointer[] {
  const out: RecordPointer[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const p = JSON.parse(line) as Partial<RecordPointer>;
    check(typeof p.corpus === 'string' && Number.isInteger(p.line) && (p.line as number) > 0 && typeof p.date === 'string' && DAY.test(p.date) && typeof p.url === 'string',
      `${where}:${i + 1}: a pointer needs corpus, line (≥ 1), date (YYYY-MM-DD) and url`);
    out.push({ corpus: p.corpus, line: p.line as number, date: p.date, url: p.url });
  });
  return out;
}

/** Does a corpus record fall under the topic's rule (date range, lead patterns)? */
export function selects(spec: GoldTopicSpec, r: CorpusRecord): boolean {
  const day = recordDate(r);
  if (!DAY.test(day) || day < spec.from || day > spec.to || typeof r.text !== 'string' || !r.text.trim()) return false;
  const lead = `${r.title ?? ''} ${r.text.slice(0, spec.leadChars)}`;
  return new RegExp(spec.match, 'i').test(lead) && (!spec.alsoMatch || new RegExp(spec.alsoMatch, 'i').test(lead));
}

/** Each line of a JSONL corpus (gzipped when the name ends in .gz), with its 1-based number. */
async function* corpusLines(file: string): AsyncGenerator<[number, string]> {
  const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) yield [++n, line];
}

/** The corpus file of a corpus folder: `articles.jsonl.gz`, else `articles.jsonl`. */
export function corpusFile(dataDir: string, corpus: string): string {
  const gz = join(dataDir, corpus, 'articles.jsonl.gz');
  return existsSync(gz) ? gz : join(dataDir, corpus, 'articles.jsonl');
}

/** Applies a topic's rule to its corpus: the pointers `records.jsonl` holds (scripts/timeline-gold-select.mjs). */
export async function selectRecords(spec: GoldTopicSpec, file: string): Promise<RecordPointer[]> {
  const out: RecordPointer[] = [];
  for await (const [line, text] of corpusLines(file)) {
    if (!text.trim()) continue;
    const r = JSON.parse(text) as CorpusRecord;
    if (selects(spec, r)) out.push({ corpus: spec.corpus, line, date: recordDate(r), url: r.url ?? '' });
  }
  return out;
}

/**
 * Reads the pointed records back from their corpora (one pass per corpus). A pointer whose line is
 * missing or whose url differs from the record's is an error: the corpus changed under the gold.
 */
export async function readPointed(pointers: readonly RecordPointer[], dataDir: string): Promise<GoldArticle[]> {
  const byCorpus = new Map<string, Map<number, RecordPointer>>();
  for (const p of pointers) {
    const m = byCorpus.get(p.corpus) ?? new Map<number, RecordPointer>();
    m.set(p.line, p);
    byCorpus.set(p.corpus, m);
  }
  const found = new Map<RecordPointer, GoldArticle>();
  for (const [corpus, wanted] of byCorpus) {
    const file = corpusFile(dataDir, corpus);
    check(existsSync(file), `no corpus ${corpus} under ${dataDir} (expected ${file})`);
    const last = Math.max(...wanted.keys());
    for await (const [line, text] of corpusLines(file)) {
      if (line > last) break;
      const p = wanted.get(line);
      if (!p) continue;
      const r = JSON.parse(text) as CorpusRecord;
      check((r.url ?? '') === p.url, `${corpus} line ${line}: url ${r.url ?? '(none)'} is not the pointer's ${p.url || '(none)'}`);
      found.set(p, { id: `${corpus}:${line}`, title: r.title ?? null, published: p.date, url: p.url, source: r.source ?? null, text: r.text ?? '' });
    }
  }
  return pointers.map((p) => {
    const a = found.get(p);
    check(a, `${p.corpus} has no line ${p.line}`);
    return a;
  });
}

/** One topic folder: `topic.json`, `records.jsonl`, `timelines/*.txt`. */
export function readGoldTopic(dir: string, name: string): GoldTopic {
  const base = join(dir, name);
  for (const f of ['topic.json', 'records.jsonl', 'timelines']) check(existsSync(join(base, f)), `gold topic ${name}: missing ${join(base, f)}`);
  const spec = parseSpec(readFileSync(join(base, 'topic.json'), 'utf8'), join(base, 'topic.json'));
  const records = parsePointers(readFileSync(join(base, 'records.jsonl'), 'utf8'), join(base, 'records.jsonl'));
  const timelineFiles = readdirSync(join(base, 'timelines')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(base, 'timelines', f));
  check(timelineFiles.length > 0, `gold topic ${name}: no timelines/*.txt`);
  return { name, dir: base, spec, records, timelineFiles };
}

/** The topic folders under a gold directory (those with a `topic.json`), sorted. */
export function goldTopicNames(dir: string): string[] {
  check(existsSync(dir), `no gold timeline directory ${dir}`);
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory() && existsSync(join(dir, n, 'topic.json'))).sort();
}
