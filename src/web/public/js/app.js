// The dateline web UI: a hash-routed single page over the JSON API. Every value from the API is
// rendered through html`…` (escape.js); links built from data go through safeUrl or encodeURIComponent.
import { html, mount, safeUrl } from './escape.js';
import { annotateText, describeQuantity, describeTime, highlightSnippet, speakerColour } from './annotate.js';
import { humanizeText, humanTime, monthRange } from './dates.js';
import { activateMaps, eventType, mapSvg, precisionWords, worldPath } from './map.js';
import { EVENT_TABLE_FILTERS, eventsView } from './events.js';
import { quotesView } from './quotes.js';

const main = document.getElementById('main');
const searchBox = document.getElementById('q');
let health = null;

class ApiFailure extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.code = error?.code ?? 'HTTP';
    this.status = status;
  }
}

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  const response = await fetch(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiFailure(response.status, body?.error);
  return body;
}

function parseHash() {
  const h = location.hash.slice(1) || '/';
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query };
}

/** An in-app link: `#/a/b?x=1`, every part encoded. */
function href(parts, query = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#/${parts.map((p) => encodeURIComponent(p)).join('/')}${s ? `?${s}` : ''}`;
}

const fmt = new Intl.NumberFormat('en');
const day = (d) => (d ? String(d).slice(0, 10) : 'undated');
/** A TIMEX value in words, the value itself on hover. */
const when = (value) => (value ? html`<time title="${value}">${humanTime(value)}</time>` : 'undated');
const articleLink = (id, title) => html`<a href="${href(['article', id])}">${title || '(untitled)'}</a>`;
const eventLink = (articleId, e, text) => html`<a href="${href(['event', articleId, e.id])}">${humanizeText(text ?? (e.summary || eventType(e)))}</a>`;
const entityLink = (key, name) => html`<a href="${href(['entity', key])}">${name}</a>`;

function pager(page, base, query) {
  const { total, limit, offset } = page;
  if (total <= limit && offset === 0) return html`<p class="muted">${fmt.format(total)} ${total === 1 ? 'item' : 'items'}</p>`;
  const prev = offset > 0 ? html`<a href="${href(base, { ...query, offset: Math.max(0, offset - limit) })}" rel="prev">← Previous</a>` : '';
  const next = offset + limit < total ? html`<a href="${href(base, { ...query, offset: offset + limit })}" rel="next">Next →</a>` : '';
  return html`<nav class="pager" aria-label="Pages">${prev}<span class="muted">${fmt.format(offset + 1)}–${fmt.format(Math.min(total, offset + limit))} of ${fmt.format(total)}</span>${next}</nav>`;
}

function queryObject(query, keys) {
  const out = {};
  for (const k of keys) if (query.get(k)) out[k] = query.get(k);
  return out;
}

function focusHeading() {
  const h = main.querySelector('h1');
  if (h) {
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: false });
  }
}

// ---------------------------------------------------------------- search

const FILTERS = ['type', 'place', 'source', 'from', 'to'];

function facetGroup(title, name, values, query, active) {
  if (!values.length) return '';
  const items = values.map((f) => {
    const filter = name === 'month' ? monthRange(f.value) : { [name]: f.value };
    if (!filter) return '';
    const on = name === 'month' ? active.from === filter.from : active[name] === f.value;
    return html`<li><a href="${href(['search'], { ...active, ...filter, q: query })}" class="${on ? 'facet on' : 'facet'}" aria-current="${on ? 'true' : 'false'}"><span>${f.value}</span><span class="count">${fmt.format(f.count)}</span></a></li>`;
  });
  return html`<section class="facet-group"><h3>${title}</h3><ul>${items}</ul></section>`;
}

async function searchView(_parts, q) {
  const query = q.get('q') ?? '';
  const active = queryObject(q, FILTERS);
  const offset = Number(q.get('offset') ?? 0) || 0;
  searchBox.value = query;
  const [results, facets, stats] = await Promise.all([
    api('/api/search', { q: query, ...active, limit: 20, offset }),
    api('/api/facets', { q: query || undefined, ...active }),
    api('/api/stats'),
  ]);
  const chips = Object.entries(active).map(([k, v]) => {
    const rest = { ...active };
    delete rest[k];
    if (k === 'from' || k === 'to') {
      delete rest.from;
      delete rest.to;
    }
    return html`<a class="chip" href="${href(['search'], { ...rest, q: query })}" aria-label="Remove filter ${k} ${v}">${k}: ${v} ✕</a>`;
  });
  const hits = results.items.map(
    (h) => html`<li class="hit">
      <h3>${articleLink(h.id, h.title)}</h3>
      <p class="meta">${day(h.published)}${h.source ? html` · ${h.source}` : ''}</p>
      <p class="snippet">${highlightSnippet(h.snippet, h.highlights)}</p>
    </li>`,
  );
  mount(
    main,
    html`<div class="search-layout">
      <aside class="facets" aria-label="Facets">
        <h2>Refine</h2>
        <p class="muted">${facets.articles ? `over ${fmt.format(facets.articles)} ${query ? 'best matches' : 'newest articles'}` : 'nothing to refine'}</p>
        ${facetGroup('Event type', 'type', facets.type, query, active)}
        ${facetGroup('Place', 'place', facets.place, query, active)}
        ${facetGroup('Month', 'month', facets.month, query, active)}
        ${facetGroup('Source', 'source', facets.source, query, active)}
      </aside>
      <section class="results" aria-live="polite">
        <h1>${query ? html`Results for “${query}”` : 'Newest articles'}</h1>
        <p class="muted">${fmt.format(stats.articles)} articles · ${fmt.format(stats.words)} words · ${stats.firstPublished ?? '?'} … ${stats.lastPublished ?? '?'}</p>
        ${chips.length ? html`<p class="chips">${chips}</p>` : ''}
        ${results.items.length ? html`<ol class="hits">${hits}</ol>` : html`<p class="empty">No articles match.${stats.articles === 0 ? ' The database is empty: run npm start or dateline ingest.' : ''}</p>`}
        ${pager(results, ['search'], { q: query, ...active })}
      </section>
    </div>`,
  );
}

// ---------------------------------------------------------------- article

const LAYER_LABELS = [
  ['entities', 'Entities'],
  ['times', 'Dates'],
  ['quotes', 'Quotes'],
  ['quantities', 'Counts'],
  ['places', 'Places'],
  ['events', 'Events'],
];

function speakerOf(layers, speaker) {
  if (!speaker) return 'unattributed';
  const e = speaker.entity ? (layers.entities ?? []).find((x) => x.id === speaker.entity) : null;
  return e ? e.name : speaker.text;
}

function panelSection(title, name, items) {
  return html`<section class="panel-section" data-layer="${name}">
    <h2>${title} <span class="count">${items.length}</span></h2>
    ${items.length ? html`<ul>${items}</ul>` : html`<p class="muted">none found${name ? ' (layer absent or empty)' : ''}</p>`}
  </section>`;
}

function showButton(ref) {
  return html`<button type="button" class="link show" data-show="${ref}">show in text</button>`;
}

async function articleView([id]) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  const layers = { entities: a.entities ?? [], times: a.times ?? [], quotes: a.quotes ?? [], quantities: a.quantities ?? [], places: a.places ?? [], events: a.events ?? [] };
  const entityItems = layers.entities.map(
    (e, i) => html`<li data-item="entity:${i}" tabindex="-1">
      <span class="badge ent-${String(e.type).toLowerCase()}">${e.type}</span> ${entityLink(e.key, e.name)}
      <span class="muted">${e.mentions?.length ?? 0} mentions</span>
      ${e.roles?.length ? html`<div class="roles">${e.roles.map((r) => html`<span class="role">${r.title}${r.affiliation ? html` (${r.affiliation})` : ''}</span>`)}</div>` : ''}
      ${showButton(`entity:${i}`)}
    </li>`,
  );
  const timeItems = layers.times.map(
    (t, i) => html`<li data-item="time:${i}" tabindex="-1"><q>${t.text}</q> → <strong>${when(t.value)}</strong><div class="muted small">${describeTime(t)}</div>${showButton(`time:${i}`)}</li>`,
  );
  const quoteItems = layers.quotes.map((qt, i) => {
    const who = speakerOf(layers, qt.speaker);
    return html`<li data-item="quote:${i}" tabindex="-1" class="spk-${speakerColour(who)} quote-item">
      <span class="speaker">${who}</span>${qt.cue ? html` <span class="muted">${qt.cue.text}</span>` : ''}<blockquote>${qt.text}</blockquote>${showButton(`quote:${i}`)}
    </li>`;
  });
  const qtyItems = layers.quantities.map(
    (x, i) => html`<li data-item="quantity:${i}" tabindex="-1"><strong>${x.text}</strong><div class="small">${describeQuantity(x)}</div>${showButton(`quantity:${i}`)}</li>`,
  );
  const placeItems = layers.places.map(
    (p, i) => html`<li data-item="place:${i}" tabindex="-1">${p.name}${p.near ? html` <span class="muted small">≈ near ${p.near}</span>` : ''}${p.country ? html` <span class="muted">${p.country}</span>` : ''} <span class="muted small">${p.lat}, ${p.lon} · ${p.precision}</span>${showButton(`place:${i}`)}</li>`,
  );
  const eventItems = layers.events.map(
    (e, i) => html`<li data-item="event:${i}" tabindex="-1">
      <span class="badge">${eventType(e)}</span> ${eventLink(a.id, e)}
      <div class="small">${e.date ? when(e.date.value) : 'undated'}${e.place ? html` · ${e.place.name}` : ''}${e.killed ? html` · ${e.killed.value} killed` : ''}${e.injured ? html` · ${e.injured.value} injured` : ''}</div>
      ${showButton(`event:${i}`)}
    </li>`,
  );
  const url = safeUrl(a.url);
  mount(
    main,
    html`<div class="article-layout">
      <article class="reader">
        <h1>${a.title || '(untitled)'}</h1>
        <p class="meta">
          <span title="${`how: ${a.publishedSource}${a.publication?.[0]?.rule ? `, ${a.publication[0].rule}` : ''}`}">${a.published ?? 'date unknown'} (${a.publishedSource})</span>
          ${a.source ? html` · ${a.source}` : ''}${a.dateline ? html` · ${a.dateline.text}` : ''}
          ${a.url ? (url === '#' ? html` · <span class="muted">${a.url}</span>` : html` · <a href="${url}" rel="noopener noreferrer nofollow">original</a>`) : ''}
          ${a.nearDuplicateOf ? html` · near-duplicate of ${articleLink(a.nearDuplicateOf, a.nearDuplicateOf)}` : ''}
        </p>
        <fieldset class="toggles"><legend>Show in the text</legend>
          ${LAYER_LABELS.map(([k, label]) => html`<label class="toggle t-${k}"><input type="checkbox" data-layer-toggle="${k}" checked> ${label} <span class="count">${layers[k].length}</span></label>`)}
        </fieldset>
        <div class="text" id="article-text">${annotateText(a.text, layers)}</div>
        <p class="muted small">From ${a.sightings.map((s) => `${s.file}${s.line ? `:${s.line}` : ''}${s.record ? ` #${s.record}` : ''}`).join(', ')} · id ${a.id}</p>
      </article>
      <aside class="panel" aria-label="Layers of this article">
        ${panelSection('Entities', 'entities', entityItems)}
        ${panelSection('Events', 'events', eventItems)}
        ${panelSection('Quotes', 'quotes', quoteItems)}
        ${panelSection('Counts', 'quantities', qtyItems)}
        ${panelSection('Dates', 'times', timeItems)}
        ${panelSection('Places', 'places', placeItems)}
      </aside>
    </div>`,
  );
  const text = document.getElementById('article-text');
  const select = (ref, { fromText }) => {
    for (const el of main.querySelectorAll('.active, .selected')) el.classList.remove('active', 'selected');
    const spans = [...text.querySelectorAll(`[data-ref="${CSS.escape(ref)}"]`)];
    for (const s of spans) s.classList.add('active');
    const item = main.querySelector(`[data-item="${CSS.escape(ref)}"]`);
    if (fromText && item) {
      item.classList.add('selected');
      // Scroll the side panel only, so the text being read stays where it is.
      const panel = item.closest('.panel');
      if (panel && panel.scrollHeight > panel.clientHeight) panel.scrollTop = Math.max(0, item.offsetTop - panel.clientHeight / 3);
      else item.scrollIntoView({ block: 'nearest' });
      item.focus({ preventScroll: true });
    } else if (spans[0]) {
      spans[0].scrollIntoView({ block: 'center' });
      (spans.find((s) => s.hasAttribute('tabindex')) ?? spans[0]).focus?.({ preventScroll: true });
    }
  };
  text.addEventListener('click', (ev) => {
    const span = ev.target.closest('[data-ref]');
    if (span) select(span.dataset.ref, { fromText: true });
  });
  text.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const span = ev.target.closest('[data-ref]');
    if (span) {
      ev.preventDefault();
      select(span.dataset.ref, { fromText: true });
    }
  });
  main.querySelector('.panel').addEventListener('click', (ev) => {
    const button = ev.target.closest('[data-show]');
    if (button) select(button.dataset.show, { fromText: false });
  });
  main.querySelector('.toggles').addEventListener('change', (ev) => {
    const layer = ev.target.dataset.layerToggle;
    if (layer) text.classList.toggle(`hide-${layer}`, !ev.target.checked);
  });
}

// ---------------------------------------------------------------- entities

function barChart(points, label) {
  if (!points.length) return html`<p class="muted">No dated mentions.</p>`;
  const w = 640;
  const h = 120;
  const max = Math.max(...points.map((p) => p.mentions));
  const bw = Math.max(4, Math.min(40, (w - 20) / points.length - 2));
  const bars = points.map((p, i) => {
    const bh = Math.max(2, (p.mentions / max) * (h - 30));
    const x = 10 + i * (bw + 2);
    return html`<rect x="${x}" y="${h - 20 - bh}" width="${bw}" height="${bh}" class="bar"><title>${p.day}: ${p.mentions} mentions in ${p.articles} articles</title></rect>`;
  });
  const first = points[0].day;
  const last = points[points.length - 1].day;
  return html`<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}">${bars}
    <text x="10" y="${h - 4}" class="axis">${first}</text><text x="${w - 10}" y="${h - 4}" text-anchor="end" class="axis">${last}</text></svg>`;
}

async function entityView([key]) {
  const e = await api(`/api/entities/${encodeURIComponent(key)}`);
  mount(
    main,
    html`<div class="page">
      <h1><span class="badge ent-${String(e.type).toLowerCase()}">${e.type}</span> ${e.name}</h1>
      <p class="muted">${fmt.format(e.mentions)} mentions in ${fmt.format(e.articles)} articles${e.names.length > 1 ? html` · also written ${e.names.slice(1).join(', ')}` : ''}</p>
      <section><h2>Roles</h2>${e.roles.length ? html`<ul class="inline">${e.roles.map((r) => html`<li>${r.title}${r.affiliation ? html` (${r.affiliation})` : ''} <span class="count">${r.count}</span></li>`)}</ul>` : html`<p class="muted">No roles stated.</p>`}</section>
      <section><h2>Mentions over time</h2>${barChart(e.timeline, `Mentions of ${e.name} per day`)}</section>
      <section><h2>What they said</h2>${
        e.quotes.length
          ? html`<ul class="quotes">${e.quotes.map((x) => html`<li class="quote-item spk-${speakerColour(e.name)}"><blockquote>${x.quote.text}</blockquote><span class="muted small">${day(x.published)} · ${articleLink(x.articleId, x.title)}</span></li>`)}</ul>`
          : html`<p class="muted">No quotes attributed.</p>`
      }</section>
      <section><h2>Events</h2>${
        e.events.length
          ? html`<ul>${e.events.map((x) => html`<li><span class="badge">${x.role}</span> ${eventLink(x.articleId, x.event)} <span class="muted small">${x.event.date ? when(x.event.date.value) : 'undated'} · ${articleLink(x.articleId, x.title)}</span></li>`)}</ul>`
          : html`<p class="muted">Not an actor or target of any event found.</p>`
      }</section>
      <section><h2>Articles</h2><ul>${e.appearances.map((x) => html`<li>${day(x.published)} · ${articleLink(x.articleId, x.title)} <span class="muted small">${x.mentions} mentions</span></li>`)}</ul></section>
    </div>`,
  );
}

async function entitiesView(_parts, q) {
  const filter = queryObject(q, ['q', 'type']);
  const offset = Number(q.get('offset') ?? 0) || 0;
  const page = await api('/api/entities', { ...filter, limit: 50, offset });
  mount(
    main,
    html`<div class="page">
      <h1>Entities</h1>
      <form class="filters" data-route="entities">
        <label>Name <input name="q" value="${filter.q ?? ''}"></label>
        <label>Type <select name="type">${['', 'PER', 'ORG', 'LOC', 'MISC'].map((t) => html`<option value="${t}"${t === (filter.type ?? '') ? html` selected` : ''}>${t || 'any'}</option>`)}</select></label>
        <button type="submit">Filter</button>
      </form>
      ${page.items.length ? html`<table><thead><tr><th>Name</th><th>Type</th><th>Articles</th><th>Mentions</th></tr></thead><tbody>${page.items.map((e) => html`<tr><td>${entityLink(e.key, e.name)}</td><td>${e.type}</td><td>${e.articles}</td><td>${e.mentions}</td></tr>`)}</tbody></table>` : html`<p class="empty">No entities (the entity layer may be empty).</p>`}
      ${pager(page, ['entities'], filter)}
    </div>`,
  );
}

// ---------------------------------------------------------------- events, stories, timeline, map

async function eventView([articleId, eventId]) {
  const row = await api(`/api/events/${encodeURIComponent(articleId)}/${encodeURIComponent(eventId)}`);
  const e = row.event;
  const path = await worldPath();
  const arg = (list) => (list?.length ? list.map((x) => html`<li>${x.text}</li>`) : html`<li class="muted">none named</li>`);
  mount(
    main,
    html`<div class="page">
      <h1>${humanizeText(e.summary) || eventType(e)}</h1>
      <p class="meta"><span class="badge">${eventType(e)}</span>${e.acled?.subEventType ? html` ${e.acled.subEventType}` : ''}${e.plover ? html` · PLOVER ${e.plover.type}` : ''}
        · ${e.date ? html`${when(e.date.value)} (${e.date.precision})` : 'undated'}${e.place ? html` · ${e.place.name} <span class="badge small" title="How exactly the place is known">${precisionWords(e.place)}</span>` : ''}</p>
      <dl class="facts">
        <dt>Trigger</dt><dd><q>${e.trigger?.text ?? ''}</q></dd>
        <dt>Killed</dt><dd>${e.killed ? html`${e.killed.hedge && e.killed.hedge !== 'exact' ? `${e.killed.hedge.replace('_', ' ')} ` : ''}${e.killed.value}` : '—'}</dd>
        <dt>Injured</dt><dd>${e.injured ? e.injured.value : '—'}</dd>
        <dt>Claimed by</dt><dd>${e.claimant?.text ?? '—'}</dd>
        <dt>Actors</dt><dd><ul class="inline">${arg(e.actors)}</ul></dd>
        <dt>Targets</dt><dd><ul class="inline">${arg(e.targets)}</ul></dd>
        <dt>Source</dt><dd>${articleLink(row.articleId, row.title)} (${day(row.published)})</dd>
        <dt>Story</dt><dd>${row.story ? html`<a href="${href(['story', row.story])}">timeline of this story</a>` : 'not filed in a story'}</dd>
      </dl>
      ${e.place ? mapSvg(path, [row], { label: `Where: ${e.place.name} (${precisionWords(e.place)})`, focus: true }) : ''}
    </div>`,
  );
}

async function storiesView(_parts, q) {
  const offset = Number(q.get('offset') ?? 0) || 0;
  const page = await api('/api/stories', { limit: 50, offset });
  mount(
    main,
    html`<div class="page">
      <h1>Stories</h1>
      <p class="muted">Articles clustered as they were ingested (shared terms within a few weeks, shared events), largest first.</p>
      ${page.items.length ? html`<table><thead><tr><th>Story</th><th>Articles</th><th>Events</th><th>Dates</th><th>Terms</th></tr></thead><tbody>${page.items.map((s) => html`<tr><td><a href="${href(['story', s.id])}">${s.title || s.id}</a></td><td>${s.articles}</td><td>${s.events}</td><td>${s.firstDay ?? '?'} … ${s.lastDay ?? '?'}</td><td class="small muted">${s.terms.join(', ')}</td></tr>`)}</tbody></table>` : html`<p class="empty">No stories yet (stories are built when articles are ingested).</p>`}
      ${pager(page, ['stories'], {})}
    </div>`,
  );
}

/** A merged event as a map/link row: the first source's own event record stands for it. */
function mergedRow(x) {
  const first = x.sources[0] ?? { article: '', event: x.event.id };
  return { articleId: first.article, event: { ...x.event, id: first.event } };
}

function sourceLinks(sources) {
  return html`${sources.map((s, i) => html`${i ? ', ' : ''}${articleLink(s.article, s.title)}${s.source ? html` <span class="muted small">(${s.source})</span>` : ''}`)}`;
}

function figuresTable(figures) {
  if (!figures.length) return '';
  const values = new Set(figures.filter((f) => f.what === 'killed').map((f) => f.value));
  return html`<table class="figures${values.size > 1 ? ' conflict' : ''}"><caption>${values.size > 1 ? 'Conflicting figures' : 'Figures'}</caption>
    <thead><tr><th>What</th><th>Figure</th><th>Claimant</th><th>Source</th></tr></thead>
    <tbody>${figures.map((f) => html`<tr><td>${f.what}</td><td class="num">${f.value}</td><td>${f.claimant ?? '—'}</td><td>${articleLink(f.articleId, f.title)}</td></tr>`)}</tbody></table>`;
}

function sourceFigures(x) {
  const out = [];
  for (const s of x.sources) {
    if (s.killed !== null && s.killed !== undefined) out.push({ what: 'killed', value: s.killed, claimant: s.claimant, articleId: s.article, title: s.title });
    if (s.injured !== null && s.injured !== undefined) out.push({ what: 'injured', value: s.injured, claimant: s.claimant, articleId: s.article, title: s.title });
  }
  return out;
}

function timelineMarkup(t) {
  if (!t.entries.length) return html`<p class="empty">No events match (the events layer may be empty).</p>`;
  return html`<ol class="timeline">${t.entries.map(
    (entry) => html`<li class="day">
      <h2>${when(entry.date)} <span class="muted small">${entry.events.length} events · ${entry.sources} sources</span></h2>
      <ul>${entry.events.map((x) => {
        const row = mergedRow(x);
        return html`<li><span class="badge">${eventType(x.event)}</span> ${eventLink(row.articleId, row.event)}${x.event.place ? html` · ${x.event.place.name}` : ''} <span class="muted small">— ${sourceLinks(x.sources)}</span></li>`;
      })}</ul>
      ${figuresTable(entry.figures)}
    </li>`,
  )}</ol>`;
}

const EVENT_FILTERS = ['type', 'from', 'to', 'place', 'actor'];

function filterForm(route, values) {
  return html`<form class="filters" data-route="${route}">
    <label>Type <input name="type" value="${values.type ?? ''}" size="14"></label>
    <label>From <input name="from" type="date" value="${values.from ?? ''}"></label>
    <label>To <input name="to" type="date" value="${values.to ?? ''}"></label>
    <label>Country <input name="country" value="${values.country ?? ''}" size="8"></label>
    <label>Place <input name="place" value="${values.place ?? ''}" size="12"></label>
    <label>Actor <input name="actor" value="${values.actor ?? ''}" size="12"></label>
    <button type="submit">Filter</button>
  </form>`;
}

function downloads(filter) {
  const link = (format, label) => {
    const qs = new URLSearchParams({ format, ...filter });
    return html`<a href="${`/api/export/events?${qs}`}" download>${label}</a>`;
  };
  return html`<p class="downloads small">Download these events: ${link('acled', 'ACLED CSV')} · ${link('geojson', 'GeoJSON')} · ${link('plover', 'PLOVER JSON')} · ${link('jsonl', 'JSONL')} · <a href="/api/export/articles.jsonl" download>all articles (JSONL)</a></p>`;
}

async function storyView([id]) {
  const [s, path] = await Promise.all([api(`/api/stories/${encodeURIComponent(id)}`), worldPath()]);
  const rows = s.events.map(mergedRow);
  const byId = new Map(s.events.map((x) => [x.id, x]));
  mount(
    main,
    html`<div class="page">
      <h1>${s.subject.title || 'Story'}</h1>
      <p class="muted">${s.entries.length} timeline entries · ${s.events.length} events</p>
      <ol class="timeline">${s.entries.map((entry) => {
        const x = entry.event ? byId.get(entry.event) : null;
        return html`<li class="day">
          <h2>${when(entry.date)} <span class="badge">${entry.kind}</span></h2>
          <p>${x ? eventLink(mergedRow(x).articleId, mergedRow(x).event, entry.summary) : humanizeText(entry.summary)}</p>
          <p class="small">${sourceLinks(entry.sources)}</p>
          ${x ? figuresTable(sourceFigures(x)) : ''}
        </li>`;
      })}</ol>
      ${rows.some((r) => r.event.place) ? mapSvg(path, rows, { label: 'Where this story happened' }) : ''}
      ${downloads({ story: id })}
    </div>`,
  );
}

async function timelineView(_parts, q) {
  const filter = queryObject(q, EVENT_FILTERS);
  const offset = Number(q.get('offset') ?? 0) || 0;
  const t = await api('/api/timeline', { ...filter, limit: 30, offset });
  const days = { total: t.days, limit: t.limit, offset: t.offset };
  mount(main, html`<div class="page"><h1>Timeline</h1>${filterForm('timeline', filter)}<p class="muted">${t.total} events on ${t.days} days</p>${downloads(filter)}${pager(days, ['timeline'], filter)}${timelineMarkup(t)}${pager(days, ['timeline'], filter)}</div>`);
}

async function mapView(_parts, q) {
  const filter = queryObject(q, EVENT_TABLE_FILTERS);
  const [page, path] = await Promise.all([api('/api/event-table', { ...filter, geo: true, sort: '-fatalities', limit: 300 }), worldPath()]);
  mount(
    main,
    html`<div class="page">
      <h1>Map of events</h1>
      ${filterForm('map', filter)}
      <p class="small"><a href="${href(['events'], filter)}">these events as a table and chart</a></p>
      ${mapSvg(path, page.items.map(mergedRow), { legendLink: (type) => href(['map'], { ...filter, type }), view: q.get('view') ?? '' })}
      ${downloads(filter)}
      ${page.total > page.items.length ? html`<p class="muted">Showing the ${page.items.length} deadliest of ${page.total}; narrow the filters to see the rest.</p>` : ''}
    </div>`,
  );
}

// ---------------------------------------------------------------- claims

const CLAIM_FILTERS = ['role', 'claimant', 'event', 'from', 'to'];

async function claimsView(_parts, q) {
  const offset = Number(q.get('offset') ?? 0) || 0;
  const filter = queryObject(q, CLAIM_FILTERS);
  const page = await api('/api/claims', { ...filter, limit: 25, offset });
  const field = (name, label, size = 10) => html`<label>${label} <input name="${name}" value="${filter[name] ?? ''}" size="${size}"></label>`;
  const groups = page.items.map(
    (g) => html`<section class="claim-group${g.values.length > 1 ? ' conflict' : ''}">
      <h2>${g.key}${g.summary ? html` <span class="small">— ${g.event ? html`<a href="${href(['claims'], { ...filter, event: g.event })}" title="Only this event">${g.summary}</a>` : g.summary}</span>` : ''} <span class="muted small">${g.claimants} claimants · ${g.values.length > 1 ? `figures differ: ${g.values.join(' vs ')}` : `all say ${g.values[0]}`}</span></h2>
      <div class="side-by-side">${g.claims.map(
        (c) => html`<div class="claim spk-${speakerColour(c.claimant ?? '')}">
          <div class="claimant">${c.claimant ?? 'no one named'}</div>
          <div class="figure">${c.quantity.hedge && c.quantity.hedge !== 'exact' ? html`<span class="hedge">${c.quantity.hedge.replace('_', ' ')}</span> ` : ''}${c.quantity.value}${c.quantity.high !== undefined ? `–${c.quantity.high}` : ''}</div>
          <q>${c.quantity.text}</q>
          <div class="small">${day(c.published)} · ${articleLink(c.articleId, c.title)}</div>
        </div>`,
      )}</div>
    </section>`,
  );
  mount(
    main,
    html`<div class="page"><h1>Claims side by side</h1><p class="muted">One event's figures of one kind, as each source and claimant states them; the most disputed first.</p>
      <form class="filters" data-route="claims" aria-label="Claim filters">
        ${field('role', 'Kind (killed, injured…)')}${field('claimant', 'Claimant')}${field('event', 'Event id', 16)}${field('from', 'From')}${field('to', 'To')}
        <button type="submit">Filter</button>
      </form>
      ${groups.length ? groups : html`<p class="empty">No competing figures found${Object.keys(filter).length ? ' for these filters' : ' (the counts layer may be empty)'}.</p>`}
      ${pager(page, ['claims'], filter)}</div>`,
  );
}

// ---------------------------------------------------------------- upload

async function uploadView() {
  if (!health || health.readOnly) {
    mount(main, html`<div class="page"><h1>Upload</h1><p>This server is read-only. Start it with <code>dateline serve --allow-ingest</code> to upload files.</p></div>`);
    return;
  }
  mount(
    main,
    html`<div class="page"><h1>Upload</h1>
      <form id="upload-form" class="filters">
        <label>File <input type="file" name="file" required></label>
        <label>Format <select name="format">${['', 'text', 'seed', 'markdown', 'json', 'jsonl', 'html', 'rss', 'atom'].map((f) => html`<option value="${f}">${f || 'detect'}</option>`)}</select></label>
        <button type="submit">Ingest</button>
      </form>
      <div id="upload-progress" hidden>
        <label>Uploading <progress id="bytes" max="1" value="0"></progress> <span id="bytes-text"></span></label><br>
        <label>Analysing <progress id="analysed" max="1" value="0"></progress> <span id="analysed-text"></span></label>
      </div>
      <div id="upload-result" aria-live="polite"></div>
    </div>`,
  );
  const form = document.getElementById('upload-form');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return;
    const format = form.elements.format.value;
    const progress = document.getElementById('upload-progress');
    const result = document.getElementById('upload-result');
    progress.hidden = false;
    mount(result, html``);
    const xhr = new XMLHttpRequest();
    const url = new URL('/api/ingest', location.origin);
    url.searchParams.set('name', file.name);
    if (format) url.searchParams.set('format', format);
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      document.getElementById('bytes').value = e.loaded / e.total;
      document.getElementById('bytes-text').textContent = `${fmt.format(e.loaded)} / ${fmt.format(e.total)} bytes`;
    });
    let lastTotal = null;
    const poll = setInterval(async () => {
      const s = await api('/api/ingest').catch(() => null);
      if (s?.running && s.total) {
        lastTotal = s.total;
        document.getElementById('analysed').value = s.analysed / s.total;
        document.getElementById('analysed-text').textContent = `${s.analysed} / ${s.total} articles`;
      }
    }, 400);
    xhr.addEventListener('loadend', () => {
      clearInterval(poll);
      let body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status !== 200) {
        mount(result, html`<p class="error">Upload failed: ${body?.error?.code ?? xhr.status} — ${body?.error?.message ?? 'no response'}</p>`);
        return;
      }
      // Done: the last poll may have seen "3 / 4"; the answer is the end of the run.
      const n = lastTotal ?? body.inserted.length + body.duplicates.length + body.nearDuplicates.length;
      document.getElementById('analysed').value = 1;
      document.getElementById('analysed-text').textContent = `${fmt.format(n)} / ${fmt.format(n)} articles · done`;
      mount(
        result,
        html`<p><strong>${body.inserted.length}</strong> new articles, ${body.duplicates.length} already stored, ${body.nearDuplicates.length} near-duplicates, ${body.errors} errors (${body.seconds.toFixed(1)} s).</p>
        <ul>${body.inserted.map((id) => html`<li>${articleLink(id, id)}</li>`)}</ul>
        ${body.diagnostics.length ? html`<table><thead><tr><th>Severity</th><th>Where</th><th>Problem</th></tr></thead><tbody>${body.diagnostics.map((d) => html`<tr><td>${d.severity}</td><td>${d.where?.file ?? ''}${d.where?.line ? `:${d.where.line}` : ''}${d.where?.record ? ` #${d.where.record}` : ''}</td><td>${d.message} <code>${d.code}</code></td></tr>`)}</tbody></table>` : ''}`,
      );
    });
    xhr.send(file);
  });
}

// ---------------------------------------------------------------- router

const VIEWS = {
  search: searchView,
  events: (_parts, q) => eventsView(q, { api, href, pager, main, mount }),
  quotes: (_parts, q) => quotesView(q, { api, href, pager, main, mount }),
  article: articleView,
  entity: entityView,
  entities: entitiesView,
  event: eventView,
  stories: storiesView,
  story: storyView,
  timeline: timelineView,
  map: mapView,
  claims: claimsView,
  upload: uploadView,
};

let generation = 0;

async function render() {
  const { parts, query } = parseHash();
  const name = parts[0] ?? 'search';
  const view = VIEWS[name];
  const mine = ++generation;
  if (name !== 'search') searchBox.value = '';
  for (const a of document.querySelectorAll('nav.primary a')) a.setAttribute('aria-current', a.dataset.view === name ? 'page' : 'false');
  main.setAttribute('aria-busy', 'true');
  try {
    if (!view) throw new ApiFailure(404, { code: 'NOT_FOUND', message: `no page '${name}'` });
    await view(parts.slice(1), query);
    if (mine === generation) {
      activateMaps(main);
      focusHeading();
    }
  } catch (error) {
    if (mine !== generation) return;
    mount(main, html`<div class="page"><h1>Something went wrong</h1><p class="error">${error.code ?? 'ERROR'}: ${error.message}</p><p><a href="#/search">Back to search</a></p></div>`);
  } finally {
    if (mine === generation) main.setAttribute('aria-busy', 'false');
  }
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  location.hash = href(['search'], { q: searchBox.value.trim() });
});

main.addEventListener('submit', (ev) => {
  const form = ev.target.closest('form[data-route]');
  if (!form) return;
  ev.preventDefault();
  const values = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) values[k] = v.trim();
  location.hash = href([form.dataset.route], values);
});

document.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName ?? '')) return;
  if (ev.key === '/') {
    ev.preventDefault();
    searchBox.focus();
    return;
  }
  // j / k: next / previous page of whatever list the page shows (its pager's links).
  const rel = ev.key === 'j' ? 'next' : ev.key === 'k' ? 'prev' : null;
  const link = rel && main.querySelector(`nav.pager a[rel="${rel}"]`);
  if (link) {
    ev.preventDefault();
    location.hash = link.getAttribute('href');
  }
});

window.addEventListener('hashchange', render);

api('/api/health')
  .then((h) => {
    health = h;
    if (!h.readOnly) document.getElementById('nav-upload').hidden = false;
  })
  .catch(() => {})
  .finally(render);
