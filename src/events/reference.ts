/**
 * Background is not news: a mention of an earlier event ("the 1994 genocide", "a 2021 shooting",
 * "the October 7 attack", "the war has killed 93,000 since 2011") is a reference to that event, not a
 * new event on the article's date. Ordered rules; each returns the id recorded in the event's `how`.
 *
 * 1. `ref:named` — a date written before the event noun names it ("the October 7 massacre") and that
 *    day is more than REFERENCE_DAYS before the article's date.
 *    A named event whose day the text cannot fix (no year, an article dated only to the year: "the
 *    October 7 massacre" → 2024-10-07/2025-10-07) is a reference too: a name, not news of a day.
 * 2. `ref:dated-before` — the event's stated date ends more than REFERENCE_DAYS before the article's date.
 * 3. `ref:cumulative` — the only tolls told with it are running totals or statistics.
 * 5. `ref:elsewhere` — in a local article (one with a setting), a lesser event told with its own place in
 *    another state or country, far from the setting, is another incident the report compares or recalls
 *    ("two days after a Georgia school shooting left four dead" in a Maryland report), not its news.
 *    `ref:elsewhere-context` — the same, for an event told with no place of its own, placed by the
 *    last place named in its sentence or the one before ("…opened fire at Apalachee High School in
 *    Barrow County, Georgia. Two teachers and two students were killed in the attack.").
 * 6. `ref:earlier-incident` — in a local article, a lesser event with a toll whose stated date ends
 *    over EARLIER_GAP_DAYS before the article's most-told incident's stated date begins is an earlier incident the report
 *    recalls ("Last month, a shooting at the same mall left three dead"), not its news. A later date
 *    is left alone: "shot Friday … died Sunday" is one incident's toll.
 * 4. `ref:cross-link` — every mention sits in a paragraph that is a link to another story: an
 *    upper-case label and a colon before a headline ("RELATED:", "BACKGROUND:Man, 21, killed …",
 *    "TRAFFIC CRASH:…"); an editor's note, update or correction is the article's own text.
 */
import type { EventRecord } from '../core/layers.js';

/** How old a stated date may be and still be the news of the article (a week's reporting lag, a month's feature). */
export const REFERENCE_DAYS = 30;

function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
}

export interface ReferenceInput {
  date: EventRecord['date'];
  /** The article's date (ISO day), when known. */
  published: string | null;
  /** A date before the noun names the event. */
  named: boolean;
  /** Every toll told with the event, by figure kind. */
  figureKinds: readonly string[];
}

export function referenceRule(input: ReferenceInput): string | null {
  const { date, published } = input;
  const pub = published ? dayNumber(published) : null;
  const to = date?.how === 'stated' && date.range ? dayNumber(date.range.to) : null;
  if (pub !== null && to !== null && pub - to > REFERENCE_DAYS) return input.named ? 'ref:named' : 'ref:dated-before';
  const from = date?.how === 'stated' && date.range ? dayNumber(date.range.from) : null;
  if (input.named && from !== null && to !== null && to - from > REFERENCE_DAYS) return 'ref:named';
  const tolls = input.figureKinds.filter((k) => k === 'killed' || k === 'injured' || k.startsWith('cumulative_'));
  if (tolls.length && tolls.every((k) => k.startsWith('cumulative_'))) return 'ref:cumulative';
  return null;
}

/** An upper-case label and a colon opening a paragraph: a newsroom's link to another story. */
const CROSS_LINK = /^\s*([A-Z][A-Z0-9 &'’-]{1,40}):/;
const OWN_NOTE = /^(?:EDITOR['’]?S NOTE|NOTE|UPDATE|UPDATED|CORRECTION|CLARIFICATION)$/;

/** The paragraphs (as spans) that are cross-links to other stories. */
export function crossLinkParagraphs(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  return paragraphs.filter((p) => {
    const m = CROSS_LINK.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
    return m !== null && !OWN_NOTE.test(m[1].trim());
  });
}

/** How far from a local article's setting another incident must lie to be told as background. */
export const ELSEWHERE_KM = 150;

/**
 * Whether an event placed at `place` is another incident than a local article's news: it lies over
 * ELSEWHERE_KM from the setting, in another country or first-level region, and a more-told violent
 * event is the article's own (`lesser`).
 */
export function elsewhere(
  place: { lat: number; lon: number; country?: string | null; admin1?: string | null } | null,
  setting: { lat: number; lon: number; country?: string | null; admin1?: string | null } | null,
  distanceKm: number,
  lesser: boolean,
): boolean {
  if (!place || !setting || !lesser || distanceKm <= ELSEWHERE_KM) return false;
  return place.country !== setting.country || (!!place.admin1 && !!setting.admin1 && place.admin1 !== setting.admin1);
}

/**
 * Whether an event dated `date` is an earlier incident than the article's main one dated `main`: both
 * stated, and `date` ends before `main` begins (`ref:earlier-incident`; the caller checks that the
 * event is lesser than the main one and tells a toll).
 */
export function earlierIncident(date: EventRecord['date'], main: EventRecord['date']): boolean {
  if (date?.how !== 'stated' || main?.how !== 'stated' || !date.range || !main.range) return false;
  const to = dayNumber(date.range.to);
  const from = dayNumber(main.range.from);
  return to !== null && from !== null && from - to > EARLIER_GAP_DAYS;
}

/**
 * How many days before the main incident another stated date must end to be an earlier incident: a
 * day or two is the slack of the main incident's own date ("murdered 5/29" in a report that dates the
 * killing from the next day's protests), not another incident.
 */
export const EARLIER_GAP_DAYS = 3;

/** The last place named from the start of the sentence before `at` up to `at` (`ref:elsewhere-context`). */
export function contextPlace<P extends { start: number; end: number }>(
  places: readonly P[],
  sentences: ReadonlyArray<{ start: number; end: number }>,
  at: number,
): P | null {
  const s = sentences.findIndex((x) => x.start <= at && at < x.end);
  if (s < 0) return null;
  const from = sentences[Math.max(0, s - 1)].start;
  let best: P | null = null;
  for (const p of places) if (p.start >= from && p.end <= at && (!best || p.start > best.start)) best = p;
  return best;
}
