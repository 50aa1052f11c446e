// The quotes page: who said what, filtered by speaker, subject, words, medium and date, paged, with an
// export of exactly the current filter. All state lives in the URL hash.
import { html } from './escape.js';
import { humanTime } from './dates.js';
import { speakerColour } from './annotate.js';

export const QUOTE_FILTERS = ['speaker', 'about', 'text', 'medium', 'from', 'to'];
const PAGE = 25;

export async function quotesView(q, { api, href, pager, main, mount }) {
  const state = {};
  for (const k of [...QUOTE_FILTERS, 'offset']) if (q.get(k)) state[k] = q.get(k);
  const filter = {};
  for (const k of QUOTE_FILTERS) if (state[k]) filter[k] = state[k];
  const offset = Number(state.offset ?? 0) || 0;
  const page = await api('/api/quotes', { ...filter, limit: PAGE, offset });
  const field = (name, label, size = 12) => html`<label>${label} <input name="${name}" value="${state[name] ?? ''}" size="${size}"></label>`;
  const exportLink = (format, label) => html`<a href="${`/api/export/quotes?${new URLSearchParams({ format, ...filter })}`}" download>${label}</a>`;
  const items = page.items.map((r) => {
    const who = r.quote.speaker?.text ?? 'unattributed';
    const day = r.quote.date ?? r.published;
    return html`<li class="quote-item spk-${speakerColour(who)}">
      <blockquote>${r.quote.text}</blockquote>
      <p class="small">${r.speakerKey ? html`<a href="${href(['entity', r.speakerKey])}">${who}</a>` : who}${r.quote.cue ? html` <span class="muted">(${r.quote.cue.text}${r.quote.medium ? html`, ${r.quote.medium.text}` : ''})</span>` : ''}
        · ${day ? html`<time title="${day}">${humanTime(day)}</time>` : 'undated'}
        · <a href="${href(['article', r.articleId])}">${r.title || '(untitled)'}</a>
        · <a href="${href(['quotes'], { ...filter, speaker: who, offset: undefined })}" class="muted">more from this speaker</a></p>
    </li>`;
  });
  mount(
    main,
    html`<div class="page">
      <h1>Quotes</h1>
      <form class="filters" data-route="quotes" aria-label="Quote filters">
        ${field('speaker', 'Speaker')}${field('about', 'About (entity)')}${field('text', 'Words', 16)}${field('medium', 'Medium', 10)}
        ${field('from', 'From', 10)}${field('to', 'To', 10)}
        <button type="submit">Filter</button>
      </form>
      <p class="downloads small">Export these ${page.total} quotes: ${exportLink('csv', 'CSV')} · ${exportLink('jsonl', 'JSONL')}</p>
      ${items.length ? html`<ul class="quotes">${items}</ul>` : html`<p class="empty">No quotes match.</p>`}
      ${pager(page, ['quotes'], filter)}
    </div>`,
  );
}
