/**
 * From tagged mention spans to article entities: titles and honorifics peeled off names, roles from
 * pre-nominal titles ("Kremlin spokesperson Dmitry Peskov") and appositions ("Rustem Umerov,
 * secretary of the …"), possessive organisations ("Netanyahu's office"), and within-article
 * coreference of name variants ("Dmitry Peskov" … "Peskov"; "Zelenskyy" … "Volodymyr Zelenskyy").
 *
 * Works on token indexes of the article's `tokens` layer; all output spans are text offsets.
 */
import type { Entity, EntityRole, EntityType, Mention, Token } from '../core/layers.js';
import type { Span } from '../core/article.js';
import { REGIONS, countryOfDemonym, countryOfName } from './countries.js';
import { isCapitalized, normalizeForm } from './features.js';
import { DETERMINERS, HONORIFICS, POSSESSED_ORGS, ROLE_CONNECTORS, ROLE_HEADS, ROLE_WORDS, nameKey } from './names.js';

/** A mention as the tagger found it, over tokens `[first, last]` (inclusive). */
export interface RawMention {
  first: number;
  last: number;
  type: EntityType;
}

interface Work {
  first: number;
  last: number;
  type: EntityType;
  kind: Mention['kind'];
  /** Name tokens as written (title-free). */
  words: string[];
  key: string;
  titles: string[];
  entity: number;
  owner?: number;
}

interface Cluster {
  type: EntityType;
  mentions: Work[];
  /** Longest name words seen. */
  words: string[];
  key: string;
  roles: EntityRole[];
  owner?: number;
  typeVotes: Map<EntityType, number>;
}

const lower = (s: string): string => normalizeForm(s).toLowerCase().replace(/\.$/, '');
const isPossessiveMark = (s: string): boolean => s === "'s" || s === '’s' || s === "'" || s === '’';

export interface ResolveInput {
  text: string;
  tokens: readonly Token[];
  mentions: readonly RawMention[];
  /** Dateline span, if the article has one: mentions inside it are places. */
  dateline?: Span | null;
}

export interface ResolveOutput {
  mentions: Mention[];
  entities: Entity[];
}

export function resolveEntities(input: ResolveInput): ResolveOutput {
  const { text, tokens } = input;
  const form = (i: number): string => text.slice(tokens[i].start, tokens[i].end);
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  const raw = refineMentions(text, tokens, input.mentions);
  raw.forEach((m, k) => {
    for (let i = m.first; i <= m.last; i++) mentionAt[i] = k;
  });

  // 1. Clean mentions: datelines are places, honorifics leave names, possessive marks are dropped.
  const work: Work[] = [];
  for (const m of raw) {
    let first = m.first;
    let last = m.last;
    let type = m.type;
    const titles: string[] = [];
    if (input.dateline && tokens[first].start < input.dateline.end && tokens[last].end > input.dateline.start) {
      type = 'LOC';
    }
    while (last > first && isPossessiveMark(form(last))) last--;
    if (type === 'PER') {
      let t = first;
      while (t < last && (HONORIFICS.has(lower(form(t))) || form(t) === '.')) t++;
      if (t > first) titles.push(text.slice(tokens[first].start, tokens[t - 1].end));
      first = t;
    }
    const words: string[] = [];
    for (let i = first; i <= last; i++) words.push(form(i));
    const key = nameKey(words.join(' '));
    if (key === '') continue;
    work.push({ first, last, type, kind: 'name', words, key, titles, entity: -1 });
  }
  if (input.dateline) {
    addDatelinePlace(input, work, form);
    // The dateline names a place: the same name elsewhere in the article is that place.
    const d = input.dateline;
    const placeKeys = new Set(work.filter((w) => tokens[w.first].start >= d.start && tokens[w.last].end <= d.end).map((w) => w.key));
    for (const w of work) if (placeKeys.has(w.key)) w.type = 'LOC';
  }
  work.sort((a, b) => a.first - b.first);

  // A non-person mention that ends with a person's name ("Khalil Al-Hayya" tagged MISC, "Al-Hayya" PER)
  // is that person.
  const perKeys = new Set(work.filter((w) => w.type === 'PER').map((w) => w.key));
  for (const w of work) {
    if (w.type === 'PER' || w.words.length < 2) continue;
    if (w.words.some((x) => ORG_WORDS.has(lower(x)))) continue;
    for (const k of perKeys) {
      if (w.key !== k && w.key.endsWith(` ${k}`)) {
        w.type = 'PER';
        break;
      }
    }
  }

  // 2. Cluster: full names first, then shorter variants attach to a unique (or nearest earlier) match.
  const clusters: Cluster[] = [];
  const byKey = new Map<string, number>();
  const newCluster = (w: Work): number => {
    const id = clusters.length;
    clusters.push({ type: w.type, mentions: [], words: w.words, key: w.key, roles: [], typeVotes: new Map() });
    byKey.set(`${w.type}|${w.key}`, id);
    return id;
  };
  const attach = (w: Work, id: number): void => {
    const c = clusters[id];
    w.entity = id;
    c.mentions.push(w);
    c.typeVotes.set(w.type, (c.typeVotes.get(w.type) ?? 0) + w.words.length);
    const caps = (ws: string[]): boolean => ws.join('') === ws.join('').toUpperCase();
    if (w.words.length > c.words.length || (w.words.length === c.words.length && caps(c.words) && !caps(w.words))) {
      c.words = w.words;
      c.key = w.key;
    }
  };
  const canonicalPlace = (w: Work): string => (w.type === 'LOC' ? nameKey(countryOfName(w.words.join(' ')) ?? w.words.join(' ')) : w.key);
  const longFirst = [...work].sort((a, b) => b.words.length - a.words.length || a.first - b.first);
  const lastWordOwner = (word: string): number => {
    const key = nameKey(word);
    return clusters.findIndex((c) => c.type === 'PER' && c.words.length > 1 && c.key.endsWith(` ${key}`));
  };
  for (const w of longFirst) {
    if (w.type !== 'PER') continue;
    if (w.words.length < 2) continue;
    const existing = byKey.get(`PER|${w.key}`);
    if (existing !== undefined) {
      attach(w, existing);
      continue;
    }
    // A shorter form of a longer name already seen ("Al-Hayya" of "Khalil Al-Hayya").
    const longer = clusters.findIndex((c) => c.type === 'PER' && c.words.length > w.words.length && c.key.endsWith(` ${w.key}`));
    if (longer >= 0) {
      w.kind = 'surname';
      attach(w, longer);
      continue;
    }
    // Two surnames run together: left for the split below.
    if (w.words.length === 2) {
      const a = lastWordOwner(w.words[0]);
      const b = lastWordOwner(w.words[1]);
      if (a >= 0 && b >= 0 && a !== b) continue;
    }
    attach(w, newCluster(w));
  }
  // "Umerov Hnatov" (a dropped "and"): a two-word name whose words are the surnames of two different people.
  for (let k = 0; k < work.length; k++) {
    const w = work[k];
    if (w.entity >= 0 || w.type !== 'PER' || w.words.length !== 2) continue;
    const owners = w.words.map(lastWordOwner);
    if (owners[0] >= 0 && owners[1] >= 0 && owners[0] !== owners[1]) {
      const a: Work = { ...w, last: w.first, words: [w.words[0]], key: nameKey(w.words[0]), kind: 'surname', titles: [] };
      const b: Work = { ...w, first: w.first + 1, words: [w.words[1]], key: nameKey(w.words[1]), kind: 'surname', titles: [] };
      attach(a, owners[0]);
      attach(b, owners[1]);
      work.splice(k, 1, a, b);
      k++;
    }
  }
  for (const w of work) {
    if (w.entity >= 0) continue;
    if (w.type === 'PER' || w.words.length === 1) {
      // A surname or a one-word name: the PER cluster whose name ends with (or contains) it.
      const candidates = clusters
        .map((c, id) => ({ c, id }))
        .filter(({ c }) => c.type === 'PER' && c.words.length > w.words.length && containsKey(c.key, w.key));
      if (candidates.length > 0 && (w.type === 'PER' || candidates.some(({ c }) => c.key.endsWith(` ${w.key}`)))) {
        const before = candidates.filter(({ c }) => c.mentions.some((m) => m.first < w.first));
        const pick = (before.length > 0 ? before : candidates).sort((a, b) => lastBefore(b.c, w.first) - lastBefore(a.c, w.first))[0];
        w.kind = 'surname';
        attach(w, pick.id);
        continue;
      }
    }
    const key = `${w.type}|${canonicalPlace(w)}`;
    const existing = byKey.get(key) ?? (w.type === 'PER' ? undefined : byKey.get(`${w.type}|${w.key}`));
    if (existing !== undefined) {
      if (clusters[existing].key !== w.key) w.kind = 'alias';
      attach(w, existing);
    } else {
      const id = newCluster(w);
      byKey.set(key, id);
      attach(w, id);
    }
  }

  // 3. Roles: titles inside the mention, pre-nominal titles, appositions.
  for (const w of work) {
    if (w.entity < 0 || clusters[w.entity].type !== 'PER') continue;
    const c = clusters[w.entity];
    const pre = preNominalRole(w, tokens, form, mentionAt, raw, text);
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
    const app = apposition(w, tokens, form, mentionAt, raw, text);
    if (app !== null) addRole(c, app);
  }
  for (const c of clusters) fixEvidence(c, text);

  // 4. Possessive organisations: "<entity>'s office".
  const extra: Work[] = [];
  for (const w of work) {
    if (w.entity < 0) continue;
    const markIdx = w.last + 1;
    if (markIdx + 1 >= tokens.length || !isPossessiveMark(form(markIdx)) || tokens[markIdx].sentence !== tokens[w.last].sentence) continue;
    const noun = lower(form(markIdx + 1));
    if (!POSSESSED_ORGS.has(noun) || mentionAt[markIdx + 1] >= 0) continue;
    const owner = clusters[w.entity];
    const words = [...owner.words, "'s", form(markIdx + 1)];
    const key = `${owner.key}'s ${noun}`;
    const p: Work = { first: w.first, last: markIdx + 1, type: 'ORG', kind: 'possessive', words, key, titles: [], entity: -1, owner: w.entity };
    const existing = byKey.get(`ORG|${key}`);
    if (existing !== undefined) attach(p, existing);
    else {
      const id = newCluster(p);
      clusters[id].owner = w.entity;
      clusters[id].words = [...(owner.words), "'s", noun];
      attach(p, id);
    }
    extra.push(p);
  }

  // 5. Output, entities in order of first mention.
  const all = [...work.filter((w) => w.entity >= 0), ...extra];
  const order = clusters
    .map((c, id) => ({ id, first: Math.min(...c.mentions.map((m) => tokens[m.first].start)) }))
    .sort((a, b) => a.first - b.first);
  const newId = new Map<number, number>();
  order.forEach(({ id }, k) => newId.set(id, k));
  const entities: Entity[] = order.map(({ id }, k) => {
    const c = clusters[id];
    const spans = c.mentions.map((m) => ({ start: tokens[m.first].start, end: tokens[m.last].end })).sort((a, b) => a.start - b.start);
    let type = c.type;
    let best = -1;
    for (const [t, v] of c.typeVotes) {
      if (v > best) {
        best = v;
        type = t;
      }
    }
    if (c.owner !== undefined) type = 'ORG';
    const name = c.owner !== undefined ? `${entityName(clusters[c.owner])}'s ${c.words[c.words.length - 1]}` : entityName(c);
    const entity: Entity = {
      id: `e${k}`,
      start: spans[0].start,
      end: spans[0].end,
      name,
      type,
      mentions: spans,
      roles: c.roles,
      key: c.owner !== undefined ? `${nameKey(entityName(clusters[c.owner]))}'s ${nameKey(c.words[c.words.length - 1])}` : nameKey(name),
      confidence: confidenceOf(c),
    };
    if (c.owner !== undefined) entity.owner = `e${newId.get(c.owner)}`;
    return entity;
  });
  const mentions: Mention[] = all
    .map((w) => {
      const start = tokens[w.first].start;
      const end = tokens[w.last].end;
      return { start, end, text: text.slice(start, end), entity: newId.get(w.entity)!, kind: w.kind };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions, entities };
}

const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mon', 'tue', 'wed',
  'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Lowercase words allowed inside names ("Mohammad bin Salman", "Ministry of the Interior"). */
const NAME_FUNCTION_WORDS = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'van', 'von', 'de', 'da', 'der', 'den', 'del', 'di', 'du', 'la', 'le', 'dos', 'das', 'y', "'s", 'st.']);
const ORG_FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', '&', 'du', 'des', 'et', 'a']);
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'van', 'von', 'de', 'da', 'der', 'abu', 'ben', 'del', 'di', 'la', 'le']);

const ORG_WORDS = new Set([
  'ministry', 'command', 'council', 'committee', 'agency', 'bureau', 'department', 'forces', 'army', 'navy', 'police',
  'party', 'university', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'group', 'bank', 'news', 'times',
  'post', 'journal', 'association', 'union', 'court', 'parliament', 'government', 'administration', 'embassy',
  'headquarters', 'institute', 'foundation', 'commission', 'authority', 'office', 'service', 'services', 'brigade',
  'battalion', 'regiment', 'division', 'fund', 'organization', 'organisation', 'federation', 'club', 'airlines',
]);

/** A country, alias or region from our tables ("Africa", "U.S.", "Gaza"). */
function isKnownPlace(name: string): boolean {
  return countryOfName(name) !== undefined || REGION_SET.has(name.toLowerCase());
}
const REGION_SET = new Set(REGIONS.map((r) => r.toLowerCase()));

const isWord = (f: string): boolean => /\p{L}/u.test(f);
const isCap = (f: string): boolean => isWord(f) && isCapitalized(f);

/**
 * Repairs tagger output before resolution: titles glued to names are split off ("Army Secretary
 * Daniel P. Driscoll" → PER "Daniel P. Driscoll", the title left for the role finder; "United Nations
 * Secretary-General Antonio Guterres" → ORG + PER), hyphen and particle joins are merged
 * ("Al-Hayya", "Mohammad bin Salman"), and bare weekday/month names are dropped.
 */
export function refineMentions(text: string, tokens: readonly Token[], input: readonly RawMention[]): RawMention[] {
  const form = (i: number): string => text.slice(tokens[i].start, tokens[i].end);
  const lw = (i: number): string => lower(form(i));
  const isRole = (i: number): boolean => ROLE_WORDS.has(lw(i)) || (form(i) === '-' && i > 0 && ROLE_WORDS.has(lw(i - 1)));
  const out: RawMention[] = [];
  const covered = new Uint8Array(tokens.length);
  for (const m of input) for (let i = m.first; i <= m.last; i++) covered[i] = 1;
  for (const m0 of [...input].sort((a, b) => a.first - b.first)) {
    const m = { ...m0 };
    // A name does not run on over lowercase words ("Trump believes this unfortunate"): the tagger's
    // greedy decoding can leave a span open. Organisation names keep their function words.
    for (let i = m.first + 1; i <= m.last; i++) {
      const f = form(i);
      if (isWord(f) && f === f.toLowerCase() && !NAME_FUNCTION_WORDS.has(f) && !(m.type !== 'PER' && ORG_FUNCTION_WORDS.has(f))) {
        m.last = i - 1;
        break;
      }
    }
    while (m.last > m.first && ROLE_CONNECTORS.has(lw(m.last))) m.last--;
    // "Gen. Curtis Buzzard" tagged as "Buzzard": take capitalised words back to a title.
    if (m.type === 'PER') {
      let f = m.first;
      while (f - 1 >= 0 && m.first - f < 2 && covered[f - 1] === 0 && isCap(form(f - 1)) && !ROLE_WORDS.has(lw(f - 1)) && tokens[f - 1].sentence === tokens[m.first].sentence) f--;
      if (f < m.first && f - 1 >= 0 && (HONORIFICS.has(lw(f - 1)) || ROLE_HEADS.has(lw(f - 1)))) m.first = f;
      // "Daniel P." + "Driscoll": an initial does not end a name.
      while (m.last + 1 < tokens.length && /^\p{Lu}\.$/u.test(form(m.last)) && isCap(form(m.last + 1)) && !ROLE_WORDS.has(lw(m.last + 1)) && tokens[m.last + 1].sentence === tokens[m.last].sentence) {
        m.last++;
        if (covered[m.last] === 1) {
          const next = input.find((x) => x.first === m.last);
          if (next !== undefined) m.last = next.last;
        }
      }
    }
    while (m.first < m.last && !isWord(form(m.first)) && !/\d/.test(form(m.first))) m.first++;
    while (m.last > m.first && !isWord(form(m.last)) && !/\d/.test(form(m.last))) m.last--;
    if (m.type === 'PER') {
      let orgWord = false;
      let allPlaceOrRole = true;
      for (let i = m.first; i <= m.last; i++) {
        if (ORG_WORDS.has(lw(i))) orgWord = true;
        if (!(ROLE_WORDS.has(lw(i)) || isKnownPlace(form(i)))) allPlaceOrRole = false;
      }
      const whole = text.slice(tokens[m.first].start, tokens[m.last].end);
      if (isKnownPlace(whole)) m.type = 'LOC';
      else if (countryOfDemonym(whole) !== undefined) m.type = 'MISC';
      else if (orgWord || allPlaceOrRole) m.type = 'ORG';
    }
    // Leading honorifics ("Col.", "Gen.", "Sheikh") make the rest a person.
    let h = m.first;
    while (h < m.last && (HONORIFICS.has(lw(h)) || form(h) === '.')) h++;
    if (h > m.first && h <= m.last && isCap(form(h)) && !ROLE_WORDS.has(lw(h)) && /\.$|^(sheikh|sheik|shaikh|emir|imam|rabbi|ayatollah)$/i.test(form(m.first))) {
      m.type = 'PER';
    }
    // A role word inside the mention followed by a capitalised, role-free tail: split there.
    let r = -1;
    for (let i = m.last - 1; i >= m.first; i--) {
      if (isRole(i)) {
        r = i;
        break;
      }
    }
    if (r >= 0) {
      let tailOk = true;
      for (let i = r + 1; i <= m.last; i++) {
        if (!(isCap(form(i)) || form(i) === '.') || ROLE_WORDS.has(lw(i)) || ORG_WORDS.has(lw(i))) tailOk = false;
      }
      let p = m.first;
      while (p <= r && !isRole(p)) p++;
      let hasHead = false;
      for (let i = p; i <= r; i++) if (ROLE_HEADS.has(lw(i))) hasHead = true;
      const tail = text.slice(tokens[r + 1].start, tokens[m.last].end);
      const tailLen = m.last - r;
      const placeTail = countryOfName(tail) !== undefined || countryOfDemonym(tail) !== undefined;
      if (tailOk && !placeTail && (hasHead || tailLen >= 2)) {
        if (p > m.first) out.push({ first: m.first, last: p - 1, type: m.type === 'PER' ? 'ORG' : m.type });
        let last = m.last;
        // "Vice President JD Vance": the tagger may stop early; take following capitalised words.
        while (last + 1 < tokens.length && tokens[last + 1].sentence === tokens[last].sentence && isCap(form(last + 1)) && !ROLE_WORDS.has(lw(last + 1)) && !input.some((x) => x.first === last + 1) && last - r < 4) last++;
        out.push({ first: r + 1, last, type: 'PER' });
        continue;
      }
    }
    // Only title words ("Sergeant Major", "Secretary"): not an entity; the role finder reads them.
    let allTitle = true;
    for (let i = m.first; i <= m.last; i++) if (!(ROLE_HEADS.has(lw(i)) || HONORIFICS.has(lw(i)) || ROLE_CONNECTORS.has(lw(i)) || form(i) === '.')) allTitle = false;
    if (allTitle) continue;
    if (m.type === 'PER') {
      let allRole = true;
      for (let i = m.first; i <= m.last; i++) if (!(ROLE_WORDS.has(lw(i)) || ROLE_CONNECTORS.has(lw(i)))) allRole = false;
      if (allRole) m.type = 'ORG';
    }
    if (m.first === m.last && CALENDAR.has(lw(m.first))) continue;
    out.push(m);
  }
  // "Karin Keller-Sutter": a name runs on over a touching hyphen and a capitalised word.
  for (const m of out) {
    while (
      m.last + 2 < tokens.length &&
      form(m.last + 1) === '-' &&
      tokens[m.last + 1].start === tokens[m.last].end &&
      tokens[m.last + 2].start === tokens[m.last + 1].end &&
      isCap(form(m.last + 2)) &&
      !input.some((x) => x.first === m.last + 2)
    ) {
      m.last += 2;
    }
  }
  // "United Nations Secretary-General Antonio Guterres": role words that end an organisation right before
  // a person are the person's title, not part of the organisation.
  for (const m of out) {
    if (m.type === 'PER' || !out.some((x) => x.type === 'PER' && x.first === m.last + 1)) continue;
    let last = m.last;
    while (last > m.first && (ROLE_HEADS.has(lw(last)) || (form(last) === '-' && ROLE_HEADS.has(lw(last - 1))))) last--;
    if (last < m.last && last >= m.first && !ROLE_WORDS.has(lw(last))) m.last = last;
  }
  // Merge across hyphens without spaces and name particles.
  const merged: RawMention[] = [];
  for (const m of out) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && tokens[prev.last].sentence === tokens[m.first].sentence) {
      const gap = m.first - prev.last - 1;
      const joinTok = prev.last + 1;
      const hyphen = gap === 1 && form(joinTok) === '-' && tokens[joinTok].start === tokens[prev.last].end && tokens[m.first].start === tokens[joinTok].end;
      const particle = gap === 1 && NAME_PARTICLES.has(form(joinTok).toLowerCase()) && (prev.type === 'PER' || m.type === 'PER');
      const touching = gap === 0 && tokens[m.first].start === tokens[prev.last].end;
      if (hyphen || particle || touching) {
        prev.last = m.last;
        if (m.type === 'PER' || prev.type === 'PER') prev.type = 'PER';
        continue;
      }
    }
    merged.push({ ...m });
  }
  return merged;
}

function entityName(c: Cluster): string {
  return c.words.join(' ').replace(/ ([,.])/g, '$1').replace(/\s*-\s*/g, '-');
}

function confidenceOf(c: Cluster): number {
  let conf = 0.75;
  if (c.mentions.length > 1) conf += 0.1;
  if (c.words.length > 1) conf += 0.05;
  if (c.typeVotes.size > 1) conf -= 0.15;
  return Math.round(Math.max(0.3, Math.min(0.95, conf)) * 100) / 100;
}

function containsKey(full: string, part: string): boolean {
  if (full === part) return true;
  return ` ${full} `.includes(` ${part} `);
}

function lastBefore(c: Cluster, at: number): number {
  let best = -1;
  for (const m of c.mentions) if (m.first < at && m.first > best) best = m.first;
  return best;
}

/** "Mr", "Mrs." say nothing of what a person does: never a role (ranks like "Gen." are). */
const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'mme', 'mlle', 'madam', 'madame', 'monsieur', 'herr', 'frau', 'his', 'her']);

function addRole(c: Cluster, role: EntityRole): void {
  if (role.title.split(/\s+/).every((w) => COURTESY_TITLES.has(w.toLowerCase().replace(/\.$/, '')))) return;
  const key = `${role.title.toLowerCase()}|${role.affiliation ?? ''}`;
  if (c.roles.some((r) => `${r.title.toLowerCase()}|${r.affiliation ?? ''}` === key)) return;
  c.roles.push(role);
}

function dedupeRoles(c: Cluster): void {
  c.roles = c.roles.filter(
    (r) => !c.roles.some((o) => o !== r && o.title.length > r.title.length && o.title.toLowerCase().endsWith(r.title.toLowerCase())),
  );
}

function fixEvidence(c: Cluster, text: string): void {
  dedupeRoles(c);
  for (const r of c.roles) {
    r.evidence = { start: Math.max(0, r.evidence.start), end: Math.min(text.length, r.evidence.end) };
  }
}

function addDatelinePlace(input: ResolveInput, work: Work[], form: (i: number) => string): void {
  const d = input.dateline!;
  if (work.some((w) => input.tokens[w.first].start >= d.start && input.tokens[w.last].end <= d.end)) return;
  const inside: number[] = [];
  input.tokens.forEach((t, i) => {
    if (t.start >= d.start && t.end <= d.end && /\p{L}/u.test(form(i))) inside.push(i);
  });
  if (inside.length === 0) return;
  // The dateline's city: the capitalised run before the first comma or closing parenthesis.
  let end = inside[0];
  while (end + 1 < input.tokens.length && inside.includes(end + 1)) end++;
  const words: string[] = [];
  for (let i = inside[0]; i <= end; i++) words.push(form(i));
  work.push({ first: inside[0], last: end, type: 'LOC', kind: 'name', words, key: nameKey(words.join(' ')), titles: [], entity: -1 });
}

/**
 * Walks left from a person's name over role words, connectors and modifier mentions:
 * "Israeli Prime Minister Benjamin Netanyahu" → title "Prime Minister", affiliation "Israel";
 * "Kremlin spokesperson Dmitry Peskov" → title "Kremlin spokesperson", affiliation "Kremlin".
 */
function preNominalRole(
  w: Work,
  tokens: readonly Token[],
  form: (i: number) => string,
  mentionAt: Int32Array,
  raw: readonly RawMention[],
  text: string,
): EntityRole | null {
  const sentence = tokens[w.first].sentence;
  let i = w.first - 1;
  let start = w.first;
  let hasHead = w.titles.some((t) => t.split(/\s+/).some((x) => ROLE_HEADS.has(lower(x))));
  let affiliation: string | undefined;
  let steps = 0;
  while (i >= 0 && tokens[i].sentence === sentence && steps < 10) {
    const f = form(i);
    const lw = lower(f);
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
    if (f === '-' && i > 0 && tokens[i].start === tokens[i - 1].end && tokens[i].end === tokens[i + 1].start && ROLE_WORDS.has(lower(form(i - 1)))) {
      start = i;
      i--;
      continue;
    }
    const prevLw = i > 0 ? lower(form(i - 1)) : '';
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
  while (s < w.first && (ROLE_CONNECTORS.has(lower(form(s))) || DETERMINERS.has(lower(form(s))))) s++;
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
function apposition(
  w: Work,
  tokens: readonly Token[],
  form: (i: number) => string,
  mentionAt: Int32Array,
  raw: readonly RawMention[],
  text: string,
): EntityRole | null {
  let i = w.last + 1;
  if (i >= tokens.length || form(i) !== ',' || tokens[i].sentence !== tokens[w.last].sentence) return null;
  i++;
  const sentence = tokens[w.last].sentence;
  let s = i;
  while (s < tokens.length && DETERMINERS.has(lower(form(s)))) s++;
  // The role head must come within the first few words ("the Chief of Staff", "secretary of …").
  let head = -1;
  for (let k = s; k < Math.min(tokens.length, s + 4) && tokens[k].sentence === sentence; k++) {
    const lw = lower(form(k));
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
    const lw = lower(f);
    if (lw === 'who' || lw === 'which' || lw === 'said' || lw === 'says') break;
    if (lw === 'and') {
      const nextM = k + 1 < tokens.length ? mentionAt[k + 1] : -1;
      const inName = nextM >= 0 && raw[nextM].type !== 'PER' && mentionAt[k - 1] >= 0;
      if (!(inName || (k + 1 < tokens.length && ROLE_WORDS.has(lower(form(k + 1)))))) return null;
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
