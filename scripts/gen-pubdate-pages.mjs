// Generates the publication-date evaluation pages: test-fixtures/pubdate/<family>-NN.html and gold.json.
//
// Each template family imitates one way real sites state (or hide) their dates: WordPress, Arc, Drupal,
// BBC- and Guardian-like pages, local-news CMSs, blogs, byline-only and URL-only pages, malformed metadata
// followed by valid values, modified dates listed first, pages with no date at all. Dates, times, zones,
// content and page chrome vary by a seeded random generator, so the set is reproducible:
//   node scripts/gen-pubdate-pages.mjs
// Families are split into dev and test halves (`split` in gold.json); tune on dev only.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORS, COMMENTERS, RELATED_TITLES, SECTIONS, SITES, STORIES } from './pubdate-content.mjs';

const OUT = join(process.cwd(), 'test-fixtures', 'pubdate');
const PAGES_PER_FAMILY = 9;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20201204);
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function lastSunday(year, month) {
  const d = new Date(Date.UTC(year, month, 0));
  return d.getUTCDate() - d.getUTCDay();
}
function nthSunday(year, month, n) {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}
/** Offset in minutes of a site on a local day (summer time by the EU or US rule, at day granularity). */
function offsetOn(site, y, m, d) {
  if (site.dst === 'eu') {
    const after = m > 3 || (m === 3 && d >= lastSunday(y, 3));
    const before = m < 10 || (m === 10 && d < lastSunday(y, 10));
    return site.zone + (after && before ? 60 : 0);
  }
  if (site.dst === 'us') {
    const after = m > 3 || (m === 3 && d >= nthSunday(y, 3, 2));
    const before = m < 11 || (m === 11 && d < nthSunday(y, 11, 1));
    return site.zone + (after && before ? 60 : 0);
  }
  return site.zone;
}

/** A local publication moment; a third of them late or early in the day, where UTC is another day. */
function moment(site) {
  const y = 2012 + Math.floor(rand() * 14);
  const m = 1 + Math.floor(rand() * (y === 2025 ? 10 : 12));
  const d = 1 + Math.floor(rand() * new Date(Date.UTC(y, m, 0)).getUTCDate());
  const edge = chance(0.35);
  const h = edge ? pick([0, 1, 2, 3, 4, 21, 22, 23]) : 6 + Math.floor(rand() * 14);
  const min = Math.floor(rand() * 60);
  const s = Math.floor(rand() * 60);
  const off = offsetOn(site, y, m, d);
  return { y, m, d, h, min, s, off, site };
}
const weekday = (t) => new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
const gold = (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
function offsetText(off, colon = true) {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}
const isoLocal = (t, ms = false) => `${gold(t)}T${pad(t.h)}:${pad(t.min)}:${pad(t.s)}${ms ? '.000' : ''}${offsetText(t.off)}`;
const isoUtc = (t, ms = false) => {
  const iso = new Date(Date.UTC(t.y, t.m - 1, t.d, t.h, t.min, t.s) - t.off * 60_000).toISOString();
  return ms ? iso : iso.replace('.000Z', 'Z');
};
const plainLocal = (t) => `${gold(t)} ${pad(t.h)}:${pad(t.min)}:${pad(t.s)}`;
function addDays(t, n) {
  const d = new Date(Date.UTC(t.y, t.m - 1, t.d + n));
  return { ...t, y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), off: offsetOn(t.site, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
}
const summer = (t) => t.off !== t.site.zone;
const clock12 = (t, dots = false) => `${t.h % 12 === 0 ? 12 : t.h % 12}:${pad(t.min)} ${t.h < 12 ? (dots ? 'a.m.' : 'AM') : dots ? 'p.m.' : 'PM'}`;

const FORMATS = {
  mdy: (t) => `${MONTHS[t.m - 1]} ${t.d}, ${t.y}`,
  ap: (t) => `${AP_MONTHS[t.m - 1]} ${t.d}, ${t.y}`,
  dmy: (t) => `${t.d} ${MONTHS[t.m - 1]} ${t.y}`,
  wdmy: (t) => `${WEEKDAYS[weekday(t)]} ${t.d} ${MONTHS[t.m - 1]} ${t.y}`,
  wmdy: (t) => `${WEEKDAYS[weekday(t)]}, ${MONTHS[t.m - 1]} ${t.d}, ${t.y}`,
  short: (t) => `${WEEKDAYS[weekday(t)].slice(0, 3)} ${t.d} ${MONTHS[t.m - 1].slice(0, 3)} ${t.y}`,
  ordinal: (t) => `${t.d}${Math.floor(t.d / 10) === 1 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[t.d % 10] ?? 'th')} ${MONTHS[t.m - 1]} ${t.y}`,
  dotted: (t) => `${pad(t.d)}.${pad(t.m)}.${t.y}`,
  usSlash: (t) => `${pad(t.m)}/${pad(t.d)}/${t.y}`,
  iso: (t) => gold(t),
};
const anyTextFormat = (t, site) => (site.lang === 'en-US' ? pick([FORMATS.mdy, FORMATS.ap, FORMATS.wmdy]) : pick([FORMATS.dmy, FORMATS.wdmy, FORMATS.short, FORMATS.ordinal, FORMATS.mdy]))(t);

// --- page chrome -------------------------------------------------------------------------------------

function otherDay(t, back) {
  return addDays(t, -back);
}
function nav() {
  return `<nav class="site-nav"><ul>${['Home', ...SECTIONS.slice(0, 5).map((s) => s[0].toUpperCase() + s.slice(1)), 'Contact'].map((x) => `<li><a href="/${x.toLowerCase()}">${x}</a></li>`).join('')}</ul></nav>`;
}
function sidebar(t, cls) {
  const items = [0, 1, 2].map((i) => {
    const o = otherDay(t, 2 + i * 3 + Math.floor(rand() * 3));
    return `<li><a href="/${pick(SECTIONS)}/story-${1000 + i}">${esc(pick(RELATED_TITLES))}</a> <time datetime="${gold(o)}">${FORMATS.mdy(o)}</time></li>`;
  });
  return `<aside class="${cls}"><h3>Most read</h3><ul>${items.join('')}</ul></aside>`;
}
function comments(t) {
  const later = addDays(t, 1 + Math.floor(rand() * 5));
  return `<section id="comments" class="comments-area"><h3>2 comments</h3><div class="comment"><p class="comment-meta">${pick(COMMENTERS)} posted on ${FORMATS.mdy(later)}</p><p>Good to see this finally happening.</p></div></section>`;
}
function footer(t) {
  return `<footer class="site-footer"><p>© ${t.y + Math.floor(rand() * 3)} ${'Media Group'}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>`;
}

function page({ site, story, head, dateBlock = '', bodyAfter = '', beforeArticle = '', afterArticle = '', lang = site.lang, url, t, noise = true }) {
  const paragraphs = story.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const before = noise && chance(0.5) ? sidebar(t ?? moment(site), pick(['sidebar', 'trending', 'widget-area'])) : '';
  const after = noise && chance(0.4) ? comments(t ?? moment(site)) : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(story.title)} | ${esc(site.name)}</title>
<meta property="og:title" content="${esc(story.title)}">
<meta property="og:site_name" content="${esc(site.name)}">
${url ? `<link rel="canonical" href="${url}">` : ''}
${head}
</head>
<body>
<header class="masthead"><a class="logo" href="/">${esc(site.name)}</a>${nav()}</header>
${beforeArticle}${before}
<main><article>
<h1>${esc(story.title)}</h1>
${dateBlock}
${paragraphs}
${bodyAfter}
</article>${afterArticle}${after}</main>
${footer(t ?? moment(site))}
</body>
</html>
`;
}

const ld = (obj) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;
const slug = (story) => story.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const urlOf = (site, path) => `https://${site.host}${path}`;
const by = () => pick(AUTHORS);

// --- families ----------------------------------------------------------------------------------------
// Each returns { html, day } where day is the gold local publication day, or null when the page states none.

const FAMILIES = {
  // WordPress with Yoast: OpenGraph article times, an @graph, "Posted on" entry meta, dated permalink.
  'wordpress-yoast': (site, story) => {
    const t = moment(site);
    const mod = addDays(t, Math.floor(rand() * 30));
    const url = urlOf(site, `/${t.y}/${pad(t.m)}/${pad(t.d)}/${slug(story)}/`);
    const head = `<meta property="article:published_time" content="${isoLocal(t)}">
<meta property="article:modified_time" content="${isoLocal(mod)}">
${ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: site.name }, { '@type': 'WebPage', url, datePublished: isoLocal(t), dateModified: isoLocal(mod) }, { '@type': 'Article', headline: story.title, datePublished: isoLocal(t), dateModified: isoLocal(mod) }] })}`;
    const dateBlock = `<div class="entry-meta"><span class="posted-on">Posted on <a href="${url}"><time class="entry-date published" datetime="${isoLocal(t)}">${anyTextFormat(t, site)}</time><time class="updated" datetime="${isoLocal(mod)}">${anyTextFormat(mod, site)}</time></a></span> <span class="byline">by ${by()}</span></div>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // A plain WordPress theme: no metadata, undated permalink, only the visible <time> in the entry meta.
  'wordpress-plain': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/${slug(story)}/`);
    const dateBlock = `<div class="${pick(['entry-meta', 'post-info', 'meta'])}">${pick(['Posted on', 'Published', ''])} <time datetime="${isoLocal(t)}">${anyTextFormat(t, site)}</time> by <a href="/author/x">${by()}</a></div>`;
    return { html: page({ site, story, head: '', dateBlock, url, t }), day: gold(t) };
  },
  // Arc-style: JSON-LD in UTC, a dated section URL, "Published … at 9:41 p.m. EDT".
  arc: (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/${pick(SECTIONS)}/${t.y}/${pad(t.m)}/${pad(t.d)}/${slug(story)}/`);
    const head = ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: story.title, datePublished: isoUtc(t, true), dateModified: isoUtc(addDays(t, Math.floor(rand() * 3)), true), author: [{ '@type': 'Person', name: by() }] });
    const abbr = site.abbr[summer(t) ? 1 : 0];
    const dateBlock = `<div class="display-date">${pick(['Published', ''])} ${FORMATS.ap(t)} at ${clock12(t, true)} ${abbr}</div>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // Arc variant: UTC meta only, a timestamp line that lists the update before the publication, undated URL.
  'arc-timestamp': (site, story) => {
    const t = moment(site);
    const mod = addDays(t, 1 + Math.floor(rand() * 5));
    const url = urlOf(site, `/${pick(SECTIONS)}/${slug(story)}-${Math.floor(rand() * 1e6)}/`);
    const head = `<meta property="article:published_time" content="${isoUtc(t)}">`;
    const abbr = site.abbr[summer(mod) ? 1 : 0];
    const dateBlock = `<span class="timestamp">Updated ${FORMATS.ap(mod)} at ${clock12(mod, true)} ${abbr} | Published ${FORMATS.ap(t)}</span>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // Drupal: Dublin Core terms in local time, "Submitted by … on Mon, 05/04/2020 - 15:41" (US order).
  drupal: (site, story) => {
    const t = moment(site);
    const mod = addDays(t, Math.floor(rand() * 60));
    const url = urlOf(site, `/node/${10000 + Math.floor(rand() * 90000)}`);
    const head = `<meta name="dcterms.created" content="${isoLocal(t)}">
<meta name="dcterms.modified" content="${isoLocal(mod)}">`;
    const dateBlock = `<div class="submitted">Submitted by <span class="username">${by()}</span> on ${WEEKDAYS[weekday(t)].slice(0, 3)}, ${FORMATS.usSlash(t)} - ${pad(t.h)}:${pad(t.min)}</div>`;
    return { html: page({ site: { ...site, lang: 'en-US' }, story, head, dateBlock, url, t, lang: 'en-US' }), day: gold(t) };
  },
  // European Drupal site: a dotted date field, Dublin Core issued (sometimes empty or zero), no URL date.
  'drupal-eu': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/${pick(SECTIONS)}/${slug(story)}`);
    const issued = pick(['', '0000-00-00', gold(t), gold(t)]);
    const head = `<meta name="DC.date.issued" content="${issued}">`;
    const dateBlock = `<div class="field field--name-field-date">${FORMATS.dotted(t)}${chance(0.5) ? ` | ${pad(t.h)}:${pad(t.min)}` : ''}</div>`;
    return { html: page({ site, story, head, dateBlock, url, t, lang: pick(['en-GB', 'de', 'en']) }), day: gold(t) };
  },
  // BBC-like: UTC instants in JSON-LD and <time datetime>, the UK local day printed in the element.
  'bbc-like': (site0, story) => {
    const site = SITES[3];
    const t = moment(site);
    const url = urlOf(site, `/news/${pick(['uk', 'world', 'business'])}-${50000000 + Math.floor(rand() * 9999999)}`);
    const head = ld({ '@context': 'http://schema.org', '@type': 'ReportageNewsArticle', headline: story.title, datePublished: isoUtc(t, true), dateModified: isoUtc(t, true), publisher: { '@type': 'NewsMediaOrganization', name: site0.name } });
    const dateBlock = `<div data-component="byline-block"><span>By ${by()}</span><div><time data-testid="timestamp" datetime="${isoUtc(t, true)}">${FORMATS.dmy(t)}</time></div></div>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // Guardian-like: UTC OpenGraph time, a dateline "Mon 4 May 2020 23.25 BST" and "Last modified on …".
  'guardian-like': (site0, story) => {
    const site = SITES[3];
    const t = moment(site);
    const mod = addDays(t, Math.floor(rand() * 3));
    const url = urlOf(site, `/${pick(SECTIONS)}/${t.y}/${MONTHS[t.m - 1].slice(0, 3).toLowerCase()}/${pad(t.d)}/${slug(story)}`);
    const head = `<meta property="article:published_time" content="${isoUtc(t, true)}">
<meta property="article:modified_time" content="${isoUtc(mod, true)}">`;
    const abbr = site.abbr[summer(t) ? 1 : 0];
    const dateBlock = `<div class="content__meta-container"><p class="byline">${by()}</p><details><summary>${FORMATS.short(t)} ${pad(t.h)}.${pad(t.min)} ${abbr}</summary><span>Last modified on ${FORMATS.short(mod)} ${pad(mod.h)}.${pad(mod.min)} ${abbr}</span></details></div>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // Local news (TownNews-like): a date meta, an Updated line before a Posted line.
  'local-blox': (site, story) => {
    const t = moment(site);
    const mod = addDays(t, Math.floor(rand() * 4));
    const url = urlOf(site, `/news/local/${slug(story)}/article_${Math.floor(rand() * 1e8).toString(16)}.html`);
    const head = chance(0.6) ? `<meta name="date" content="${gold(t)}">` : '';
    const dateBlock = `<ul class="list-inline"><li class="hidden-print">Updated ${FORMATS.mdy(mod)}</li><li><span>Posted ${FORMATS.mdy(t)}</span></li></ul>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // Local news with only an "Updated:" line and a Sailthru/Parse.ly date.
  'local-updated': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/story/news/${slug(story)}/${Math.floor(rand() * 1e9)}/`);
    const meta = pick([`<meta name="sailthru.date" content="${plainLocal(t)}">`, `<meta name="parsely-pub-date" content="${isoLocal(t)}">`, '']);
    const dateBlock = `<div class="gnt_ar_dt">Updated: ${FORMATS.mdy(t)} ${clock12(t)} ${site.short}</div>`;
    return { html: page({ site, story, head: meta, dateBlock, url, t }), day: gold(t) };
  },
  // Blogger: a date header, a month-only permalink (not a day), "Posted by … at 3:41 PM".
  blogger: (site, story) => {
    const t = moment(site);
    const url = `https://${slug(story).slice(0, 12)}.blogspot.com/${t.y}/${pad(t.m)}/${slug(story)}.html`;
    const beforeArticle = `<h2 class="date-header"><span>${FORMATS.wmdy(t)}</span></h2>`;
    const bodyAfter = `<div class="post-footer">Posted by ${by()} at ${clock12(t)}</div>`;
    return { html: page({ site, story, head: '', beforeArticle, bodyAfter, url, t }), day: gold(t) };
  },
  // Medium-like blog: BlogPosting JSON-LD in UTC with milliseconds, a bare visible date, "5 min read".
  'medium-like': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/@${by().split(' ')[0].toLowerCase()}/${slug(story)}-${Math.floor(rand() * 1e12).toString(16)}`);
    const head = ld({ '@context': 'http://schema.org', '@type': 'BlogPosting', datePublished: isoUtc(t, true), dateModified: isoUtc(addDays(t, 2), true), dateCreated: isoUtc(t, true) });
    const dateBlock = `<div class="pw-published-date"><span>${FORMATS.mdy(t)}</span> · 5 min read</div>`;
    return { html: page({ site, story, head, dateBlock, url, t }), day: gold(t) };
  },
  // Only a byline with "Published …" in a byline paragraph.
  'byline-only': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/${pick(SECTIONS)}/${slug(story)}`);
    const dateBlock = `<p class="byline">By ${by()} | ${pick(['Published', 'Published on', 'Posted'])} ${anyTextFormat(t, site)}${chance(0.5) ? ` ${clock12(t)}` : ''}</p>`;
    return { html: page({ site, story, head: '', dateBlock, url, t }), day: gold(t) };
  },
  // Only a plain div that says when it was published, in varied formats.
  'byline-plain': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/article/${Math.floor(rand() * 1e7)}`);
    const text = pick([
      () => `Published: ${FORMATS.dotted(t)}, ${pad(t.h)}:${pad(t.min)}`,
      () => `Posted on ${FORMATS.wdmy(t)}`,
      () => `First published ${FORMATS.ordinal(t)}`,
      () => `Published ${FORMATS.iso(t)} ${pad(t.h)}:${pad(t.min)}`,
    ])();
    const dateBlock = `<div>${text}</div>`;
    return { html: page({ site, story, head: '', dateBlock, url, t }), day: gold(t) };
  },
  // Only the URL path carries a date.
  'url-only': (site, story) => {
    const t = moment(site);
    const url = urlOf(site, `/${pick(SECTIONS)}/${t.y}/${pad(t.m)}/${pad(t.d)}/${slug(story)}`);
    return { html: page({ site, story, head: '', url, t }), day: gold(t) };
  },
  // Only the URL carries a date, written compactly or with dashes, given as og:url.
  'url-compact': (site, story) => {
    const t = moment(site);
    const path = pick([`/${pick(SECTIONS)}/${slug(story)}_${gold(t)}.html`, `/${gold(t)}/${slug(story)}/`, `/archive/${t.y}${pad(t.m)}${pad(t.d)}/${slug(story)}`]);
    const url = urlOf(site, path);
    return { html: page({ site, story, head: `<meta property="og:url" content="${url}">`, url: null, t }), day: gold(t) };
  },
  // A template placeholder in the first meta, a valid compact pubdate after it.
  'malformed-meta': (site, story) => {
    const t = moment(site);
    const bad = pick(['{{ post.date }}', 'Invalid Date', '%%PUBDATE%%', 'null', '0000-00-00T00:00:00']);
    const head = `<meta property="article:published_time" content="${bad}">
<meta name="${pick(['pubdate', 'publishdate', 'publish-date'])}" content="${pick([`${t.y}${pad(t.m)}${pad(t.d)}`, isoLocal(t), plainLocal(t)])}">`;
    return { html: page({ site, story, head, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // Broken JSON-LD or an invalid datePublished, then a valid Parse.ly date or microdata.
  'malformed-ld': (site, story) => {
    const t = moment(site);
    const broken = pick([
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${story.title}","datePublished":"${isoLocal(t)}",}</script>`,
      ld({ '@type': 'NewsArticle', datePublished: 'Invalid Date' }),
      ld({ '@type': 'NewsArticle', datePublished: '' }),
    ]);
    const valid = pick([
      `<meta name="parsely-pub-date" content="${isoLocal(t)}">`,
      `<meta itemprop="datePublished" content="${isoLocal(t)}">`,
      `<meta name="dc.date" content="${gold(t)}">`,
    ]);
    return { html: page({ site, story, head: `${broken}\n${valid}`, url: urlOf(site, `/${slug(story)}.html`), t }), day: gold(t) };
  },
  // Modified dates listed before published ones, and an "Updated" line that is later.
  'modified-first': (site, story) => {
    const t = moment(site);
    const mod = addDays(t, 3 + Math.floor(rand() * 200));
    const head = `<meta property="article:modified_time" content="${isoLocal(mod)}">
<meta property="og:updated_time" content="${isoLocal(mod)}">
${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', dateModified: isoLocal(mod), datePublished: isoLocal(t), headline: story.title })}`;
    const dateBlock = `<p class="article-date">Updated ${anyTextFormat(mod, site)}</p>`;
    return { html: page({ site, story, head, dateBlock, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // An updated time in the head, the publication only in microdata in the body.
  'modified-microdata': (site, story) => {
    const t = moment(site);
    const mod = addDays(t, 1 + Math.floor(rand() * 100));
    const head = `<meta property="og:updated_time" content="${isoLocal(mod)}">`;
    const dateBlock = `<div class="dates"><span>Last updated on ${anyTextFormat(mod, site)}</span> <span itemprop="datePublished" content="${isoLocal(t)}">${anyTextFormat(t, site)}</span></div>`;
    return { html: page({ site, story, head, dateBlock, url: urlOf(site, `/${pick(SECTIONS)}/${slug(story)}`), t }), day: gold(t) };
  },
  // Asian sites: early-morning local times whose UTC instant is the day before.
  'asia-offset': (site0, story) => {
    const site = pick([SITES[4], SITES[5], SITES[6], SITES[7]]);
    const t = { ...moment(site), h: pick([0, 1, 2, 3, 4, 5, 6]) };
    const head = ld([{ '@context': 'https://schema.org', '@type': 'Organization', name: site.name, foundingDate: '1998-01-01' }, { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: story.title, datePublished: isoLocal(t), dateModified: isoLocal(t) }]);
    return { html: page({ site, story, head, url: urlOf(site, `/news/${slug(story)}-${Math.floor(rand() * 1e6)}`), t }), day: gold(t) };
  },
  // American evening stories: local offset times whose UTC instant is the next day.
  'us-evening': (site0, story) => {
    const site = pick(SITES.slice(0, 3));
    const t = { ...moment(site), h: pick([18, 19, 20, 21, 22, 23]) };
    const head = `<meta property="article:published_time" content="${isoLocal(t)}">
<meta name="${pick(['parsely-pub-date', 'sailthru.date', 'date'])}" content="${isoUtc(t)}">`;
    return { html: page({ site, story, head, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // No publication date at all: dates only in the story, other stories' lists, comments and the footer.
  'no-date': (site, story) => {
    const t = moment(site);
    const o = otherDay(t, 400);
    const bodyAfter = `<p>The plan was first proposed on ${FORMATS.dmy(o)}, when the previous administration was in office.</p>`;
    return { html: page({ site, story, head: '', bodyAfter, url: urlOf(site, `/${slug(story)}`), t }), day: null };
  },
  // No publication date; a comment says "posted on" and an events box lists a future date.
  'no-date-comments': (site, story) => {
    const t = moment(site);
    const afterArticle = `${comments(t)}<div class="events-box"><h3>Next meeting</h3><p>${FORMATS.mdy(addDays(t, 30))}</p></div>`;
    return { html: page({ site, story, head: '', afterArticle, url: urlOf(site, `/${pick(SECTIONS)}/${slug(story)}`), t, noise: false }), day: null };
  },
  // Placeholders that are dates but impossible: the epoch's first day and a far-future date, then a valid one.
  'implausible-first': (site, story) => {
    const t = moment(site);
    const head = `<meta property="article:published_time" content="${pick(['1970-01-01T00:00:00Z', '2099-12-31T00:00:00Z', '1900-01-01'])}">
${ld({ '@context': 'https://schema.org', '@type': 'Article', headline: story.title, datePublished: isoLocal(t) })}`;
    return { html: page({ site, story, head, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // A time element with a date-only datetime and a US-order visible line ("Posted 05/04/2020").
  'time-us-slash': (site0, story) => {
    const site = pick(SITES.slice(0, 3));
    const t = moment(site);
    const dateBlock = `<div class="article-byline">By ${by()} · Posted ${FORMATS.usSlash(t)} ${clock12(t)}</div>`;
    return { html: page({ site, story, head: '', dateBlock, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // A "latest news" list with other stories' times before the article; the article's own <time> after it.
  'latest-list': (site, story) => {
    const t = moment(site);
    const items = [1, 2, 3].map((i) => `<li><a href="/n/${i}">${esc(pick(RELATED_TITLES))}</a><time datetime="${isoLocal(addDays(t, -i))}">${i} days ago</time></li>`);
    const beforeArticle = `<div class="latest-news"><ul>${items.join('')}</ul></div>`;
    const dateBlock = `<div class="article-header"><time datetime="${isoLocal(t)}">${anyTextFormat(t, site)}</time></div>`;
    return { html: page({ site, story, head: '', beforeArticle, dateBlock, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // A breaking-news ticker with a dated headline first; the article's date in a header <time> only.
  'ticker-first': (site, story) => {
    const t = moment(site);
    const o = addDays(t, -(1 + Math.floor(rand() * 20)));
    const beforeArticle = `<div class="breaking-ticker"><span>Breaking:</span> <a href="/b">${esc(pick(RELATED_TITLES))}</a> <time datetime="${isoLocal(o)}">${FORMATS.mdy(o)}</time></div>`;
    const dateBlock = `<header><p>By ${by()}</p><time datetime="${isoLocal(t)}">${anyTextFormat(t, site)}</time></header>`;
    return { html: page({ site, story, head: '', beforeArticle, dateBlock, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // hAtom microformat: <abbr class="published" title="ISO">.
  hatom: (site, story) => {
    const t = moment(site);
    const dateBlock = `<div class="hentry-meta"><abbr class="published" title="${isoLocal(t)}">${anyTextFormat(t, site)}</abbr> by <span class="vcard author">${by()}</span></div>`;
    return { html: page({ site, story, head: '', dateBlock, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // RFC 822 / HTTP-style dates in metas, or a numeric DC.Date written the site's way.
  'rfc-meta': (site, story) => {
    const t = moment(site);
    const rfc = `${WEEKDAYS[weekday(t)].slice(0, 3)}, ${pad(t.d)} ${MONTHS[t.m - 1].slice(0, 3)} ${t.y} ${pad(t.h)}:${pad(t.min)}:${pad(t.s)} ${offsetText(t.off, false)}`;
    const head = pick([`<meta http-equiv="date" content="${rfc}">`, `<meta name="DC.Date" content="${site.lang === 'en-US' ? FORMATS.usSlash(t) : `${pad(t.d)}/${pad(t.m)}/${t.y}`}">`, `<meta name="date" content="${rfc}">`]);
    return { html: page({ site, story, head, url: urlOf(site, `/${slug(story)}`), t, lang: site.lang === 'en' ? 'en-GB' : site.lang }), day: gold(t) };
  },
  // German and Dutch date lines.
  'lang-de': (site, story) => {
    const t = moment(site);
    const de = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
    const text = pick([`Veröffentlicht am ${t.d}. ${de[t.m - 1]} ${t.y}, ${pad(t.h)}:${pad(t.min)} Uhr`, `${FORMATS.dotted(t)}, ${pad(t.h)}:${pad(t.min)} Uhr`, `Gepubliceerd op ${t.d} ${['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][t.m - 1]} ${t.y}`]);
    const dateBlock = `<p class="article-meta">${text}</p>`;
    return { html: page({ site, story, head: '', dateBlock, url: urlOf(site, `/${slug(story)}`), t, lang: pick(['de', 'de-DE', 'nl']) }), day: gold(t) };
  },
  // French and Spanish date lines.
  'lang-fr-es': (site, story) => {
    const t = moment(site);
    const fr = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
    const es = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
    const text = pick([`Publié le ${t.d} ${fr[t.m - 1]} ${t.y} à ${t.h}h${pad(t.min)}`, `Publicado el ${t.d} de ${es[t.m - 1]} de ${t.y}`, `Mis à jour le ${t.d} ${fr[t.m - 1]} ${t.y}`]);
    const dateBlock = `<div class="info-article"><span>${text}</span></div>`;
    return { html: page({ site, story, head: '', dateBlock, url: urlOf(site, `/${slug(story)}`), t, lang: pick(['fr', 'fr-FR', 'es', 'es-ES']) }), day: gold(t) };
  },
  // Chinese date lines ("发布时间：2020年5月4日 14:32").
  'cjk-zh': (site, story) => {
    const t = moment(site);
    const text = pick([`发布时间：${t.y}年${t.m}月${t.d}日 ${pad(t.h)}:${pad(t.min)}`, `${t.y}年${pad(t.m)}月${pad(t.d)}日 ${pad(t.h)}:${pad(t.min)} 来源：新华社`]);
    const dateBlock = `<div class="info">${text}</div>`;
    return { html: page({ site, story, head: '', dateBlock, url: urlOf(site, `/${slug(story)}`), t, lang: 'zh-CN' }), day: gold(t) };
  },
  // Japanese and dotted Asian date lines ("2020年5月4日 15時41分 公開", "2020.05.04 15:41").
  'cjk-ja': (site, story) => {
    const t = moment(site);
    const text = pick([`${t.y}年${t.m}月${t.d}日 ${t.h}時${pad(t.min)}分 公開`, `${t.y}.${pad(t.m)}.${pad(t.d)} ${pad(t.h)}:${pad(t.min)}`, `公開日：${t.y}/${pad(t.m)}/${pad(t.d)}`]);
    const dateBlock = `<p class="date">${text}</p>`;
    return { html: page({ site, story, head: '', dateBlock, url: urlOf(site, `/${slug(story)}`), t, lang: 'ja' }), day: gold(t) };
  },
  // The date in the article's own footer ("Posted on … in News").
  'article-footer': (site, story) => {
    const t = moment(site);
    const bodyAfter = `<footer class="entry-footer"><span class="posted-on">Posted on ${anyTextFormat(t, site)}</span> in <a href="/news">News</a></footer>`;
    return { html: page({ site, story, head: '', bodyAfter, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // A closing line: "This article was first published on 4 May 2020."
  'closing-line': (site, story) => {
    const t = moment(site);
    const bodyAfter = `<p class="article__note"><em>This article was first published on ${anyTextFormat(t, site)}.</em></p>`;
    return { html: page({ site, story, head: '', bodyAfter, url: urlOf(site, `/${slug(story)}`), t }), day: gold(t) };
  },
  // A script-rendered page: the date only in the app's state blob and a relative "3 hours ago".
  'spa-state': (site, story) => {
    const t = moment(site);
    const state = { article: { id: Math.floor(rand() * 1e6), headline: story.title, publishedAt: isoLocal(t), section: pick(SECTIONS) }, related: [{ headline: pick(RELATED_TITLES) }] };
    const head = `<script>window.__INITIAL_STATE__ = ${JSON.stringify(state)};</script>`;
    const dateBlock = `<span class="ago">${1 + Math.floor(rand() * 11)} hours ago</span>`;
    return { html: page({ site, story, head, dateBlock, url: urlOf(site, `/a/${Math.floor(rand() * 1e8).toString(36)}`), t }), day: gold(t) };
  },
  // A Next.js page: the date only in __NEXT_DATA__, written with the site offset.
  'next-data': (site, story) => {
    const t = moment(site);
    const data = { props: { pageProps: { story: { title: story.title, firstPublishedDate: isoLocal(t), author: by() }, nav: SECTIONS } } };
    const head = `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`;
    return { html: page({ site, story, head, url: urlOf(site, `/story/${slug(story)}`), t }), day: gold(t) };
  },
};

/** Template families for tuning (dev) and for the reported figure (test): pairs of related mechanisms are split. */
const SPLIT = {
  'wordpress-yoast': 'dev', 'wordpress-plain': 'test', arc: 'dev', 'arc-timestamp': 'test', drupal: 'dev', 'drupal-eu': 'test',
  'bbc-like': 'dev', 'guardian-like': 'test', 'local-blox': 'dev', 'local-updated': 'test', blogger: 'dev', 'medium-like': 'test',
  'byline-only': 'dev', 'byline-plain': 'test', 'url-only': 'dev', 'url-compact': 'test', 'malformed-meta': 'dev', 'malformed-ld': 'test',
  'modified-first': 'dev', 'modified-microdata': 'test', 'asia-offset': 'dev', 'us-evening': 'test', 'no-date': 'dev', 'no-date-comments': 'test',
  'implausible-first': 'dev', 'time-us-slash': 'test', 'latest-list': 'dev', 'ticker-first': 'test', hatom: 'dev', 'rfc-meta': 'test',
  'lang-de': 'dev', 'lang-fr-es': 'test', 'cjk-zh': 'dev', 'cjk-ja': 'test', 'article-footer': 'dev', 'closing-line': 'test',
  'spa-state': 'dev', 'next-data': 'test',
};

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.html')) rmSync(join(OUT, f));
const goldRows = [];
for (const [family, make] of Object.entries(FAMILIES)) {
  for (let i = 1; i <= PAGES_PER_FAMILY; i++) {
    const site = pick(SITES);
    const story = pick(STORIES);
    const { html, day } = make(site, story);
    const file = `${family}-${pad(i)}.html`;
    writeFileSync(join(OUT, file), html);
    goldRows.push({ file, family, split: SPLIT[family], day });
  }
}
writeFileSync(join(OUT, 'gold.json'), `[\n${goldRows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${goldRows.length} pages in ${Object.keys(FAMILIES).length} families → ${OUT}`);
