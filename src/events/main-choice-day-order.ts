/**
 * Features of a day candidate of the learned main-event choice set against the article's other day
 * candidates (main-choice-features.ts scores each candidate alone; these tell it where the candidate
 * stands among them). A report's incident usually comes first among the recent days it tells beside an
 * incident word; a statement, an arrest, a vigil or an update comes a day or two after it ("police said
 * Tuesday" about a Monday night shooting; "the suspect was arrested Sunday" after Saturday's attack).
 *
 * - `firstInc`: the earliest recent day (0–6 days before publication) told in a sentence with an incident
 *   word or a trigger of the event.
 * - `afterInc`: another recent day told beside an incident is 1–6 days earlier (this one is a later step).
 * - `onlyRecentInc`: the only recent day told beside an incident.
 */
export interface DayOrderCandidate {
  day: string;
  features: string[];
}

const RECENT = new Set(['rel:0', 'rel:1', 'rel:2', 'rel:3-6']);
const dayNum = (d: string) => Math.round(Date.parse(d) / 86_400_000);

/** Adds the order features to every candidate (in place). */
export function addDayOrderFeatures(cands: readonly DayOrderCandidate[]): void {
  const recent = (c: DayOrderCandidate) => c.features.some((f) => RECENT.has(f));
  const incTold = (c: DayOrderCandidate) => c.features.includes('incSent') || c.features.includes('sameSent');
  const inc = cands.filter((c) => recent(c) && incTold(c)).map((c) => dayNum(c.day));
  const earliest = inc.length ? Math.min(...inc) : null;
  for (const c of cands) {
    const n = dayNum(c.day);
    if (recent(c) && incTold(c)) {
      if (n === earliest) c.features.push(inc.length === 1 ? 'onlyRecentInc' : 'firstInc');
    }
    if (recent(c) && inc.some((d) => d < n && n - d <= 6)) c.features.push('afterInc');
  }
}
