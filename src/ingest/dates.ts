/**
 * Publication dates from metadata: keep a plain `YYYY-MM-DD` as is, turn anything Date.parse accepts
 * (RFC 822 from RSS, ISO with zone) into an ISO timestamp in UTC, and refuse the rest (null).
 *
 * A date written without a zone is read as UTC, never in the zone of the machine running dateline
 * (otherwise "December 3, 2025" became 2 December east of Greenwich); one with no time of day stays a
 * plain day.
 */
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A zone after a time of day (`14:05Z`, `14:05:00.1+02:00`, `14:05 +0100`) or a named zone (GMT, UTC, EST…). */
const HAS_ZONE = /\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z\b|[+-]\d{2}(?::?\d{2})?\b)|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b/i;
const HAS_TIME = /\d{1,2}:\d{2}/;

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
  let t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  if (!HAS_ZONE.test(s)) {
    // Date.parse read the wall-clock time in the local zone; read it in UTC instead.
    t -= new Date(t).getTimezoneOffset() * 60_000;
    if (!HAS_TIME.test(s)) return inRange(t) ? new Date(t).toISOString().slice(0, 10) : null;
  }
  return inRange(t) ? new Date(t).toISOString() : null;
}
