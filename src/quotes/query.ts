/**
 * Pure helpers for `dateline quotes --speaker NAME --about NAME` over stored layers.
 *
 * --speaker NAME: the quote's speaker phrase names NAME ("Peskov" matches "Kremlin spokesperson Dmitry
 *   Peskov"), or its resolved entity does (so "he said" resolved to Peskov matches too). Every word of
 *   NAME must appear, in order, as whole words, case- and accent-insensitively.
 * --about NAME: an entity whose name matches NAME is mentioned inside the quote's span (via the
 *   mentions layer, so "the Kremlin leader" resolved to Putin counts), or, failing entity layers, NAME
 *   itself occurs inside the quote's text.
 */
import type { Entity, Mention, Quote } from '../core/layers.js';

/** Lowercase, accents folded, punctuation to spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whole-word, in-order containment of `needle` in `haystack` (both normalised). */
export function nameContains(haystack: string, needle: string): boolean {
  const h = normalizeName(haystack);
  const n = normalizeName(needle);
  if (n === '') return false;
  return ` ${h} `.includes(` ${n} `);
}

function entityMatches(entity: Entity | undefined, name: string): boolean {
  return !!entity && (nameContains(entity.name, name) || normalizeName(entity.key) === normalizeName(name));
}

export function quoteMatchesSpeaker(quote: Quote, entities: readonly Entity[], name: string): boolean {
  const speaker = quote.speaker;
  if (!speaker) return false;
  if (speaker.kind !== 'pronoun' && nameContains(speaker.text, name)) return true;
  if (speaker.entity === null) return false;
  return entityMatches(
    entities.find((e) => e.id === speaker.entity),
    name,
  );
}

export function quoteIsAbout(quote: Quote, entities: readonly Entity[], mentions: readonly Mention[], name: string): boolean {
  for (const m of mentions) {
    if (m.start >= quote.start && m.end <= quote.end && entityMatches(entities[m.entity], name)) return true;
  }
  return nameContains(quote.text, name);
}

/** Filter an article's quotes by optional speaker and topic names (both must hold when both are given). */
export function filterQuotes(
  quotes: readonly Quote[],
  entities: readonly Entity[],
  mentions: readonly Mention[],
  options: { speaker?: string; about?: string },
): Quote[] {
  return quotes.filter(
    (q) =>
      (options.speaker === undefined || quoteMatchesSpeaker(q, entities, options.speaker)) &&
      (options.about === undefined || quoteIsAbout(q, entities, mentions, options.about)),
  );
}
