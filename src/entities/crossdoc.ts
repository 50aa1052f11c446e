/**
 * Cross-article entity clustering, for the store: entities from many articles become one record per
 * real-world referent. Pure function of its input (order-independent up to ties, broken by name).
 *
 * Rules, in order:
 *  1. Same type and same key (keys fold case, diacritics and transliteration: Zelenskyy/Zelensky).
 *  2. Persons: "Daniel P. Driscoll" and "Daniel Driscoll" (same first and last name, one has middle
 *     initials) merge.
 *  3. Persons: a surname-only entity ("Peskov") joins the one multi-word person whose last name it is,
 *     when exactly one such person exists; otherwise it stays apart (ambiguous).
 */
import type { EntityType } from '../core/layers.js';
import { nameKey } from './names.js';

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
  // 2. Middle initials.
  const byLoose = new Map<string, number>();
  list.forEach((g, i) => {
    if (g.type !== 'PER' || tokensOf(g.key).length < 2) return;
    const loose = withoutInitials(g.key);
    const j = byLoose.get(loose);
    if (j === undefined) byLoose.set(loose, i);
    else union(i, j);
  });
  // 3. Unambiguous surnames.
  const byLast = new Map<string, Set<number>>();
  list.forEach((g, i) => {
    const t = tokensOf(g.key);
    if (g.type !== 'PER' || t.length < 2) return;
    const last = t[t.length - 1];
    let set = byLast.get(last);
    if (set === undefined) byLast.set(last, (set = new Set()));
    set.add(find(i));
  });
  list.forEach((g, i) => {
    const t = tokensOf(g.key);
    if (g.type !== 'PER' || t.length !== 1) return;
    const owners = byLast.get(t[0]);
    if (owners === undefined) return;
    const roots = new Set([...owners].map(find));
    if (roots.size === 1) union(i, [...roots][0]);
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
    const type = [...typeCounts.entries()].sort((a, b) => b[1] - a[1])[0][0];
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
