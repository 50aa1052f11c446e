import { dayInterval, epochDay, quarterInterval, seasonInterval, weekInterval, yearInterval, ymd, type Interval } from './calendar.js';
import { COUNT, HEDGE, FLOATING_HOLIDAYS, HOLIDAY, HOLIDAYS, MONTH, PART_OF_DAY, SEASONS, UNIT, WEEKDAY, durationValue, monthNumber, parseCount, unitOf, weekdayNumber } from './lexicon.js';
import { B, E, ci, directionOf, easterSunday, interval, nthWeekday, resolveWeekday, rx, shiftUnit, unresolved } from './grammar-kit.js';
import { AGO_TAIL, type Rule, calendarResolver, dayUnderDiscussion, fixed, rateBefore, relativeResolver } from './rule-kit.js';

/** "recent" + up to two modifiers + a plural noun: "recent declines", "recent government moves"; a conjunction or verb ends it ("was recent and affects"). */
const RECENT_PLURAL_AFTER = /^\s+(?:(?!(?:and|or|but|as|than|that|which|who|to|in|of|for|with|by|on|at|is|was|are|were|be|been)\b)[a-z]+\s+){0,2}(?!(?:is|was|has|does|its|this|his|as|us|thus|always|perhaps|less|across|news)\b)[a-z]{3,}s\b/;
/** A determiner or possessive before "recent" ("the recent sale", "its recent losses", "most recent"). */
const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|most|more|some|any|whose)\s+$/i;

/** Rules of the temporal grammar: "two weeks ago", durations, PRESENT/PAST/FUTURE_REF, sets, years in words, year ends, holidays. Order within the list is the order rules are tried. */
export const RELATIVE_RULES: Rule[] = [
  // ---- "a week ago Friday", "a week from Tuesday": that weekday, shifted by whole weeks
  {
    name: 'week-from-weekday',
    prio: 8,
    need: (f) => f.weekday,
    gate: /\bweeks? (?:ago|from)\b/i,
    re: rx(`${B}(${ci('a')}|${ci('one')}|${ci('two')}|${ci('three')})\\s+weeks?\\s+(ago|from)\\s+(?:(?:last|this|next)\\s+)?(${WEEKDAY})(?![\\w-])`, 'g'),
    build({ m }) {
      const n = parseCount(m[1].toLowerCase()) ?? 1;
      const wd = weekdayNumber(m[3]);
      if (wd === null) return null;
      const ago = m[2].toLowerCase() === 'ago';
      return {
        dayLevel: true,
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', `XXXX-WXX-${wd}`, ['weekday', 'offset']);
          const day = resolveWeekday(ctx.anchor, wd, ago ? 'past' : 'future', null) + (ago ? -7 : 7) * n;
          return interval('DATE', dayInterval(day), 'published', ['weekday', 'offset'], ['year', 'month', 'day'], directionOf(day, ctx.anchor));
        },
      };
    },
  },
  // ---- "two weeks ago", "a year earlier", "a day after", "three years from now"
  {
    name: 'ago',
    prio: 7,
    need: (f) => f.unit && f.word('ago', 'earlier', 'later', 'before', 'after', 'from', 'hence', 'back', 'previously') && AGO_TAIL.test(f.low),
    re: rx(`${B}(?:(${HEDGE})\\s+)?(${COUNT})[\\s-]+(?:(?:trading|business|working)\\s+(?=days?\\b))?(${UNIT})(?<half>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?\\s+(ago|earlier|later|before|after|from now|hence|back|previously)${E}`, 'gi'),
    build({ m, sentence }) {
      const whole = parseCount(m[2]);
      // "a minute and a half later": the half joins the count.
      const n = whole !== null && m.groups?.half ? whole + 0.5 : whole;
      const unit = unitOf(m[3]);
      const rel = m[5].toLowerCase();
      if (unit === 'second' && /^an?$/i.test(m[2])) return null;
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const big = unit === 'year' || unit === 'quarter' || unit === 'month' || unit === 'decade' || unit === 'century';
      if (rel === 'before' || rel === 'after' || rel === 'later' || (rel === 'earlier' && (!big || /^\s+than\b/.test(after)))) {
        // "a day after X", "three days later": an offset from an event, never a date on the article's
        // calendar. As in TimeML, the expression is the span ("a day", DURATION P1D); the signal word and
        // the direction are kept so a later stage can anchor it on X.
        const end = m.index + m[0].lastIndexOf(m[3]) + m[3].length + (m.groups?.half?.length ?? 0);
        const value = durationValue(n, unit);
        const direction = rel === 'before' || rel === 'earlier' ? 'past' : 'future';
        return { end, resolve: () => ({ type: 'DURATION', value, anchor: 'event', direction, stated: ['duration', 'offset'], implied: [] }) };
      }
      const sign = rel === 'later' || rel === 'from now' || rel === 'hence' ? 1 : -1;
      return {
        resolve(ctx) {
          if (n === null) return unresolved('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', ['offset']);
          const base = ctx.anchor;
          if (base === null) return unresolved('DATE', 'XXXX-XX-XX', ['offset'], 'none');
          const count = Math.round(n);
          if ((unit === 'year') && ctx.lastQuarter && (rel === 'earlier' || rel === 'ago') && count === 1) {
            return interval('DATE', quarterInterval(ctx.lastQuarter.y - 1, ctx.lastQuarter.q), 'published', ['offset'], ['year', 'quarter']);
          }
          let iv: Interval;
          switch (unit) {
            case 'hour':
            case 'minute':
            case 'second':
              iv = dayInterval(base);
              break;
            case 'week':
            case 'fortnight':
              // "six weeks ago" names a week, as "six months ago" names a month: the unit is the granularity
              // (TimeML writes the ISO week, `1999-W47`); the range is that whole week. "A week ago" is the
              // day seven days back (the same weekday), as news uses it for a dated event.
              iv = count === 1 && unit === 'week'
                ? dayInterval(base + sign * 7)
                : weekInterval(base + sign * 7 * count * (unit === 'fortnight' ? 2 : 1));
              break;
            case 'day':
            case 'night':
              iv = dayInterval(base + sign * count);
              break;
            case 'decade':
              iv = yearInterval(ymd(base).y + sign * Math.round(10 * n));
              break;
            case 'century':
              iv = yearInterval(ymd(base).y + sign * Math.round(100 * n));
              break;
            default:
              iv = shiftUnit(base, unit, sign * count);
          }
          // "2025 years earlier" from a 20th-century anchor leaves the calendar: only the direction is known.
          const yy = ymd(iv.from).y;
          if (yy < 1 || yy > 9999) return unresolved('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', ['offset']);
          return interval('DATE', iv, 'published', ['offset'], ['year', 'month', 'day'], sign < 0 ? 'past' : 'future');
        },
      };
    },
  },
  {
    name: 'year-ago',
    prio: 6,
    need: (f) => f.word('year') && f.word('ago', 'earlier'),
    re: rx(`${B}(?:${ci('the')}\\s+)?(${ci('year-ago')}|${ci('year-earlier')}|${ci('a year earlier')}|${ci('a year ago')})${E}`, 'g'),
    build({ m }) {
      const start = /^the\s/i.test(m[0]) ? m.index + m[0].indexOf(m[1]) : m.index;
      return {
        start,
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', 'XXXX', ['offset']);
          if (ctx.lastQuarter) return interval('DATE', quarterInterval(ctx.lastQuarter.y - 1, ctx.lastQuarter.q), 'published', ['offset'], ['year', 'quarter']);
          return interval('DATE', yearInterval(ymd(ctx.anchor).y - 1), 'published', ['offset'], ['year'], 'past');
        },
      };
    },
  },
  // ---- durations: "five-hour", "the past three years", "two weeks", "for around four hours", "the first nine months"
  {
    name: 'duration',
    prio: 4,
    need: (f) => f.unit,
    re: rx(`${B}(?:(${ci('the')})\\s+)?(?:(${ci('year-earlier')}|${ci('year-ago')}|${ci('past')}|${ci('last')}|${ci('next')}|${ci('previous')}|${ci('coming')}|${ci('first')}|${ci('final')}|${ci('latest')}|${ci('initial')}|${ci('remaining')}|${ci('following')}|${ci('preceding')}|${ci('entire')}|${ci('whole')}|${ci('full')}|${ci('same')})\\s+)?(?:(${HEDGE})\\s+)?(${COUNT})(?:\\s+(?:or|to)\\s+(${COUNT}))?(?:\\s+(?:or so|more|straight|consecutive|full|long))?[\\s-]+(?:(?:trading|business|working)\\s+(?=days?\\b))?(${UNIT})(?<half>\\s+and\\s+a\\s+half)?(?:[\\s-]+long)?${E}`, 'gi'),
    build({ m, sentence }) {
      const countWord = m[4];
      let n = parseCount(countWord);
      if (n !== null && m.groups?.half) n += 0.5;
      if (m[5]) n = null;
      const unit = unitOf(m[6]);
      const article = /^an?$/i.test(countWord);
      if (unit === 'second' && article) return null;
      // "a decades-long feud": the article is the noun's; the span is vague ("decades-long", below).
      if (article && /s$/i.test(m[6])) return null;
      if (/^(?:some|many)$/i.test(countWord) && !m[2] && !m[1]) return null;
      if (/^half an?$/i.test(countWord) && unit !== 'hour' && unit !== 'day' && unit !== 'year' && unit !== 'century') return null;
      if (unit === 'weekend') return null;
      const tail = sentence.slice(m.index + m[0].length, m.index + m[0].length + 8);
      // Ages ("6-year-old", "52 years old") are not temporal expressions in TimeML news annotation.
      if (/[\s-]old$/i.test(m[0]) || /^[\s-]+old\b/i.test(tail)) return null;
      // "a quarter of the market", "789, or about a quarter, of its dealers": a fraction, not three months.
      if (unit === 'quarter' && (/^[\s,]+of\b/i.test(tail) || (article && /\b(?:about|roughly|nearly|almost|around|than|or|over|under|just)\s+$/i.test(sentence.slice(Math.max(0, m.index - 10), m.index))))) return null;
      // "the hope he one day follow", "could one day become": "one day" is "someday" between a subject or
      // modal and its verb, not a one-day span ("had been in the job one day" stays one).
      if (/^one\s+day$/i.test(m[0]) && /\b(?:I|you|he|she|it|we|they|will|would|could|might|may|can|should|must|shall)\s+$/i.test(sentence.slice(Math.max(0, m.index - 8), m.index)) && /^\s+[a-z]+/.test(tail) && !/^\s+(?:of|in|on|at|and|or|after|before|later|earlier|ago|to|for|from)\b/.test(tail)) return null;
      // "$5 a year", "twice a week": a frequency, not a duration.
      if (article && !m[1] && !m[2] && !m[3]) {
        const rate = rateBefore(sentence, m.index);
        // "twice a week" recurs; "$5 million a year" is the unit of a quantity, left to the quantities stage.
        if (rate === 'frequency') return { resolve: fixed('SET', durationValue(1, unit)) };
        if (rate === 'rate') return null;
      }
      const value = durationValue(n, unit);
      // Vague hedges stay out of the extent ("about three days" → "three days"); bounds stay in ("nearly two
      // years", "more than four hours", "up to 180 days"), as TimeBank marks them.
      const bound = m[3] !== undefined && /^(?:nearly|more than|less than|fewer than|no more than|up to|at least|at most|well over|close to)$/i.test(m[3]);
      let start = m[3] && !m[1] && !m[2] && !bound ? m.index + m[0].indexOf(m[4], m[3].length) : m.index;
      // An adjectival duration ("the 14-day waiting period", "the two day rally") leaves the article out, as TimeBank does.
      const unitAt = m[0].lastIndexOf(m[6]);
      const adjectival = m[0][unitAt - 1] === '-' || (!/s$/i.test(m[6]) && n !== null && n !== 1 && !article);
      if (m[1] && !m[2] && !m[3] && adjectival) start = m.index + m[0].indexOf(m[4], m[1].length);
      // "will last five days", "likely to last over a week": "last" is the verb, not "the last five days".
      if (!m[1] && m[2] && /^last$/i.test(m[2]) && /\b(?:will|would|could|can|may|might|must|should|shall|to|did|does|do|not|'ll|won't)\s+$/i.test(sentence.slice(Math.max(0, m.index - 10), m.index))) {
        start = m.index + m[2].length + (m[0].slice(m[2].length).length - m[0].slice(m[2].length).trimStart().length);
      }
      return { start, resolve: fixed('DURATION', value, ['duration']) };
    },
  },
  // ---- bare plural durations: "for years", "decades-long", "in recent weeks"
  {
    name: 'plural-duration',
    prio: 3,
    need: (f) => f.word('years', 'decades', 'months', 'weeks', 'days', 'hours', 'minutes', 'centuries') || /-long\b/i.test(f.text),
    re: rx(`${B}(?:(${ci('for')}|${ci('over')}|${ci('within')}|${ci('during')}|${ci('took')}|${ci('takes')}|${ci('take')}|${ci('lasted')}|${ci('spent')})\\s+)(?:(${ci('many')}|${ci('several')}|${ci('some')}|${ci('the')})\\s+)?(years|decades|months|weeks|days|hours|minutes|centuries)${E}|${B}(?:${ci('in')}\\s+(?:(?:just|only|mere|a matter of)\\s+)?)(?<inUnit>years|decades|months|weeks|days|hours|minutes)${E}|${B}(decades|years|months|weeks|days|hours)-long${E}|${B}(?<one>hour|day|week|month|year)-long${E}`, 'g'),
    build({ m, sentence }) {
      // "as noted in minutes released Tuesday", "in minutes of the meeting": a meeting's record, not a span.
      if (m.groups?.inUnit?.toLowerCase() === 'minutes' && /^\s+(?:of|released|published|from|show(?:s|ed)?|says?|said|noted)\b/i.test(sentence.slice(m.index + m[0].length))) return null;
      // "their third day-long meeting": one unit long.
      if (m.groups?.one) return { resolve: fixed('DURATION', durationValue(1, m.groups.one.toLowerCase()), ['duration']) };
      // "the highest level in years", "lost them in just minutes": a vague span, the bare plural only.
      const word = (m[3] ?? m.groups?.inUnit ?? m[5]).toLowerCase();
      const unit = unitOf(word);
      const lead = m[1] ? m[0].indexOf(m[2] ?? m[3]) : m.groups?.inUnit ? m[0].length - m.groups.inUnit.length : 0;
      return { start: m.index + lead, resolve: fixed('DURATION', durationValue(null, unit === 'decade' ? 'year' : unit === 'century' ? 'century' : unit), ['duration']) };
    },
  },
  // ---- "an additional year", "another week", "an extra day": one more unit, a duration
  {
    name: 'one-more-unit',
    prio: 4,
    need: (f) => f.unit && f.word('another', 'additional', 'extra', 'further'),
    re: rx(`${B}(${ci('another')}|${ci('an additional')}|${ci('an extra')}|${ci('a further')})\\s+(minute|hour|day|night|week|fortnight|month|year|decade|century)${E}`, 'g'),
    build({ m }) {
      // not "second" or "quarter": "another second round", "an additional quarter of the vote"
      return { resolve: fixed('DURATION', durationValue(1, unitOf(m[2])), ['duration']) };
    },
  },
  {
    name: 'recent-units',
    prio: 5,
    need: (f) => f.word('years', 'decades', 'months', 'weeks', 'days', 'quarters'),
    re: rx(`${B}(?:(?:(${ci('recent')})|(?<!\\b[Tt]he\\s)(?<bare>${ci('coming')}|${ci('future')}|${ci('past')})|(${ci('the coming')}|${ci('the next few')}|${ci('the past few')}|${ci('the last few')}))\\s+(years|decades|months|weeks|days|quarters)|${ci('the')}\\s+(?<ahead>years|months|weeks|days)\\s+ahead)${E}`, 'g'),
    build({ m }) {
      // "the weeks ahead" is "the coming weeks".
      if (m.groups?.ahead) return { resolve: fixed('DURATION', durationValue(null, unitOf(m.groups.ahead))) };
      // "in recent years" points at the past as a whole (PAST_REF, as TimeBank mostly values it); so do the
      // bare plurals with no article, "in past years", "in coming months", "future quarters" (PAST_REF,
      // FUTURE_REF); "the coming years", "the past few days": spans of vague length.
      if (m[1]) return { resolve: fixed('DATE', 'PAST_REF') };
      if (m.groups?.bare) return { resolve: fixed('DATE', /^past$/i.test(m.groups.bare) ? 'PAST_REF' : 'FUTURE_REF') };
      return { resolve: fixed('DURATION', durationValue(null, unitOf(m[4]))) };
    },
  },
  // ---- PRESENT_REF / PAST_REF / FUTURE_REF
  {
    name: 'reference',
    prio: 2,
    need: (f) => f.word('now', 'currently', 'nowadays', 'presently', 'present', 'moment', 'days', 'recently', 'lately', 'past', 'future', 'term', 'recent', 'current'),
    re: rx(`${B}(${ci('right now')}|${ci('now')}|${ci('currently')}|${ci('nowadays')}|${ci('presently')}|${ci('at present')}|${ci('at the moment')}|${ci('these days')}|${ci('the present')}|${ci('recently')}|${ci('lately')}|${ci('the past')}|${ci('the future')}|${ci('the near future')}|${ci('the near term')}|${ci('the short term')}|${ci('the long term')}|${ci('recent')}|${ci('current')})${E}`, 'g'),
    build({ m, sentence }) {
      const w = m[1].toLowerCase();
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 24);
      let start = m.index;
      if (w === 'at present' || w === 'at the moment') start = m.index;
      if (w === 'the past' && /^\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b/i.test(after)) return null;
      if (w === 'the future' && /^\s+of\b/.test(after)) return null;
      // "as recently as August": the date that follows is the expression.
      if (w === 'recently' && /^as\s+recently\s+as\s/i.test(sentence.slice(Math.max(0, m.index - 3), m.index + 14))) return null;
      // "recent declines", "recent government moves": with no determiner, "recent" + a plural noun points at
      // the past as a whole, as the bare plurals above do ("in past years"); "the recent sale", "a recent
      // filing", "the most recent model" are left out (TimeBank tags those about half the time).
      if (w === 'recent' && !/^\s+(?:years|months|weeks|days|times|history|past|decades|weeks)\b/i.test(after) && !(RECENT_PLURAL_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 48)) && !DETERMINER_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index)))) return null;
      // "the current weakness", "his current wife": the present (PRESENT_REF), as TimeBank annotates it;
      // "current year", "current quarter" are left to the unit rules, which give them a value.
      if (w === 'current' && /^\s+(?:year|month|week|quarter|period|fiscal|season)\b/i.test(after)) return null;
      if (w === 'current' && !/^\s+[a-z]/.test(after)) return null;
      // Finance and physics terms, not times: "current account deficit", "current assets", "alternating current".
      if (w === 'current' && /^\s+(?:accounts?|assets|liabilities|affairs|ratio|yield|dollars|prices?\s+index)\b/i.test(after)) return null;
      const value = /recent|lately|previously|formerly|past/.test(w) ? 'PAST_REF' : /soon|future|term/.test(w) ? 'FUTURE_REF' : 'PRESENT_REF';
      return { start, resolve: fixed('DATE', value) };
    },
  },
  // ---- sets: "daily", "every week", "twice a year", "per month"
  {
    name: 'set',
    prio: 6,
    need: (f) => f.word('daily', 'weekly', 'monthly', 'annually', 'yearly', 'nightly', 'hourly', 'biweekly', 'semiannually', 'every', 'each', 'per'),
    re: rx(`${B}(?:(${ci('daily')}|${ci('weekly')}|${ci('monthly')}|${ci('annually')}|${ci('yearly')}|${ci('nightly')}|${ci('hourly')}|${ci('biweekly')}|${ci('semiannually')})|(?:${ci('every')}|${ci('each')}|${ci('per')})\\s+(?:(other|${COUNT})\\s+)?(${UNIT}|morning|evening|night|afternoon))${E}`, 'g'),
    build({ m, sentence }) {
      const adverb = m[1]?.toLowerCase();
      if (adverb) {
        const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 14);
        // "daily newspaper", "quarterly report": adjectives, not recurring times.
        if (/^\s+(?:newspaper|paper|report|reports|earnings|results|dividend|meeting)\b/i.test(after)) return null;
        // "rise 8.5% annually", "average daily volume": a growth rate or an averaging period, as "$5 million a
        // year" is (left to the quantities stage), not a recurring time.
        const before = sentence.slice(Math.max(0, m.index - 12), m.index);
        if (/(?:%|\bpercent)\s*$/i.test(before) || /\baverage\s+$/i.test(before)) return null;
        // "C$17.9 million annually", "10,000 units annually": an amount per year, a rate like "$5 million a year".
        if ((adverb === 'annually' || adverb === 'yearly') && /(?:\d|\b(?:million|billion|thousand|hundred)\b)[^.;:!?\d]{0,30}$/i.test(sentence.slice(Math.max(0, m.index - 40), m.index))) return null;
        const map: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', nightly: 'P1D', hourly: 'PT1H', quarterly: 'P3M', biweekly: 'P2W', semiannually: 'P6M' };
        return { resolve: fixed('SET', map[adverb] ?? 'P1D') };
      }
      const word = m[3].toLowerCase();
      const part = PART_OF_DAY[word];
      if (part) return { resolve: fixed('SET', `XXXX-XX-XXT${part}`) };
      const unit = unitOf(word);
      const n = m[2] ? (m[2].toLowerCase() === 'other' ? 2 : parseCount(m[2])) : 1;
      return { resolve: fixed('SET', durationValue(n, unit)) };
    },
  },
  // ---- years in words, as broadcast transcripts write them: "nineteen ninety-six", "two thousand"
  {
    name: 'year-words',
    prio: 4,
    need: (f) => f.any('nineteen', 'twenty', 'thousand'),
    re: rx(`${B}(?:(?<mon>${MONTH})\\s+|(?:${ci('the')}\\s+)?(?<season>${ci('spring')}|${ci('summer')}|${ci('fall')}|${ci('autumn')}|${ci('winter')})\\s+of\\s+)?(?:(${ci('nineteen')}|${ci('twenty')})[\\s-]+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\\s-](?:one|two|three|four|five|six|seven|eight|nine))${E}|(?:${ci('the year')}\\s+)?${ci('two thousand')}(?:\\s+(?:and\\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\\s-](?:one|two|three|four|five))?))?(?![\\w-]|\\s+(?:dollars|people|troops|shares|years|miles|and)))`, 'g'),
    build({ m }) {
      let y: number;
      if (m[3]) {
        const century = m[3].toLowerCase() === 'nineteen' ? 1900 : 2000;
        const rest = parseCount(m[4].replace(/^oh[\s-]/i, '').replace(/[\s]/g, '-'));
        if (rest === null) return null;
        y = century + rest;
      } else {
        y = 2000 + (m[5] ? parseCount(m[5].replace(/\s/g, '-')) ?? 0 : 0);
      }
      // Broadcast transcripts spell out whole dates: "January nineteen ninety-seven", "the winter of nineteen ninety-four".
      const month = m.groups?.mon ? monthNumber(m.groups.mon) : null;
      if (month !== null) return { resolve: calendarResolver({ y, m: month }) };
      const season = m.groups?.season ? SEASONS[m.groups.season.toLowerCase()] : undefined;
      if (season) return { resolve: () => interval('DATE', seasonInterval(y, season), 'none', ['year', 'season'], []) };
      return { resolve: calendarResolver({ y }) };
    },
  },
  // ---- "full-year", "earlier in the week", "later in the year", "the past weeks"
  {
    name: 'in-the-unit',
    prio: 5,
    need: (f) => f.any('year', 'week', 'month', 'quarter', 'days', 'decade'),
    re: rx(`${B}(?:(${ci('the full')}[\\s-]year|${ci('full')}-year)|(${ci('earlier')}|${ci('later')})\\s+in\\s+the\\s+(week|month|year|quarter)|(${ci('the past')}|${ci('the last')}|${ci('the coming')}|${ci('the next')})\\s+(days|weeks|months|years|decades))${E}`, 'g'),
    build({ m }) {
      if (m[1]) return { resolve: relativeResolver('year', 0) };
      if (m[2]) return { resolve: relativeResolver(m[3].toLowerCase(), 0) };
      return { resolve: fixed('DURATION', durationValue(null, unitOf(m[5])), ['duration']) };
    },
  },
  // ---- "year-end", "by year's end", "later in the day", "late in the day"
  {
    name: 'year-end',
    prio: 5,
    need: (f) => f.any('end', 'day'),
    re: rx(`${B}(?:(${ci('year-end')}|${ci('year end')}|${ci('year')}['’]s end)|(${ci('later in the day')}|${ci('earlier in the day')}|${ci('late in the day')}|${ci('early in the day')}|${ci('later that day')}|${ci('earlier that day')}))${E}`, 'g'),
    build({ m }) {
      const dash = m[1] ? /-/.test(m[1]) : false;
      if (m[2]) return { resolve: dayUnderDiscussion };
      return {
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', dash ? 'XXXX-12-31' : 'XXXX', ['year-end']);
          // "since year-end" looks back to the last year-end already passed.
          const y = ymd(ctx.anchor).y - (ctx.dir === 'past' && epochDay(ymd(ctx.anchor).y, 12, 31) > ctx.anchor ? 1 : 0);
          return dash ? interval('DATE', dayInterval(epochDay(y, 12, 31)), 'published', ['month', 'day'], ['year']) : interval('DATE', yearInterval(y), 'published', [], ['year']);
        },
      };
    },
  },
  // ---- holidays
  {
    name: 'holiday',
    prio: 6,
    need: (f) => f.text.includes('Day') || f.any('christmas', 'halloween', 'thanksgiving', 'easter', 'good friday', 'new year'),
    re: rx(`${B}(${HOLIDAY})(?:,?\\s+((?:19|20)\\d\\d))?${E}`, 'g'),
    build({ m }) {
      const name = m[1].toLowerCase().replace(/’/g, "'");
      const y = m[2] ? Number(m[2]) : undefined;
      return {
        dayLevel: true,
        resolve(ctx) {
          const dayFor = (yy: number): number => {
            if (name.startsWith('thanksgiving')) return nthWeekday(yy, 11, 4, 4);
            // The Tuesday after the first Monday in November.
            if (name === 'election day') return nthWeekday(yy, 11, 1, 1) + 1;
            if (name.startsWith('easter')) return easterSunday(yy);
            if (name === 'good friday') return easterSunday(yy) - 2;
            const floating = FLOATING_HOLIDAYS[name.replace(/\s+/g, ' ')];
            if (floating) return nthWeekday(yy, floating[0], floating[1], floating[2]);
            const [mo, d] = HOLIDAYS[name] ?? [1, 1];
            return epochDay(yy, mo, d);
          };
          let yy = y;
          if (yy === undefined) {
            if (ctx.anchor === null) return unresolved('DATE', 'XXXX-XX-XX', ['holiday']);
            const a = ymd(ctx.anchor).y;
            const past = dayFor(a) <= ctx.anchor ? a : a - 1;
            const future = dayFor(a) >= ctx.anchor ? a : a + 1;
            // A story moves forward: its next such holiday, unless a past cue looks back.
            if (ctx.narrative) yy = ctx.dir === 'past' ? past : future;
            else yy = ctx.dir === 'future' ? future : ctx.dir === 'past' ? past : (dayFor(future) - ctx.anchor) * 4 < ctx.anchor - dayFor(past) ? future : past;
          }
          return interval('DATE', dayInterval(dayFor(yy)), y === undefined ? 'published' : 'none', ['holiday'], y === undefined ? ['year'] : []);
        },
      };
    },
  },
];
