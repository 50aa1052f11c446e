/**
 * Publication dates from metadata: keep a plain `YYYY-MM-DD` as is, turn anything Date.parse accepts
 * (RFC 822 from RSS, ISO with zone) into an ISO timestamp in UTC, and refuse the rest (null).
 */
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function normaliseDate(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    // Epoch seconds or milliseconds.
    const ms = raw < 1e11 ? raw * 1000 : raw;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s) return null;
  if (PLAIN_DAY.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  if (year < 1800 || year > 2200) return null;
  return new Date(t).toISOString();
}
