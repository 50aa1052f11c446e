/**
 * The figures a merged event keeps from its mentions: each once, none told only in a link to another
 * story (unless the event is told only there), and no toll that belongs to another incident told just
 * before it far from the report's home, or in an "after …" clause of another mention of its sentence;
 * then the learned toll attribution (toll-model.ts) drops the killed figures it does not take for this event's.
 */
import type { Span } from '../core/article.js';
import type { EventFigure, Place } from '../core/layers.js';
import { inBackgroundClause } from './background-clause.js';
import { isToll } from './figures.js';
import { haversineKm } from './haversine.js';
import { VIOLENT } from './lexicon.js';
import type { RawEvent } from './raw-event.js';
import { elsewhere } from './reference.js';
import { SETTING_KM } from './setting.js';
import { attributeTolls, type TollContext } from './toll-model.js';

/**
 * `links`: the article's cross-link paragraphs; `home`: the report's setting, else the event's own
 * place; `ownPlace`: the place its own mentions give. `allLinked`: every mention is in a link.
 */
/** The article's raw events by sentence index, each with its place in the article's list. */
export type RawsBySentence = ReadonlyMap<number, ReadonlyArray<{ r: RawEvent; order: number }>>;

/** Built once per article: clusterFigures looks only at a mention's own and previous sentence. */
export function rawsBySentence(raws: readonly RawEvent[]): RawsBySentence {
  const out = new Map<number, Array<{ r: RawEvent; order: number }>>();
  raws.forEach((r, order) => {
    const list = out.get(r.sentence.index);
    if (list) list.push({ r, order });
    else out.set(r.sentence.index, [{ r, order }]);
  });
  return out;
}

export function clusterFigures(
  ms: readonly RawEvent[],
  raws: readonly RawEvent[],
  bySentence: RawsBySentence,
  links: readonly Span[],
  home: Place | null,
  ownPlace: Place | null,
  tollContext?: TollContext,
): { figures: EventFigure[]; allLinked: boolean; tollDropped: number; injuredDropped: number } {
  const figures: EventFigure[] = [];
  const figureStarts = new Set<number>();
  // A toll told in a link to another story ("WILMINGTON CRIME: … he murdered a man") is that story's.
  const inLink = (x: number) => links.some((p) => p.start <= x && x < p.end);
  const allLinked = ms.every((m) => inLink(m.trigger.start));
  // A toll told with no place of its own right after another incident told in another state or
  // country ("…a shooter opened fire at Apalachee High School in Barrow County, Georgia. Two teachers
  // and two students were killed in the attack.") is that incident's, not a local event's.
  const local = home !== null && (!ownPlace || haversineKm(ownPlace, home) <= SETTING_KM);
  // The latest such incident in the article's list; one that starts before m lies in m's sentence
  // or the one before it (a look at two sentences, not the whole article, for each mention).
  let own: Set<RawEvent> | undefined;
  const farContext = (m: RawEvent) => {
    if (!local || m.place || !home) return false;
    own ??= new Set(ms);
    let before: { r: RawEvent; order: number } | undefined;
    for (const si of [m.sentence.index - 1, m.sentence.index]) {
      for (const x of bySentence.get(si) ?? []) {
        if (x.r.trigger.start < m.trigger.start && VIOLENT.has(x.r.cls) && !own.has(x.r) && (!before || x.order > before.order)) before = x;
      }
    }
    const place = before?.r.place;
    return !!place && elsewhere(place, home, haversineKm(place, home), true);
  };
  // "A student shot a classmate, two days after a school shooting left four dead": a mention in an
  // "after …" clause of another mention of the same sentence is another incident; its toll is not this one's.
  let sameSentence: Map<number, RawEvent[]> | undefined;
  const background = (m: RawEvent) => {
    if (!sameSentence) {
      sameSentence = new Map();
      for (const o of ms) {
        const list = sameSentence.get(o.sentence.index);
        if (list) list.push(o);
        else sameSentence.set(o.sentence.index, [o]);
      }
    }
    return (sameSentence.get(m.sentence.index) ?? []).some((o) => o !== m && o.trigger.start < m.trigger.start && inBackgroundClause(m.sentence.toks, o.trigger.start, m.trigger.end));
  };
  for (const m of ms) for (const f of m.figures) if (!figureStarts.has(f.start) && (allLinked || !inLink(f.start)) && !(isToll(f.kind) && (farContext(m) || background(m)))) {
    figureStarts.add(f.start);
    figures.push(f);
  }
  // The learned toll attribution (toll-model.ts) has the last word on each killed figure of a report.
  const attributed = attributeTolls(figures, ms, raws, home, ownPlace, tollContext);
  return { figures: attributed.figures, allLinked, tollDropped: attributed.dropped.killed, injuredDropped: attributed.dropped.injured };
}
