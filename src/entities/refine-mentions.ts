/** Repairs of the tagger's mention spans before resolution (titles split off, joined names merged, calendar words dropped). */
import type { Token } from '../core/layers.js';
import { countryOfDemonym, countryOfName } from './countries.js';
import { HONORIFICS, ROLE_CONNECTORS, ROLE_HEADS, ROLE_WORDS } from './names.js';
import { CALENDAR, NAME_FUNCTION_WORDS, NAME_PARTICLES, ORG_FUNCTION_WORDS, ORG_WORDS, type RawMention, TokenText, isCap, isKnownPlace, isWord } from './resolve-kit.js';

export let byteScratch = new Uint8Array(1024);
export const COVERED = 1;
export const STARTS = 2;

/** A zeroed byte array of at least `n` entries (shared; valid until the next call). */
export function scratchBytes(n: number): Uint8Array {
  if (byteScratch.length < n) byteScratch = new Uint8Array(Math.max(n, 2 * byteScratch.length));
  else byteScratch.fill(0, 0, n);
  return byteScratch;
}

/**
 * Repairs tagger output before resolution: titles glued to names are split off ("Army Secretary
 * Daniel P. Driscoll" → PER "Daniel P. Driscoll", the title left for the role finder; "United Nations
 * Secretary-General Antonio Guterres" → ORG + PER), hyphen and particle joins are merged
 * ("Al-Hayya", "Mohammad bin Salman"), and bare weekday/month names are dropped.
 */
export function refineMentions(text: string, tokens: readonly Token[], input: readonly RawMention[]): RawMention[] {
  return refine(new TokenText(text, tokens), input);
}

/** The mentions in order of first token (a stable sort; the tagger's are already in order). */
export function sortedByFirst(input: readonly RawMention[]): readonly RawMention[] {
  for (let k = 1; k < input.length; k++) if (input[k].first < input[k - 1].first) return [...input].sort((a, b) => a.first - b.first);
  return input;
}

export function refine(doc: TokenText, input: readonly RawMention[]): RawMention[] {
  const tokens = doc.tokens;
  const out: RawMention[] = [];
  // Per token: COVERED when inside an input mention, STARTS when one begins there.
  const marks = scratchBytes(tokens.length);
  for (const m of input) {
    marks[m.first] |= STARTS;
    for (let i = m.first; i <= m.last; i++) marks[i] |= COVERED;
  }
  for (const m0 of sortedByFirst(input)) refineOne(doc, input, marks, { first: m0.first, last: m0.last, type: m0.type }, out);
  joinHyphenatedNames(doc, marks, out);
  trimTitlesBeforePersons(doc, out);
  return mergeJoined(doc, out);
}

/*
 * The steps of refine, each a small function: V8 optimises a function after it has run enough
 * bytecode for its size, so one large function stayed unoptimised for most of a corpus.
 */

export const isRoleAt = (doc: TokenText, i: number): boolean => ROLE_WORDS.has(doc.lower(i)) || (doc.form(i) === '-' && i > 0 && ROLE_WORDS.has(doc.lower(i - 1)));

/** One tagger mention repaired; pushes what it becomes (nothing, itself, or an organisation and a person) to `out`. */
export function refineOne(doc: TokenText, input: readonly RawMention[], marks: Uint8Array, m: RawMention, out: RawMention[]): void {
  stopAtLowercase(doc, m);
  while (m.last > m.first && ROLE_CONNECTORS.has(doc.lower(m.last))) m.last--;
  if (m.type === 'PER') extendPerson(doc, input, marks, m);
  trimNonWords(doc, m);
  if (m.type === 'PER') retypePerson(doc, m);
  honorificMakesPerson(doc, m);
  if (splitAtRole(doc, marks, m, out)) return;
  // Only title words ("Sergeant Major", "Secretary"): not an entity; the role finder reads them.
  if (onlyTitleWords(doc, m)) return;
  if (m.type === 'PER' && onlyRoleWords(doc, m)) m.type = 'ORG';
  if (m.first === m.last && CALENDAR.has(doc.lower(m.first))) return;
  out.push(m);
}

/**
 * A name does not run on over lowercase words ("Trump believes this unfortunate"): the tagger's
 * greedy decoding can leave a span open. Organisation names keep their function words.
 */
export function stopAtLowercase(doc: TokenText, m: RawMention): void {
  for (let i = m.first + 1; i <= m.last; i++) {
    const f = doc.form(i);
    if (isWord(f) && f === f.toLowerCase() && !NAME_FUNCTION_WORDS.has(f) && !(m.type !== 'PER' && ORG_FUNCTION_WORDS.has(f))) {
      m.last = i - 1;
      break;
    }
  }
}

/** "Gen. Curtis Buzzard" tagged as "Buzzard": take capitalised words back to a title; an initial does not end a name. */
export function extendPerson(doc: TokenText, input: readonly RawMention[], marks: Uint8Array, m: RawMention): void {
  const tokens = doc.tokens;
  let f = m.first;
  while (f - 1 >= 0 && m.first - f < 2 && (marks[f - 1] & COVERED) === 0 && isCap(doc.form(f - 1)) && !ROLE_WORDS.has(doc.lower(f - 1)) && tokens[f - 1].sentence === tokens[m.first].sentence) f--;
  if (f < m.first && f - 1 >= 0 && (HONORIFICS.has(doc.lower(f - 1)) || ROLE_HEADS.has(doc.lower(f - 1)))) m.first = f;
  // "Daniel P." + "Driscoll": an initial does not end a name.
  while (m.last + 1 < tokens.length && /^\p{Lu}\.$/u.test(doc.form(m.last)) && isCap(doc.form(m.last + 1)) && !ROLE_WORDS.has(doc.lower(m.last + 1)) && tokens[m.last + 1].sentence === tokens[m.last].sentence) {
    m.last++;
    if ((marks[m.last] & COVERED) !== 0) {
      const next = input.find((x) => x.first === m.last);
      if (next !== undefined) m.last = next.last;
    }
  }
}

/** Punctuation at either end (digits stay). */
export function trimNonWords(doc: TokenText, m: RawMention): void {
  while (m.first < m.last && !isWord(doc.form(m.first)) && !/\d/.test(doc.form(m.first))) m.first++;
  while (m.last > m.first && !isWord(doc.form(m.last)) && !/\d/.test(doc.form(m.last))) m.last--;
}

/** A "person" that is a known place, a demonym, or made of organisation, role or place words. */
export function retypePerson(doc: TokenText, m: RawMention): void {
  let orgWord = false;
  let allPlaceOrRole = true;
  for (let i = m.first; i <= m.last; i++) {
    if (ORG_WORDS.has(doc.lower(i))) orgWord = true;
    if (!(ROLE_WORDS.has(doc.lower(i)) || isKnownPlace(doc.form(i)))) allPlaceOrRole = false;
  }
  const whole = doc.surface(m.first, m.last);
  if (isKnownPlace(whole)) m.type = 'LOC';
  else if (countryOfDemonym(whole) !== undefined) m.type = 'MISC';
  else if (orgWord || allPlaceOrRole) m.type = 'ORG';
}

/** Leading honorifics ("Col.", "Gen.", "Sheikh") make the rest a person. */
export function honorificMakesPerson(doc: TokenText, m: RawMention): void {
  let h = m.first;
  while (h < m.last && (HONORIFICS.has(doc.lower(h)) || doc.form(h) === '.')) h++;
  if (h > m.first && h <= m.last && isCap(doc.form(h)) && !ROLE_WORDS.has(doc.lower(h)) && /\.$|^(sheikh|sheik|shaikh|emir|imam|rabbi|ayatollah)$/i.test(doc.form(m.first))) {
    m.type = 'PER';
  }
}

/**
 * A role word inside the mention followed by a capitalised, role-free tail: split there, pushing the
 * organisation before the role (if any) and the person after it. True when split.
 */
export function splitAtRole(doc: TokenText, marks: Uint8Array, m: RawMention, out: RawMention[]): boolean {
  const tokens = doc.tokens;
  let r = -1;
  for (let i = m.last - 1; i >= m.first; i--) {
    if (isRoleAt(doc, i)) {
      r = i;
      break;
    }
  }
  if (r < 0) return false;
  let tailOk = true;
  for (let i = r + 1; i <= m.last; i++) {
    if (!(isCap(doc.form(i)) || doc.form(i) === '.') || ROLE_WORDS.has(doc.lower(i)) || ORG_WORDS.has(doc.lower(i))) tailOk = false;
  }
  let p = m.first;
  while (p <= r && !isRoleAt(doc, p)) p++;
  let hasHead = false;
  for (let i = p; i <= r; i++) if (ROLE_HEADS.has(doc.lower(i))) hasHead = true;
  const tail = doc.surface(r + 1, m.last);
  const tailLen = m.last - r;
  const placeTail = countryOfName(tail) !== undefined || countryOfDemonym(tail) !== undefined;
  if (!(tailOk && !placeTail && (hasHead || tailLen >= 2))) return false;
  if (p > m.first) out.push({ first: m.first, last: p - 1, type: m.type === 'PER' ? 'ORG' : m.type });
  let last = m.last;
  // "Vice President JD Vance": the tagger may stop early; take following capitalised words.
  while (last + 1 < tokens.length && tokens[last + 1].sentence === tokens[last].sentence && isCap(doc.form(last + 1)) && !ROLE_WORDS.has(doc.lower(last + 1)) && (marks[last + 1] & STARTS) === 0 && last - r < 4) last++;
  out.push({ first: r + 1, last, type: 'PER' });
  return true;
}

export function onlyTitleWords(doc: TokenText, m: RawMention): boolean {
  for (let i = m.first; i <= m.last; i++) {
    const l = doc.lower(i);
    if (!(ROLE_HEADS.has(l) || HONORIFICS.has(l) || ROLE_CONNECTORS.has(l) || doc.form(i) === '.')) return false;
  }
  return true;
}

export function onlyRoleWords(doc: TokenText, m: RawMention): boolean {
  for (let i = m.first; i <= m.last; i++) if (!(ROLE_WORDS.has(doc.lower(i)) || ROLE_CONNECTORS.has(doc.lower(i)))) return false;
  return true;
}

/** "Karin Keller-Sutter": a name runs on over a touching hyphen and a capitalised word. */
export function joinHyphenatedNames(doc: TokenText, marks: Uint8Array, out: RawMention[]): void {
  const tokens = doc.tokens;
  for (const m of out) {
    while (
      m.last + 2 < tokens.length &&
      doc.form(m.last + 1) === '-' &&
      tokens[m.last + 1].start === tokens[m.last].end &&
      tokens[m.last + 2].start === tokens[m.last + 1].end &&
      isCap(doc.form(m.last + 2)) &&
      (marks[m.last + 2] & STARTS) === 0
    ) {
      m.last += 2;
    }
  }
}

/**
 * "United Nations Secretary-General Antonio Guterres": role words that end an organisation right before
 * a person are the person's title, not part of the organisation.
 */
export function trimTitlesBeforePersons(doc: TokenText, out: RawMention[]): void {
  const personStarts = new Set<number>();
  for (const x of out) if (x.type === 'PER') personStarts.add(x.first);
  if (personStarts.size === 0) return;
  for (const m of out) {
    if (m.type === 'PER' || !personStarts.has(m.last + 1)) continue;
    let last = m.last;
    while (last > m.first && (ROLE_HEADS.has(doc.lower(last)) || (doc.form(last) === '-' && ROLE_HEADS.has(doc.lower(last - 1))))) last--;
    if (last < m.last && last >= m.first && !ROLE_WORDS.has(doc.lower(last))) m.last = last;
  }
}

/** Merge across hyphens without spaces and name particles. */
export function mergeJoined(doc: TokenText, out: readonly RawMention[]): RawMention[] {
  const tokens = doc.tokens;
  const merged: RawMention[] = [];
  for (const m of out) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && tokens[prev.last].sentence === tokens[m.first].sentence) {
      const gap = m.first - prev.last - 1;
      const joinTok = prev.last + 1;
      const hyphen = gap === 1 && doc.form(joinTok) === '-' && tokens[joinTok].start === tokens[prev.last].end && tokens[m.first].start === tokens[joinTok].end;
      const particle = gap === 1 && NAME_PARTICLES.has(doc.form(joinTok).toLowerCase()) && (prev.type === 'PER' || m.type === 'PER');
      const touching = gap === 0 && tokens[m.first].start === tokens[prev.last].end;
      // "Saif al-Islam", "Bashar al-Assad": a particle hyphenated onto the next name.
      const hyphenParticle =
        gap === 2 &&
        NAME_PARTICLES.has(doc.form(joinTok).toLowerCase()) &&
        doc.form(joinTok + 1) === '-' &&
        tokens[joinTok + 1].start === tokens[joinTok].end &&
        tokens[m.first].start === tokens[joinTok + 1].end &&
        (prev.type === 'PER' || m.type === 'PER');
      if (hyphen || particle || touching || hyphenParticle) {
        prev.last = m.last;
        if (m.type === 'PER' || prev.type === 'PER') prev.type = 'PER';
        continue;
      }
    }
    merged.push({ first: m.first, last: m.last, type: m.type });
  }
  return merged;
}
