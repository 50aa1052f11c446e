/**
 * HTML pages → article text and metadata with Readability over linkedom (10× faster than jsdom,
 * same output on news pages). Readability keeps inline ad blocks, so a boilerplate-line filter runs after it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeArticle } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { findLeadDateline } from './dispatches.js';
import { normaliseDate } from './dates.js';
import type { Parsed, TextInput } from './text.js';

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION', 'ARTICLE', 'HEADER',
  'FOOTER', 'ASIDE', 'FIGCAPTION', 'DD', 'DT', 'TABLE', 'UL', 'OL', 'MAIN', 'BR', 'HR',
]);

const BOILERPLATE: RegExp[] = [
  // The ad slot's label, maybe with a short trailer ("Advertisement - scroll to continue"), but not a
  // sentence that happens to open with the word ("Advertisement revenue fell 10%, the company said.").
  /^advertisement(\s*[-–—:|·•]\s*.{0,60})?$/i,
  /^(story continues below( advertisement)?|continue reading (the main story|below))$/i,
  /^(sponsored( content)?|promoted)$/i,
  /^skip to (main )?content$/i,
  /^(share|share this( article| story)?|print|email|comments?)$/i,
  /^read more\b.{0,80}$/i,
  /^(related( articles| stories| coverage)?|more stories|recommended( for you)?)(\s*:.{0,80})?$/i,
  /^(sign up|subscribe)\b.{0,120}(newsletter|inbox|updates)/i,
  /^follow us on\b/i,
  /^click here\b/i,
  /^(image|photo|video)\s*(credit|source)?\s*:/i,
  /^cookies?\b.{0,100}(accept|policy)/i,
];

export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  return s.length === 0 || (s.length < 200 && BOILERPLATE.some((re) => re.test(s)));
}

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Text of an element tree with one line per block element, whitespace collapsed inside lines. */
function blockText(root: NodeLike): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    // linkedom rebuilds childNodes on every access: read it once, or wide nodes cost O(n²).
    const children = Array.from(node.childNodes);
    for (const child of children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as NodeLike)
    .filter((l) => !isBoilerplateLine(l))
    .join('\n');
}

function meta(document: Document, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    const value = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? null;
    if (value && value.trim()) return value.trim();
  }
  return null;
}

export function parseHtml(input: TextInput): Parsed {
  const diagnostics: Diagnostic[] = [];
  const where = { file: input.file };
  let document: Document;
  try {
    document = parseHTML(input.text).document as unknown as Document;
  } catch (error) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_HTML', message: `cannot parse HTML: ${(error as Error).message}`, where });
    return { articles: [], diagnostics };
  }
  const publishedMeta = meta(
    document,
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'time[datetime]',
  );
  const url = meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]');
  const siteName = meta(document, 'meta[property="og:site_name"]');
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document, { charThreshold: 200 }).parse();
  } catch (error) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_HTML', message: `Readability failed: ${(error as Error).message}`, where });
    return { articles: [], diagnostics };
  }
  const contentHtml = parsed?.content ?? '';
  const lines = contentHtml ? htmlFragmentToText(contentHtml).split('\n') : [];
  const text = lines.filter((l) => !isBoilerplateLine(l)).join('\n');
  if (!parsed || text.split(/\s+/).length < 20) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_ARTICLE', message: 'HTML page has no article text (nothing Readability could extract)', where });
    return { articles: [], diagnostics };
  }
  const rawDate = parsed.publishedTime ?? publishedMeta;
  const published = normaliseDate(rawDate);
  if (rawDate && !published) {
    diagnostics.push({ severity: 'warning', code: 'INGEST_BAD_DATE', message: `published time '${rawDate}' is not a date; left unknown`, where });
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
    publishedSource: published ? 'metadata' : 'unknown',
    dateline: findLeadDateline(text),
    normalizations: [...input.normalizations, 'html->text'],
  });
  return { articles: [article], diagnostics };
}
