/**
 * The same figure from different claimants side by side. With merged events (the stories stage), a
 * group is one event's figures of one kind as every source and claimant states them; without, it is
 * one article's quantities of one role and counted thing. A group is kept when claimants or values differ.
 */
import type { Quantity } from '../core/layers.js';
import { paged, type ArticleRef, type PageArgs, type Paged, type ReadStore } from '../store/queries.js';

export interface ClaimGroup {
  /** What is counted: the role and the counted thing, e.g. `downed drones`. */
  key: string;
  role: string | null;
  unit: string | null;
  /** The merged event the figures are about, when the stories stage has merged events. */
  event: string | null;
  summary: string | null;
  claimants: number;
  /** Distinct values claimed. */
  values: number[];
  claims: Array<ArticleRef & { index: number; claimant: string | null; quantity: Quantity }>;
}

export interface ClaimFilter {
  /** The figure's kind: killed, injured, launched, downed, … */
  role?: string;
  articleId?: string;
  story?: string;
  /** One merged event (`ev-…`). */
  event?: string;
  /** Groups where some claimant's name contains this (case-insensitive). */
  claimant?: string;
  /** The event's dates overlap these ISO days (merged events only). */
  from?: string;
  to?: string;
}

const MAX_CLAIMS_PER_GROUP = 100;
const MAX_MERGED = 100_000;
const MAX_QUANTITIES = 20_000;

function unitKey(unit: string | null): string {
  return (unit ?? '').toLowerCase().replace(/s$/, '');
}

function finishGroups(groups: Iterable<ClaimGroup>, page: PageArgs, claimant?: string): Paged<ClaimGroup> {
  const who = claimant?.toLowerCase();
  const kept = [...groups]
    .filter((g) => !who || g.claims.some((c) => (c.claimant ?? '').toLowerCase().includes(who)))
    .map((g) => {
      g.claimants = new Set(g.claims.map((c) => (c.claimant ?? '').toLowerCase())).size;
      g.values = [...new Set(g.claims.map((c) => c.quantity.value))].sort((a, b) => a - b);
      return g;
    })
    .filter((g) => g.claimants > 1 || g.values.length > 1)
    .sort((a, b) => b.values.length - a.values.length || b.claimants - a.claimants || b.claims.length - a.claims.length || a.key.localeCompare(b.key));
  const items = kept.slice(page.offset, page.offset + page.limit).map((g) => ({ ...g, claims: g.claims.slice(0, MAX_CLAIMS_PER_GROUP) }));
  return paged(items, kept.length, page);
}

export function claims(store: ReadStore, filter: ClaimFilter, page: PageArgs): Paged<ClaimGroup> {
  return store.queries.hasMergedEvents() ? eventClaims(store, filter, page) : articleClaims(store, filter, page);
}

function eventClaims(store: ReadStore, filter: ClaimFilter, page: PageArgs): Paged<ClaimGroup> {
  const events = store.queries
    .mergedEvents({ story: filter.story, from: filter.from, to: filter.to, limit: MAX_MERGED })
    .filter((x) => !filter.articleId || x.sources.some((s) => s.article === filter.articleId))
    .filter((x) => !filter.event || x.id === filter.event);
  const articleIds = [...new Set(events.flatMap((x) => x.sources.map((s) => s.article)))];
  const quantities = new Map<string, Quantity>();
  for (let i = 0; i < articleIds.length; i += 500) {
    for (const r of store.layerRows('quantities', { articleIds: articleIds.slice(i, i + 500) })) quantities.set(`${r.articleId}/${r.index}`, r.item as Quantity);
  }
  const groups = new Map<string, ClaimGroup>();
  for (const x of events) {
    for (const src of x.sources) {
      for (const f of src.figures ?? []) {
        if (filter.role && f.kind !== filter.role) continue;
        const key = `${x.id} ${f.kind} ${unitKey(f.unit)}`;
        const g = groups.get(key) ?? { key: `${f.kind} ${f.unit ?? ''}`.trim(), role: f.kind, unit: f.unit, event: x.id, summary: x.event.summary, claimants: 0, values: [], claims: [] };
        const stated = quantities.get(`${src.article}/${f.quantity}`);
        const quantity: Quantity = stated ?? {
          start: f.start,
          end: f.end,
          text: '',
          value: f.value,
          high: f.high,
          unit: f.unit,
          hedge: f.hedge,
          role: f.kind,
          claimant: null,
          confidence: 0,
        };
        g.claims.push({ articleId: src.article, title: src.title, published: src.published, index: f.quantity, claimant: f.claimant, quantity: { ...quantity, value: f.value } });
        groups.set(key, g);
      }
    }
  }
  return finishGroups(groups.values(), page, filter.claimant);
}

function articleClaims(store: ReadStore, filter: ClaimFilter, page: PageArgs): Paged<ClaimGroup> {
  const groups = new Map<string, ClaimGroup>();
  for (const r of store.queries.claimQuantities(filter, MAX_QUANTITIES)) {
    const q = r.quantity;
    const key = `${r.articleId} ${q.role ?? ''} ${unitKey(q.unit)}`;
    const g = groups.get(key) ?? { key: `${q.role ?? ''} ${q.unit ?? ''}`.trim(), role: q.role, unit: q.unit, event: null, summary: r.title, claimants: 0, values: [], claims: [] };
    g.claims.push({ articleId: r.articleId, title: r.title, published: r.published, index: r.index, claimant: q.claimant?.text ?? null, quantity: q });
    groups.set(key, g);
  }
  return finishGroups(groups.values(), page, filter.claimant);
}
