/**
 * RSS 2.0 and Atom feeds: one article per item/entry, from content:encoded / content, else
 * description / summary (HTML reduced to text), with pubDate / published / updated as the date.
 */
import { DOMParser } from 'linkedom';
import { makeArticle, type Article } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { findLeadDateline } from './dispatches.js';
import { normaliseDate } from './dates.js';
import { htmlFragmentToText, MAX_MARKUP_DEPTH, nestsDeeperThan } from './html.js';
import type { Parsed, TextInput } from './text.js';

interface El {
  tagName: string;
  localName?: string;
  textContent: string | null;
  children: ArrayLike<El>;
  innerHTML?: string;
  getAttribute(name: string): string | null;
}

function childrenNamed(el: El, ...names: string[]): El[] {
  const out: El[] = [];
  const wanted = names.map((n) => n.toLowerCase());
  // linkedom rebuilds `children` on every access: read it once, or a feed of n items costs O(n²).
  const children = Array.from(el.children);
  for (const c of children) {
    if (wanted.includes(c.tagName.toLowerCase())) out.push(c);
  }
  return out;
}

function childText(el: El, ...names: string[]): string | null {
  for (const name of names) {
    const [c] = childrenNamed(el, name);
    const t = c?.textContent?.trim();
    if (t) return t;
  }
  return null;
}

function rssItemText(item: El): string {
  const html = childText(item, 'content:encoded', 'encoded', 'description');
  return html ? htmlFragmentToText(html) : '';
}

/**
 * Atom content by its declared type: `html` is escaped markup, `xhtml` is inline markup (read as markup,
 * so paragraphs stay apart), `text` is plain text (a literal "<b>" in it is text). With no type, escaped
 * markup is read as HTML, as most feeds mean it.
 */
function atomEntryText(entry: El): string {
  for (const name of ['content', 'summary']) {
    const [el] = childrenNamed(entry, name);
    if (!el) continue;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    let text: string;
    if (type === 'xhtml') text = htmlFragmentToText(el.innerHTML ?? el.textContent ?? '');
    else if (type === 'text' || (type === '' && !/<\/?[a-z][\w:-]*[\s>/]/i.test(el.textContent ?? ''))) text = plainText(el.textContent ?? '');
    else text = htmlFragmentToText(el.textContent ?? '');
    if (text.trim()) return text;
  }
  return '';
}

/** Plain text: whitespace collapsed inside lines, blank lines dropped. */
function plainText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function looksLikeFeed(text: string): 'rss' | 'atom' | null {
  const head = text.slice(0, 2000);
  if (/<rss[\s>]/i.test(head) || /<rdf:RDF[\s>]/i.test(head)) return 'rss';
  if (/<feed[\s>]/i.test(head)) return 'atom';
  return null;
}

export function parseFeed(input: TextInput): Parsed {
  const diagnostics: Diagnostic[] = [];
  const kind = looksLikeFeed(input.text);
  if (!kind) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NOT_FEED', message: 'XML is neither RSS nor Atom', where: { file: input.file } });
    return { articles: [], diagnostics };
  }
  if (nestsDeeperThan(input.text, MAX_MARKUP_DEPTH)) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_XML', message: `feed XML nests elements more than ${MAX_MARKUP_DEPTH} deep; skipped`, where: { file: input.file } });
    return { articles: [], diagnostics };
  }
  let doc: { documentElement: El | null };
  try {
    doc = new DOMParser().parseFromString(input.text, 'text/xml') as unknown as { documentElement: El | null };
  } catch (error) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_XML', message: `cannot parse feed XML: ${(error as Error).message}`, where: { file: input.file } });
    return { articles: [], diagnostics };
  }
  const root = doc.documentElement;
  if (!root) {
    diagnostics.push({ severity: 'error', code: 'INGEST_BAD_XML', message: 'feed XML has no root element', where: { file: input.file } });
    return { articles: [], diagnostics };
  }
  const articles: Article[] = [];
  const channel = kind === 'rss' ? (childrenNamed(root, 'channel')[0] ?? root) : root;
  const feedTitle = childText(channel, 'title');
  const items = kind === 'rss' ? [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')] : childrenNamed(root, 'entry');
  items.forEach((item, i) => {
    const where = { file: input.file, record: i + 1 };
    const text = kind === 'rss' ? rssItemText(item) : atomEntryText(item);
    if (!text.trim()) {
      diagnostics.push({ severity: 'error', code: 'INGEST_NO_TEXT', message: 'feed item has no content or description; skipped', where });
      return;
    }
    const rawDate = kind === 'rss' ? childText(item, 'pubDate', 'dc:date', 'date') : childText(item, 'published', 'updated');
    const published = normaliseDate(rawDate);
    if (rawDate && !published) {
      diagnostics.push({ severity: 'warning', code: 'INGEST_BAD_DATE', message: `item date '${rawDate}' is not a date; left unknown`, where });
    }
    let link = kind === 'rss' ? childText(item, 'link', 'guid') : null;
    if (kind === 'atom') {
      const links = childrenNamed(item, 'link');
      const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      link = alternate?.getAttribute('href') ?? null;
    }
      articles.push(
      makeArticle({
        text,
        origin: { file: input.file, format: kind, record: i + 1 },
        title: childText(item, 'title'),
        url: link,
        source: feedTitle,
        byline: childText(item, 'dc:creator', 'creator', 'author'),
        published,
        publishedSource: published ? 'metadata' : 'unknown',
        dateline: findLeadDateline(text),
        normalizations: [...input.normalizations, 'html->text'],
      }),
    );
  });
  if (items.length === 0) {
    diagnostics.push({ severity: 'error', code: 'INGEST_NO_TEXT', message: `${kind} feed has no items`, where: { file: input.file } });
  }
  return { articles, diagnostics };
}
