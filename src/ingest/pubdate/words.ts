/**
 * Word lists and thresholds for finding a page's publication date (data, not logic).
 */

/** Month names and abbreviations (English, French, German, Spanish, Italian, Portuguese, Dutch) → month number. */
export const MONTH_NAMES: Record<string, number> = (() => {
  const lists: string[][] = [
    ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    ['', '', '', '', '', '', '', '', 'sept', '', '', ''],
    ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ];
  const out: Record<string, number> = {};
  for (const list of lists) list.forEach((name, i) => {
    if (name && out[name] === undefined) out[name] = i + 1;
  });
  return out;
})();

/** Schema.org types whose `datePublished` is the article's own (not the website's or an image's). */
export const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'reviewnewsarticle',
  'backgroundnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting', 'socialmediaposting', 'report',
  'scholarlyarticle', 'techarticle', 'satiricalarticle', 'posting',
]);

/**
 * `<meta>` names/properties (lower-cased) that state the publication date, in the order they are trusted.
 * OpenGraph/article first (written by the CMS from its own record), then the rest.
 */
export const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published', 'datepublished',
  'article.published', 'published_time', 'publish-date', 'publish_date', 'publishdate', 'pubdate', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.date', 'dcterms.created', 'dc.date.created',
  'dc.date', 'citation_publication_date', 'citation_date', 'originalpublicationdate', 'article_date_original',
  'cxenseparse:recs:publishtime', 'article:post_date', 'article:publicationdate', 'og:pubdate', 'bt:pubdate',
  'rnews:datepublished', 'shareaholic:article_published_time', 'dc.date.publication', 'dcsext.articlefirstpublished',
  'date_published', 'published-date', 'publication_date', 'pub_date', 'pdate', 'rbpubdate', 'dateposted', 'dc:date',
  'dc:created', 'dc.created', 'date', 'created', 'creation_date', 'date_created', 'datecreated', 'release_date',
  'displaydate', 'doc_date',
];

/** `<meta>` names/properties that state when the page was last modified (evidence, never the answer first). */
export const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'datemodified', 'dcterms.modified', 'dc.date.modified',
  'last-modified', 'lastmod', 'revised', 'article.updated', 'parsely-updated', 'sailthru.lastmodified',
];

/**
 * Keys under which script-rendered pages keep the publication time in their state (`window.__INITIAL_STATE__`,
 * `__NEXT_DATA__`, inline config), matched as `"key": "value"` in any non-JSON-LD script.
 */
export const SCRIPT_DATE_KEY = /"(?:datePublished|publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|firstPublished|firstPublishedDate|first_published_at|publicationDate|publication_date|pubDate|pub_date|displayDate)"\s*:\s*"([^"]{6,40})"/;
/** Script text read per page for state blobs (a page's own state comes early; bundles can be megabytes). */
export const MAX_SCRIPT_CHARS = 2_000_000;

/** Words before a date in visible text that say it is the publication date. */
export const PUBLISHED_CUES = /\b(?:published|posted|submitted|first published|publication date|released|erschienen|veröffentlicht|publié le|publicado)\b|發布|发布|公開|掲載/i;
/** Words before a date in visible text that say it is a later revision, not the publication. */
export const MODIFIED_CUES = /\b(?:updated|last updated|modified|last modified|edited|revised|aktualisiert|mis à jour|actualizado)\b|更新/i;

/** Class, id or itemprop fragments of elements that hold the page's own date line. */
export const DATE_HOLDER = /date|time|publish|posted|submitted|byline|meta|stamp|info/i;
/** Class, id or itemprop fragments of regions whose dates belong to other articles or to comments. */
export const FOREIGN_REGION = /related|recommend|trending|popular|most-read|mostread|sidebar|comment|teaser|promo|more-stories|read-next|readnext|widget|newsletter|nav|menu|tweet|twitter|instagram|embed|social/i;

/** Class or id fragments of the site's footer: foreign outside the article, the article's own inside it. */
export const FOOTER_REGION = /footer/i;
/** Elements that hold the article itself: its own date lines come before any outside them. */
export const ARTICLE_CONTAINER = /^(ARTICLE|MAIN)$/;

/** Visible lines longer than this are body text, not a date line. */
export const MAX_DATE_LINE_CHARS = 160;
/** A cue word ("Published", "Updated") and its date are at most this many characters apart. */
export const MAX_CUE_GAP = 24;
/** How many candidate date holders are examined before giving up (a page's own date line comes early). */
export const MAX_HOLDERS = 40;

/** A machine-readable date value longer than this is not a date (a page's JSON or text pasted into a field). */
export const MAX_DATE_VALUE_CHARS = 200;

/** Web publication dates before this year are implausible (the web news era). */
export const MIN_YEAR = 1995;
/** A stated day may run ahead of the reference ("now" or the crawl date) by this many days (time zones). */
export const FUTURE_SLACK_DAYS = 1;

/**
 * Confidence of each source when it wins. Machine-readable metadata is stated by the CMS; the URL is
 * set at publication but can be a section archive; a visible date line is read from free text.
 */
export const SOURCE_CONFIDENCE: Record<string, number> = {
  'json-ld': 1,
  meta: 1,
  'time-element': 0.95,
  url: 0.9,
  byline: 0.85,
  'script-state': 0.8,
  'time-generic': 0.7,
  modified: 0.5,
};

/** Regions that write numeric dates month first (`05/04/2020` is 4 May there, 5 April elsewhere). */
export const MONTH_FIRST_REGIONS = new Set(['us', 'ph', 'fm', 'mh', 'pw', 'as', 'gu', 'mp', 'pr', 'um', 'vi']);
