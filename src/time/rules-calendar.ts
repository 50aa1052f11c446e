import { centuryInterval, decadeInterval, epochDay, pad, seasonInterval, weekInterval, yearInterval, ymd, daysInMonth, type Interval } from './calendar.js';
import { MONTH, ORDINAL_DAY, SEASONS, WEEKDAY, monthNumber, ordinalDay, weekdayNumber } from './lexicon.js';
import { B, E, ci, interval, pickYear, rx, unresolved } from './grammar-kit.js';
import { COUNT_NOUN, DECADE_WORDS, MODIFIER, REL, type Rule, calendarResolver, strictOf, yearOk } from './rule-kit.js';

/** Rules of the temporal grammar: month dates, day ranges, numeric dates, years, era years, year ranges, decades and centuries. Order within the list is the order rules are tried. */
export const CALENDAR_RULES: Rule[] = [
  // ---- month dates: "Oct. 30", "Monday, Oct. 26, 1998", "late November", "July 1997", "last May"
  {
    name: 'month-date',
    prio: 6,
    need: (f) => f.month,
    re: rx(`(?<![\\w-])(?:(${WEEKDAY}),?\\s+)?(?:(${MODIFIER})[\\s-]*)?(?:(${REL})\\s+)?(${MONTH})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)|\\s+(?:the\\s+)?(?<ordw>${ORDINAL_DAY})(?![\\w-]))?(?:(?:,\\s*|\\s+|\\s+of\\s+)((?:1\\d|20)\\d\\d)(?!\\d|[-/]\\d)|\\s+(?:of\\s+)?(this|last|next) year)?(?![\\w])`, 'g'),
    build({ m, sentence }) {
      const month = monthNumber(m[4]);
      if (month === null) return null;
      // A spelled-out ordinal day ("February twenty-eighth") ends the phrase: not "May second thoughts".
      if (m.groups?.ordw && !/^(?:\s*[,.;:!?)"'”’]|\s*$|\s+(?:and|or|to|through|in|at|on|of|nineteen|twenty|two)\b)/i.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 12)) && m[7] === undefined) return null;
      const d = m[5] ? Number(m[5]) : m.groups?.ordw ? ordinalDay(m.groups.ordw) ?? undefined : undefined;
      if (d !== undefined && (d < 1 || d > 31)) return null;
      const y = m[7] ? Number(m[7]) : undefined;
      // "May 1500 people": before 1600, a number after a month is a year only when no count noun follows.
      if (y !== undefined && y < 1600 && COUNT_NOUN.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const bare = d === undefined && y === undefined && !m[1] && !m[2] && !m[3];
      if (bare) {
        const before = sentence.slice(Math.max(0, m.index - 30), m.index);
        // "May", "March", "June" as names or verbs: need a calendar cue before them.
        if (/^(?:May|March|Mar\.|June|August)$/.test(m[4]) && !/\b(?:in|since|until|till|by|of|from|through|during|before|after|between|and|or|to|last|next|this|early|late|mid|end|until|as of|(?:recently|early|late|soon|long ago)\s+as)\s*$/i.test(before)) return null;
        // A capitalised word right before a bare month is usually a name ("Theresa May").
        if (/[A-Z][a-z]+\s+$/.test(before) && !/\b(?:In|Since|Until|By|Last|Next|This|Early|Late|From|During|Through)\s+$/.test(before)) return null;
        if (/^(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Apr)$/.test(m[4])) return null;
      }
      const wd = m[1] ? weekdayNumber(m[1]) ?? undefined : undefined;
      if (m[8]) {
        const shift = m[8] === 'last' ? -1 : m[8] === 'next' ? 1 : 0;
        const base = calendarResolver({ m: month, d, wd });
        return {
          dayLevel: d !== undefined,
          resolve(ctx) {
            if (ctx.anchor === null) return base(ctx);
            const yy = ymd(ctx.anchor).y + shift;
            return calendarResolver({ y: yy, m: month, d, wd })(ctx);
          },
        };
      }
      return { dayLevel: d !== undefined, resolve: calendarResolver({ y, m: month, d, wd }, strictOf(m[3])) };
    },
  },
  // ---- "the week of March 6": the ISO week holding that day
  {
    name: 'week-of',
    prio: 7,
    need: (f) => f.digit && f.month,
    gate: /\bweek of\b/i,
    re: rx(`${B}${ci('the')}\\s+(?:(${ci('first')}|${ci('last')})\\s+)?${ci('week')}\\s+of\\s+(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:1[6-9]|20)\\d\\d))?(?![\\w])`, 'g'),
    build({ m }) {
      const month = monthNumber(m[2]);
      const d = Number(m[3]);
      if (month === null || m[1] || d < 1 || d > 31) return null;
      const day = calendarResolver({ y: m[4] ? Number(m[4]) : undefined, m: month, d });
      return {
        resolve(ctx) {
          const r = day(ctx);
          if (!r.interval || r.interval.granularity !== 'day') return { ...r, value: r.value.replace(/-\d\d-\d\d$/, '-WXX').replace(/-XX-\d\d$/, '-WXX') };
          return { ...r, value: weekInterval(r.interval.from).value, interval: weekInterval(r.interval.from), implied: [...r.implied, 'week'] };
        },
      };
    },
  },
  // ---- "April 24 and 25": the second day of a conjoined pair is a date of its own
  {
    name: 'conjoined-day',
    prio: 6,
    need: (f) => f.digit && f.month,
    gate: /\s(?:and|or)\s+\d/,
    re: rx(`(?<![\\w-])(${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:1[6-9]|20)\\d\\d))?(?![\\w%:.,]\\d|\\s*(?:%|percent|cents|million|billion|[a-z]))`, 'g'),
    build({ m }) {
      const month = monthNumber(m[1]);
      const d = Number(m[2]);
      if (month === null || d < 1 || d > 31) return null;
      // The expression is the second day only; the first is the month-date rule's.
      const k = m[0].search(/\s(?:and|or)\s+\d/);
      const start = m.index + k + m[0].slice(k).search(/\d/);
      return { start, dayLevel: true, resolve: calendarResolver({ y: m[3] ? Number(m[3]) : undefined, m: month, d }) };
    },
  },
  {
    name: 'day-month',
    prio: 6,
    need: (f) => f.digit && f.month,
    re: rx(`(?<![\\w.,-])(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+((?:1\\d|20)\\d\\d)(?!\\d))?(?![\\w])`, 'g'),
    build({ m, sentence }) {
      const month = monthNumber(m[3]);
      const d = Number(m[2]);
      if (month === null || d < 1 || d > 31) return null;
      const y = m[4] ? Number(m[4]) : undefined;
      if (y !== undefined && y < 1600 && COUNT_NOUN.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const wd = m[1] ? weekdayNumber(m[1]) ?? undefined : undefined;
      return { dayLevel: true, resolve: calendarResolver({ y, m: month, d, wd }) };
    },
  },
  // ---- day ranges: "March 5-7", "5-6 March 2005": one expression whose range is the days named
  {
    name: 'day-range',
    prio: 7,
    need: (f) => f.digit && f.month,
    re: rx(`(?<![\\w.,-])(?:(${MONTH})\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})|(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+(${MONTH}))(?:,?\\s+((?:1[6-9]|20)\\d\\d)(?!\\d))?(?![\\w])`, 'g'),
    build({ m }) {
      const month = monthNumber(m[1] ?? m[6]);
      const d1 = Number(m[2] ?? m[4]);
      const d2 = Number(m[3] ?? m[5]);
      if (month === null || d1 < 1 || d2 > 31 || d1 >= d2) return null;
      const statedYear = m[7] ? Number(m[7]) : undefined;
      return {
        resolve(ctx) {
          const stated = statedYear === undefined ? ['month', 'day'] : ['year', 'month', 'day'];
          let y = statedYear;
          if (y === undefined) {
            if (ctx.anchor === null) return unresolved('DATE', `XXXX-${pad(month)}`, stated);
            y = pickYear(ctx.anchor, month, d1, ctx.dir);
          }
          if (d2 > daysInMonth(y, month)) return unresolved('DATE', `${pad(y, 4)}-${pad(month)}`, stated);
          const from = epochDay(y, month, d1);
          const iv: Interval = { value: `${pad(y, 4)}-${pad(month)}`, from, to: epochDay(y, month, d2), granularity: 'month' };
          return interval('DATE', iv, statedYear === undefined ? 'published' : 'none', stated, statedYear === undefined ? ['year'] : []);
        },
      };
    },
  },
  // ---- numeric dates: 2025-11-19, 11/19/2025
  {
    name: 'iso-date',
    prio: 7,
    need: (f) => f.year && f.low.includes('-'),
    re: rx(`(?<![\\w-])((?:1[6-9]|20)\\d\\d)-(0[1-9]|1[0-2])-([0-2]\\d|3[01])(?:[T ](\\d\\d):(\\d\\d))?(?![\\w-])`, 'g'),
    build({ m }) {
      const hh = m[4] ? Number(m[4]) : undefined;
      const mi = m[5] ? Number(m[5]) : undefined;
      return { dayLevel: hh === undefined, resolve: calendarResolver({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), hh, mi }) };
    },
  },
  {
    name: 'slash-date',
    prio: 7,
    need: (f) => f.digit && f.low.includes('/'),
    re: rx(`(?<![\\w/.-])(\\d{1,2})/(\\d{1,2})/((?:19|20)?\\d\\d)(?![\\w/])`, 'g'),
    build({ m }) {
      let mo = Number(m[1]);
      let d = Number(m[2]);
      if (mo > 12 && d <= 12) [mo, d] = [d, mo];
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      let y = Number(m[3]);
      if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
      return { dayLevel: true, resolve: calendarResolver({ y, m: mo, d }) };
    },
  },
  // ---- years: "1998", "fiscal 1990", "the end of 1990", "early 2024"
  {
    name: 'year',
    prio: 3,
    need: (f) => f.year,
    re: rx(`(?<![\\w$£€#.,/-])(?:(${ci('fiscal year')}|${ci('fiscal')}|${ci('calendar year')}|${ci('calendar')}|FY|${ci('model year')}|${MODIFIER})[\\s-]*)?((?:1[6-9]|20)\\d\\d)(?!\\w|['’](?!s\\b))`, 'g'),
    build({ m, sentence }) {
      const yearStart = m.index + m[0].length - 4;
      if (!m[1] && !yearOk(sentence, yearStart, yearStart + 4)) return null;
      const y = Number(m[2]);
      return { resolve: calendarResolver({ y }) };
    },
  },
  // ---- era years: "500 BC", "44 BCE", "AD 79", "79 AD"; TIMEX3 writes BC years as BC0500
  {
    name: 'era-year',
    prio: 6,
    need: (f) => f.digit && (f.word('bc', 'bce', 'ad', 'ce') || f.text.includes('.C.') || f.text.includes('.D.')),
    re: rx(`(?<![\\w$£€#.,/-])(?:(\\d{1,4})\\s*(BCE|BC|B\\.C\\.E\\.|B\\.C\\.|CE|AD|A\\.D\\.)|(AD|A\\.D\\.)\\s*(\\d{1,4}))(?![\\w])`, 'g'),
    build({ m }) {
      const n = Number(m[1] ?? m[4]);
      const era = (m[2] ?? m[3]).replace(/\./g, '');
      if (n < 1 || (m[1] && m[1].startsWith('0'))) return null;
      if (era === 'BC' || era === 'BCE') return { resolve: () => unresolved('DATE', `BC${pad(n, 4)}`, ['year', 'era']) };
      return { resolve: () => interval('DATE', yearInterval(n), 'none', ['year', 'era'], []) };
    },
  },
  // ---- years before 1600, which need a cue the modern-year rule does not ("in 1415", "circa 1200")
  {
    name: 'old-year',
    prio: 3,
    need: (f) => f.digit,
    gate: /\b(?:in|since|until|till|during|circa|c\.|year)\s+1[0-5]\d\d\b/i,
    re: rx(`(?<=\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Cc]irca|c\\.|[Yy]ear)\\s+)(1[0-5]\\d\\d)(?![\\w'’])`, 'g'),
    build({ m, sentence }) {
      if (!yearOk(sentence, m.index, m.index + 4)) return null;
      return { resolve: calendarResolver({ y: Number(m[1]) }) };
    },
  },
  // ---- year ranges: "1915-17", "1939–45", "1990-1991", "2019/20": each end is a year of its own (TimeML
  // writes a range as two points); the modern-year rule rejects a year followed by "-17".
  {
    name: 'year-range',
    prio: 4,
    need: (f) => f.digit,
    gate: /\b1\d\d\d\s*[-–—/]\s*\d\d|\b20\d\d\s*[-–—/]\s*\d\d/,
    re: rx(`(?<![\\w$£€#.,/:-])((?:1\\d|20)\\d\\d)(\\s*[-–—/]\\s*)(\\d\\d(?:\\d\\d)?)(?![\\w%'’-]|[.,:/]\\d)`, 'g'),
    build({ m, sentence }) {
      const y1 = Number(m[1]);
      const y2 = m[3].length === 4 ? Number(m[3]) : Math.floor(y1 / 100) * 100 + Number(m[3]) + (Number(m[3]) <= y1 % 100 ? 100 : 0);
      const slash = m[2].includes('/');
      if (y2 <= y1 || y2 - y1 > (slash ? 1 : 30) || (m[3].length === 4 && y1 < 1600)) return null;
      if (COUNT_NOUN.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      if (/[$£€#]\s*$/.test(sentence.slice(Math.max(0, m.index - 2), m.index))) return null;
      return { end: m.index + m[1].length, resolve: calendarResolver({ y: y1 }), second: { start: m.index + m[0].length - m[3].length, end: m.index + m[0].length, resolve: calendarResolver({ y: y2 }) } };
    },
  },
  // ---- two-digit years: "in '96", "the summer of '97", "Dec. 25, '97"
  {
    name: 'short-year',
    prio: 5,
    need: (f) => f.digit,
    gate: /['’]\d\d/,
    re: rx(`(?<![\\w'’])(?:(?:(${ci('the')})\\s+)?(spring|summer|fall|autumn|winter)\\s+of\\s+|(${MONTH})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?,?\\s+)?['’](\\d\\d)(?![\\w'’-])`, 'gi'),
    build({ m, sentence }) {
      const season = m[2] ? SEASONS[m[2].toLowerCase()] : undefined;
      const month = m[3] ? monthNumber(m[3]) : null;
      if (m[3] && month === null) return null;
      const d = m[4] ? Number(m[4]) : undefined;
      if (d !== undefined && (d < 1 || d > 31)) return null;
      // A bare "'96" needs a calendar cue before it ("in '96", "since '89").
      if (!season && month === null && !/\b(?:in|since|of|by|from|to|until|through|during|before|after|and|or|early|late|mid|fiscal|class of)\s*$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index))) return null;
      const yy = Number(m[5]);
      const yearOf = (anchor: number | null): number => {
        if (anchor === null) return 1900 + yy;
        const a = ymd(anchor).y;
        let y = Math.floor(a / 100) * 100 + yy;
        if (y > a + 10) y -= 100;
        else if (y < a - 89) y += 100;
        return y;
      };
      return {
        dayLevel: d !== undefined,
        resolve(ctx) {
          const y = yearOf(ctx.anchor);
          if (season) return interval('DATE', seasonInterval(y, season), 'none', ['year', 'season'], []);
          if (month !== null) return calendarResolver({ y, m: month, d })(ctx);
          return interval('DATE', yearInterval(y), 'none', ['year'], []);
        },
      };
    },
  },
  // ---- decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century"
  {
    name: 'decade',
    prio: 5,
    need: (f) => f.any('ties') || (f.digit && /\d0['’]?s/.test(f.text)),
    re: rx(`${B}(?:(?:${ci('the')}\\s+)?(?:(${ci('early')}|${ci('mid')}|${ci('late')})[\\s-]+)?)(?:((?:1\\d|20)\\d0)['’]?s|['’](\\d0)s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${E}`, 'g'),
    build({ m }) {
      let start: number;
      // "the 1800s" is the century, not its first decade.
      if (m[2] && Number(m[2]) % 100 === 0) {
        const century = centuryInterval(Number(m[2]));
        return { resolve: () => interval('DATE', century, 'none', ['century'], []) };
      }
      if (m[2]) start = Number(m[2]);
      else if (m[3]) start = Number(m[3]) + (Number(m[3]) >= 30 ? 1900 : 2000);
      else start = DECADE_WORDS[m[4].toLowerCase()];
      const iv = decadeInterval(start);
      return { resolve: () => interval('DATE', iv, 'none', ['decade'], []) };
    },
  },
  {
    name: 'century',
    prio: 5,
    need: (f) => f.digit && f.word('century'),
    re: rx(`${B}(?:${ci('the')}\\s+)?(?:(${ci('early')}|${ci('mid')}|${ci('late')})[\\s-]+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+century${E}`, 'gi'),
    build({ m }) {
      const n = Number(m[2]);
      if (n < 1 || n > 22) return null;
      const iv = centuryInterval((n - 1) * 100);
      return { resolve: () => interval('DATE', iv, 'none', ['century'], []) };
    },
  },
];
