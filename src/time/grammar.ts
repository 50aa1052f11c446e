/**
 * The news temporal grammar: finds candidate expressions in one sentence and gives each a resolver.
 *
 * Candidates come from our own rules (relative and vague expressions, durations, sets, quarters, seasons,
 * decades, weekdays, month dates, clock times) and, as a fallback for calendar formats the rules lack, from
 * chrono-node. Resolution is deferred: a candidate's `resolve` takes the anchor (a day, or none) and the
 * tense cue, so the same candidate can be resolved against both ends of an uncertain publication date.
 */
import * as chrono from 'chrono-node';
import { dayInterval, isoDay, pad } from './calendar.js';
import { type Candidate, type Resolution } from './grammar-kit.js';
import { type Rule, SentenceFacts, calendarResolver } from './rule-kit.js';
import { CLOCK_RULES } from './rules-clock.js';
import { CALENDAR_RULES } from './rules-calendar.js';
import { PERIOD_RULES } from './rules-periods.js';
import { RELATIVE_RULES } from './rules-relative.js';
export type { Direction, ResolveContext, Resolution, Candidate } from './grammar-kit.js';
export { resolveWeekday, storyYear, pickYear } from './grammar-kit.js';
export { tenseCue } from './tense.js';
export { SentenceFacts, calendarResolver } from './rule-kit.js';

/** Every rule, in the order they are tried. */
const RULES: Rule[] = [...CLOCK_RULES, ...CALENDAR_RULES, ...PERIOD_RULES, ...RELATIVE_RULES];

// ------------------------------------------------------------------ extraction

/** Leading words that never belong in a TIMEX extent. */
const LEADING_PREP = /^(?:on|in|at|by|since|from|until|till|during|for|of|as of)\s+/i;

/** Calendar-looking material that chrono may parse where our rules found nothing. */
const CHRONO_TRIGGER = /\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}:\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;

const casual = chrono.casual;

/** Candidates from chrono for calendar formats our rules lack; relative phrases are ours, not chrono's. */
function chronoCandidates(sentence: string, own: readonly Candidate[]): Candidate[] {
  CHRONO_TRIGGER.lastIndex = 0;
  let uncovered = false;
  for (let m = CHRONO_TRIGGER.exec(sentence); m !== null && !uncovered; m = CHRONO_TRIGGER.exec(sentence)) {
    const at = m.index;
    if (!own.some((c) => c.start <= at && at < c.end)) uncovered = true;
  }
  if (!uncovered) return [];
  const out: Candidate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = casual.parse(sentence, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 'UTC' });
  } catch {
    return [];
  }
  for (const r of results) {
    const tags = r.tags();
    if (tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference'))) continue;
    const known = (c: chrono.Component): number | undefined => (r.start.isCertain(c) ? r.start.get(c) ?? undefined : undefined);
    const k = { year: known('year'), month: known('month'), day: known('day'), weekday: known('weekday'), hour: known('hour'), minute: known('minute') };
    if (k.month === undefined && k.year === undefined) continue;
    if (r.end) continue; // ranges are split into their own parts by our rules
    let start = r.index;
    let text = r.text;
    const lead = LEADING_PREP.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    const trail = /[\s,.;:]+$/.exec(text);
    if (trail && !/\b(?:[A-Z][a-z]{2}|[ap]\.m)\.$/.test(text)) text = text.slice(0, text.length - trail[0].length);
    const end = start + text.length;
    // Fractions ("7/8") and lower-case words ("march") are not dates; neither is a bare number pair.
    if (k.year === undefined && !/[A-Z]/.test(text)) continue;
    if (k.year !== undefined && k.month === undefined && k.day === undefined) continue; // bare years: our rule decides
    if (k.year !== undefined && (k.year < 1600 || k.year > 2100)) continue;
    // A year is read only where the text writes one ("2025", "'25", "5/12/25"): "May 32 people" is not May 2032, nor is a
    // clock time ("Dec 7 20:32") a year.
    if (k.year !== undefined && !new RegExp(`(?<!\\d)(?:${k.year}|[/.'’-]${String(k.year).slice(2)})(?!\\d)`).test(text)) continue;
    out.push({
      start,
      end,
      rule: 'chrono',
      prio: 1,
      dayLevel: k.day !== undefined && k.hour === undefined,
      resolve: calendarResolver({ y: k.year, m: k.month, d: k.day, wd: k.weekday, hh: k.hour, mi: k.minute }),
    });
  }
  return out;
}

/**
 * For audits and tests: the rules whose pattern matches somewhere in `sentence` although their prefilter
 * (`need`) rejects it. A sound grammar returns [] for every sentence.
 */
export function prefilterMisses(sentence: string): string[] {
  const facts = new SentenceFacts(sentence);
  const out: string[] = [];
  for (const rule of RULES) {
    if (!rule.need || rule.need(facts)) continue;
    rule.re.lastIndex = 0;
    if (rule.re.test(sentence)) out.push(rule.name);
    rule.re.lastIndex = 0;
  }
  return out;
}

/** The raw candidates of our rules in one sentence (overlapping, unselected), in rule order. */
function ruleCandidates(sentence: string, facts: SentenceFacts): Candidate[] {
  const all: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.need && !rule.need(facts)) continue;
    if (rule.gate && !rule.gate.test(sentence)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m !== null; m = rule.re.exec(sentence)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const built = rule.build({ m, sentence });
      if (!built) continue;
      const { second, ...first } = built;
      let start = first.start ?? m.index;
      let end = first.end ?? m.index + m[0].length;
      // Trim whitespace and trailing punctuation that a pattern may have taken.
      while (end > start && /[\s,]/.test(sentence[end - 1])) end--;
      while (start < end && /\s/.test(sentence[start])) start++;
      all.push({ ...first, start, end, rule: rule.name, prio: rule.prio } as Candidate);
      // A second expression in the same match ("1939–45": the end year).
      if (second) all.push({ ...second, rule: rule.name, prio: rule.prio } as Candidate);
    }
  }
  return all;
}

/** Our rules' candidates per sentence text, shared by the passes over one article (see `findCandidates`). */
export type CandidateMemo = Map<string, readonly Candidate[]>;

/**
 * Every candidate in one sentence, overlaps resolved (longest first, then priority), in text order. `memo`
 * (one per article) keeps the rules' raw candidates, so the publication-date pass and the extraction pass
 * over the same sentences run the rules once; candidates are never mutated, and their resolvers are pure.
 */
export function findCandidates(sentence: string, useChrono = true, memo?: CandidateMemo): Candidate[] {
  const facts = new SentenceFacts(sentence);
  const known = memo?.get(sentence);
  const own = known ?? ruleCandidates(sentence, facts);
  if (memo && !known) memo.set(sentence, own);
  const all = own.slice();
  // Every alternative of CHRONO_TRIGGER has a digit: without one, chrono is never asked.
  if (useChrono && facts.digit) all.push(...chronoCandidates(sentence, all));
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
  // Greedy longest-first selection with an occupancy map: linear in the sentence, whatever the count.
  const taken = new Uint8Array(sentence.length + 1);
  const chosen: Candidate[] = [];
  for (const c of all) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  return mergeDayOffset(sentence, mergeClockAndDay(sentence, chosen));
}

/** "noon Tuesday", "Tuesday at 5 p.m.", "5 p.m. yesterday": one TIME expression. */
function mergeClockAndDay(sentence: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (b && ((a.clock && b.dayLevel) || (a.dayLevel && b.clock))) {
      const gap = sentence.slice(a.end, b.start);
      if (/^\s*(?:,\s*)?(?:at|on|about|around)?\s*$/i.test(gap)) {
        const clock = (a.clock ?? b.clock) as NonNullable<Candidate['clock']>;
        const day = a.clock ? b : a;
        out.push({
          start: a.start,
          end: b.end,
          rule: `${day.rule}+clock`,
          prio: Math.max(a.prio, b.prio),
          resolve(ctx) {
            const r = day.resolve(ctx);
            if (/^\d{4}-\d\d-\d\d$/.test(r.value) || /^XXXX-WXX-\d$/.test(r.value)) {
              return { ...r, type: 'TIME', value: `${r.value}T${pad(clock.hh)}:${pad(clock.mi)}${clock.utc ? 'Z' : ''}`, stated: [...r.stated, 'hour'] };
            }
            return r;
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A resolution moved by whole days (same type and shape); anything but a single day stays as it is. */
function shiftDays(r: Resolution, days: number): Resolution {
  if (!r.interval || r.interval.granularity !== 'day' || !/^\d{4}-\d\d-\d\d$/.test(r.value)) return { ...r, value: r.value.length >= 10 ? r.value.slice(0, 10).replace(/\d\d$/, 'XX') : r.value };
  const iv = dayInterval(r.interval.from + days);
  return { ...r, value: iv.value, interval: iv, stated: [...r.stated, 'offset'] };
}

/**
 * "the day before last Tuesday's hearing": one DATE, a day off the day named; "Oct. 12, the day before the
 * plunge": "the day" in apposition names that same day. A bare "the day after his death" stays untagged.
 */
function mergeDayOffset(sentence: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.dayLevel) {
      const lead = /\b([Tt]he\s+day\s+(before|after))\s+$/.exec(sentence.slice(Math.max(0, c.start - 24), c.start));
      const prev = out[out.length - 1];
      if (lead && (!prev || prev.end <= c.start - lead[0].length)) {
        const shift = lead[2] === 'before' ? -1 : 1;
        out.push({ ...c, start: c.start - lead[0].length, rule: `${c.rule}+offset`, dayLevel: true, resolve: (ctx) => shiftDays(c.resolve(ctx), shift) });
        continue;
      }
      const appos = /^,\s+([Tt]he\s+day)\s+(?:before|after)\s/.exec(sentence.slice(c.end, c.end + 20));
      if (appos && !(cands[i + 1] && cands[i + 1].start < c.end + appos[0].length)) {
        out.push(c);
        const start = c.end + appos[0].indexOf(appos[1]);
        out.push({ start, end: start + appos[1].length, rule: 'day-apposition', prio: c.prio, dayLevel: true, resolve: (ctx) => c.resolve(ctx) });
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

export { isoDay };
