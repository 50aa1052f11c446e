/**
 * Within-article merging of event mentions: clusters of mentions that may corefer (compatible place,
 * date and actors), their conservative toll, argument union and confidence.
 */
import type { EventArgument, EventFigure, EventRecord, Place, Quantity } from '../core/layers.js';
import { haversineKm } from './haversine.js';
import type { RawEvent } from './raw-event.js';

export function rangesOverlap(a: EventRecord['date'], b: EventRecord['date']): boolean {
  if (!a?.range || !b?.range) return true;
  return a.range.from <= b.range.to && b.range.from <= a.range.to;
}

export function samePlace(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.name === b.name) return true;
  if (a.precision === 'country' || b.precision === 'country') return false;
  return haversineKm(a, b) <= 30;
}

export function actorsCompatible(a: EventArgument[], b: EventArgument[]): boolean {
  const an = a.map((x) => x.name ?? x.text);
  const bn = b.map((x) => x.name ?? x.text);
  if (!an.length || !bn.length) return true;
  return an.some((x) => bn.includes(x));
}

export interface Cluster {
  mentions: RawEvent[];
  /** Kept as mentions join, so that matching a mention against a cluster costs O(1) in its size. */
  place: Place | null;
  date: EventRecord['date'];
  actors: EventArgument[];
  /** Distinct `kind|value|claimant` of its figures. */
  figureKeys: Map<string, { kind: string; value: number; claimant: string | null }>;
}

export function newCluster(r: RawEvent): Cluster {
  const c: Cluster = { mentions: [], place: null, date: null, actors: [], figureKeys: new Map() };
  joinCluster(c, r);
  return c;
}

export function joinCluster(c: Cluster, r: RawEvent): void {
  c.mentions.push(r);
  if (!c.place && r.place && !r.demonstrative) c.place = r.place;
  if (!c.date && r.date && !r.demonstrative) c.date = r.date;
  for (const a of r.actors) if (!c.actors.some((o) => (o.name ?? o.text) === (a.name ?? a.text))) c.actors.push(a);
  for (const f of r.figures) c.figureKeys.set(`${f.kind}|${f.value}|${f.claimant}`, { kind: f.kind, value: f.value, claimant: f.claimant });
}

export function dateRank(d: EventRecord['date']): number {
  if (!d) return 0;
  return { day: 5, month: 3, year: 2, range: 1, unknown: 0 }[d.precision] + (d.how === 'stated' ? 0.5 : 0);
}

export function conservative(figures: EventFigure[], kind: string): { value: number; hedge: Quantity['hedge']; quantity: number } | undefined {
  let best: EventFigure | undefined;
  // A stated count outranks a death told without a number (deaths.ts, quantity -1): "killing three
  // people" and, of the gunman, "he was shot and killed" are not two reports of one toll.
  const counted = figures.some((f) => f.kind === kind && f.quantity >= 0);
  for (const f of figures) if (f.kind === kind && (!counted || f.quantity >= 0) && (!best || f.value < best.value)) best = f;
  return best ? { value: best.value, hedge: best.hedge, quantity: best.quantity } : undefined;
}

export function argsUnion(lists: EventArgument[][]): EventArgument[] {
  const out: EventArgument[] = [];
  for (const list of lists) for (const a of list) if (!out.some((o) => (o.name ?? o.text) === (a.name ?? a.text))) out.push(a);
  return out;
}

export function confidenceOf(ms: RawEvent[], typed: boolean, placed: boolean, dated: boolean): number {
  let c = 0.35 + Math.min(0.2, 0.05 * ms.length);
  if (typed) c += 0.15;
  if (placed) c += 0.1;
  if (dated) c += 0.1;
  if (ms.some((m) => m.actors.length)) c += 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}
