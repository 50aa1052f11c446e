/**
 * HTML pages → article text and metadata with Readability over linkedom (10× faster than jsdom,
 * same output on news pages). Readability keeps inline ad blocks, so a boilerplate-line filter runs after it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeArticle } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { isLongEnough } from './article-length.js';
import { dropChromeLines, isBoilerplateLine, type TextLine } from './boilerplate.js';
import { findLeadDateline } from './dispatches.js';
import { findPublicationDate } from './pubdate/find.js';
import { dayOrderOf } from './pubdate/order.js';
import type { PubDateSource } from './pubdate/sources.js';
import type { Parsed, TextInput } from './text.js';

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION', 'ARTICLE', 'HEADER',
  'FOOTER', 'ASIDE', 'FIGCAPTION', 'DD', 'DT', 'TABLE', 'UL', 'OL', 'MAIN', 'BR', 'HR',
]);

export { isBoilerplateLine } from './boilerplate.js';

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/**
 * Text of an element tree with one line per block element, whitespace collapsed inside lines, and how
 * many of each line's characters are link text (menus are lines of links).
 */
function blockText(root: NodeLike): TextLine[] {
  const lines: TextLine[] = [];
  let current = '';
  let currentLink = 0;
  let linkDepth = 0;
  const flush = () => {
    const raw = current.replace(/\s+/g, ' ');
    const line = raw.trim();
    if (line) lines.push({ text: line, linkChars: Math.min(line.length, Math.round(currentLink * (line.length / Math.max(1, raw.length)))) });
    current = '';
    currentLink = 0;
  };
  // Iterative, not recursive: a fragment of 50,000 nested <div>s overflowed the call stack.
  // Markers on the stack: `null` ends a block element (flush its line), `LINK_END` ends a link.
  const stack: Array<NodeLike | null | typeof LINK_END> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === LINK_END) {
      linkDepth--;
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      current += text;
      if (linkDepth > 0) currentLink += text.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') continue;
    const block = BLOCK_TAGS.has(name);
    if (block) {
      flush();
      stack.push(null);
    }
    if (name === 'A' || name === 'BUTTON') {
      linkDepth++;
      stack.push(LINK_END);
    }
    // linkedom rebuilds childNodes on every access: read it once, or wide nodes cost O(n²).
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return lines;
}

const LINK_END = Symbol('link end');

export function htmlFragmentToText(html: string): string {
  if (nestsDeeperThan(html, MAX_MARKUP_DEPTH)) {
    // Too deep to parse in reasonable time: keep the words, drop the tags.
    return html
      .split(/<[^<>]{0,2000}>/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l && !isBoilerplateLine(l))
      .join('\n');
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return dropChromeLines(blockText(document.body as unknown as NodeLike)).join('\n');
}

/** Elements with no end tag, or whose end tag parsers supply themselves: they do not nest in a scan. */
const NO_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'rt', 'rp',
  'html', 'head', 'body',
]);

/**
 * Whether markup nests deeper than `limit`, from a scan of the raw text (opening minus closing tags),
 * before any parser sees it: linkedom's parse time grows with the square of nesting depth (0.7 s at
 * 25,000 levels, 8 s at 50,000), so a 32 MB file of "<div>" would take days.
 */
export function nestsDeeperThan(markup: string, limit: number): boolean {
  const tag = /<(\/?)([A-Za-z!][\w:-]*)[^<>]{0,2000}?(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(markup); m; m = tag.exec(markup)) {
    const name = m[2].toLowerCase();
    if (m[3] === '/' || name.startsWith('!') || NO_NESTING.has(name)) continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > limit) return true;
  }
  return false;
}

/** Beyond this raw nesting no markup is handed to a parser (real pages stay under a few hundred). */
export const MAX_MARKUP_DEPTH = 5000;

/**
 * Readability's cost grows about with the cube of nesting depth (0.2 s at 200 levels, 5 s at 800, a
 * minute at 2,000), while real news pages stay well under 100 levels.
 */
const MAX_DEPTH = 256;

interface ElementLike {
  children: ArrayLike<ElementLike>;
}

/** Depth of the element tree under `root`, counting no further than `limit + 1`. */
function elementDepth(root: ElementLike | null, limit: number): number {
  if (!root) return 0;
  let max = 0;
  const stack: Array<[ElementLike, number]> = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return max;
}

function meta(document: Document, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    const value = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? null;
    if (value && value.trim()) return value.trim();
  }
  return null;
}

/**
 * The body without a first line that repeats the headline. Readability drops it by word overlap, which
 * finds no words in Chinese or Japanese, so there the headline stayed as the first body line.
 */
function withoutHeadline(text: string, title: string | null | undefined): string {
  const newline = text.indexOf('\n');
  const first = (newline < 0 ? text : text.slice(0, newline)).trim();
  return title && first === title.trim() && newline >= 0 ? text.slice(newline + 1) : text;
}

/** Publication-date sources stated by the page's markup; the others are read from its visible text. */
const METADATA_SOURCES = new Set<PubDateSource>(['json-ld', 'meta', 'time-element', 'url', 'script-state']);

/**
 * One HTML page → its article. `fetched` (`YYYY-MM-DD`), when known, is the day the page was fetched: a stated
 * publication day after it is refused (today is the bound otherwise).
 */
export function parseHtml(input: TextInput & { fetched?: string | null }): Parsed {
  const diagnostics: Diagnostic[] = [];
  const where = { file: input.file };
  if (nestsDeeperThan(input.text, MAX_MARKUP_DEPTH)) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_HTML', message: `HTML nests elements more than ${MAX_MARKUP_DEPTH} deep; skipped`, where });
    return { articles: [], diagnostics };
  }
  let document: Document;
  try {
    document = parseHTML(input.text).document as unknown as Document;
  } catch (error) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_HTML', message: `cannot parse HTML: ${(error as Error).message}`, where });
    return { articles: [], diagnostics };
  }
  const url = meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]');
  const siteName = meta(document, 'meta[property="og:site_name"]');
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const depth = elementDepth(document.documentElement as unknown as ElementLike | null, MAX_DEPTH);
  if (depth > MAX_DEPTH) {
    diagnostics.push({
      severity: 'error',
      code: 'INGEST_BAD_HTML',
      message: `HTML nests elements more than ${MAX_DEPTH} deep; not a page Readability can read in reasonable time (skipped)`,
      where,
    });
    return { articles: [], diagnostics };
  }
  // Before Readability, which rewrites the document (drops scripts, metas and bylines).
  const pub = findPublicationDate(document, { url, order: dayOrderOf(lang), notAfter: input.fetched ?? new Date().toISOString().slice(0, 10) });
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document, { charThreshold: 200 }).parse();
  } catch (error) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_HTML', message: `Readability failed: ${(error as Error).message}`, where });
    return { articles: [], diagnostics };
  }
  const contentHtml = parsed?.content ?? '';
  const text = withoutHeadline(contentHtml ? htmlFragmentToText(contentHtml) : '', parsed?.title);
  if (!parsed || !isLongEnough(text)) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_ARTICLE', message: 'HTML page has no article text (nothing Readability could extract)', where });
    return { articles: [], diagnostics };
  }
  const published = pub.date?.day ?? null;
  const malformed = pub.candidates.find((c) => c.machine && c.source !== 'modified' && c.parsed === null && c.raw.trim());
  if (!published && malformed) {
    diagnostics.push({ severity: 'warning', code: 'INGEST_BAD_DATE', message: `published time '${malformed.raw}' (${malformed.detail}) is not a date; left unknown`, where });
  }
  const article = makeArticle({
    text,
    origin: { file: input.file, format: 'html' },
    title: parsed.title?.trim() || null,
    url,
    source: parsed.siteName ?? siteName,
    byline: parsed.byline?.trim() || null,
    language: (parsed.lang ?? lang ?? 'en').slice(0, 2).toLowerCase(),
    published,
    publishedSource: pub.date ? (METADATA_SOURCES.has(pub.date.source) ? 'metadata' : 'content') : 'unknown',
    publishedConfidence: pub.date?.confidence ?? 0,
    dateline: findLeadDateline(text),
    normalizations: [...input.normalizations, 'html->text'],
  });
  return { articles: [article], diagnostics };
}
