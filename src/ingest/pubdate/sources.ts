/**
 * Every date a page states about itself, as candidates in the order they are trusted:
 *
 *  1. JSON-LD `datePublished` of an article type (NewsArticle, Article, BlogPosting…, also inside `@graph` and arrays);
 *  2. `<meta>` publication dates (OpenGraph/article, then pubdate, Dublin Core, Parse.ly, Sailthru…);
 *  3. microdata `itemprop=datePublished` and `<time pubdate>` elements;
 *  4. JSON-LD `datePublished` of other types (WebPage), then `dateCreated`;
 *  5. the URL path (`/2020/05/04/`, `/20200504/`);
 *  6. visible date lines that say "Published/Posted …";
 *  6b. a publication key in a script-rendered page's state (`"publishedAt": "…"` in `__NEXT_DATA__` and the like);
 *  7. date lines in the page's date/byline elements with no cue word, and the first `<time datetime>`;
 *  8. last, modification dates (metadata, JSON-LD `dateModified`, "Updated …" lines).
 *
 * A candidate whose value is not a date stays in the list with `parsed: null`: the next one is tried.
 */
import { findTextDate, makeDay, parseMachineDate, type DayOrder, type LocalDay } from './parse.js';
import {
  ARTICLE_CONTAINER, ARTICLE_TYPES, DATE_HOLDER, FOOTER_REGION, FOREIGN_REGION, MAX_CUE_GAP, MAX_DATE_LINE_CHARS, MAX_HOLDERS, MAX_SCRIPT_CHARS, MODIFIED_CUES, MODIFIED_META, PUBLISHED_CUES, SCRIPT_DATE_KEY,
  PUBLISHED_META,
} from './words.js';

export type PubDateSource = 'json-ld' | 'meta' | 'time-element' | 'url' | 'byline' | 'script-state' | 'time-generic' | 'modified';

export interface PubDateCandidate {
  source: PubDateSource;
  /** Which field or element, e.g. `article:published_time`, `NewsArticle.datePublished`, `div.byline`. */
  detail: string;
  raw: string;
  parsed: LocalDay | null;
  /** Read from markup meant for machines (meta, JSON-LD, attributes), not from visible text. */
  machine: boolean;
}

interface El {
  tagName: string;
  parentElement: El | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

interface Doc {
  querySelectorAll(selector: string): ArrayLike<unknown>;
  documentElement?: unknown;
}

function all(doc: Doc, selector: string): El[] {
  return Array.from(doc.querySelectorAll(selector)) as El[];
}

function attrs(el: El): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
}

/** Inside a region whose dates belong to other stories, comments or site chrome. */
function inForeignRegion(el: El): boolean {
  const inside = insideArticle(el);
  for (let node: El | null = el; node; node = node.parentElement) {
    const tag = node.tagName;
    if (tag === 'ASIDE' || tag === 'NAV') return true;
    if (!inside && (tag === 'FOOTER' || FOOTER_REGION.test(attrs(node)))) return true;
    if (FOREIGN_REGION.test(attrs(node))) return true;
  }
  return false;
}

function insideArticle(el: El): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) if (ARTICLE_CONTAINER.test(node.tagName)) return true;
  return false;
}

// --- JSON-LD -------------------------------------------------------------------------------------------

interface LdDate {
  type: string;
  field: 'datePublished' | 'dateCreated' | 'dateModified';
  value: unknown;
  article: boolean;
}

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function collectLd(node: unknown, out: LdDate[], depth: number): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectLd(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const types = typesOf(obj);
  const article = types.some((t) => ARTICLE_TYPES.has(t.toLowerCase()));
  const type = types[0] ?? '';
  // Dates of an image, author or publisher are not the article's.
  const foreign = /^(imageobject|person|organization|newsmediaorganization|videoobject|comment|rating|review)$/i.test(type);
  if (!foreign) {
    for (const field of ['datePublished', 'dateCreated', 'dateModified'] as const) {
      if (obj[field] !== undefined) out.push({ type, field, value: obj[field], article });
    }
  }
  for (const [key, value] of Object.entries(obj)) {
    if (key === '@graph' || key === 'mainEntity' || key === 'mainEntityOfPage' || key === 'hasPart' || key === 'itemListElement' || key === 'item') {
      collectLd(value, out, depth + 1);
    }
  }
}

function jsonLdDates(doc: Doc): LdDate[] {
  const out: LdDate[] = [];
  for (const script of all(doc, 'script[type="application/ld+json" i], script[type="application/ld+json"]')) {
    const text = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/<!\[CDATA\[)|(?:-->|\/\/\]\]>)\s*$/g, '').trim();
    if (!text) continue;
    try {
      collectLd(JSON.parse(text), out, 0);
    } catch {
      // A broken block: other blocks and sources still count.
    }
  }
  return out;
}

function ldValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length > 0) return ldValue(value[0]);
  if (value && typeof value === 'object' && '@value' in value) return ldValue((value as { '@value': unknown })['@value']);
  return '';
}

// --- URL -----------------------------------------------------------------------------------------------

const URL_DAY = [
  /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$|[-_.])/,
  /[/_-]((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/,
  /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\/|$|[-_.])/,
];

export function urlDay(url: string): string | null {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // A relative or broken URL: read it as a path.
  }
  for (const re of URL_DAY) {
    const m = re.exec(path);
    if (m) return makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

// --- script state --------------------------------------------------------------------------------------

/** The first publication value in a non-JSON-LD script (the page's own state comes before related items). */
function scriptStateDate(doc: Doc): string | null {
  let budget = MAX_SCRIPT_CHARS;
  for (const script of all(doc, 'script')) {
    if (/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const text = script.textContent ?? '';
    if (text.length > budget) break;
    budget -= text.length;
    const m = SCRIPT_DATE_KEY.exec(text);
    if (m) return m[1];
  }
  return null;
}

// --- visible date lines --------------------------------------------------------------------------------

interface LineDates {
  published: LocalDay[];
  modified: LocalDay[];
  unlabelled: LocalDay[];
}

/** A date line split at its cue words: "Published 4 May 2020 · Updated 6 May 2020" → one of each. */
export function readDateLine(text: string, order?: DayOrder): LineDates {
  const out: LineDates = { published: [], modified: [], unlabelled: [] };
  const cues: Array<{ at: number; end: number; kind: 'published' | 'modified' }> = [];
  for (const [re, kind] of [[PUBLISHED_CUES, 'published'], [MODIFIED_CUES, 'modified']] as const) {
    const g = new RegExp(re.source, 'gi');
    for (let m = g.exec(text); m; m = g.exec(text)) cues.push({ at: m.index, end: m.index + m[0].length, kind });
  }
  cues.sort((a, b) => a.at - b.at);
  const head = findTextDate(text.slice(0, cues[0]?.at ?? text.length), order);
  if (head) out.unlabelled.push({ day: head.day, utc: false });
  cues.forEach((cue, i) => {
    const found = findTextDate(text.slice(cue.end, cues[i + 1]?.at ?? text.length), order);
    // "Published on Monday, 4 May 2020": the date follows its cue; one far after it is another fact.
    if (found && found.at <= MAX_CUE_GAP) out[cue.kind].push({ day: found.day, utc: false });
  });
  return out;
}

function shortText(el: El, lengths?: Map<unknown, number>): string | null {
  // Raw length first: reading the text of every large container costs time quadratic in nesting depth.
  if (lengths && (lengths.get(el) ?? 0) > MAX_DATE_LINE_CHARS * RAW_LENGTH_SLACK) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_DATE_LINE_CHARS ? text : null;
}

/** Raw text may hold this many times the characters of its whitespace-collapsed form (indentation). */
const RAW_LENGTH_SLACK = 4;

interface TextNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/** Raw text length of every element under `root`, in one pass. */
function textLengths(root: TextNode | null | undefined): Map<unknown, number> {
  const lengths = new Map<unknown, number>();
  if (!root) return lengths;
  // Post-order without recursion: a node is summed after its children (second visit).
  const stack: Array<[TextNode, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, done] = stack.pop()!;
    if (node.nodeType === 3) {
      lengths.set(node, (node.textContent ?? '').length);
      continue;
    }
    // linkedom rebuilds childNodes on every access: read it once.
    const children = Array.from(node.childNodes ?? []);
    if (done) {
      lengths.set(node, children.reduce((sum, c) => sum + (lengths.get(c) ?? 0), 0));
      continue;
    }
    stack.push([node, true]);
    for (const c of children) stack.push([c, false]);
  }
  return lengths;
}

const LINE_ELEMENTS = 'p, div, span, small, li, em, strong, time, h2, h3, h4, h5, h6, header, address, abbr, dd, td';

// --- all candidates ------------------------------------------------------------------------------------

export interface SourceOptions {
  url?: string | null;
  order?: DayOrder;
}

export function collectCandidates(doc: Doc, options: SourceOptions = {}): PubDateCandidate[] {
  const order = options.order;
  const out: PubDateCandidate[] = [];
  const add = (source: PubDateSource, detail: string, raw: string, parsed: LocalDay | null = parseMachineDate(raw, order)): void => {
    out.push({ source, detail, raw, parsed, machine: true });
  };
  const addText = (source: PubDateSource, detail: string, raw: string, parsed: LocalDay | null): void => {
    out.push({ source, detail, raw, parsed, machine: false });
  };

  const ld = jsonLdDates(doc);
  for (const d of ld) if (d.article && d.field === 'datePublished') add('json-ld', `${d.type}.datePublished`, ldValue(d.value));

  const metas = all(doc, 'meta').map((m) => ({
    key: (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').trim().toLowerCase(),
    value: m.getAttribute('content') ?? '',
  }));
  for (const key of PUBLISHED_META) for (const m of metas) if (m.key === key) add('meta', key, m.value);

  for (const el of all(doc, '[itemprop="datePublished"]:not(meta), time[pubdate], [property="datePublished"]:not(meta)')) {
    const machine = el.getAttribute('datetime') ?? el.getAttribute('content');
    const text = shortText(el);
    if (machine) add('time-element', `${el.tagName.toLowerCase()}[datePublished]`, machine);
    if (text) addText('time-element', `${el.tagName.toLowerCase()}[datePublished] text`, text, findTextDate(text, order));
  }

  for (const d of ld) if (!d.article && d.field === 'datePublished') add('json-ld', `${d.type || 'untyped'}.datePublished`, ldValue(d.value));
  for (const d of ld) if (d.field === 'dateCreated') add('json-ld', `${d.type || 'untyped'}.dateCreated`, ldValue(d.value));

  const urls = [options.url, ...all(doc, 'link[rel="canonical"], meta[property="og:url"]').map((e) => e.getAttribute('href') ?? e.getAttribute('content'))];
  for (const url of urls) {
    if (!url) continue;
    const day = urlDay(url);
    if (day) {
      add('url', 'path', url, { day, utc: false });
      break;
    }
  }

  const lines = dateLines(doc, order);
  for (const l of lines) for (const day of l.dates.published) addText('byline', l.detail, l.text, day);
  const state = scriptStateDate(doc);
  if (state) add('script-state', 'script', state);
  for (const l of lines) if (l.holder) for (const day of l.dates.unlabelled) addText('byline', `${l.detail} (no cue)`, l.text, day);
  for (const el of inArticleFirst(all(doc, 'time[datetime]'))) {
    if (inForeignRegion(el) || /modif|updat/i.test(attrs(el))) continue;
    add('time-generic', 'time[datetime]', el.getAttribute('datetime') ?? '');
    break;
  }

  for (const key of MODIFIED_META) for (const m of metas) if (m.key === key) add('modified', key, m.value);
  for (const d of ld) if (d.field === 'dateModified') add('modified', `${d.type || 'untyped'}.dateModified`, ldValue(d.value));
  for (const l of lines) for (const day of l.dates.modified) addText('modified', l.detail, l.text, day);
  return out;
}

/** Document order, except that elements inside the article (or main) come before those outside it. */
function inArticleFirst(list: El[]): El[] {
  const inside = list.map(insideArticle);
  return [...list.filter((_, i) => inside[i]), ...list.filter((_, i) => !inside[i])];
}

interface DateLine {
  detail: string;
  text: string;
  holder: boolean;
  dates: LineDates;
}

/**
 * Short visible lines that carry a date: those in date/byline elements (by class, id or itemprop), and
 * any short element whose text says "Published …" or "Updated …". Regions of other stories are skipped.
 */
function dateLines(doc: Doc, order?: DayOrder): DateLine[] {
  const out: DateLine[] = [];
  const seen = new Set<string>();
  const lengths = textLengths(doc.documentElement as TextNode | undefined);
  for (const el of inArticleFirst(all(doc, LINE_ELEMENTS))) {
    if (out.length >= MAX_HOLDERS) break;
    const text = shortText(el, lengths);
    if (!text || seen.has(text)) continue;
    const holder = DATE_HOLDER.test(attrs(el)) || el.tagName === 'TIME';
    if (!holder && !PUBLISHED_CUES.test(text) && !MODIFIED_CUES.test(text)) continue;
    if (inForeignRegion(el)) continue;
    const dates = readDateLine(text, order);
    if (dates.published.length + dates.modified.length + dates.unlabelled.length === 0) continue;
    seen.add(text);
    const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0];
    out.push({ detail: `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`, text, holder, dates });
  }
  return out;
}
