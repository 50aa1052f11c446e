/**
 * The article's reference date. A stated date (header or metadata) is echoed. Otherwise the date is
 * inferred from content, as a day or an honest range:
 *
 * - explicit full dates told in the past tense are lower bounds (a report comes after what it reports);
 * - "the largest of November to date", "so far in November" put the article inside that month;
 * - month-day and month mentions without a year ("since Oct. 30", "in June") are lower bounds once a year can
 *   be chosen against the inherited date; attributive uses ("the October 7 massacre") are names, not bounds;
 * - "overnight into Wednesday" says the article was written on a Wednesday;
 * - an inherited date (from an earlier article in the same file) is only a weak upper bound, and is dropped
 *   when the content contradicts it; with no other evidence, the window is the year before it.
 *
 * An inherited date is never presented as stated: `source` is `content` when content evidence shaped the
 * range and `inherited` when only the inherited bound did (then with no single value).
 */
import type { Article, Span } from '../core/article.js';
import type { PublicationDate, Token } from '../core/layers.js';
import { commonValue, daysInMonth, epochDay, isoDay, parseIsoDay, weekday, ymd } from './calendar.js';
import { findCandidates, pickYear, tenseCue, type CandidateMemo } from './grammar.js';
import { MONTH, WEEKDAY, monthNumber, weekdayNumber } from './lexicon.js';

/** The anchor that relative expressions are resolved against: a day, or a range of days, with a confidence. */
export interface Anchor {
  from: number;
  to: number;
  confidence: number;
}

export interface PublicationInference {
  record: PublicationDate;
  anchor: Anchor | null;
}

const STATED = new Set(['header', 'metadata']);
const MONTH_TO_DATE = new RegExp(`(?:\\bof\\s+(${MONTH})(?:\\s+((?:19|20)\\d\\d))?\\s+(?:to date|so far)|\\bso far (?:in|this)\\s+(${MONTH})|\\b(${MONTH})(?:\\s+((?:19|20)\\d\\d))?\\s+(?:to date|so far))`, 'g');
const TODAY = /\b(?:today|this morning|this afternoon|tonight)\b/i;
const OVERNIGHT_INTO = new RegExp(`\\bovernight\\s+(?:into|to)\\s+(${WEEKDAY})`, 'g');

export interface SentenceText extends Span {
  text: string;
}

export function inferPublication(article: Readonly<Article>, sentences: readonly Span[], tokens: readonly Token[], memo?: CandidateMemo): PublicationInference {
  const stated = parseIsoDay(article.published);
  if (stated !== null && STATED.has(article.publishedSource)) {
    const conf = article.publishedConfidence || 1;
    return {
      record: { value: isoDay(stated), source: article.publishedSource, confidence: conf, range: { from: isoDay(stated), to: isoDay(stated) }, evidence: [], rule: 'stated' },
      anchor: { from: stated, to: stated, confidence: conf },
    };
  }
  if (stated !== null && article.publishedSource === 'content') {
    // Already inferred from content upstream: keep it, with its own (lower) confidence.
    const conf = article.publishedConfidence || 0.5;
    return {
      record: { value: isoDay(stated), source: 'content', confidence: conf, range: { from: isoDay(stated), to: isoDay(stated) }, evidence: [], rule: 'upstream-content' },
      anchor: { from: stated, to: stated, confidence: conf },
    };
  }
  const text = article.text;
  const inherited = article.publishedSource === 'inherited' ? stated : null;
  const evidence: Span[] = [];
  const rules: string[] = [];
  let lower: number | null = null;
  let weakLower: number | null = null;
  const bump = (day: number, span: Span, weak: boolean): void => {
    if (weak) weakLower = weakLower === null ? day : Math.max(weakLower, day);
    else lower = lower === null ? day : Math.max(lower, day);
    evidence.push({ start: span.start, end: span.end });
  };

  const tokenStarts = new Map<number, number>();
  tokens.forEach((t, i) => tokenStarts.set(t.start, i));
  const nextTokenIsNoun = (end: number): boolean => {
    let at = end;
    while (at < text.length && /\s/.test(text[at])) at++;
    const i = tokenStarts.get(at);
    return i !== undefined && (tokens[i].pos === 'NOUN') && /^[a-z]/.test(text.slice(tokens[i].start, tokens[i].end));
  };

  let today: number | null = null;
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    const saysToday = TODAY.test(sentence);
    for (const c of findCandidates(sentence, false, memo)) {
      const dir = tenseCue(sentence, c.start, c.end);
      if (dir === 'future') continue;
      const span = { start: s.start + c.start, end: s.start + c.end };
      const probe = c.resolve({ anchor: null, dir: 'past', lastDay: null, lastQuarter: null });
      const full = /^(\d{4})-(\d\d)-(\d\d)/.exec(probe.value);
      if (full && probe.stated.includes('year')) {
        const day = epochDay(Number(full[1]), Number(full[2]), Number(full[3]));
        bump(day, span, false);
        rules.push('full-date');
        // "Today, Nov. 19, 2025, …": the date the article calls today.
        if (saysToday && today === null) {
          today = day;
          rules.push('today-is-date');
        }
        continue;
      }
      const partial = /^XXXX-(\d\d)(?:-(\d\d))?/.exec(probe.value);
      if (partial && inherited !== null && !nextTokenIsNoun(span.end)) {
        const m = Number(partial[1]);
        const d = partial[2] ? Number(partial[2]) : null;
        const y = pickYear(inherited, m, d, 'past');
        bump(epochDay(y, m, d ?? 1), span, true);
        rules.push(d === null ? 'month-mention' : 'month-day-mention');
        if (saysToday && d !== null && today === null) {
          today = epochDay(y, m, d);
          rules.push('today-is-date');
        }
      }
    }
  }

  let monthFrom: number | null = null;
  let monthTo: number | null = null;
  MONTH_TO_DATE.lastIndex = 0;
  for (let m = MONTH_TO_DATE.exec(text); m !== null; m = MONTH_TO_DATE.exec(text)) {
    const month = monthNumber(m[1] ?? m[3] ?? m[4]);
    if (month === null) continue;
    const statedYear = m[2] ?? m[5];
    const ref = inherited ?? lower ?? weakLower;
    if (!statedYear && ref === null) continue;
    const y = statedYear ? Number(statedYear) : pickYear(ref as number, month, null, 'past');
    monthFrom = epochDay(y, month, 1);
    monthTo = epochDay(y, month, daysInMonth(y, month));
    evidence.push({ start: m.index, end: m.index + m[0].length });
    rules.push('month-to-date');
  }

  let wdCue: number | null = null;
  OVERNIGHT_INTO.lastIndex = 0;
  const overnight = OVERNIGHT_INTO.exec(text);
  if (overnight) {
    wdCue = weekdayNumber(overnight[1]);
    evidence.push({ start: overnight.index, end: overnight.index + overnight[0].length });
    rules.push('overnight-into-weekday');
  }

  // Combine: hard lower bound, weak lower bound, month window, weak upper bound (inherited).
  let from: number | null = lower;
  if (weakLower !== null && (from === null || weakLower > from)) from = weakLower;
  let to: number | null = inherited;
  if (monthFrom !== null && monthTo !== null) {
    from = from === null ? monthFrom : Math.max(from, monthFrom);
    to = to === null ? monthTo : Math.min(to, monthTo);
  }
  if (from !== null && to !== null && from > to) {
    // Content contradicts the inherited bound: drop it (a hard lower bound wins).
    to = monthTo ?? null;
    if (to !== null && from > to) to = null;
    rules.push('inherited-contradicted');
  }
  const contentEvidence = evidence.length > 0;
  if (from === null && to !== null) {
    from = to - 365;
    rules.push('inherited-window');
  }
  if (from !== null && to === null) {
    to = from + 7;
    rules.push('report-follows-date');
  }
  if (from === null || to === null) {
    return {
      record: { value: null, source: 'unknown', confidence: 0, evidence, rule: 'no-evidence' },
      anchor: null,
    };
  }
  if (wdCue !== null && to - from <= 62) {
    let f = from;
    while (f <= to && weekday(f) !== wdCue) f++;
    let t = to;
    while (t >= f && weekday(t) !== wdCue) t--;
    if (f <= t) {
      from = f;
      to = t;
    }
  }
  if (today !== null && today >= from - 1 && (to === null || today <= to + 366)) {
    from = today;
    to = today;
  }
  const span = to - from;
  let value: string | null = span === 0 ? isoDay(from) : commonValue(isoDay(from), isoDay(to));
  if (value !== null && !/^\d{4}/.test(value)) value = null;
  const confidence = !contentEvidence ? 0.1 : span === 0 ? 0.6 : span <= 31 ? 0.4 : 0.2;
  const source: PublicationDate['source'] = contentEvidence ? 'content' : inherited !== null ? 'inherited' : 'unknown';
  if (!contentEvidence) value = null;
  void ymd;
  return {
    record: { value, source, confidence, range: { from: isoDay(from), to: isoDay(to) }, evidence, rule: [...new Set(rules)].join('+') },
    anchor: { from, to, confidence },
  };
}
