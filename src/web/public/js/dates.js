// Dates for people: a month facet's real first and last day, and TIMEX values ("2025-11-18TNI",
// "1978-FA") written as a reader would ("18 Nov 2025, night", "autumn 1978"). Pure functions.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PARTS_OF_DAY = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const REFS = { PRESENT_REF: 'now', PAST_REF: 'the past', FUTURE_REF: 'the future' };
const DURATION_UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MIN: 'minute', S: 'second' };

/** The first and last calendar day of a `YYYY-MM` month, or null when it is no month. */
export function monthRange(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(month ?? ''));
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}

function dayWords(y, mo, d) {
  return `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
}

/** A TIMEX3 value in words; a value it does not know is returned unchanged. */
export function humanTime(value) {
  const v = String(value ?? '');
  if (REFS[v]) return REFS[v];
  const range = /^([^/]+)\/([^/]+)$/.exec(v);
  if (range) return `${humanTime(range[1])} – ${humanTime(range[2])}`;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:(MO|MI|AF|EV|NI|DT)|(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?))?$/.exec(v);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const base = dayWords(m[1], m[2], m[3]);
    if (m[4]) return `${base}, ${PARTS_OF_DAY[m[4]]}`;
    if (m[5]) return `${base}, ${m[5]}${m[6] ? ` ${m[6] === 'Z' ? 'UTC' : m[6]}` : ''}`;
    return base;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  m = /^(\d{4})-([QH])([1-4])$/.exec(v);
  if (m) return `${m[2]}${m[3]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v);
  if (m) return `${m[3] ? 'weekend of ' : ''}week ${Number(m[2])}, ${m[1]}`;
  if (/^\d{4}$/.test(v)) return v;
  if (/^\d{3}$/.test(v)) return `the ${v}0s`;
  m = /^PT?(\d+(?:\.\d+)?)(Y|M|W|D|H|S)$/.exec(v);
  if (m) {
    const unit = v.startsWith('PT') && m[2] === 'M' ? 'MIN' : m[2];
    const n = Number(m[1]);
    return `${n} ${DURATION_UNITS[unit]}${n === 1 ? '' : 's'}`;
  }
  return v;
}

const TIMEX_IN_TEXT = /\b\d{4}-\d{2}-\d{2}(?:T(?:MO|MI|AF|EV|NI|DT|\d{2}:\d{2}))?(?:\/\d{4}-\d{2}-\d{2})?\b|\b\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})\b/g;

/** Text (an event summary stored by an older version) with every TIMEX value in it written in words. */
export function humanizeText(text) {
  return String(text ?? '').replace(TIMEX_IN_TEXT, (v) => humanTime(v));
}
