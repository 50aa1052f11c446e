import { dayInterval } from './calendar.js';
import { PART_OF_DAY, WEEKDAY, parseCount, weekdayNumber } from './lexicon.js';
import { B, E, ci, directionOf, interval, resolveWeekday, rx, unresolved } from './grammar-kit.js';
import { type Rule, WEEKDAY_PLURALS, calendarResolver, clockResolver, fixed, narrativeResolver, relativeResolver, strictOf } from './rule-kit.js';

/** Rules of the temporal grammar: clock times, today/tonight and parts of the day, weekdays. Order within the list is the order rules are tried. */
export const CLOCK_RULES: Rule[] = [
  // ---- clock times: "5 p.m.", "10:30 a.m. EST", "noon", "midnight"
  {
    name: 'clock',
    prio: 5,
    need: (f) => f.digit,
    // The zone is matched case-sensitively ("5 p.m. EST", "10 a.m. ET"), so "5 p.m. next Tuesday" keeps "next".
    re: rx(`(?<![\\w.:])(\\d{1,2})(?:[:.](\\d\\d))?\\s*([aApP])\\.?\\s?[mM]\\b\\.?(?:\\s+(?:[A-Z]{1,4}T|GMT|UTC|local time)(?![\\w-]))?`, 'g'),
    build({ m }) {
      let hh = Number(m[1]);
      const mi = m[2] ? Number(m[2]) : 0;
      if (hh > 12 || mi > 59) return null;
      if (m[3].toLowerCase() === 'p' && hh < 12) hh += 12;
      if (m[3].toLowerCase() === 'a' && hh === 12) hh = 0;
      const utc = /\b(?:UTC|GMT)$/.test(m[0]);
      return { clock: { hh, mi, text: m[0], utc }, resolve: clockResolver(hh, mi, utc) };
    },
  },
  // ---- "4 in the morning", "eight o'clock in the evening": a clock time
  {
    name: 'clock-part',
    prio: 6,
    need: (f) => f.any('morning', 'afternoon', 'evening'),
    gate: /\bin the (?:morning|afternoon|evening)\b/i,
    re: rx(`(?<![\\w.:$])(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::([0-5]\\d))?(?:\\s+o['’]clock)?\\s+in\\s+the\\s+(morning|afternoon|evening)${E}`, 'gi'),
    build({ m, sentence }) {
      const mi = m[2] ? Number(m[2]) : 0;
      let hh = parseCount(m[1].toLowerCase());
      if (hh === null || hh < 1 || hh > 12) return null;
      // "at 4 in the morning", "eight o'clock in the evening"; not "one in the morning crowd".
      if (!/o['’]clock/i.test(m[0]) && !m[2] && !/\b(?:at|by|until|till|around|about|before|after|since|from|to)\s+$/i.test(sentence.slice(Math.max(0, m.index - 8), m.index))) return null;
      const part = m[3].toLowerCase();
      if (part !== 'morning' && hh < 12) hh += 12;
      if (part === 'morning' && hh === 12) hh = 0;
      return { clock: { hh, mi, text: m[0] }, resolve: clockResolver(hh, mi, false) };
    },
  },
  // ---- "eight p.m.", "ten thirty a.m.": clock times in words, as broadcast transcripts write them
  {
    name: 'clock-words',
    prio: 5,
    gate: /\b[aApP]\.?\s?[mM]\b/,
    re: rx(`${B}(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[\\s-](fifteen|thirty|forty-five))?\\s+([aApP])\\.?\\s?[mM]\\b\\.?(?:\\s+(?:[A-Z]{1,4}T|GMT|UTC|local time)(?![\\w-]))?`, 'gi'),
    build({ m }) {
      let hh = parseCount(m[1].toLowerCase());
      if (hh === null) return null;
      const mi = m[2] ? (m[2].toLowerCase() === 'fifteen' ? 15 : m[2].toLowerCase() === 'thirty' ? 30 : 45) : 0;
      if (m[3].toLowerCase() === 'p' && hh < 12) hh += 12;
      if (m[3].toLowerCase() === 'a' && hh === 12) hh = 0;
      const utc = /\b(?:UTC|GMT)$/.test(m[0]);
      return { clock: { hh, mi, text: m[0], utc }, resolve: clockResolver(hh, mi, utc) };
    },
  },
  {
    name: 'clock24',
    prio: 4,
    need: (f) => f.digit && f.low.includes(':'),
    re: rx(`(?<![\\w.:$])([01]?\\d|2[0-3]):([0-5]\\d)(?:\\s*(?:GMT|UTC|[A-Z]{1,4}T|local time|hours|hrs))(?![\\w:])`, 'g'),
    build({ m }) {
      const hh = Number(m[1]);
      const mi = Number(m[2]);
      const utc = /\b(?:UTC|GMT)$/.test(m[0]);
      return { clock: { hh, mi, text: m[0], utc }, resolve: clockResolver(hh, mi, utc) };
    },
  },
  {
    name: 'noon',
    prio: 5,
    need: (f) => f.any('noon', 'midnight', 'midday'),
    re: rx(`${B}(${ci('noon')}|${ci('midnight')}|${ci('midday')})${E}`, 'g'),
    build({ m, sentence }) {
      const w = m[1].toLowerCase();
      // Midnight ends its day ("midnight Friday" is the night from Friday into Saturday): T24:00, as in TimeML.
      const hh = w === 'midnight' ? 24 : 12;
      if (/\bhigh\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index))) return null;
      return { clock: { hh, mi: 0, text: m[0] }, resolve: calendarResolver({ hh, mi: 0 }) };
    },
  },
  // ---- today / yesterday / tomorrow / tonight, with parts of day and modifiers
  {
    name: 'deictic-day',
    prio: 6,
    need: (f) => f.any('today', 'tomorrow', 'yesterday', 'tonight'),
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('later')}|${ci('earlier')})\\s+)?(${ci('the day before yesterday')}|${ci('the day after tomorrow')}|${ci('today')}|${ci('tomorrow')}|${ci('yesterday')}|${ci('tonight')})(?:\\s+(morning|afternoon|evening|night))?${E}`, 'g'),
    build({ m }) {
      const w = m[2].toLowerCase();
      const n = w.includes('before yesterday') ? -2 : w.includes('after tomorrow') ? 2 : w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const part = m[3] ? PART_OF_DAY[m[3].toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
      return { dayLevel: !part, resolve: relativeResolver('day', n, part ? 'TIME' : 'DATE', part) };
    },
  },
  {
    name: 'this-part',
    prio: 6,
    need: (f) => f.word('this', 'last') && f.word('morning', 'afternoon', 'evening', 'night'),
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('later')}|${ci('earlier')})\\s+)?(${ci('this')}|${ci('last')})\\s+(morning|afternoon|evening|night)${E}`, 'g'),
    build({ m }) {
      const part = PART_OF_DAY[m[3].toLowerCase()];
      const n = m[2].toLowerCase() === 'last' ? -1 : 0;
      return { resolve: relativeResolver('day', n, 'TIME', part) };
    },
  },
  // ---- "mid-morning", "late afternoon", "early evening": a part of the day under discussion (else the article's)
  {
    name: 'part-modified',
    prio: 4,
    need: (f) => f.any('morning', 'afternoon', 'evening', 'night'),
    gate: /(?:early|late|mid)[\s-]?(?:morning|afternoon|evening|night)/i,
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('mid')})[\\s-]?)(morning|afternoon|evening|night)${E}`, 'g'),
    build({ m, sentence }) {
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 14);
      // "late-night talk show", "early morning flights": adjectives before a noun.
      if (!/^(?:\s*[,.;:!?)"'”’]|\s*$|\s+(?:and|or|but|to|before|after|until|when|while|with|at|on|in|from|for|by|as|than|that|[A-Z]\w*)\b)/.test(after)) return null;
      const part = PART_OF_DAY[m[2].toLowerCase()];
      return { resolve: (ctx) => (ctx.lastDay !== null ? narrativeResolver('day', 0, 'TIME', part)(ctx) : relativeResolver('day', 0, 'TIME', part)(ctx)) };
    },
  },
  // ---- "overnight", "overnight into Wednesday morning"
  {
    name: 'overnight',
    prio: 7,
    need: (f) => f.any('overnight'),
    re: rx(`${B}${ci('overnight')}(?:\\s+(?:into|to|on|before)\\s+(${WEEKDAY}|today|yesterday)(?:\\s+(morning))?)?${E}`, 'g'),
    build({ m }) {
      const day = m[1];
      return {
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('TIME', day && weekdayNumber(day) ? `XXXX-WXX-${weekdayNumber(day)}TNI` : 'XXXX-XX-XXTNI', ['part']);
          let end: number;
          // A bare "overnight" in a narrative of an earlier day ("closed lower Friday ... overnight losses in
          // New York", within the week before the article) is the night before that day; otherwise the night before the article.
          if (!day) end = ctx.dir === 'future' ? ctx.anchor + 1 : ctx.lastDay !== null && ctx.lastDay < ctx.anchor && ctx.anchor - ctx.lastDay <= 7 ? ctx.lastDay : ctx.anchor;
          else if (day.toLowerCase() === 'today') end = ctx.anchor;
          else if (day.toLowerCase() === 'yesterday') end = ctx.anchor - 1;
          else end = resolveWeekday(ctx.anchor, weekdayNumber(day) ?? 1, ctx.dir, null);
          const iv = dayInterval(end - 1);
          const res = interval('TIME', { ...iv, to: end }, 'published', day ? ['weekday', 'part'] : ['part'], ['year', 'month', 'day'], directionOf(end, ctx.anchor));
          res.value = `${iv.value}TNI`;
          return res;
        },
      };
    },
  },
  // ---- "the previous Friday", "the following Monday": relative to the narrative's last date (else the anchor)
  {
    name: 'narrative-weekday',
    prio: 6,
    need: (f) => f.any('previous', 'preceding', 'following') && f.weekday,
    re: rx(`${B}${ci('the')}\\s+(previous|preceding|following)\\s+(${WEEKDAY})(?![\\w-])`, 'g'),
    build({ m }) {
      const wd = weekdayNumber(m[2]);
      if (wd === null) return null;
      const back = m[1].toLowerCase() !== 'following';
      return {
        dayLevel: true,
        resolve(ctx) {
          const base = ctx.lastDay ?? ctx.anchor;
          if (base === null) return unresolved('DATE', `XXXX-WXX-${wd}`, ['weekday', 'offset'], 'event');
          const day = resolveWeekday(base, wd, back ? 'past' : 'future', back ? 'last' : 'next');
          return interval('DATE', dayInterval(day), ctx.lastDay !== null ? 'event' : 'published', ['weekday', 'offset'], ['year', 'month', 'day']);
        },
      };
    },
  },
  // ---- weekdays: "Tuesday", "last Friday", "Wednesday night", "late Tuesday"
  {
    name: 'weekday',
    prio: 5,
    need: (f) => f.weekday,
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('earlier')}|${ci('later')})\\s+(?:on\\s+)?)?(?:(${ci('last')}|${ci('next')}|${ci('this')}|${ci('this past')}|${ci('this coming')}|${ci('coming')}|${ci('past')})\\s+)?(${WEEKDAY})(?:['’]s)?(?:\\s+(morning|afternoon|evening|night))?(?![\\w-])`, 'g'),
    build({ m, sentence }) {
      const wd = weekdayNumber(m[3]);
      if (wd === null) return null;
      // "Black Monday", "Super Tuesday", "Ash Wednesday": named days, not the weekday around the article date.
      if (!m[1] && !m[2] && /\b(?:Black|Super|Cyber|Ash|Holy|Maundy|Bloody|Blue|Giving)\s+$/.test(sentence.slice(Math.max(0, m.index - 8), m.index))) return null;
      // "The Sunday Times", "the Mail on Sunday": newspaper names.
      if (!m[1] && !m[2] && !m[4] && (/^\s+(?:Times|Telegraph|Herald|Express|Mirror|Post|Observer|Independent|Star|Tribune|Age|Mail|Sport|Business Post)\b/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 18)) || /\b(?:Mail|Independent|Observer|Post) on\s+$/.test(sentence.slice(Math.max(0, m.index - 16), m.index)))) return null;
      const part = m[4] ? PART_OF_DAY[m[4].toLowerCase()] : undefined;
      // Keep a possessive out of the extent ("Tuesday’s talks" → "Tuesday").
      let end = m.index + m[0].length;
      if (!m[4]) {
        const poss = /['’]s$/.exec(m[0]);
        if (poss) end -= 2;
      }
      const resolveDay = calendarResolver({ wd }, strictOf(m[2]));
      // "Wednesday night" is that day: TimeBank mostly types it DATE with the plain day value; the part
      // of day is kept among the stated parts.
      return { end, dayLevel: !part, resolve: (ctx) => { const r = resolveDay(ctx); return part ? { ...r, stated: [...r.stated, `part:${part}`] } : r; } };
    },
  },
  // ---- "every Friday", "on Fridays"
  {
    name: 'weekday-set',
    prio: 6,
    need: (f) => f.weekday || f.word(...WEEKDAY_PLURALS) || f.any('weekend'),
    re: rx(`${B}(?:(?:${ci('every')}|${ci('each')})\\s+(${WEEKDAY}|weekend)|(Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)|(?<=\\b(?:[Oo]n|[Oo]ver|[Dd]uring|[Aa]t)\\s)(weekends)|(?<pwd>${WEEKDAY})\\s+(?<part>nights|mornings|afternoons|evenings)|(?<cwd>${WEEKDAY})(?=\\s+(?:and|or)\\s+${WEEKDAY}\\s+(?<cpart>nights|mornings|afternoons|evenings)(?![\\w-])))${E}`, 'g'),
    build({ m }) {
      // "on Monday and Tuesday nights", "Friday mornings": a plural part of a weekday recurs, as does the
      // weekday conjoined before it.
      const g = m.groups ?? {};
      if (g.pwd || g.cwd) {
        const wd = weekdayNumber(g.pwd ?? g.cwd);
        if (wd === null) return null;
        const part = PART_OF_DAY[(g.part ?? g.cpart).toLowerCase().replace(/s$/, '')];
        return { resolve: fixed('SET', `XXXX-WXX-${wd}T${part}`) };
      }
      // "on weekends", "every weekend": a recurring weekend.
      if (m[3] || m[1]?.toLowerCase() === 'weekend') return { resolve: fixed('SET', 'XXXX-WXX-WE') };
      const wd = weekdayNumber(m[1] ?? m[2].replace(/s$/, ''));
      if (wd === null) return null;
      return { resolve: fixed('SET', `XXXX-WXX-${wd}`) };
    },
  },
];
