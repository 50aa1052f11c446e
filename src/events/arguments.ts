/**
 * An event mention's arguments read off the earlier layers: actors before the trigger (noun or verb),
 * targets after it, the passive's subject, and the claimant from a quote or a "… said" tail.
 */
import type { Span } from '../core/article.js';
import type { Entity, EventArgument, EventFigure, Layers, Mention, Place, Quote, SpeakerRef } from '../core/layers.js';
import { countryOfDemonym, countryOfName } from '../entities/countries.js';
import { ACCORDING, CAUSE_CLAUSE, CLAUSE_END, NUMBER_WORD, SKIP_BEFORE_NOUN, SPEECH, TAIL_CLAIM, TARGET_CUE } from './extract-words.js';
import type { RawEvent } from './raw-event.js';
import type { SentenceView, Tok } from './sentence-view.js';

export interface ArgContext {
  text: string;
  entities: NonNullable<Layers['entities']>;
}

export function mentionArg(ctx: ArgContext, m: Mention): EventArgument {
  const entity = ctx.entities[m.entity];
  const arg: EventArgument = { start: m.start, end: m.end, text: ctx.text.slice(m.start, m.end) };
  if (entity) {
    arg.entity = entity.id;
    const bare = entity.name.replace(/^(the\s+)?(State|Republic|Kingdom|Islamic Republic|Federation) of\s+/i, '');
    arg.name = countryOfName(bare) ?? countryOfName(entity.name) ?? countryOfDemonym(entity.name) ?? entity.name;
  }
  return arg;
}

export function demonymArg(tok: Tok): EventArgument | null {
  const base = tok.text.replace(/[’']s$/u, '');
  const country = countryOfDemonym(base) ?? countryOfName(base);
  return country ? { start: tok.start, end: tok.end, text: tok.text, name: country } : null;
}

export function mentionAt(view: SentenceView, tok: Tok): Mention | undefined {
  for (const m of view.mentions) if (m.start <= tok.start && tok.end <= m.end) return m;
  return undefined;
}

export function isPlaceMention(view: SentenceView, m: Mention): boolean {
  return view.places.some((p) => p.start <= m.start && m.end <= p.end && p.precision !== 'country');
}

export function pushArg(list: EventArgument[], arg: EventArgument | null): void {
  if (!arg || NUMBER_WORD.test(arg.text)) return;
  if (list.some((a) => (a.start < arg.end && arg.start < a.end) || (a.name && a.name === arg.name))) return;
  list.push(arg);
}

/** Actors written before a noun trigger: "an Israeli strike", "Israel's attack", "U.S.-Russia meeting". */
export function nounActors(ctx: ArgContext, view: SentenceView, i: number): EventArgument[] {
  const out: EventArgument[] = [];
  const toks = view.toks;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = toks[k];
    if (t.lower === '’s' || t.lower === "'s") continue;
    const m = mentionAt(view, t);
    if (m && !(m.kind === 'pronoun' && !ctx.entities[m.entity])) {
      if (!isPlaceMention(view, m)) pushArg(out, mentionArg(ctx, m));
      k = toks.findIndex((x) => x.start >= m.start);
      continue;
    }
    const d = demonymArg(t);
    if (d) {
      pushArg(out, d);
      continue;
    }
    if (SKIP_BEFORE_NOUN.has(t.lower) || t.pos === 'ADJ' || t.pos === 'NUM' || /^[A-Z]/.test(t.text)) continue;
    break;
  }
  return out.reverse();
}

/** The subject of a verb trigger: entity mentions and demonym-led nouns before it in its clause. */
export function verbActors(ctx: ArgContext, view: SentenceView, i: number, many: boolean): EventArgument[] {
  const out: EventArgument[] = [];
  const toks = view.toks;
  let passive = false;
  for (let k = i - 1; k >= Math.max(0, i - 14); k--) {
    const t = toks[k];
    // A meeting's participants may be listed across dashes ("X and other officials — including Y — met").
    if (many && (t.lower === '—' || t.lower === '–')) continue;
    if (CLAUSE_END.has(t.lower) || t.lower === 'that' || t.lower === 'which' || t.lower === 'who' || SPEECH.has(t.lower)) break;
    if (k === i - 1 && (t.lower === 'was' || t.lower === 'were' || t.lower === 'been' || t.lower === 'be')) passive = true;
    const m = mentionAt(view, t);
    if (m) {
      if (!isPlaceMention(view, m)) pushArg(out, mentionArg(ctx, m));
      k = toks.findIndex((x) => x.start >= m.start);
      if (!many && out.length) break;
      continue;
    }
    const d = demonymArg(t);
    if (d) {
      pushArg(out, d);
      if (!many) break;
    }
    if (t.lower === ',' && out.length && !many) break;
  }
  if (passive) out.length = 0;
  // "by X" after a passive verb.
  for (let k = i + 1; k < Math.min(toks.length, i + 4); k++) {
    if (toks[k].lower !== 'by') continue;
    const next = toks[k + 1];
    if (!next) break;
    const m = mentionAt(view, next);
    pushArg(out, m ? mentionArg(ctx, m) : demonymArg(next));
    break;
  }
  return out.reverse();
}

export function targetsAfter(ctx: ArgContext, view: SentenceView, i: number, isVerb: boolean, place: Place | null, actors: EventArgument[], withCues = true): EventArgument[] {
  const out: EventArgument[] = [];
  const toks = view.toks;
  let cued = isVerb;
  for (let k = i + 1; k < Math.min(toks.length, i + 16); k++) {
    const t = toks[k];
    if (t.lower === '.' || t.lower === ';' || t.lower === '“' || t.lower === '”' || t.lower === '"' || SPEECH.has(t.lower) || t.lower === 'according') break;
    // "attacked by Iran in retaliation for U.S. strikes on …", "after Israeli raids on …": what follows
    // is another event (the cause), whose parties are not this one's targets.
    if (CAUSE_CLAUSE.has(t.lower)) break;
    // "the border with Romania" locates; it names no target.
    if (TARGET_CUE.has(t.lower) || (t.lower === 'with' && withCues && !/^(border|borders|frontier|boundary)$/.test(toks[k - 1]?.lower ?? ''))) {
      cued = true;
      continue;
    }
    if (t.lower === ',') {
      cued = false;
      continue;
    }
    if (!cued) continue;
    const m = mentionAt(view, t);
    if (m) {
      const possessive = /^['’]s$/.test(toks[toks.findIndex((x) => x.start >= m.end)]?.lower ?? '');
      const inPlace = possessive || (place && m.start < place.end && place.start < m.end);
      const isActor = actors.some((a) => a.entity && a.entity === ctx.entities[m.entity]?.id);
      if (!inPlace && !isActor && !isPlaceMention(view, m)) pushArg(out, mentionArg(ctx, m));
      k = toks.findIndex((x) => x.start >= m.end) - 1;
      if (k < 0) break;
      continue;
    }
    const d = demonymArg(t);
    if (d && !actors.some((a) => a.name === d.name)) pushArg(out, d);
  }
  return out;
}

/** "X was attacked by Y": the span of X (from the clause start to the auxiliary). */
export function passiveSubjectOf(view: SentenceView, i: number): Span | null {
  const toks = view.toks;
  const aux = toks[i - 1]?.lower;
  if (!(aux === 'was' || aux === 'were' || aux === 'been' || aux === 'is' || aux === 'are')) return null;
  let k = i - 2;
  while (k >= 0 && !CLAUSE_END.has(toks[k].lower) && toks[k].lower !== ',' && toks[k].lower !== 'that' && toks[k].lower !== 'which') k--;
  if (k + 1 > i - 2) return null;
  return { start: toks[k + 1].start, end: toks[i - 2].end };
}

export function speakerFromQuote(quotes: readonly Quote[], span: Span, at = -1): SpeakerRef | null {
  // The quote that holds the trigger ("“… the October 7th massacre …,” the IDF said"), else the one
  // that covers the sentence, else an indirect one that overlaps it.
  for (const q of quotes) if (q.speaker && at >= q.start && at < q.end) return q.speaker;
  for (const q of quotes) if (q.speaker && q.start <= span.start && span.end <= q.end + 2) return q.speaker;
  for (const q of quotes) if (q.speaker && q.start < span.end && span.start < q.end && q.kind !== 'direct') return q.speaker;
  return null;
}

export function speakerFromText(ctx: ArgContext, view: SentenceView): SpeakerRef | null {
  const sentence = ctx.text.slice(view.span.start, view.span.end);
  let m = TAIL_CLAIM.exec(sentence);
  let group = m?.[1];
  let offset = m ? m.index + m[0].indexOf(group ?? '') : -1;
  if (!m) {
    m = ACCORDING.exec(sentence);
    group = m?.[1];
    offset = m ? m.index + m[0].indexOf(group ?? '') : -1;
  }
  if (!m || group === undefined) return null;
  const start = view.span.start + offset;
  const end = start + group.trimEnd().length;
  const inside = view.mentions.find((x) => x.start >= start && x.end <= end && x.kind !== 'possessive');
  const entity = inside ? ctx.entities[inside.entity] : undefined;
  return {
    start,
    end,
    text: ctx.text.slice(start, end),
    entity: entity?.id ?? null,
    kind: entity ? (entity.type === 'PER' ? 'name' : 'organisation') : /\b(official|officials|source|sources)\b/i.test(group) ? 'anonymous' : 'nominal',
  };
}

export function claimantOfFigures(layers: Readonly<Layers>, figures: EventFigure[]): SpeakerRef | null {
  const qs = layers.quantities ?? [];
  for (const f of figures) {
    const c = qs[f.quantity]?.claimant;
    if (c) return c;
  }
  return null;
}

/**
 * A claimant that belongs to an actor's side ("the Israel Defense Forces said", "Israeli military
 * officials said") is an associated actor of that side: added to `actors`.
 */
export function addClaimantSides(actors: EventArgument[], ms: readonly RawEvent[], entities: readonly Entity[]): void {
  for (const m of ms) {
    const c = m.claimant;
    if (!c || c.kind === 'pronoun' || c.kind === 'anonymous') continue;
    const entity = c.entity ? entities.find((e) => e.id === c.entity) : undefined;
    let name = entity?.name ?? c.text.replace(/^the\s+/i, '');
    // "the IDF": an acronym of an organisation named in the article ("Israel Defense Forces").
    if (/^[A-Z]{2,6}$/.test(name)) {
      const expanded = entities.find((e) => e.type === 'ORG' && e.name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') === name);
      if (expanded) name = expanded.name;
    }
    if (entity && entity.type !== 'ORG') continue;
    const words = name.split(/\s+/);
    const side = actors.find((a) => a.name && (name.includes(a.name) || words.some((w) => countryOfDemonym(w) === a.name)));
    if (side && name !== side.name && /\b(forces?|army|military|defen[cs]e|ministry|navy|air force|IDF|police|guard)\b/i.test(name)) {
      pushArg(actors, { start: c.start, end: c.end, text: c.text, ...(c.entity ? { entity: c.entity } : {}), name });
    }
  }
}
