/**
 * Within-article merging of event mentions: clusters of mentions that may corefer (compatible place,
 * date and actors), their conservative toll, argument union and confidence.
 */
import type { EventArgument, EventFigure, EventRecord, Place, Quantity } from '../core/layers.js';
import { backgroundMention } from './background-clause.js';
import { familyOf } from './event-typing.js';
import { haversineKm } from './haversine.js';
import { VIOLENT } from './lexicon.js';
import type { RawEvent } from './raw-event.js';
import { REFERENCE_DAYS } from './reference.js';

/** Two mentions' places (neither a country) within this many km may be one event's. */
export const SAME_PLACE_KM = 30;

export function rangesOverlap(a: EventRecord['date'], b: EventRecord['date']): boolean {
  if (!a?.range || !b?.range) return true;
  return a.range.from <= b.range.to && b.range.from <= a.range.to;
}

export function samePlace(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.name === b.name) return true;
  if (a.precision === 'country' || b.precision === 'country') return false;
  return haversineKm(a, b) <= SAME_PLACE_KM;
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

/** A placed mention joins an unplaced event only in its paragraph or up to this many sentences on. */
export const NEAR_SENTENCES = 3;

/**
 * Mentions into clusters that may corefer, in text order: a background-clause mention is an event of
 * its own; a mention that points back (bare, demonstrative, a cause with no place) joins the most-told
 * compatible event, one that shares its actor first; any other mention the most recent compatible one.
 */
/**
 * Whether a mention's own stated date ends more than REFERENCE_DAYS before the article's date (ISO
 * day): "the shooting of 35 people at Port Arthur in 1996", "Last year, there were ten instances of
 * shooting" told in a report of this week's shooting.
 */
export function datedBefore(r: Pick<RawEvent, 'date'>, published: string | null | undefined): boolean {
  if (!published || r.date?.how !== 'stated' || !r.date.range) return false;
  return dayNumber(published) - dayNumber(r.date.range.to) > REFERENCE_DAYS;
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/**
 * `published` (the article's ISO day, optional): a mention dated more than REFERENCE_DAYS before it
 * joins only an event that is itself dated before it. An undated or recent event told first is the
 * report's news; the old-dated mention is an aside that recalls another incident (it becomes `ref:dated-before`),
 * and its date and toll must not make the news a reference nor give it that incident's toll.
 */
export function clusterMentions(raws: readonly RawEvent[], published?: string | null): { clusters: Cluster[]; backgroundRaws: Set<RawEvent> } {
  const clusters: Cluster[] = [];
  // Mentions of another incident in a background clause: an event of their own, a reference.
  const backgroundRaws = new Set<RawEvent>();
  for (const r of raws) {
    const i = r.sentence.toks.findIndex((t) => t.start === r.trigger.start);
    if (VIOLENT.has(r.cls) && i > 0 && backgroundMention(r.sentence.toks, i)) backgroundRaws.add(r);
  }
  for (const r of raws) {
    let joined = false;
    if (backgroundRaws.has(r)) {
      clusters.push(newCluster(r));
      continue;
    }
    // A bare anaphoric mention ("the strike", no place, date or actor of its own) refers to the
    // article's most-told compatible event; any other mention to the most recent compatible one.
    const bare = r.anaphoric && !r.place && r.date?.how !== 'stated' && r.actors.length === 0;
    // "this attack", "these strikes": refers back whatever place or date it is told with.
    const weak = r.demonstrative === true;
    // A mention that points back (bare, demonstrative, or a background cause with no place of its
    // own) joins the most-told compatible event, one that shares its actor first.
    const pointsBack = bare || weak || (r.anaphoric && !r.place);
    const old = datedBefore(r, published);
    let target = -1;
    let best = -Infinity;
    for (let c = clusters.length - 1; c >= 0; c--) {
      const head = clusters[c].mentions[0];
      // A mention that points back or names no place refers to an event told before it (toll
      // sentences are read after the triggers: "Two people were killed" joins no event told only
      // paragraphs later).
      if ((pointsBack || !r.place) && !clusters[c].mentions.some((m) => m.trigger.start < r.trigger.start)) continue;
      // "Russia launched 500 drones … The attack was the largest": an attack noun that points back
      // may name a barrage.
      if (familyOf(head.cls) !== familyOf(r.cls) && !(pointsBack && head.cls === 'launch' && (r.cls === 'attack' || r.cls === 'strike'))) continue;
      const { place, date, actors } = clusters[c];
      // "…the shooting of 35 people at Port Arthur in 1996" after this week's shooting: an old-dated
      // mention does not join an event that is undated or recent.
      if (old && !datedBefore({ date }, published)) continue;
      // "yesterday’s attack", "the October 7 massacre": only an event told on that very day.
      if (r.named && !(head.named ? date?.value === r.date?.value : date?.precision === 'day' && r.date?.precision === 'day' && date.value === r.date.value)) continue;
      if (head.named && !r.named) continue;
      // A later mention at country level ("bombing inside Qatar") may refer back to an event told at
      // a finer place in that country; an anaphoric one ("the attacks in Qatar") either way round.
      const sameCountry = place !== null && r.place !== null && place.country === r.place.country;
      const contained =
        sameCountry && (r.anaphoric ? place.precision === 'country' || r.place!.precision === 'country' : r.place!.precision === 'country' && place.precision !== 'country');
      if (!weak && (!(samePlace(place, r.place) || contained) || !rangesOverlap(date, r.date))) continue;
      // "19 drones attacked Kharkiv" paragraphs after "U.S. strikes on Iranian facilities": a mention that
      // names its own place joins an unplaced event only when told near it (same paragraph or ≤3 sentences on).
      if (!pointsBack && r.place && !place) {
        const last = clusters[c].mentions[clusters[c].mentions.length - 1].sentence;
        if (r.sentence.paragraph !== last.paragraph && r.sentence.index - last.index > NEAR_SENTENCES) continue;
      }
      if (!actorsCompatible(actors, r.actors)) continue;
      if (r.status !== head.status) continue;
      // Two mentions that each state their own, different figure of one kind are two reports
      // (or two events), not one anaphoric mention: "442 drones downed" vs "80 drones downed".
      const figs = clusters[c].figureKeys;
      if (r.figures.some((f) => [...figs.values()].some((g) => g.kind === f.kind && g.value !== f.value && g.claimant !== f.claimant))) continue;
      if (!pointsBack) {
        target = c;
        break;
      }
      const shared = r.actors.some((a) => actors.some((b) => (b.name ?? b.text) === (a.name ?? a.text)));
      const score = (shared ? 1000 : 0) + clusters[c].mentions.length;
      if (score > best) {
        best = score;
        target = c;
      }
    }
    if (target >= 0) {
      joinCluster(clusters[target], r);
      joined = true;
    }
    if (!joined) clusters.push(newCluster(r));
  }
  return { clusters, backgroundRaws };
}
