// Article text with every layer shown in place. Pure functions (no DOM): the text is cut at every
// span boundary and each piece is wrapped in one <span> carrying the classes of all annotations that
// cover it and a reference to the innermost one; all text goes through escapeHtml.
import { html, raw } from './escape.js';

const SPEAKER_COLOURS = 8;

/** A stable colour index for a speaker name. */
export function speakerColour(name) {
  let h = 0;
  for (const ch of String(name ?? '').toLowerCase()) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return h % SPEAKER_COLOURS;
}

function speakerName(layers, speaker) {
  if (!speaker) return 'unattributed';
  const entity = speaker.entity ? (layers.entities ?? []).find((e) => e.id === speaker.entity) : null;
  return entity ? entity.name : speaker.text;
}

export function describeTime(t) {
  const parts = [`resolved: ${t.value}`];
  if (t.range && (t.range.from !== t.value || t.range.to !== t.value)) parts.push(`range ${t.range.from} … ${t.range.to}`);
  parts.push(`anchor: ${t.anchor}${t.direction ? ` (${t.direction})` : ''}`);
  if (t.stated?.length) parts.push(`stated: ${t.stated.join(', ')}`);
  if (t.implied?.length) parts.push(`implied: ${t.implied.join(', ')}`);
  if (t.rule) parts.push(`rule: ${t.rule}`);
  if (typeof t.confidence === 'number') parts.push(`confidence ${t.confidence.toFixed(2)}`);
  return parts.join(' · ');
}

export function describeQuantity(q) {
  const value = q.high !== undefined ? `${q.value}–${q.high}` : `${q.value}`;
  const hedge = q.hedge && q.hedge !== 'exact' ? `${q.hedge.replace('_', ' ')} ` : '';
  return `${hedge}${value}${q.unit ? ` ${q.unit}` : ''}${q.role ? ` (${q.role})` : ''} — claimed by ${q.claimant?.text ?? 'no one named'}`;
}

/** Every annotation of the article as {start, end, kind, cls, ref, title}. */
export function annotations(text, layers) {
  const out = [];
  const valid = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
  const add = (span, a) => {
    if (valid(span)) out.push({ start: span.start, end: span.end, ...a });
  };
  (layers.events ?? []).forEach((e, i) => {
    const title = `event: ${e.summary || e.acled?.subEventType || e.plover?.type || 'event'}${e.date ? ` · ${e.date.value}` : ''}`;
    add(e, { kind: 'event', cls: 'ann-event', ref: `event:${i}`, title, depth: 0 });
    add(e.trigger, { kind: 'trigger', cls: 'ann-trigger', ref: `event:${i}`, title, depth: 3 });
  });
  (layers.quotes ?? []).forEach((q, i) => {
    const who = speakerName(layers, q.speaker);
    const colour = speakerColour(who);
    add(q, { kind: 'quote', cls: `ann-quote spk-${colour}`, ref: `quote:${i}`, title: `${q.kind} quote · said by ${who}`, depth: 1 });
    add(q.speaker, { kind: 'speaker', cls: `ann-speaker spk-${colour}`, ref: `quote:${i}`, title: `speaker: ${who}`, depth: 2 });
  });
  (layers.places ?? []).forEach((p, i) => {
    add(p, { kind: 'place', cls: 'ann-place', ref: `place:${i}`, title: `place: ${p.name}${p.near ? ` (not in the gazetteer; placed near ${p.near})` : ''}${p.country ? `, ${p.country}` : ''} (${p.lat}, ${p.lon}) · ${p.precision}`, depth: 2 });
  });
  (layers.entities ?? []).forEach((e, i) => {
    for (const m of e.mentions ?? [e]) add(m, { kind: 'entity', cls: `ann-ent ent-${String(e.type).toLowerCase()}`, ref: `entity:${i}`, title: `${e.name} (${e.type})`, depth: 4 });
  });
  (layers.times ?? []).forEach((t, i) => {
    add(t, { kind: 'time', cls: 'ann-time', ref: `time:${i}`, title: `${t.text}: ${describeTime(t)}`, depth: 5 });
  });
  (layers.quantities ?? []).forEach((q, i) => {
    add(q, { kind: 'quantity', cls: 'ann-qty', ref: `quantity:${i}`, title: describeQuantity(q), depth: 5 });
  });
  return out;
}

/** The annotated text as safe markup. Focusable pieces (tabindex) start an annotation a reader can open. */
export function annotateText(text, layers) {
  const anns = annotations(text, layers);
  const cuts = new Set([0, text.length]);
  for (const a of anns) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const pieces = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k];
    const end = points[k + 1];
    const piece = text.slice(start, end);
    const covering = anns.filter((a) => a.start <= start && a.end >= end);
    if (covering.length === 0) {
      pieces.push(html`${piece}`);
      continue;
    }
    // The innermost annotation: deepest layer first, then the shortest span.
    const inner = [...covering].sort((a, b) => b.depth - a.depth || a.end - a.start - (b.end - b.start))[0];
    const classes = [...new Set(covering.flatMap((a) => [...a.cls.split(' '), ...(a.kind === 'place' && a.start === start ? ['place-start'] : [])]))].join(' ');
    const focusable = inner.start === start && inner.kind !== 'event' && inner.kind !== 'quote';
    pieces.push(
      html`<span class="${classes}" data-ref="${inner.ref}" title="${inner.title}"${focusable ? raw(' tabindex="0" role="button"') : ''}>${piece}</span>`,
    );
  }
  return html`${pieces}`;
}

/** Snippet text with highlight ranges as <mark>, escaped. */
export function highlightSnippet(snippet, highlights) {
  const out = [];
  let at = 0;
  for (const [s, e] of highlights ?? []) {
    if (s < at || e > snippet.length) continue;
    out.push(html`${snippet.slice(at, s)}<mark>${snippet.slice(s, e)}</mark>`);
    at = e;
  }
  out.push(html`${snippet.slice(at)}`);
  return html`${out}`;
}
