/**
 * `dateline timeline` (summarised view): the articles of a story, an entity or a query, read from the
 * store, through the timeline summarisation stage (src/timeline). `dateline eval timeline` scores this
 * same function.
 */
import type { Layers } from '../core/layers.js';
import type { ReadStore } from '../store/queries.js';
import { DEFAULT_DATES, DEFAULT_PER_DATE, type TimelineParams } from '../timeline/params.js';
import { subjectWords } from '../timeline/keywords.js';
import { summariseTimeline } from '../timeline/summarise.js';
import type { SummaryTimeline, TimelineDoc } from '../timeline/types.js';
import { findEntity, memberEntities } from './entities.js';
import { allLayerRows } from './layers.js';

/** Articles a query timeline reads at most (best-ranked first). */
export const MAX_QUERY_ARTICLES = 5000;

export type TimelineSubject = { story: string } | { entity: string } | { query: string };

/**
 * An entity reading of a bare text must account for at least this share of the articles a search for the text
 * finds; otherwise the text is read as a query. ("impeachment" matching a one-article entity "Of Impeachment
 * Against Trump" must not hide the 490 articles about the impeachment.)
 */
export const ENTITY_MIN_SHARE_OF_HITS = 0.5;

/**
 * What a bare text (`dateline timeline TEXT`) names: a story id, an entity whose articles explain most of the
 * text's search hits, or else a query over the text.
 */
export function subjectOf(store: ReadStore, text: string): TimelineSubject {
  if (text.startsWith('st-')) return { story: text };
  const entity = findEntity(store, text);
  if (!entity) return { query: text };
  let hits: number;
  try {
    hits = store.search(text, { limit: MAX_QUERY_ARTICLES }).length;
  } catch {
    return { entity: text };
  }
  return entity.articles >= ENTITY_MIN_SHARE_OF_HITS * hits ? { entity: text } : { query: text };
}

export interface TimelineRequest {
  dates?: number;
  perDate?: number;
  from?: string;
  to?: string;
  /** The stage's weights and thresholds (the evaluation's grid); the shipped ones by default. */
  params?: TimelineParams;
}

export interface SubjectTimeline extends SummaryTimeline {
  /** `topic`: for a story, the words its timeline searched the store for (see `storyTopicIds`). */
  subject: { kind: 'story' | 'entity' | 'query'; id: string; title: string | null; topic?: string[] };
}

/** A story's topic: the words in at least this share of its articles' heads, at most `STORY_TOPIC_WORDS` of them. */
export const STORY_TOPIC_SHARE = 0.5;
/** Two words, all required: one word alone (a country, a surname) would take in every other story about it. */
export const STORY_TOPIC_WORDS = 2;

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** The day an article was published: the time stage's resolved day when it is one day, else the stated date. */
export function publicationDay(published: string | null, layers: Layers): string | null {
  const p = layers.published?.[0];
  const v = p?.range && p.range.from === p.range.to ? p.range.from : (p?.value ?? published);
  return v && DAY.test(v) ? v.slice(0, 10) : null;
}

/** Article ids read per layer query: small enough that one page of the store holds every row. */
const CHUNK = 100;

/** The timeline stage's view of stored articles: text, sentences, time expressions, publication day. */
export function timelineDocs(store: ReadStore, ids: readonly string[]): TimelineDoc[] {
  const unique = [...new Set(ids)];
  const layers = new Map<string, Layers>();
  const put = <L extends 'sentences' | 'times' | 'published'>(layer: L) => {
    for (let i = 0; i < unique.length; i += CHUNK) {
      for (const row of allLayerRows(store, layer, { articleIds: unique.slice(i, i + CHUNK) })) {
        let l = layers.get(row.articleId);
        if (!l) layers.set(row.articleId, (l = {}));
        ((l[layer] ??= []) as unknown[]).push(row.item);
      }
    }
  };
  put('sentences');
  put('times');
  put('published');
  const byId = new Map(store.queries.articleTexts(unique).map((a) => [a.id, a]));
  const docs: TimelineDoc[] = [];
  for (const id of unique) {
    const a = byId.get(id);
    if (!a) continue;
    const l = layers.get(id) ?? {};
    docs.push({ id, day: publicationDay(a.published, l), title: a.title, source: a.source, url: a.url, text: a.text, sentences: l.sentences ?? [], times: l.times ?? [] });
  }
  return docs;
}

interface SubjectArticles {
  kind: SubjectTimeline['subject'];
  ids: string[];
  /** Articles of `ids` already read (a story's own, read to find its topic). */
  read?: TimelineDoc[];
}

function subjectArticles(store: ReadStore, subject: TimelineSubject, request: TimelineRequest): SubjectArticles | null {
  if ('story' in subject) {
    const s = store.queries.storyArticleIds(subject.story);
    if (!s) return null;
    const read = timelineDocs(store, s.ids);
    const topic = subjectWords(read, STORY_TOPIC_SHARE, STORY_TOPIC_WORDS);
    const hits = topic.length ? store.search(topic.join(' '), { limit: MAX_QUERY_ARTICLES, to: request.to }) : [];
    return { kind: { kind: 'story', id: subject.story, title: s.title, ...(topic.length ? { topic } : {}) }, ids: [...s.ids, ...hits.map((h) => h.id)], read };
  }
  if ('entity' in subject) {
    const e = findEntity(store, subject.entity);
    if (!e) return null;
    return { kind: { kind: 'entity', id: e.key, title: e.name }, ids: memberEntities(store, e).map((m) => m.articleId) };
  }
  const hits = store.search(subject.query, { limit: MAX_QUERY_ARTICLES, from: undefined, to: request.to });
  return hits.length ? { kind: { kind: 'query', id: subject.query, title: subject.query }, ids: hits.map((h) => h.id) } : null;
}

/** The subject's articles for the stage, reading from the store only those not read yet. */
function subjectDocs(store: ReadStore, found: SubjectArticles): TimelineDoc[] {
  const read = found.read ?? [];
  const have = new Set(read.map((d) => d.id));
  return [...read, ...timelineDocs(store, found.ids.filter((id) => !have.has(id)))];
}

/** The summarised timeline of a story, an entity or a query; null when the subject finds no articles. */
export function subjectTimeline(store: ReadStore, subject: TimelineSubject, request: TimelineRequest = {}): SubjectTimeline | null {
  const found = subjectArticles(store, subject, request);
  if (!found) return null;
  const summary = summariseTimeline(subjectDocs(store, found), {
    dates: request.dates ?? DEFAULT_DATES,
    perDate: request.perDate ?? DEFAULT_PER_DATE,
    from: request.from,
    to: request.to,
  }, request.params);
  return { subject: found.kind, ...summary };
}
