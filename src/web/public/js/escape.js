// Escaping for everything the UI puts into the page. Article text, titles, names and every layer
// field are data: they reach the DOM only through `html` (which escapes each interpolated value for
// text and quoted-attribute contexts) or `textContent`. `safeUrl` keeps only http(s) and in-app links.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** Escapes a value for HTML text and for a quoted attribute value. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => ENTITIES[c]);
}

/** Markup that is already safe (built by `html`). Only `html` and `raw` make one. */
export class SafeHtml {
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** Trusted markup written in this code base (never data). */
export function raw(markup) {
  return new SafeHtml(String(markup));
}

function render(value) {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Tagged template: html`<p title="${t}">${text}</p>` escapes every interpolation; nested html and arrays compose. */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** An href that cannot run script: in-app (`#/…`, `/…` but not `//…`) or http(s) URLs; anything else becomes `#`. */
export function safeUrl(url) {
  const s = String(url ?? '').trim();
  if (/^#/.test(s)) return s;
  if (/^\/(?!\/)/.test(s)) return s;
  if (/^https?:\/\//i.test(s) && !/[\s<>"'`]/.test(s)) return s;
  return '#';
}

/** Puts safe markup into an element; refuses plain strings so data cannot be assigned as markup by mistake. */
export function mount(element, markup) {
  if (!(markup instanceof SafeHtml)) throw new TypeError('mount() takes html`…` markup');
  element.innerHTML = markup.value;
}
