/**
 * Towns the tagger did not tag as places (issue 11: a local report's town typed ORG or PER — "Royal
 * Challengers Bengaluru" made "the Indian city of Bengaluru" a person, "Jackson, Mississippi, authorities"
 * an organisation — or not tagged at all). Two written forms make a capitalised phrase a town whatever its
 * tag, and only these (precision first: a guessed town is worse than none):
 *
 * - qualified: "X, <state or country>" ("Jackson, Mississippi", "Conway, Miss.", "Saky, Crimea"), where the
 *   gazetteer has a town X in that state or country (a bare qualifier is never a county: "Washington, Oregon" is
 *   no Washington of Oregon County, Missouri);
 * - named as a town: "the city / town / village / suburb of X", where the gazetteer's town X lies in a
 *   country or state the article names, or is the only town of that name.
 *
 * Spans already geocoded are left alone. Each proposal is a town at city precision with a fixed
 * confidence below the tagger's usual (named as a town 0.6, qualified 0.75).
 */
import type { Span } from '../core/article.js';
import type { Candidate } from './gazetteer.js';
import { lookup, qualifierCandidate, type ContextEvidence } from './geocoder.js';
import { nameKey } from './normalize.js';

export interface ProposedTown extends Span {
  cand: Candidate;
  confidence: number;
}

const NAME = String.raw`[A-Z][\p{L}\p{M}'’.-]*[\p{L}\p{M}](?:[ -][A-Z][\p{L}\p{M}'’-]*[\p{L}\p{M}]){0,2}`;
/** "X, Q" — a town and its qualifier (one or two capitalised words, a trailing period kept for "Miss."). */
const QUALIFIED = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])(${NAME}),[ \u00a0]+([A-Z][\p{L}\p{M}]*\.?(?:[ \u00a0][A-Z][\p{L}\p{M}]+)?)`, 'gu');
const NAMED_TOWN = new RegExp(String.raw`\b(?:city|town|village|suburb|hamlet|community)[ \u00a0]+of[ \u00a0]+(${NAME})`, 'gu');

export const QUALIFIED_CONFIDENCE = 0.75;
export const NAMED_TOWN_CONFIDENCE = 0.6;

/** Words that open "X, Q" without being towns ("on Friday, Texas officials said"). */
const NOT_TOWN = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|however|meanwhile|still|yet|so|but|and|the|in|on|at|by)$/i;

const overlaps = (a: Span, list: readonly Span[]) => list.some((b) => a.start < b.end && b.start < a.end);

/** The qualifier's countries and divisions ("Mississippi" → US.MS; "Crimea" → UA.11; "India" → IN). */
function qualifiers(q: string): Candidate[] {
  const key = nameKey(q);
  return lookup(q).cands.filter((c) => qualifierCandidate(c, key));
}

function bestCity(l: ReturnType<typeof lookup>, fits: (c: Candidate) => boolean): Candidate | null {
  let best: Candidate | null = null;
  let prior = -Infinity;
  l.cands.forEach((c, i) => {
    if (c.precision !== 'city' || !fits(c)) return;
    if (l.prior[i] > prior) {
      prior = l.prior[i];
      best = c;
    }
  });
  return best;
}

/** Towns written in the two forms above, outside the spans already geocoded (`taken`); the article's country and division evidence is computed only when needed. */
export function proposeTowns(text: string, taken: readonly Span[], evidenceOf: () => ContextEvidence): ProposedTown[] {
  let evidence: ContextEvidence | null = null;
  const out: ProposedTown[] = [];
  for (const m of text.matchAll(QUALIFIED)) {
    // "In Jackson, Mississippi": a sentence-opening word before the town is no part of its name.
    const lead = /^(\S+)[ -]/u.exec(m[1]);
    const name = lead && NOT_TOWN.test(lead[1]) ? m[1].slice(lead[0].length) : m[1];
    const start = m.index + m[1].length - name.length;
    const span = { start, end: start + name.length };
    if (overlaps(span, taken) || overlaps(span, out) || NOT_TOWN.test(name)) continue;
    const written = qualifiers(m[2]);
    const quals = written.length ? written : qualifiers(m[2].replace(/\.$/, ''));
    if (quals.length === 0) continue;
    const cand = bestCity(lookup(name), (c) => quals.some((q) => q.country === c.country && (q.precision === 'country' || (q.admin1 !== undefined && q.admin1 === c.admin1))));
    if (cand) out.push({ ...span, cand, confidence: QUALIFIED_CONFIDENCE });
  }
  for (const m of text.matchAll(NAMED_TOWN)) {
    const start = m.index + m[0].length - m[1].length;
    const span = { start, end: start + m[1].length };
    if (overlaps(span, taken) || overlaps(span, out) || NOT_TOWN.test(m[1])) continue;
    const found = lookup(m[1]);
    const all = found.cands.filter((c) => c.precision === 'city');
    const ev = (evidence ??= evidenceOf());
    const named = (c: Candidate) => (c.country !== null && ev.countries.has(c.country)) || (c.admin1 !== undefined && ev.admin1.has(`${c.country}.${c.admin1}`));
    const cand = bestCity(found, named) ?? (all.length === 1 ? all[0] : null);
    if (cand) out.push({ ...span, cand, confidence: NAMED_TOWN_CONFIDENCE });
  }
  return out.sort((a, b) => a.start - b.start);
}
