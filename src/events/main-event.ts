/**
 * Which incident a report is about: the one its lead and headline tell. An article often tells several
 * violent incidents — the one it reports, an earlier one it recalls, another nearby — and the one that
 * carries a toll is not always its own ("Oil tankers attacked in the Gulf of Oman", whose later paragraphs
 * recall the Abha airport attack's 26 wounded). A reader takes the report's incident from its headline and
 * first paragraphs; so does this ranking: an incident with a mention in the lead and a mention whose word
 * the headline's incident words share (stems: "shooting" and "shot") outranks an incident told only later
 * with casualties. Otherwise the older order holds: one that reports casualties, then an ACLED-typed one,
 * then the most confident, then the first. Without a view of the report (no lead, no headline) only that
 * order is used (the ACLED notes and other callers without a headline).
 */
import type { EventRecord } from '../core/layers.js';
import { reportsCasualties } from './casualties.js';
import { stem, titleIncidentStems } from './main-choice-day-context.js';

/** What a reader sees first: where the lead ends, the headline's incident words and the text they are read against. */
export interface ReportView {
  lead: number;
  text: string;
  title?: string | null;
}

export interface Prominence {
  inLead: boolean;
  inTitle: boolean;
}

const spansOf = (e: EventRecord) => (e.mentions?.length ? e.mentions : [e.trigger]);

export function prominence(e: EventRecord, view: ReportView, titleStems = titleIncidentStems(view.title)): Prominence {
  const spans = spansOf(e);
  const inLead = spans.some((s) => s.start < view.lead);
  const inTitle = titleStems.size > 0 && spans.some((s) => view.text.slice(s.start, s.end).split(/\s+/).some((w) => titleStems.has(stem(w))));
  return { inLead, inTitle };
}

/**
 * The weights beside the older order's (casualties 4, ACLED type 2, confidence ≤ 1): an incident both the
 * lead and the headline tell (6) outranks one told only later with casualties (4, with an ACLED type 6, its
 * confidence breaking the tie); the lead or the headline alone (3) does not outrank casualties told later.
 * Chosen on dev (this ranking alone: the main event's day 77.0 → 78.1, place 77.1 → 76.8 with the day and place models
 * retrained); the lead alone at 5 or 16, or the headline alone at 5, lost days and places.
 */
export const LEAD_WEIGHT = 3;
export const TITLE_WEIGHT = 3;

/** An article's main event: the one its lead and headline tell, then the older order. */
export function rankMainEvent(events: readonly EventRecord[], view?: ReportView | null): EventRecord | null {
  const stems = view ? titleIncidentStems(view.title) : new Set<string>();
  const key = (e: EventRecord) => {
    let k = (reportsCasualties(e) ? 4 : 0) + (e.acled ? 2 : 0) + e.confidence;
    if (view) {
      const p = prominence(e, view, stems);
      if (p.inLead) k += LEAD_WEIGHT;
      if (p.inTitle) k += TITLE_WEIGHT;
    }
    return k;
  };
  let best: EventRecord | null = null;
  let bestKey = -Infinity;
  for (const e of events) {
    const k = key(e);
    if (!best || k > bestKey) {
      best = e;
      bestKey = k;
    }
  }
  return best;
}
