/**
 * Publication dates from metadata: keep a plain `YYYY-MM-DD` as is, turn anything Date.parse accepts
 * (RFC 822 from RSS, ISO with zone) into an ISO timestamp, and refuse the rest (null).
 *
 * A timestamp with a zone keeps its own wall clock and offset (`2020-05-04T04:25:13+07:00` →
 * `2020-05-04T04:25:13.000+07:00`), never converted to UTC: the publisher's calendar day is the
 * article's day, and consumers take the first ten characters as the day.
 *
 * A date written without a zone is read as UTC, never in the zone of the machine running dateline
 * (otherwise "December 3, 2025" became 2 December east of Greenwich); one with no time of day stays a
 * plain day.
 */
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A zone after a time of day (`14:05Z`, `14:05:00.1+02:00`, `14:05 +0100`) or a named zone (GMT, UTC, EST…). */
const HAS_ZONE = /\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z\b|[+-]\d{2}(?::?\d{2})?\b)|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b/i;
const HAS_TIME = /\d{1,2}:\d{2}/;
/** The zone part alone, to read the same wall clock without it. */
const ZONE_PART = /(\d:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:Z\b|[+-]\d{2}(?::?\d{2})?\b)|\s*\b(?:GMT|UTC|UT|[ECMP][SD]T)\b/i;

/** Date.parse of a string without a zone, read as UTC whatever the machine's zone. */
function parseAsUtc(s: string): number {
  const t = Date.parse(s);
  return Number.isNaN(t) ? t : t - new Date(t).getTimezoneOffset() * 60_000;
}

/** The instant `t` written as the wall clock `offsetMin` minutes from UTC, with that offset (`Z` for 0). */
function withOffset(t: number, offsetMin: number): string {
  const wall = new Date(t + offsetMin * 60_000).toISOString().slice(0, -1);
  if (offsetMin === 0) return `${wall}Z`;
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}${offsetMin < 0 ? '-' : '+'}${hh}:${mm}`;
}

function inRange(t: number): boolean {
  if (!Number.isFinite(t)) return false;
  const year = new Date(t).getUTCFullYear();
  return year >= 1800 && year <= 2200;
}

export function normaliseDate(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    // Epoch seconds or milliseconds.
    const ms = Math.abs(raw) < 1e11 ? raw * 1000 : raw;
    return inRange(ms) ? new Date(ms).toISOString() : null;
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s) return null;
  if (PLAIN_DAY.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
  }
  if (!HAS_ZONE.test(s)) {
    // Date.parse reads the wall-clock time in the machine's zone; read it in UTC instead.
    const t = parseAsUtc(s);
    if (!inRange(t)) return null;
    return HAS_TIME.test(s) ? new Date(t).toISOString() : new Date(t).toISOString().slice(0, 10);
  }
  const t = Date.parse(s);
  if (!inRange(t)) return null;
  const wall = parseAsUtc(s.replace(ZONE_PART, '$1'));
  const offsetMin = Number.isNaN(wall) ? 0 : Math.round((wall - t) / 60_000);
  return withOffset(t, Math.abs(offsetMin) <= 18 * 60 ? offsetMin : 0);
}
