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

export interface CrossEntity {
  /** Key of the canonical name. */
  key: string;
  /** Most mentioned multi-word variant (ties: the longest, then alphabetical). */
  name: string;
  type: EntityType;
  /** Every name written, most mentioned first. */
  variants: string[];
  members: Array<{ article: string; id: string }>;
  mentions: number;
  articles: number;
  roles: Array<{ title: string; affiliation?: string; count: number }>;
}

interface Group {
  type: EntityType;
  key: string;
  records: EntityRecord[];
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

export function clusterEntities(records: readonly EntityRecord[]): CrossEntity[] {
  // 1. Exact type + key.
  const groups = new Map<string, Group>();
  for (const r of records) {
    const key = r.key || nameKey(r.name);
    if (key === '') continue;
    const gk = `${r.type}|${key}`;
    let g = groups.get(gk);
    if (g === undefined) groups.set(gk, (g = { type: r.type, key, records: [] }));
    g.records.push(r);
  }
  // Union-find over groups.
  const list = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.type < b.type ? -1 : 1));
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
  const merged = new Map<number, Group[]>();
  list.forEach((g, i) => {
    const root = find(i);
    let arr = merged.get(root);
    if (arr === undefined) merged.set(root, (arr = []));
    arr.push(g);
  });
  const out: CrossEntity[] = [];
  for (const groupsOf of merged.values()) {
    const recs = groupsOf.flatMap((g) => g.records);
    const variantCounts = new Map<string, number>();
    for (const r of recs) variantCounts.set(r.name, (variantCounts.get(r.name) ?? 0) + Math.max(1, r.mentions));
    const variants = [...variantCounts.entries()]
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
      .map(([v]) => v);
    const multi = variants.filter((v) => tokensOf(nameKey(v)).length > 1);
    const name = (multi.length > 0 ? multi : variants)[0];
    const roleCounts = new Map<string, { title: string; affiliation?: string; count: number }>();
    for (const r of recs) {
      for (const role of r.roles ?? []) {
        const k = `${role.title.toLowerCase()}|${role.affiliation ?? ''}`;
        const e = roleCounts.get(k);
        if (e) e.count++;
        else roleCounts.set(k, { title: role.title, ...(role.affiliation ? { affiliation: role.affiliation } : {}), count: 1 });
      }
    }
    const typeCounts = new Map<EntityType, number>();
    for (const r of recs) typeCounts.set(r.type, (typeCounts.get(r.type) ?? 0) + r.mentions);
    const type = [...typeCounts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    out.push({
      key: nameKey(name),
      name,
      type,
      variants,
      members: recs.map((r) => ({ article: r.article, id: r.id })),
      mentions: recs.reduce((n, r) => n + r.mentions, 0),
      articles: new Set(recs.map((r) => r.article)).size,
      roles: [...roleCounts.values()].sort((a, b) => b.count - a.count || (a.title < b.title ? -1 : 1)),
    });
  }
  return out.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
