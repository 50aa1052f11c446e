/**
 * Lists of first-level regions or of countries ("Washington, Oregon and California", "Georgia and Armenia"): every
 * member is read as a region (or a country) of the list's one country, never as a same-named city ("Washington" in
 * such a list is the state, not Washington, D.C.) and never as one member qualifying the next (a listed state
 * name never proposes the state as another's container). A list has two or more names joined by commas with an
 * "and"/"or" before the last; every member must have such a reading, all in one country (or all countries), so
 * "talks between Washington and Moscow" stays two capitals; a pair is a list only when neither name is first of all a
 * town ("between New York and Washington" are two cities).
 */
import { WEIGHTS } from './geocoder-weights.js';
import type { Candidate } from './gazetteer.js';
import type { Lookup, ToponymSpan } from './geocoder.js';
import { qualifierCandidate, withStateName } from './qualifier.js';

const COMMA = /^,\s{1,2}$/;
const LAST = /^,?\s+(?:and|or)\s+$/;
const QUALIFIED_AFTER = /^,\s*\p{Lu}/u;

/** Region readings of a name (first-level regions, counties only when the name says so) or country readings. */
function readings(l: Lookup, key: string, kind: 'region' | 'country'): Candidate[] {
  return l.cands.filter((c) => c.precision === kind && qualifierCandidate(c, key));
}

/** The list's common reading: the country all members have a region in, or 'country'; null when none. */
function commonReading(members: ReadonlyArray<{ l: Lookup; key: string }>): string | null {
  if (members.every((m) => readings(m.l, m.key, 'country').length > 0)) return 'country';
  let common = new Set(readings(members[0].l, members[0].key, 'region').map((c) => c.country ?? ''));
  for (const m of members.slice(1)) {
    const cc = new Set(readings(m.l, m.key, 'region').map((c) => c.country ?? ''));
    common = new Set([...common].filter((x) => cc.has(x)));
  }
  common.delete('');
  return common.size === 1 ? [...common][0] : null;
}

/** Whether a name's most likely reading is a town. */
function townFirst(l: Lookup): boolean {
  let best = -1;
  for (let n = 0; n < l.cands.length; n++) if (best < 0 || l.prior[n] > l.prior[best]) best = n;
  return best >= 0 && (l.cands[best].precision === 'city' || l.cands[best].precision === 'point');
}

/** Gives each member of a region or country list a key of its own whose candidates are the list's reading. */
export function listRegions(text: string, spans: readonly ToponymSpan[], next: Int32Array, keyOf: string[], lookups: Map<string, Lookup>): void {
  const inList = new Uint8Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    if (inList[i]) continue;
    const run = [i];
    let closed = false;
    for (let k = i; ; ) {
      const j = next[k];
      if (j < 0 || spans[j].start - spans[k].end > 8) break;
      const between = text.slice(spans[k].end, spans[j].start);
      if (LAST.test(between)) {
        run.push(j);
        closed = true;
        break;
      }
      if (!COMMA.test(between)) break;
      run.push(j);
      k = j;
    }
    if (!closed || run.length < 2) continue;
    // "Texas and Washington, D.C.", "Ohio and El Paso, Texas": the last name heads a qualified pair, no list.
    if (QUALIFIED_AFTER.test(text.slice(spans[run[run.length - 1]].end, spans[run[run.length - 1]].end + 12))) continue;
    // "Washington" names its state only as "Washington state" in the region table: a list member has that reading too.
    const members = run.map((n) => {
      const key = keyOf[n].split('|')[0];
      return { n, key, l: withStateName(lookups.get(keyOf[n]) as Lookup, key) };
    });
    // Two names alone are a list of regions only when neither is first of all a town: "flights between New York and
    // Washington" are two cities, "Washington, Oregon and California" three states.
    if (members.length === 2 && members.some((m) => townFirst(m.l))) continue;
    const reading = commonReading(members);
    if (!reading) continue;
    for (const m of members) {
      const keep = (c: Candidate) => (reading === 'country' ? c.precision === 'country' : c.precision === 'region' && c.country === reading) && qualifierCandidate(c, m.key);
      const cands: Candidate[] = [];
      const prior: number[] = [];
      m.l.cands.forEach((c, n) => {
        if (!keep(c)) return;
        cands.push(c);
        prior.push(m.l.prior[n] + WEIGHTS.qualifier);
      });
      const lk = `${m.key}|list:${reading}`;
      lookups.set(lk, { cands, prior });
      keyOf[m.n] = lk;
      inList[m.n] = 1;
    }
  }
}
