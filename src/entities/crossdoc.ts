/**
 * Cross-article entity clustering, for the store: entities from many articles become one record per
 * real-world referent. Pure function of its input (order-independent up to ties, broken by name).
 *
 * Rules, in order:
 *  1. Same type and same key (keys fold case, diacritics and transliteration: Zelenskyy/Zelensky).
 *  2. Persons: "Daniel P. Driscoll" and "Daniel Driscoll" (same first and last name, one has middle
 *     initials) merge.
 *  3. Persons: a surname-only entity ("Peskov") joins the one multi-word person whose last name it is,
 *     when exactly one such person exists, or one whose mentions outweigh the others' together
 *     `DOMINANT_SURNAME_RATIO` times ("Assad" alone: Bashar, not Hafez); otherwise it stays apart. The surname may be spelt
 *     another way ("Kadhafi" of "Muammar Gaddafi"; see 4).
 *  4. Spellings: names with one transliteration key whose every token is a close spelling of the other's
 *     (names.ts `sameNameVariant`: Gaddafi/Qaddafi/Kadhafi, Zelensky/Zelenskyy, al-Assad/Assad) merge; a
 *     different first name ("Saif al-Islam Gaddafi") keeps a person apart.
 *  5. A person's reading wins: a name the tagger typed place, organisation or misc in some articles joins the
 *     person of that name (by 1, 3 or 4) unless it is a known place ("Jordan", "Moscow") or the person is the
 *     rarer reading; the merged entity is a person.
 */
import type { EntityType } from '../core/layers.js';
import { isKnownPlaceName } from './countries.js';
import { foldedTokens, nameKey, sameNameVariant, spellingFold, transliterationKey } from './names.js';

export interface EntityRecord {
  /** Article id. */
  article: string;
  /** Entity id within the article (`e3`). */
  id: string;
  name: string;
  type: EntityType;
  /** Entity.key; recomputed from the name when empty. */
  key: string;
  roles?: ReadonlyArray<{ title: string; affiliation?: string }>;
  /** Mentions of the entity in its article. */
  mentions: number;
}

/** Totals of one (type, key) over many articles: what the store keeps per key (store/entity-keys.ts). */
export interface KeyTotals {
  type: EntityType;
  key: string;
  mentions: number;
  /** Articles with an entity of this type and key (an article holds at most one). */
  articles: number;
  /** Name as written → mentions. */
  names: Record<string, number>;
  roles: Array<{ title: string; affiliation?: string; count: number }>;
}

export interface CrossEntity {
  /** Key of the canonical name. */
  key: string;
  /** Most mentioned multi-word variant (ties: the longest, then alphabetical). */
  name: string;
  type: EntityType;
  /** Every name written, most mentioned first. */
  variants: string[];
  /** The (type, key) pairs merged into this entity; article rows are found by them. */
  keys: Array<{ type: EntityType; key: string }>;
  mentions: number;
  /**
   * Articles mentioning it. Exact for a one-key entity; for several keys it is the sum over keys,
   * which counts twice an article that holds two of them apart (callers may recount, see api/entities.ts).
   */
  articles: number;
  roles: Array<{ title: string; affiliation?: string; count: number }>;
}

/** A surname shared by several people names the one mentioned this many times more than all the others. */
export const DOMINANT_SURNAME_RATIO = 3;

/** Distinct spellings compared pairwise within one transliteration key (a bound on the quadratic step). */
const MAX_SPELLINGS_COMPARED = 64;

function tokensOf(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

/** Drop one-letter middle tokens (initials) for matching "Daniel P. Driscoll" with "Daniel Driscoll". */
function withoutInitials(key: string): string {
  const t = tokensOf(key);
  if (t.length <= 2) return key;
  return [t[0], ...t.slice(1, -1).filter((x) => x.length > 1), t[t.length - 1]].join(' ');
}

/** Adds one article's entity to the totals of its (type, key). */
export function addToTotals(totals: KeyTotals, record: Pick<EntityRecord, 'name' | 'mentions' | 'roles'>): void {
  totals.mentions += record.mentions;
  totals.articles += 1;
  totals.names[record.name] = (totals.names[record.name] ?? 0) + Math.max(1, record.mentions);
  for (const role of record.roles ?? []) {
    const found = totals.roles.find((r) => r.title.toLowerCase() === role.title.toLowerCase() && (r.affiliation ?? '') === (role.affiliation ?? ''));
    if (found) found.count++;
    else totals.roles.push({ title: role.title, ...(role.affiliation ? { affiliation: role.affiliation } : {}), count: 1 });
  }
}

export function emptyTotals(type: EntityType, key: string): KeyTotals {
  return { type, key, mentions: 0, articles: 0, names: {}, roles: [] };
}

/** Article-level entities clustered, each cross entity with its article members. */
export function clusterEntities(records: readonly EntityRecord[]): Array<CrossEntity & { members: Array<{ article: string; id: string }> }> {
  const totals = new Map<string, KeyTotals>();
  const members = new Map<string, Array<{ article: string; id: string }>>();
  for (const r of records) {
    const key = r.key || nameKey(r.name);
    if (key === '') continue;
    const gk = `${r.type}|${key}`;
    let t = totals.get(gk);
    if (t === undefined) {
      totals.set(gk, (t = emptyTotals(r.type, key)));
      members.set(gk, []);
    }
    addToTotals(t, r);
    members.get(gk)?.push({ article: r.article, id: r.id });
  }
  return clusterKeys([...totals.values()]).map((e) => {
    const own = e.keys.flatMap((k) => members.get(`${k.type}|${k.key}`) ?? []);
    return { ...e, members: own, articles: new Set(own.map((m) => m.article)).size };
  });
}

/** Clusters per-key totals into cross-article entities (rules in the file comment). */
export function clusterKeys(rows: readonly KeyTotals[]): CrossEntity[] {
  const list = rows
    .filter((r) => r.key !== '')
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // 4-5. Spelling variants, a person's reading over a place's (merged before surnames, so that a surname sees
  // one person where its spellings were several).
  const mergeable = (i: number, j: number): boolean => {
    const a = list[i];
    const b = list[j];
    if (a.type === b.type) return true;
    if (a.type !== 'PER' && b.type !== 'PER') return false;
    const [per, other] = a.type === 'PER' ? [a, b] : [b, a];
    return !isKnownPlaceName(other.key) && per.mentions >= other.mentions;
  };
  const byTranslit = new Map<string, number[]>();
  list.forEach((g, i) => {
    const t = transliterationKey(g.key);
    if (t === '') return;
    let arr = byTranslit.get(t);
    if (arr === undefined) byTranslit.set(t, (arr = []));
    arr.push(i);
  });
  for (const members of byTranslit.values()) {
    if (members.length < 2) continue;
    // One representative per spelling-folded form: a bucket of a common short skeleton stays small this way.
    const byFold = new Map<string, number[]>();
    for (const i of members) {
      const f = list[i].key.split(' ').map(spellingFold).join(' ');
      let arr = byFold.get(f);
      if (arr === undefined) byFold.set(f, (arr = []));
      arr.push(i);
    }
    const forms = [...byFold.values()].slice(0, MAX_SPELLINGS_COMPARED);
    for (let x = 0; x < forms.length; x++) {
      for (let y = x; y < forms.length; y++) {
        if (x !== y && !sameNameVariant(list[forms[x][0]].key, list[forms[y][0]].key)) continue;
        for (const i of forms[x]) for (const j of forms[y]) if (i !== j && mergeable(i, j)) union(i, j);
      }
    }
  }
  // 2. Middle initials.
  const byLoose = new Map<string, number>();
  list.forEach((g, i) => {
    if (g.type !== 'PER' || tokensOf(g.key).length < 2) return;
    const loose = withoutInitials(g.key);
    const j = byLoose.get(loose);
    if (j === undefined) byLoose.set(loose, i);
    else union(i, j);
  });
  // 3. Unambiguous surnames, by transliteration key of the last name, checked as a spelling (4).
  const byLast = new Map<string, Array<{ i: number; last: string }>>();
  // Particles aside: "al-Assad" is a surname alone, not a two-word name.
  list.forEach((g, i) => {
    const t = tokensOf(g.key);
    if (g.type !== 'PER' || foldedTokens(g.key).length < 2) return;
    const last = t[t.length - 1];
    const tk = transliterationKey(last);
    let arr = byLast.get(tk);
    if (arr === undefined) byLast.set(tk, (arr = []));
    arr.push({ i, last });
  });
  const mentionsOf = new Map<number, number>();
  list.forEach((g, i) => mentionsOf.set(find(i), (mentionsOf.get(find(i)) ?? 0) + g.mentions));
  list.forEach((g, i) => {
    const t = tokensOf(g.key);
    if (foldedTokens(g.key).length !== 1) return;
    if (g.type !== 'PER' && isKnownPlaceName(g.key)) return;
    const surname = t[t.length - 1];
    const owners = (byLast.get(transliterationKey(surname)) ?? []).filter((o) => sameNameVariant(o.last, surname));
    if (owners.length === 0) return;
    const roots = [...new Set(owners.map((o) => find(o.i)))].sort((a, b) => (mentionsOf.get(b) ?? 0) - (mentionsOf.get(a) ?? 0));
    // Several people share the surname: it is the one whose mentions outweigh all the others together.
    if (roots.length > 1) {
      const rest = roots.slice(1).reduce((n, r) => n + (mentionsOf.get(r) ?? 0), 0);
      if ((mentionsOf.get(roots[0]) ?? 0) < DOMINANT_SURNAME_RATIO * rest) return;
    }
    const root = roots[0];
    // A place or organisation reading joins a person only when the person is the commoner reading.
    if (g.type !== 'PER' && (mentionsOf.get(root) ?? 0) < g.mentions) return;
    union(i, root);
  });
  // Assemble.
  const merged = new Map<number, KeyTotals[]>();
  list.forEach((g, i) => {
    const root = find(i);
    let arr = merged.get(root);
    if (arr === undefined) merged.set(root, (arr = []));
    arr.push(g);
  });
  const out: CrossEntity[] = [];
  for (const groupsOf of merged.values()) {
    const variantCounts = new Map<string, number>();
    // A name's key is its group's: no need to fold names again.
    const keyOfVariant = new Map<string, string>();
    for (const g of groupsOf) {
      for (const [name, n] of Object.entries(g.names)) {
        variantCounts.set(name, (variantCounts.get(name) ?? 0) + n);
        keyOfVariant.set(name, g.key);
      }
    }
    const variants = [...variantCounts.entries()]
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
      .map(([v]) => v);
    const multi = variants.filter((v) => (keyOfVariant.get(v) ?? '').includes(' '));
    const name = (multi.length > 0 ? multi : variants)[0] ?? groupsOf[0].key;
    const roleCounts = new Map<string, { title: string; affiliation?: string; count: number }>();
    for (const g of groupsOf) {
      for (const role of g.roles) {
        const k = `${role.title.toLowerCase()}|${role.affiliation ?? ''}`;
        const e = roleCounts.get(k);
        if (e) e.count += role.count;
        else roleCounts.set(k, { title: role.title, ...(role.affiliation ? { affiliation: role.affiliation } : {}), count: role.count });
      }
    }
    const typeCounts = new Map<EntityType, number>();
    for (const g of groupsOf) typeCounts.set(g.type, (typeCounts.get(g.type) ?? 0) + g.mentions);
    // Groups of several types were merged for a person (rule 5): the person's type wins.
    const type = typeCounts.has('PER') ? 'PER' : [...typeCounts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    out.push({
      key: keyOfVariant.get(name) ?? groupsOf[0].key,
      name,
      type,
      variants,
      keys: groupsOf.map((g) => ({ type: g.type, key: g.key })),
      mentions: groupsOf.reduce((n, g) => n + g.mentions, 0),
      articles: groupsOf.reduce((n, g) => n + g.articles, 0),
      roles: [...roleCounts.values()].sort((a, b) => b.count - a.count || (a.title < b.title ? -1 : 1)),
    });
  }
  return out.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
