import { halfInterval, monthInterval, pad, quarterInterval, quarterOf, SEASON_START, seasonInterval, seasonOf, weekday, weekendInterval, yearInterval, ymd } from './calendar.js';
import { PART_OF_DAY, SEASONS, durationValue } from './lexicon.js';
import { B, E, ci, interval, rx, unresolved } from './grammar-kit.js';
import { ORD_Q, type Rule, dayUnderDiscussion, fixed, narrativeResolver, relativeResolver, strictOf } from './rule-kit.js';

/** A verb that frames a trading day ("to end the day", "finishing the day") or a sentence-initial "For". */
const DAY_FRAME_BEFORE = /(?:\b(?:end|ends|ended|ending|finish|finishes|finished|finishing|close|closes|closed|closing)|(?:^|[.;:]\s*)For)\s+$/;

/** Rules of the temporal grammar: quarters and halves, seasons, "this week" / "last month" / "next year". Order within the list is the order rules are tried. */
export const PERIOD_RULES: Rule[] = [
  // ---- quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1989", "Q3 2025"
  {
    name: 'quarter',
    prio: 6,
    need: (f) => f.word('quarter', 'half', 'period'),
    re: rx(`${B}(?:(${ci('the year-ago')}|${ci('the year-earlier')}|${ci('year-ago')}|${ci('year-earlier')}|${ci('the')}|${ci('this')}|${ci('last')}|${ci('next')}|${ci('this year')}['’]s|${ci('last year')}['’]s|${ci('next year')}['’]s)\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(?:((?:19|20)\\d\\d)(?:['’]s)?\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|final)[\\s-]+(?:fiscal[\\s-]+)?(quarter|half|period)(?:\\s+(?:of|in)\\s+(?:(?:fiscal|calendar)\\s+)?((?:19|20)\\d\\d)|\\s+(?:of\\s+)?(this|last|next|the)\\s+year)?${E}`, 'gi'),
    build({ m, sentence }) {
      const n = ORD_Q[m[3].toLowerCase()] ?? 1;
      const kind = m[4].toLowerCase();
      if (kind === 'period') return null;
      if (kind === 'half' && n > 2) return null;
      const stated = m[2] ?? m[5];
      // "the fourth quarter of last year" reads as "last year's fourth quarter", "the year-ago third quarter" too.
      const prefix = m[6] ? `${m[6].toLowerCase() === 'the' ? 'this' : m[6].toLowerCase()} year's` : /year-(?:ago|earlier)/i.test(m[1] ?? '') ? "last year's" : m[1]?.toLowerCase();
      const future = prefix === 'next';
      void sentence;
      return {
        // The year-ago quarter is the comparison, not the quarter under discussion.
        setsQuarter: kind === 'quarter' && !/year-(?:ago|earlier)/i.test(m[1] ?? '') ? (/fiscal/i.test(m[0]) ? 'fiscal' : true) : false,
        resolve(ctx) {
          let y = stated ? Number(stated) : undefined;
          const yearWord = /year/.test(prefix ?? '') ? (prefix as string) : null;
          if (y === undefined && yearWord !== null && ctx.anchor !== null) {
            y = ymd(ctx.anchor).y + (yearWord.startsWith('last') ? -1 : yearWord.startsWith('next') ? 1 : 0);
          }
          if (y === undefined) {
            if (ctx.anchor === null) return unresolved('DATE', kind === 'half' ? `XXXX-H${n}` : `XXXX-Q${n}`, ['quarter']);
            const a = ymd(ctx.anchor);
            y = a.y;
            const current = kind === 'half' ? (a.m <= 6 ? 1 : 2) : quarterOf(a.m);
            // A later quarter than the current one is the nearest of last year's and this year's: last year's
            // when three or two quarters back ("the fourth quarter" in February or May), but the one just ahead
            // is this year's ("cuts resulting in plant closures during the fourth quarter" in August) unless the
            // clause looks back ("since the fourth quarter").
            if (n > current && ctx.dir !== 'future' && !future && !(n === current + 1 && ctx.dir !== 'past' && (prefix === undefined || prefix === 'the') && kind === 'quarter')) y -= 1;
            if (prefix === 'last' && n >= current) y -= 1;
          }
          const iv = kind === 'half' ? halfInterval(y, n) : quarterInterval(y, n);
          return interval('DATE', iv, stated ? 'none' : 'published', stated ? ['year', kind] : [kind], stated ? [] : ['year']);
        },
      };
    },
  },
  // ---- "the corresponding period last year", "the same quarter a year ago": the year-ago quarter under discussion;
  //      "the same month a year ago": the year-ago month
  {
    name: 'period-last-year',
    prio: 8,
    need: (f) => f.word('year'),
    gate: /\b(?:last year|a year (?:ago|earlier))\b/i,
    re: rx(`${B}${ci('the')}\\s+(?:(?:same|corresponding|comparable)\\s+(period|quarter|month)\\s+(?:(?:of|in)\\s+)?(?:(?:the\\s+)?last\\s+year|a\\s+year\\s+(?:ago|earlier))|(?:period|quarter)\\s+a\\s+year\\s+(?:ago|earlier))${E}`, 'gi'),
    build({ m }) {
      const noun = (m[1] ?? '').toLowerCase();
      return {
        resolve(ctx) {
          // "sales fell in January, compared to the same month a year ago": the month just named, a year back;
          // "the same period last year" too when a month itself (not a quarter, nor a day or week of it: "said on
          // Tuesday that first-half profit rose from the same period last year") is under discussion.
          if ((noun === 'month' || (noun === 'period' && !ctx.lastQuarter && ctx.lastMonth?.month)) && ctx.lastMonth?.recent) {
            const named = ymd(ctx.lastMonth.day);
            return interval('DATE', monthInterval(named.y - 1, named.m), 'event', ['offset'], ['year', 'month']);
          }
          if (noun === 'month') {
            if (ctx.anchor === null) return unresolved('DATE', 'XXXX-XX', ['offset']);
            const a = ymd(ctx.anchor);
            return interval('DATE', monthInterval(a.y - 1, a.m), 'published', ['offset'], ['year', 'month'], 'past');
          }
          if (ctx.lastQuarter) return interval('DATE', quarterInterval(ctx.lastQuarter.y - 1, ctx.lastQuarter.q), 'published', ['offset'], ['year', 'quarter']);
          if (ctx.anchor === null) return unresolved('DATE', 'XXXX', ['offset']);
          return interval('DATE', yearInterval(ymd(ctx.anchor).y - 1), 'published', ['offset'], ['year'], 'past');
        },
      };
    },
  },
  // ---- "the 1988 quarter", "the 1989 period": the quarter under discussion, in that year (earnings reports)
  {
    name: 'year-period',
    prio: 7,
    need: (f) => f.year && f.word('quarter', 'period'),
    re: rx(`${B}${ci('the')}\\s+((?:19|20)\\d\\d)\\s+(quarter|period)${E}`, 'g'),
    build({ m }) {
      const y = Number(m[1]);
      return {
        resolve(ctx) {
          let q = ctx.lastQuarter?.q;
          if (q === undefined && ctx.anchor !== null) {
            // No quarter named yet: the last completed one, as for "the quarter" ("period" in an earnings report).
            const a = ymd(ctx.anchor);
            q = quarterOf(a.m) === 1 ? 4 : quarterOf(a.m) - 1;
          }
          if (q === undefined) return interval('DATE', yearInterval(y), 'none', ['year'], []);
          return interval('DATE', quarterInterval(y, q), ctx.lastQuarter ? 'event' : 'published', ['year'], ['quarter']);
        },
      };
    },
  },
  {
    name: 'quarter-code',
    prio: 6,
    need: (f) => f.digit && f.text.includes('Q'),
    re: rx(`(?<![\\w-])(?:Q([1-4])|([1-4])Q)(?:\\s+((?:19|20)\\d\\d))?(?![\\w-])`, 'g'),
    build({ m }) {
      const n = Number(m[1] ?? m[2]);
      const stated = m[3];
      return {
        setsQuarter: true,
        resolve(ctx) {
          if (!stated && ctx.anchor === null) return unresolved('DATE', `XXXX-Q${n}`, ['quarter']);
          const y = stated ? Number(stated) : ymd(ctx.anchor as number).y;
          return interval('DATE', quarterInterval(y, n), stated ? 'none' : 'published', ['quarter'], stated ? [] : ['year']);
        },
      };
    },
  },
  {
    name: 'latest-quarter',
    prio: 6,
    need: (f) => f.word('quarter', 'period'),
    re: rx(`${B}(?:${ci('the')}\\s+)?(?:(${ci('latest')}|${ci('most recent')}|${ci('current')}|${ci('this')}|${ci('past')}|${ci('previous')}|${ci('prior')}|${ci('preceding')}|${ci('last')}|${ci('next')}|${ci('coming')}|${ci('year-ago')}|${ci('year-earlier')}|${ci('comparable')}|${ci('comparable year-ago')}|${ci('comparable year-earlier')}|${ci('same')})[\\s-]+)?(quarter|period)${E}`, 'g'),
    build({ m }) {
      const mod = m[1]?.toLowerCase() ?? '';
      const noun = m[2].toLowerCase();
      if (!mod && !/^the\s/i.test(m[0])) return null;
      if (noun === 'period' && !/year-|latest|comparable/.test(mod)) return null;
      const yearAgo = /year-/.test(mod);
      return {
        setsQuarter: !yearAgo && mod !== 'same' && !mod.startsWith('comparable'),
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', 'XXXX-QX', ['quarter']);
          const a = ymd(ctx.anchor);
          let y = a.y;
          let q = quarterOf(a.m);
          if (yearAgo || mod === 'same' || mod === 'comparable') {
            const base = ctx.lastQuarter ?? { y: q === 1 ? y - 1 : y, q: q === 1 ? 4 : q - 1 };
            y = base.y - (yearAgo || mod.startsWith('comparable') ? 1 : 0);
            q = base.q;
          } else if (mod === 'current' || mod === 'this') {
            // the quarter in progress
            // current quarter
          } else if (mod === 'next' || mod === 'coming') {
            q += 1;
            if (q > 4) [q, y] = [1, y + 1];
          } else if ((mod === '' || mod === 'latest' || mod === 'most recent') && ctx.lastQuarter?.fiscal) {
            // "the quarter" after "the fiscal first quarter": that fiscal quarter, which need not be the last
            // completed calendar one (Sun's fiscal first quarter ends in September). Its TimeML value is the fiscal
            // label; its calendar days are unknown, so no interval is given (never January–March by default).
            ({ y, q } = ctx.lastQuarter);
            return unresolved('DATE', quarterInterval(y, q).value, ['quarter'], 'published');
          } else {
            // "the quarter", "the latest quarter", "last quarter": the last completed quarter.
            q -= 1;
            if (q < 1) [q, y] = [4, y - 1];
          }
          return interval('DATE', quarterInterval(y, q), 'published', ['quarter'], ['year']);
        },
      };
    },
  },
  // ---- seasons: "this summer", "last fall", "the spring of 1990", "winter"
  {
    name: 'season',
    prio: 5,
    need: (f) => f.word('spring', 'summer', 'fall', 'autumn', 'winter'),
    re: rx(`${B}(?:${ci('the')}\\s+(?=(?:early|late|mid)[\\s-]))?(?:(${ci('this')}|${ci('last')}|${ci('next')}|${ci('this past')}|${ci('this coming')}|${ci('early')}|${ci('late')}|${ci('mid')}|${ci('the')}|${ci('that')})[\\s-]+)?(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d)|\\s+of\\s+(this|last|next)\\s+year)?${E}`, 'gi'),
    build({ m, sentence }) {
      const season = SEASONS[m[2].toLowerCase()];
      const mod = m[1]?.toLowerCase();
      const y = m[3] ? Number(m[3]) : undefined;
      if (/\b(?:the\s+)?(?:following|next)\s+$/i.test(sentence.slice(Math.max(0, m.index - 16), m.index)) && !mod && y === undefined) {
        // "the following spring": the first such season after the story's last date.
        const start = m.index - (/\b(?:the\s+)?(?:following|next)\s+$/i.exec(sentence.slice(Math.max(0, m.index - 16), m.index))?.[0].length ?? 0);
        return {
          start,
          resolve(ctx) {
            const base = ctx.lastDay ?? ctx.lastMonth?.day ?? ctx.lastYear?.day ?? null;
            if (base === null) return unresolved('DATE', `XXXX-${season}`, ['season', 'offset'], 'event');
            const a = ymd(base);
            const yy = (SEASON_START[season] ?? 3) > a.m ? a.y : a.y + 1;
            return interval('DATE', seasonInterval(yy, season), 'event', ['season', 'offset'], ['year']);
          },
        };
      }
      // "the spring of last year": that year's season.
      if (m[4]) {
        const shift = /last/i.test(m[4]) ? -1 : /next/i.test(m[4]) ? 1 : 0;
        if (mod !== undefined && mod !== 'the' && mod !== 'early' && mod !== 'late' && mod !== 'mid') return null;
        return {
          resolve: (ctx) => (ctx.anchor === null ? unresolved('DATE', `XXXX-${season}`, ['season']) : interval('DATE', seasonInterval(ymd(ctx.anchor).y + shift, season), 'published', ['season', 'offset'], ['year'])),
        };
      }
      const word = m[2].toLowerCase();
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if ((word === 'fall' || word === 'spring') && !mod && y === undefined) {
        const before = sentence.slice(Math.max(0, m.index - 12), m.index);
        if (!/\b(?:in|during|until|by|since|through)\s+(?:the\s+)?$/i.test(before)) return null;
      }
      if ((mod === 'the' || mod === undefined) && /^\s+of\b/i.test(after) && y === undefined) return null;
      if (mod === 'that') {
        // "that spring": the season of the year the story is in; nothing to say without one.
        return {
          resolve: (ctx) => (ctx.lastYear ? interval('DATE', seasonInterval(ymd(ctx.lastYear.day).y, season), 'event', ['season'], ['year']) : unresolved('DATE', `XXXX-${season}`, ['season'], 'event')),
        };
      }
      return {
        resolve(ctx) {
          if (y !== undefined) return interval('DATE', seasonInterval(y, season), 'none', ['year', 'season'], []);
          if (ctx.anchor === null) return unresolved('DATE', `XXXX-${season}`, ['season']);
          if (ctx.narrative && (mod === undefined || mod === 'the' || mod === 'early' || mod === 'late' || mod === 'mid')) {
            // A story moves forward: the season in the story's year, or the next year's once it is past.
            const a = ymd(ctx.anchor);
            const yy = (SEASON_START[season] ?? 3) + 2 < a.m && ctx.dir !== 'past' ? a.y + 1 : a.y;
            return interval('DATE', seasonInterval(yy, season), 'published', ['season'], ['year']);
          }
          const cur = seasonOf(ctx.anchor);
          const order = ['SP', 'SU', 'FA', 'WI'];
          const idx = (yy: number, s: string): number => yy * 4 + order.indexOf(s);
          const curIdx = idx(cur.y, cur.season);
          const target = order.indexOf(season);
          // Candidates: the same season this year, last year, next year.
          const options = [cur.y - 1, cur.y, cur.y + 1].map((yy) => idx(yy, order[target]));
          let chosen: number;
          const strict = strictOf(mod);
          if (strict === 'last') chosen = Math.max(...options.filter((i) => i < curIdx));
          else if (strict === 'next') chosen = Math.min(...options.filter((i) => i > curIdx));
          else if (mod === 'this' || options.includes(curIdx)) {
            chosen = options.includes(curIdx) ? curIdx : ctx.dir === 'past' ? Math.max(...options.filter((i) => i < curIdx)) : Math.min(...options.filter((i) => i > curIdx));
            if (mod === 'this' && !options.includes(curIdx)) {
              // "this summer" said in autumn means the one just past; said in spring, the one ahead.
              const past = Math.max(...options.filter((i) => i < curIdx));
              const fut = Math.min(...options.filter((i) => i > curIdx));
              chosen = ctx.dir === 'future' ? fut : ctx.dir === 'past' ? past : curIdx - past <= fut - curIdx ? past : fut;
            }
          } else chosen = ctx.dir === 'future' ? Math.min(...options.filter((i) => i > curIdx)) : Math.max(...options.filter((i) => i < curIdx));
          const yy = Math.floor(chosen / 4);
          return interval('DATE', seasonInterval(yy, order[chosen - yy * 4]), 'published', ['season'], ['year']);
        },
      };
    },
  },
  // ---- "this week", "last month", "next year", "earlier this year", "the past year", "this weekend"
  {
    name: 'relative-unit',
    prio: 6,
    need: (f) => f.word('week', 'weekend', 'month', 'year', 'decade', 'century', 'day', 'morning', 'afternoon', 'evening', 'night'),
    re: rx(`${B}(?:(${ci('the early part of')}|${ci('the latter part of')}|${ci('the later part of')}|${ci('the first part of')}|${ci('earlier')}|${ci('later')}|${ci('early')}|${ci('late')}|${ci('mid')}|${ci('the end of')}|${ci('the beginning of')}|${ci('the start of')}|${ci('the middle of')}|${ci('end of')})[\\s-]+)?(${ci('this past')}|${ci('this coming')}|${ci('this')}|${ci('last')}|${ci('next')}|${ci('past')}|${ci('previous')}|${ci('coming')}|${ci('current')}|${ci('the latest')}|${ci('latest')}|${ci('the past')}|${ci('the last')}|${ci('the previous')}|${ci('the coming')}|${ci('the current')}|${ci('the next')}|${ci('the following')}|${ci('the same')}|${ci('that same')}|${ci('that')}|${ci('the preceding')}|${ci('the prior')}|${ci('the full')}|${ci('the')})\\s+(week|weekend|month|year|fiscal year|financial year|decade|century|day|morning|afternoon|evening|night)${E}`, 'g'),
    build({ m, sentence }) {
      const mod = m[2].toLowerCase();
      const unitWord = m[3].toLowerCase();
      const unit = unitWord === 'fiscal year' || unitWord === 'financial year' ? 'year' : unitWord;
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const isPart = ['morning', 'afternoon', 'evening', 'night'].includes(unit);
      if (mod === 'the') {
        // "the year", "the week": the current one; "the day" only in narratives.
        if (/^\s*(?:of|before|after|when|that|in which|earlier|ago|-)/i.test(after)) return null;
        // "the year 2000" is that year, one expression.
        const named = unit === 'year' && !m[1] ? /^\s+((?:1[6-9]|20)\d\d)(?![\w-])/.exec(after) : null;
        if (named) {
          const yy = Number(named[1]);
          return { end: m.index + m[0].length + named[0].length, resolve: () => interval('DATE', yearInterval(yy), 'none', ['year'], []) };
        }
        // "placed heavy buy orders in the morning": the morning of the day under discussion (else the article's).
        if (isPart && /\b(?:in|during)\s+$/i.test(sentence.slice(Math.max(0, m.index - 8), m.index)) && /^(?:\s*[,.;:!?)"'”’]|\s*$|\s+(?:and|or|but|to|before|after|until|when|while|with|at|on|in|from|for|by|as|than|[A-Z]\w*)\b)/.test(after)) {
          const part = PART_OF_DAY[unit];
          return { resolve: (ctx) => (ctx.lastDay !== null ? narrativeResolver('day', 0, 'TIME', part)(ctx) : relativeResolver('day', 0, 'TIME', part)(ctx)) };
        }
        // A market report's trading day: "ended the day down 31 points", "For the day, the Nikkei closed
        // down", "a large fall at the start of the day" — the day under discussion, else the article's.
        if (unit === 'day' && (/^(?:the (?:start|end|beginning|middle) of)$/i.test(m[1] ?? '') || !m[1] && DAY_FRAME_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index)))) {
          return { resolve: dayUnderDiscussion };
        }
        if (isPart || unit === 'day' || unit === 'decade' || unit === 'century') return null;
        if (unit === 'weekend') {
          return {
            resolve(ctx) {
              if (ctx.anchor === null) return unresolved('DATE', 'XXXX-WXX-WE', ['weekend']);
              const wd = weekday(ctx.anchor);
              const base = ctx.dir === 'future' || wd >= 6 ? ctx.anchor : ctx.anchor - 7;
              return interval('DATE', weekendInterval(base), 'published', ['weekend'], ['year', 'week']);
            },
          };
        }
        // "the year ended Sept. 30", "the year to March" is a year-long period; "For the year, volume was
        // flat", "the year's biggest gain" is the current year.
        if (unit === 'year' && !m[1]) {
          if (/^\s+(?:ended|ending|to|through|before|after|beginning|starting)\b/i.test(after)) return { resolve: fixed('DURATION', 'P1Y', ['duration']) };
          return { resolve: relativeResolver('year', 0) };
        }
        // "For the week, the index dropped", "the week's most active session": the week under discussion,
        // not necessarily the article's; its year is known, its number is not (TimeBank writes 1989-WXX).
        if (unit === 'week' && !m[1]) {
          return {
            resolve(ctx) {
              if (ctx.anchor === null) return unresolved('DATE', 'XXXX-WXX', ['week']);
              return unresolved('DATE', `${pad(ymd(ctx.anchor).y, 4)}-WXX`, ['week'], 'published');
            },
          };
        }
        return { resolve: relativeResolver(unit, 0) };
      }
      if (mod === 'the full') return unit === 'year' ? { resolve: relativeResolver('year', 0) } : null;
      // "the year before" is an offset; "this week after one of the lawyers asked" is this week.
      if (/^\s*(?:ago|earlier|later|before|after)\b/i.test(after) && !(/^(?:this|last|next)$/.test(mod) && /^\s*(?:before|after)\s+(?!that\b|this\b)[a-z]/i.test(after))) return null;
      if (mod === 'this' && unit === 'day') return null;
      const narrative = mod === 'that' || mod === 'the same' || mod === 'that same' || mod === 'the following' || mod === 'the next' && (unit === 'day' || isPart) || mod === 'the preceding' || mod === 'the prior' || mod === 'the previous' && (unit === 'day' || isPart);
      let n = 0;
      // "the latest fiscal year" is the last one completed.
      if (/last|past|previous|preceding|prior|latest/.test(mod)) n = -1;
      else if (/next|coming|following/.test(mod)) n = 1;
      if (isPart) {
        if (mod === 'this' || mod === 'last') return null; // handled by this-part
        const part = PART_OF_DAY[unit];
        return { resolve: narrative ? narrativeResolver('day', n, 'TIME', part) : relativeResolver('day', n, 'TIME', part) };
      }
      if (unit === 'day' && !narrative) return null;
      if (narrative) return { dayLevel: unit === 'day', resolve: narrativeResolver(unit, n) };
      // "In 1997, GDP grew 8.8% over the previous year": a year or month just named is the reference.
      if ((mod === 'the previous' || mod === 'the next') && (unit === 'year' || unit === 'month')) {
        return {
          resolve: (ctx) => ((unit === 'year' ? ctx.lastYear : ctx.lastMonth)?.recent ? narrativeResolver(unit, n)(ctx) : relativeResolver(unit, n)(ctx)),
        };
      }
      // "this coming weekend" said on a weekday is this week's weekend.
      if (mod === 'this coming' && unit === 'weekend') {
        return { resolve: (ctx) => (ctx.anchor === null ? unresolved('DATE', 'XXXX-WXX-WE', ['weekend']) : interval('DATE', weekendInterval(ctx.anchor), 'published', ['weekend'], ['year', 'week'], 'future')) };
      }
      // "over the past decade", "the last century": a stretch of time reaching to now.
      if (n === -1 && /past|last/.test(mod) && (unit === 'decade' || unit === 'century') && !m[1]) {
        return { resolve: fixed('DURATION', durationValue(1, unit), ['duration']) };
      }
      return { resolve: relativeResolver(unit, n) };
    },
  },
];
