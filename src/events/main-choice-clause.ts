/**
 * Clause-level relations of a town mention for the learned place choice (main-choice-features.ts), general
 * signals that tell the reporting city from the scene:
 *
 * - `attrib`: a statement verb beside the mention in its clause ("Washington officials told reporters",
 *   "military officials in Warsaw said", "told reporters in Washington"): where a source speaks, not where the
 *   event happened; `attribLocal` when the source is a local force ("police in Dover said", "according to the
 *   Boulder police chief"), which in local news is the scene's own (the two are learned apart);
 * - `sameClause`: one of the event's triggers lies in the mention's own clause ("a shell hit a checkpoint in
 *   Irpin"), not only in its sentence ("… in Kyiv, where officials said a shell hit a checkpoint").
 *
 * A clause runs between punctuation that separates clauses (comma, semicolon, colon, brackets, dashes, quotes)
 * inside the sentence; full stops are left to the sentence splitter ("St. Louis police said").
 */
import type { Span } from '../core/article.js';

const BOUNDARY = /[,;:!?"“”()\u2014\u2013]/;
const STATEMENT_AFTER = /^[^,;:!?"“”()\u2014\u2013]{0,30}?\b(said|says|say|told|tells|announced|reported|confirmed|stated|tweeted|posted)\b/i;
const STATEMENT_BEFORE = /\b(according to|told [\w ]{0,20}?\bin|said in|spoke in|speaking in)\s+(the\s+)?$/i;
const LOCAL_FORCE = /\b(police|sheriff|sheriff's|deputies|deputy|troopers?|fire|firefighters|mayor|coroner|medical examiner|prosecutors?|district attorney)\b/i;

/** The clause around [start, end) inside the sentence [lo, hi). */
export function clauseAround(text: string, start: number, end: number, lo: number, hi: number): Span {
  let a = start;
  while (a > lo && !BOUNDARY.test(text[a - 1])) a--;
  let b = end;
  while (b < hi && !BOUNDARY.test(text[b])) b++;
  return { start: a, end: b };
}

export function clauseRelations(
  text: string,
  mention: Span,
  sentence: Span,
  triggers: readonly Span[],
): { attrib: boolean; attribLocal: boolean; sameClause: boolean; sameClauseFirst: boolean } {
  const c = clauseAround(text, mention.start, mention.end, sentence.start, sentence.end);
  const after = text.slice(mention.end, c.end);
  const before = text.slice(Math.max(c.start, mention.start - 40), mention.start);
  const stated = STATEMENT_AFTER.test(after) || STATEMENT_BEFORE.test(before);
  const local = stated && LOCAL_FORCE.test(text.slice(c.start, c.end));
  const attrib = stated && !local;
  const attribLocal = local;
  let sameClause = false;
  let sameClauseFirst = false;
  triggers.forEach((t, k) => {
    if (t.start >= c.start && t.end <= c.end) {
      sameClause = true;
      if (k === 0) sameClauseFirst = true;
    }
  });
  return { attrib, attribLocal, sameClause, sameClauseFirst };
}
