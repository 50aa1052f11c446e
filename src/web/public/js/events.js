// The events page: the analyst's table (server-side filters, sort and paging), a stacked chart of
// events or fatalities per day/week/month by type (click a bar to narrow the dates, a legend entry to
// narrow the type) and export links for exactly the current filter. All state lives in the URL hash.
import { html } from './escape.js';
import { humanizeText, humanTime, monthRange } from './dates.js';
import { eventType } from './map.js';
import { colourOf } from './palette.js';

export const EVENT_TABLE_FILTERS = ['type', 'subType', 'country', 'admin1', 'actor', 'from', 'to', 'fatalitiesMin', 'fatalitiesMax', 'source', 'confidenceMin', 'place', 'story'];
const STATE = [...EVENT_TABLE_FILTERS, 'sort', 'offset', 'bucket', 'measure'];
const ACLED_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];
const PAGE = 50;

/** The last day of the period that starts on `start` (day, ISO week from Monday, or month). */
export function periodEnd(start, bucket) {
  if (bucket === 'day') return start;
  if (bucket === 'month') return monthRange(start.slice(0, 7))?.to ?? start;
  const t = Date.parse(`${start}T00:00:00Z`) + 6 * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function periodLabel(start, bucket) {
  if (bucket === 'month') return humanTime(start.slice(0, 7));
  if (bucket === 'week') return `week of ${humanTime(start)}`;
  return humanTime(start);
}

/** The stacked bar chart as SVG markup; `link(filter)` makes the href a bar or a legend entry goes to. */
export function stackedChart(counts, measure, link) {
  const periods = counts.periods;
  if (!periods.length) return html`<p class="muted">No dated events to chart.</p>`;
  const w = 960;
  const h = 220;
  const left = 44;
  const bottom = 24;
  const totals = periods.map((p) => Object.values(p[measure]).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const slot = (w - left - 8) / periods.length;
  const bw = Math.max(2, Math.min(48, slot - 2));
  const bars = periods.map((p, i) => {
    let y = h - bottom;
    const x = left + i * slot + (slot - bw) / 2;
    const to = periodEnd(p.period, counts.bucket);
    const label = periodLabel(p.period, counts.bucket);
    const segments = counts.types
      .filter((t) => p[measure][t])
      .map((t) => {
        const bh = (p[measure][t] / max) * (h - bottom - 12);
        y -= bh;
        return html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(0.5, bh).toFixed(1)}" fill="${colourOf(t)}"><title>${label} · ${t}: ${p[measure][t]} ${measure}</title></rect>`;
      });
    if (!totals[i]) return '';
    return html`<a href="${link({ from: p.period, to })}" class="bar-link" aria-label="${label}: ${totals[i]} ${measure}; show only this period">${segments}</a>`;
  });
  const ticks = [0, 0.5, 1].map((f) => {
    const y = h - bottom - f * (h - bottom - 12);
    return html`<line x1="${left - 4}" x2="${w}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"></line><text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="axis">${Number((f * max).toFixed(1))}</text>`;
  });
  const first = periodLabel(periods[0].period, counts.bucket);
  const last = periodLabel(periods[periods.length - 1].period, counts.bucket);
  const legend = counts.types.map((t) => html`<li><a href="${link({ type: t, offset: undefined })}" class="legend-link" title="Show only ${t}"><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${colourOf(t)}"></rect></svg>${t}</a></li>`);
  return html`<figure class="events-chart">
    <svg class="chart wide" viewBox="0 0 ${w} ${h}" role="img" aria-label="${measure} per ${counts.bucket}, stacked by type">
      ${ticks}${bars}
      <text x="${left}" y="${h - 6}" class="axis">${first}</text><text x="${w}" y="${h - 6}" text-anchor="end" class="axis">${last}</text>
    </svg>
    <figcaption><ul class="legend">${legend}</ul></figcaption>
  </figure>`;
}

/** The place, its first-level division when that is not the place's own name ("Mosul, Nineveh"), country and precision. */
function place(e, admin1) {
  const p = e.place;
  if (!p) return html`<span class="muted">—</span>`;
  const precision = p.precision === 'city' || p.precision === 'point' ? 'town' : p.precision;
  const division = admin1 && admin1 !== p.name ? html`, <span title="First-level division (admin1)">${admin1}</span>` : '';
  return html`${p.name}${division}${p.country && p.precision !== 'country' ? html` <span class="muted small">${p.country}</span>` : ''} <span class="badge small" title="Geographic precision">${precision}</span>`;
}

/** `state` → the events page's hash for it (the router's href over the kept keys). */
export async function eventsView(q, { api, href, pager, main, mount }) {
  const state = {};
  for (const k of STATE) if (q.get(k)) state[k] = q.get(k);
  const filter = {};
  for (const k of EVENT_TABLE_FILTERS) if (state[k]) filter[k] = state[k];
  const sort = state.sort ?? '-date';
  const offset = Number(state.offset ?? 0) || 0;
  const bucket = ['day', 'week', 'month'].includes(state.bucket) ? state.bucket : 'month';
  const measure = state.measure === 'fatalities' ? 'fatalities' : 'events';
  const link = (change) => href(['events'], { ...state, offset: undefined, ...change });
  const [page, counts] = await Promise.all([
    api('/api/event-table', { ...filter, sort, limit: PAGE, offset }),
    api('/api/event-counts', { ...filter, bucket }),
  ]);
  const sortLink = (key, label) => {
    const on = sort.replace(/^-/, '') === key;
    const desc = sort.startsWith('-');
    const next = on ? (desc ? key : `-${key}`) : key === 'date' || key === 'fatalities' || key === 'sources' ? `-${key}` : key;
    return html`<th aria-sort="${on ? (desc ? 'descending' : 'ascending') : 'none'}"><a href="${link({ sort: next })}">${label}${on ? (desc ? ' ↓' : ' ↑') : ''}</a></th>`;
  };
  const rows = page.items.map((x) => {
    const e = x.event;
    const first = x.sources[0];
    const killed = e.killed?.value;
    return html`<tr>
      <td class="nowrap">${e.date ? html`<time title="${e.date.value}${e.date.how === 'implied' ? ' (the report\u2019s own date)' : ''}">${humanTime(e.date.value)}${e.date.how === 'implied' ? '*' : ''}</time>` : html`<span class="muted">undated</span>`}</td>
      <td><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${colourOf(eventType(e))}"></rect></svg>${eventType(e)}${e.acled?.subEventType ? html`<br><span class="small muted">${e.acled.subEventType}</span>` : ''}</td>
      <td>${first ? html`<a href="${href(['event', first.article, first.event])}">${humanizeText(e.summary) || eventType(e)}</a>` : humanizeText(e.summary)}</td>
      <td>${place(e, x.admin1)}</td>
      <td class="small">${[...e.actors, ...e.targets].map((a) => a.name ?? a.text).slice(0, 4).join(', ') || html`<span class="muted">—</span>`}</td>
      <td class="num">${killed ?? html`<span class="muted">—</span>`}</td>
      <td class="num">${x.sources.length}</td>
    </tr>`;
  });
  const field = (name, label, attrs = {}) => html`<label>${label} <input name="${name}" value="${state[name] ?? ''}" size="${attrs.size ?? 10}"${attrs.type ? html` type="${attrs.type}"` : ''}${attrs.list ? html` list="${attrs.list}"` : ''}></label>`;
  const exportLink = (format, label) => {
    const qs = new URLSearchParams({ format, ...filter, sort });
    return html`<a href="${`/api/export/events?${qs}`}" download>${label}</a>`;
  };
  const chips = Object.entries(filter).map(([k, v]) => {
    const rest = { ...state, offset: undefined };
    delete rest[k];
    return html`<a class="chip" href="${href(['events'], rest)}" aria-label="Remove filter ${k} ${v}">${k}: ${v} ✕</a>`;
  });
  mount(
    main,
    html`<div class="page wide-page">
      <h1>Events</h1>
      <form class="filters" data-route="events" aria-label="Event filters">
        ${field('type', 'Type', { list: 'event-types', size: 14 })}
        ${field('subType', 'Sub-type', { size: 12 })}
        ${field('country', 'Country', { size: 8 })}
        ${field('admin1', 'Admin1', { size: 10 })}
        ${field('actor', 'Actor', { size: 10 })}
        ${field('from', 'From', { size: 10 })}
        ${field('to', 'To', { size: 10 })}
        ${field('fatalitiesMin', 'Killed ≥', { size: 4, type: 'number' })}
        ${field('fatalitiesMax', 'Killed ≤', { size: 4, type: 'number' })}
        ${field('source', 'Source', { size: 10 })}
        ${field('confidenceMin', 'Confidence ≥', { size: 4 })}
        <input type="hidden" name="sort" value="${sort}"><input type="hidden" name="bucket" value="${bucket}"><input type="hidden" name="measure" value="${measure}">
        <button type="submit">Filter</button>
        <datalist id="event-types">${ACLED_TYPES.map((t) => html`<option value="${t}"></option>`)}</datalist>
      </form>
      ${chips.length ? html`<p class="chips">${chips} <a href="${href(['events'], {})}" class="small">clear all</a></p>` : ''}
      <section aria-label="Chart">
        <p class="chart-controls small">
          ${['events', 'fatalities'].map((m) => html`<a href="${link({ measure: m })}" class="${m === measure ? 'toggle on' : 'toggle'}" aria-current="${m === measure ? 'true' : 'false'}">${m}</a>`)}
          per ${['day', 'week', 'month'].map((b) => html`<a href="${link({ bucket: b })}" class="${b === bucket ? 'toggle on' : 'toggle'}" aria-current="${b === bucket ? 'true' : 'false'}">${b}</a>`)}
          <span class="muted">· click a bar to keep its period, a type to keep that type</span>
        </p>
        ${stackedChart(counts, measure, link)}
      </section>
      <p class="downloads small">Export these ${page.total} events: ${exportLink('acled', 'ACLED CSV')} · ${exportLink('geojson', 'GeoJSON')} · ${exportLink('jsonl', 'JSONL')} · ${exportLink('plover', 'PLOVER JSON')} · <a href="${href(['map'], filter)}">on the map</a></p>
      ${page.items.length
        ? html`<table class="events-table"><thead><tr>${sortLink('date', 'Date')}${sortLink('type', 'Type')}<th>What happened</th>${sortLink('country', 'Place')}<th>Actors, targets</th>${sortLink('fatalities', 'Killed')}${sortLink('sources', 'Sources')}</tr></thead><tbody>${rows}</tbody></table>`
        : html`<p class="empty">No events match these filters.</p>`}
      <p class="muted small">* date implied from the report's own date (the text states none). Keys: j / k next / previous page, / search.</p>
      ${pager(page, ['events'], { ...state, offset: undefined })}
    </div>`,
  );
}
