/** Roles of resolved entities: titles inside a mention, pre-nominal titles ("Kremlin spokesperson Dmitry Peskov") and appositions ("Rustem Umerov, secretary of …"). */
import type { EntityRole } from '../core/layers.js';
import { countryOfDemonym, countryOfName } from './countries.js';
import { isCapitalized } from './features.js';
import { DETERMINERS, HONORIFICS, ROLE_CONNECTORS, ROLE_HEADS, ROLE_WORDS } from './names.js';
import { type Cluster, type RawMention, TokenText, type Work, isPossessiveMark, lower } from './resolve-kit.js';

/** 3. Roles: titles inside the mention, pre-nominal titles, appositions. */
export function assignRoles(doc: TokenText, clusters: Cluster[], work: readonly Work[], mentionAt: Int32Array, raw: readonly RawMention[]): void {
  const tokens = doc.tokens;
  for (const w of work) {
    if (w.entity < 0 || clusters[w.entity].type !== 'PER') continue;
    const c = clusters[w.entity];
    const pre = preNominalRole(w, doc, mentionAt, raw);
    if (pre !== null) {
      // "senior Hamas leader Dr." → the role and, apart, the honorific.
      const words = pre.title.split(' ');
      let k = words.length;
      while (k > 1 && /\.$/.test(words[k - 1]) && HONORIFICS.has(lower(words[k - 1]))) k--;
      const restIsHonorific = words.slice(0, k).every((x) => HONORIFICS.has(lower(x)));
      if (k < words.length && !restIsHonorific) {
        addRole(c, { ...pre, title: words.slice(0, k).join(' ') });
        addRole(c, { title: words.slice(k).join(' '), evidence: pre.evidence });
      } else addRole(c, pre);
    } else if (w.titles.length > 0) {
      addRole(c, { title: w.titles.join(' '), evidence: { start: tokens[w.first].start - w.titles.join(' ').length - 1, end: tokens[w.last].end } });
    }
    const app = apposition(w, doc, mentionAt, raw);
    if (app !== null) addRole(c, app);
  }
  for (const c of clusters) fixEvidence(c, doc.text);
}

/** 4. Possessive organisations: "<entity>'s office". */

/** "Mr", "Mrs." say nothing of what a person does: never a role (ranks like "Gen." are). */
export const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'mme', 'mlle', 'madam', 'madame', 'monsieur', 'herr', 'frau', 'his', 'her']);

export function addRole(c: Cluster, role: EntityRole): void {
  if (role.title.split(/\s+/).every((w) => COURTESY_TITLES.has(w.toLowerCase().replace(/\.$/, '')))) return;
  const key = `${role.title.toLowerCase()}|${role.affiliation ?? ''}`;
  if (c.roles.some((r) => `${r.title.toLowerCase()}|${r.affiliation ?? ''}` === key)) return;
  c.roles.push(role);
}

export function dedupeRoles(c: Cluster): void {
  c.roles = c.roles.filter(
    (r) => !c.roles.some((o) => o !== r && o.title.length > r.title.length && o.title.toLowerCase().endsWith(r.title.toLowerCase())),
  );
}

export function fixEvidence(c: Cluster, text: string): void {
  dedupeRoles(c);
  for (const r of c.roles) {
    r.evidence = { start: Math.max(0, r.evidence.start), end: Math.min(text.length, r.evidence.end) };
  }
}

/**
 * Walks left from a person's name over role words, connectors and modifier mentions:
 * "Israeli Prime Minister Benjamin Netanyahu" → title "Prime Minister", affiliation "Israel";
 * "Kremlin spokesperson Dmitry Peskov" → title "Kremlin spokesperson", affiliation "Kremlin".
 */
export function preNominalRole(w: Work, doc: TokenText, mentionAt: Int32Array, raw: readonly RawMention[]): EntityRole | null {
  const { text, tokens } = doc;
  const form = (i: number): string => doc.form(i);
  const sentence = tokens[w.first].sentence;
  let i = w.first - 1;
  let start = w.first;
  let hasHead = w.titles.some((t) => t.split(/\s+/).some((x) => ROLE_HEADS.has(lower(x))));
  let affiliation: string | undefined;
  let steps = 0;
  while (i >= 0 && tokens[i].sentence === sentence && steps < 10) {
    const f = form(i);
    const lw = doc.lower(i);
    const m = mentionAt[i];
    if (m >= 0 && raw[m].last === i && raw[m].type !== 'PER' && i + 1 === start) {
      // A modifier mention: "Kremlin", "Israeli", "U.S.", "Ukraine's".
      const mm = raw[m];
      const surface = text.slice(tokens[mm.first].start, tokens[mm.last].end);
      const country = countryOfDemonym(surface) ?? countryOfName(surface);
      affiliation ??= country ?? surface;
      start = mm.first;
      i = mm.first - 1;
      steps++;
      continue;
    }
    if (isPossessiveMark(f) && i > 0 && mentionAt[i - 1] >= 0 && raw[mentionAt[i - 1]].type !== 'PER' && i + 1 === start) {
      start = i;
      i--;
      continue;
    }
    if (f === '-' && i > 0 && tokens[i].start === tokens[i - 1].end && tokens[i].end === tokens[i + 1].start && ROLE_WORDS.has(doc.lower(i - 1))) {
      start = i;
      i--;
      continue;
    }
    const prevLw = i > 0 ? doc.lower(i - 1) : '';
    const connectorOk = ROLE_CONNECTORS.has(lw) && i > 0 && (ROLE_WORDS.has(prevLw) || ROLE_CONNECTORS.has(prevLw) || mentionAt[i - 1] >= 0);
    if (ROLE_WORDS.has(lw) || connectorOk) {
      const demonym = isCapitalized(f) ? countryOfDemonym(f) : undefined;
      if (demonym !== undefined) affiliation ??= demonym;
      if (ROLE_HEADS.has(lw)) hasHead = true;
      start = i;
      i--;
      steps++;
      continue;
    }
    const demonym = isCapitalized(f) ? countryOfDemonym(f) : undefined;
    if (demonym !== undefined && i + 1 === start) {
      affiliation ??= demonym;
      start = i;
      i--;
      steps++;
      continue;
    }
    break;
  }
  if (!hasHead || start >= w.first) return null;
  // Trim connectors and determiners at the left edge; drop leading country/demonym modifiers from the title.
  let s = start;
  while (s < w.first && (ROLE_CONNECTORS.has(doc.lower(s)) || DETERMINERS.has(doc.lower(s)))) s++;
  let titleStart = s;
  while (titleStart < w.first) {
    const m = mentionAt[titleStart];
    const f = form(titleStart);
    const surface = m >= 0 ? text.slice(tokens[raw[m].first].start, tokens[raw[m].last].end) : f;
    const isCountry = countryOfDemonym(surface) !== undefined || countryOfName(surface) !== undefined;
    if (!isCountry) break;
    titleStart = m >= 0 ? raw[m].last + 1 : titleStart + 1;
    while (titleStart < w.first && isPossessiveMark(form(titleStart))) titleStart++;
  }
  if (titleStart >= w.first) return null;
  const title = text.slice(tokens[titleStart].start, tokens[w.first - 1].end).replace(/\s+/g, ' ');
  if (!title.split(' ').some((x) => ROLE_HEADS.has(lower(x)))) return null;
  const role: EntityRole = { title, evidence: { start: tokens[s].start, end: tokens[w.last].end } };
  if (affiliation !== undefined) role.affiliation = affiliation;
  return role;
}

/** "Rustem Umerov, secretary of the National Security and Defense Council," → that role. */
export function apposition(w: Work, doc: TokenText, mentionAt: Int32Array, raw: readonly RawMention[]): EntityRole | null {
  const { text, tokens } = doc;
  const form = (i: number): string => doc.form(i);
  let i = w.last + 1;
  if (i >= tokens.length || form(i) !== ',' || tokens[i].sentence !== tokens[w.last].sentence) return null;
  i++;
  const sentence = tokens[w.last].sentence;
  let s = i;
  while (s < tokens.length && DETERMINERS.has(doc.lower(s))) s++;
  // The role head must come within the first few words ("the Chief of Staff", "secretary of …").
  let head = -1;
  for (let k = s; k < Math.min(tokens.length, s + 4) && tokens[k].sentence === sentence; k++) {
    const lw = doc.lower(k);
    if (ROLE_HEADS.has(lw)) {
      head = k;
      break;
    }
    if (!(ROLE_WORDS.has(lw) || mentionAt[k] >= 0 || isPossessiveMark(form(k)))) break;
  }
  if (head < 0) return null;
  let end = head;
  let affiliation: string | undefined;
  for (let k = head + 1; k < tokens.length && tokens[k].sentence === sentence && k < head + 14; k++) {
    const f = form(k);
    if (f === ',' || f === ';' || f === ')' || f === '.' || f === '—' || f === '–' || f === ':') break;
    const lw = doc.lower(k);
    if (lw === 'who' || lw === 'which' || lw === 'said' || lw === 'says') break;
    if (lw === 'and') {
      const nextM = k + 1 < tokens.length ? mentionAt[k + 1] : -1;
      const inName = nextM >= 0 && raw[nextM].type !== 'PER' && mentionAt[k - 1] >= 0;
      if (!(inName || (k + 1 < tokens.length && ROLE_WORDS.has(doc.lower(k + 1))))) return null;
    }
    const m = mentionAt[k];
    if (m >= 0 && raw[m].type === 'PER') break;
    if (m >= 0 && affiliation === undefined) {
      const surface = text.slice(tokens[raw[m].first].start, tokens[raw[m].last].end);
      affiliation = countryOfDemonym(surface) ?? countryOfName(surface) ?? surface;
    }
    end = k;
  }
  // An apposition is closed: by a comma, a dash, a parenthesis or the end of the sentence.
  const after = end + 1;
  if (after < tokens.length && tokens[after].sentence === sentence && !/^[,;)—–:.]$/.test(form(after))) return null;
  const title = text.slice(tokens[s].start, tokens[end].end).replace(/\s+/g, ' ');
  const role: EntityRole = { title, evidence: { start: tokens[w.first].start, end: tokens[end].end } };
  if (affiliation !== undefined) role.affiliation = affiliation;
  return role;
}
