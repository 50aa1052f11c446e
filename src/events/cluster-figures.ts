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
export function clusterFigures(
  ms: readonly RawEvent[],
  raws: readonly RawEvent[],
  links: readonly Span[],
  home: Place | null,
  ownPlace: Place | null,
  tollContext?: TollContext,
): { figures: EventFigure[]; allLinked: boolean; tollDropped: number } {
  const figures: EventFigure[] = [];
  const figureStarts = new Set<number>();
  // A toll told in a link to another story ("WILMINGTON CRIME: … he murdered a man") is that story's.
  const inLink = (x: number) => links.some((p) => p.start <= x && x < p.end);
  const allLinked = ms.every((m) => inLink(m.trigger.start));
  // A toll told with no place of its own right after another incident told in another state or
  // country ("…a shooter opened fire at Apalachee High School in Barrow County, Georgia. Two teachers
  // and two students were killed in the attack.") is that incident's, not a local event's.
  const local = home !== null && (!ownPlace || haversineKm(ownPlace, home) <= SETTING_KM);
  const farContext = (m: RawEvent) => {
    if (!local || m.place || !home) return false;
    let before: RawEvent | undefined;
    for (const r of raws) if (r.trigger.start < m.trigger.start && r.sentence.index >= m.sentence.index - 1 && VIOLENT.has(r.cls) && !ms.includes(r)) before = r;
    return !!before?.place && elsewhere(before.place, home, haversineKm(before.place, home), true);
  };
  // "A student shot a classmate, two days after a school shooting left four dead": a mention in an
  // "after …" clause of another mention of the same sentence is another incident; its toll is not this one's.
  const background = (m: RawEvent) =>
    ms.some((o) => o !== m && o.sentence.index === m.sentence.index && o.trigger.start < m.trigger.start && inBackgroundClause(m.sentence.toks, o.trigger.start, m.trigger.end));
  for (const m of ms) for (const f of m.figures) if (!figureStarts.has(f.start) && (allLinked || !inLink(f.start)) && !(isToll(f.kind) && (farContext(m) || background(m)))) {
    figureStarts.add(f.start);
    figures.push(f);
  }
  // The learned toll attribution (toll-model.ts) has the last word on each killed figure of a report.
  const attributed = attributeTolls(figures, ms, raws, home, ownPlace, tollContext);
  return { figures: attributed.figures, allLinked, tollDropped: attributed.dropped };
}
