/**
 * The articles behind the hand-checked quote sample (test-fixtures/quotes-sample): BBC politics files and
 * recent news (2019–2026) from the shared JSONL corpora, addressed by a path relative to ../shared/data.
 * A JSONL article is `<corpus>/articles.jsonl.gz#L<line>` (0-based line), run with its publication date; a
 * BBC file has no date, so it is run undated, as a user would. Articles of 120–600 words only, so that each
 * can be read and checked by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { Entity, Quote } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';

export interface QuoteDoc {
  /** Relative to ../shared/data. */
  path: string;
  text: string;
  published?: string;
}

export const NEWS_CORPORA = ['news-allsides-2019-2020', 'news-realtimeqa-2019-2026'] as const;
const MIN_WORDS = 120;
const MAX_WORDS = 600;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const fits = (text: string) => { const n = words(text); return n >= MIN_WORDS && n <= MAX_WORDS; };

interface NewsRecord { text?: string; date?: string; publish_date?: string; source?: string }

const corpusCache = new Map<string, string[]>();
function corpusLines(corpus: string): string[] {
  let lines = corpusCache.get(corpus);
  if (!lines) {
    const file = sharedPath('data', corpus, 'articles.jsonl.gz');
    lines = existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8').split('\n') : [];
    corpusCache.set(corpus, lines);
  }
  return lines;
}

function newsDoc(corpus: string, line: number): QuoteDoc | null {
  const raw = corpusLines(corpus)[line];
  if (!raw?.trim()) return null;
  const rec = JSON.parse(raw) as NewsRecord;
  const published = rec.date ?? rec.publish_date;
  if (!rec.text || !published || published < '2019') return null;
  return { path: `${corpus}/articles.jsonl.gz#L${line}`, text: rec.text, published };
}

export function loadQuoteDoc(path: string): QuoteDoc | null {
  const m = /^([^/]+)\/articles\.jsonl\.gz#L(\d+)$/.exec(path);
  if (m) return newsDoc(m[1]!, Number(m[2]));
  if (!existsSync(sharedPath('data', path))) return null;
  return { path, text: readFileSync(sharedPath('data', path)).toString('utf8') };
}

/**
 * Candidate paths: BBC politics files and JSONL news articles of 120–600 words. The Hill is left out
 * (its crawl glues hover-card headlines into sentences; see its SOURCE.md).
 */
export function quoteCandidates(): { bbc: string[]; news: string[] } {
  const bbc: string[] = [];
  const dir = sharedPath('data', 'bbc-news', 'politics');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => /^\d+\.txt$/.test(f)).sort()) {
      const path = `bbc-news/politics/${f}`;
      if (fits(readFileSync(sharedPath('data', path), 'utf8'))) bbc.push(path);
    }
  }
  const news: string[] = [];
  for (const corpus of NEWS_CORPORA) {
    corpusLines(corpus).forEach((raw, line) => {
      if (!raw.trim()) return;
      const rec = JSON.parse(raw) as NewsRecord;
      const published = rec.date ?? rec.publish_date;
      if (rec.text && published && published >= '2019' && rec.source !== 'The Hill' && fits(rec.text)) news.push(`${corpus}/articles.jsonl.gz#L${line}`);
    });
  }
  return { bbc, news };
}

/** One extracted quote, flat, as stored in the sample and compared on re-scoring (offsets, no article text). */
export interface SaidQuote {
  start: number;
  end: number;
  kind: Quote['kind'];
  speaker: string | null;
  /** The entity the speaker was resolved to (its canonical name), or null. */
  entity: string | null;
  owner: string | null;
  cue: string | null;
}

export function saidQuote(q: Quote, entities: readonly Entity[]): SaidQuote {
  const name = (id: string | null | undefined) => (id ? entities.find((e) => e.id === id)?.name ?? id : null);
  return {
    start: q.start, end: q.end, kind: q.kind,
    // a pronoun shows what it refers back to when that names no entity ("he = A Labour Party spokesman")
    speaker: q.speaker ? (q.speaker.antecedent ? `${q.speaker.text} = ${q.speaker.antecedent.text}` : q.speaker.text) : null,
    entity: name(q.speaker?.entity),
    owner: q.speaker?.owner ? name(q.speaker.owner.entity) ?? q.speaker.owner.text : null,
    cue: q.cue?.text ?? null,
  };
}

export interface QuoteRun {
  id: string;
  text: string;
  quotes: SaidQuote[];
}

export function runQuoteDocs(docs: readonly QuoteDoc[]): Map<string, QuoteRun> {
  const pipeline = defaultPipeline();
  const out = new Map<string, QuoteRun>();
  for (const doc of docs) {
    const article = makeArticle({ text: doc.text, origin: { file: doc.path, format: 'text', record: 0 }, ...(doc.published ? { published: doc.published } : {}) });
    const layers = pipeline.run(article).layers;
    const entities = layers.entities ?? [];
    out.set(doc.path, { id: article.id, text: doc.text, quotes: (layers.quotes ?? []).map((q) => saidQuote(q, entities)) });
  }
  return out;
}
