/**
 * A page's publication day: the first plausible candidate in the documented order (see sources.ts).
 *
 * Plausible: a real calendar day, not before MIN_YEAR, not after the reference day ("now", or the crawl
 * date when known) and not after a stated modification date. When the winner is a UTC instant and another
 * published candidate that is written in local time names the neighbouring day, that local day wins: the
 * UTC value is the same moment seen from Greenwich.
 */
import { collectCandidates, type PubDateCandidate, type PubDateSource, type SourceOptions } from './sources.js';
import { FUTURE_SLACK_DAYS, MIN_YEAR, SOURCE_CONFIDENCE } from './words.js';

export interface PubDate {
  /** `YYYY-MM-DD`, the page's local calendar day. */
  day: string;
  source: PubDateSource;
  detail: string;
  confidence: number;
}

export interface PubDateOptions extends SourceOptions {
  /** The latest possible day (`YYYY-MM-DD`): when the page was fetched, or today. */
  notAfter?: string | null;
}

export interface PubDateResult {
  date: PubDate | null;
  candidates: PubDateCandidate[];
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function findPublicationDate(doc: { querySelectorAll(selector: string): ArrayLike<unknown>; documentElement?: unknown }, options: PubDateOptions = {}): PubDateResult {
  const candidates = collectCandidates(doc, options);
  let latest = options.notAfter ? dayNumber(options.notAfter) + FUTURE_SLACK_DAYS : Number.POSITIVE_INFINITY;
  const plausible = (c: PubDateCandidate): boolean => {
    if (!c.parsed) return false;
    const year = Number(c.parsed.day.slice(0, 4));
    return year >= MIN_YEAR && dayNumber(c.parsed.day) <= latest;
  };
  // A page is not published after it was last modified (metadata only: a "modified" line may be a comment's).
  const modified = candidates.filter((c) => c.source === 'modified' && c.machine && plausible(c));
  if (modified.length > 0) latest = Math.min(latest, Math.max(...modified.map((c) => dayNumber(c.parsed!.day))) + FUTURE_SLACK_DAYS);

  const valid = candidates.filter(plausible);
  let winner = valid[0];
  if (!winner) return { date: null, candidates };
  if (winner.parsed!.utc) {
    const day = dayNumber(winner.parsed!.day);
    const local = valid.find((c) => c.source !== 'modified' && !c.parsed!.utc && Math.abs(dayNumber(c.parsed!.day) - day) === 1);
    if (local) winner = local;
  }
  return {
    date: { day: winner.parsed!.day, source: winner.source, detail: winner.detail, confidence: SOURCE_CONFIDENCE[winner.source] ?? 0.5 },
    candidates,
  };
}
