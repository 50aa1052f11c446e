/** Word tables for the temporal grammar: numbers, months, weekdays, units, seasons, holidays. */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, a: 1, an: 1, single: 1, dozen: 12, half: 0.5,
};

/** Spelled-out ordinal days, as broadcast transcripts write dates ("February the twenty-fourth"). */
const ORDINAL_UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

export const ORDINAL_DAY = '(?:(?:twenty|thirty)[\\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';

/** The day number of a spelled-out ordinal ("twenty-fourth" → 24); null if it is not one. */
export function ordinalDay(raw: string): number | null {
  const parts = raw.toLowerCase().split(/[\s-]+/);
  if (parts.length === 2) {
    const tens = SMALL[parts[0]];
    const unit = ORDINAL_UNITS[parts[1]];
    return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : null;
  }
  return ORDINAL_UNITS[parts[0]] ?? null;
}

const VAGUE = new Set(['several', 'few', 'a few', 'some', 'many', 'the next few', 'numerous', 'multiple', 'a number of']);

export const NUMBER_WORD =
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?' +
  '|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a dozen|dozen|single';

/** A count: digits, number words, or a vague quantity. Case-insensitive use. */
export const COUNT = `(?:(?:\\d+|${NUMBER_WORD}|a|an|one)\\s+and\\s+a\\s+half|\\d+(?:\\.\\d+)?(?:\\s+1/2)?|${NUMBER_WORD}|a couple of|a couple|couple of|a few|several|few|many|some|numerous|a\\s+(?:half|quarter)(?=[\\s-]+centur)|a|an|half an?)`;

/** Hedges kept inside a TIMEX extent ("more than four decades ago", "almost four years ago"). */
export const HEDGE = '(?:about|around|nearly|almost|roughly|approximately|some|no more than|more than|less than|fewer than|at least|at most|over|under|up to|just over|just under|well over|only|barely|close to)';

/** Parses a count word or numeral; null for a vague quantity ("several", "a few"). */
export function parseCount(raw: string): number | null {
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (VAGUE.has(text)) return null;
  if (/^half an?$/.test(text)) return 0.5;
  // "a half-century", "a quarter century"
  if (/^(?:a )?half$/.test(text)) return 0.5;
  if (/^(?:a )?quarter$/.test(text)) return 0.25;
  const andHalf = /^(.+) and a half$/.exec(text);
  if (andHalf) {
    const whole = parseCount(andHalf[1]);
    return whole === null ? null : whole + 0.5;
  }
  const half = /^(\d+) 1\/2$/.exec(text);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (text === 'a dozen') return 12;
  if (/^(?:a )?couple(?: of)?$/.test(text)) return 2;
  const parts = text.split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    const v = SMALL[part];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

/** Capitalised month names and abbreviations (case-sensitive: "may" and "march" are usually not months). */
export const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER' +
  '|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept\\.?|Sep\\.|Oct\\.?|Nov\\.?|Dec\\.?)';

export function monthNumber(raw: string): number | null {
  return MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? null;
}

export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

export const WEEKDAY =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|Mon\\.|Tues?\\.|Wed\\.|Thu(?:rs?)?\\.|Fri\\.|Sat\\.|Sun\\.)';

export function weekdayNumber(raw: string): number | null {
  return WEEKDAYS[raw.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Unit words → TIMEX duration designator. */
export const UNIT_CODES: Record<string, { code: string; time: boolean; days: number }> = {
  second: { code: 'S', time: true, days: 1 / 86400 },
  minute: { code: 'M', time: true, days: 1 / 1440 },
  hour: { code: 'H', time: true, days: 1 / 24 },
  night: { code: 'D', time: false, days: 1 },
  day: { code: 'D', time: false, days: 1 },
  week: { code: 'W', time: false, days: 7 },
  fortnight: { code: 'W', time: false, days: 14 },
  weekend: { code: 'WE', time: false, days: 2 },
  month: { code: 'M', time: false, days: 30 },
  quarter: { code: 'Q', time: false, days: 91 },
  year: { code: 'Y', time: false, days: 365 },
  decade: { code: 'Y', time: false, days: 3650 },
  century: { code: 'Y', time: false, days: 36500 },
};

/** Singular unit from a surface ("years", "centuries", "nights"). */
export function unitOf(raw: string): string {
  const w = raw.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '');
}

export const UNIT = '(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?';

/** TIMEX duration value for n units, e.g. (5, hour) → PT5H, (2, decade) → P20Y, (null, year) → PXY. */
export function durationValue(n: number | null, unit: string): string {
  const u = UNIT_CODES[unit] ?? UNIT_CODES.day;
  let count: number | null = n;
  let code = u.code;
  if (unit === 'decade') count = n === null ? null : n * 10;
  if (unit === 'century') count = n === null ? null : n * 100;
  if (unit === 'fortnight') count = n === null ? null : n * 2;
  if (unit === 'quarter' && n !== null && n > 1) {
    count = n * 3;
    code = 'M';
  }
  if (unit === 'decade' && n === null) code = 'DE';
  if (unit === 'century' && n === null) code = 'CE';
  if (unit === 'weekend') code = 'WE';
  let num = count === null ? 'X' : String(count);
  if (count !== null && !Number.isInteger(count)) {
    // Half units: express in the next smaller unit where TIMEX has one (1.5 hours → PT90M).
    if (unit === 'hour') return Math.floor(count) > 0 ? `PT${Math.floor(count)}H${Math.round((count % 1) * 60)}M` : `PT${Math.round(count * 60)}M`;
    if (unit === 'minute') return Math.floor(count) > 0 ? `PT${Math.floor(count)}M${Math.round((count % 1) * 60)}S` : `PT${Math.round(count * 60)}S`;
    num = String(count);
  }
  return u.time ? `PT${num}${code}` : `P${num}${code}`;
}

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** Fixed-date holidays as month/day; Thanksgiving (US) is computed. */
export const HOLIDAYS: Record<string, [number, number]> = {
  'christmas': [12, 25],
  'christmas day': [12, 25],
  'christmas eve': [12, 24],
  "new year's day": [1, 1],
  "new year's eve": [12, 31],
  'new year': [1, 1],
  'independence day': [7, 4],
  'halloween': [10, 31],
  'valentine\'s day': [2, 14],
  'boxing day': [12, 26],
  'may day': [5, 1],
  'bastille day': [7, 14],
  'veterans day': [11, 11],
  "veterans' day": [11, 11],
};

/**
 * Holidays on the nth weekday of a month (US federal calendar): [month, weekday (1 = Monday … 7 = Sunday), n];
 * n = -1 is the last one. Election Day is the Tuesday after the first Monday in November (computed).
 */
export const FLOATING_HOLIDAYS: Record<string, [number, number, number]> = {
  'labor day': [9, 1, 1],
  'memorial day': [5, 1, -1],
  'columbus day': [10, 1, 2],
  'presidents day': [2, 1, 3],
  "presidents' day": [2, 1, 3],
  "president's day": [2, 1, 3],
  'martin luther king day': [1, 1, 3],
  'martin luther king jr. day': [1, 1, 3],
  "mother's day": [5, 7, 2],
  "father's day": [6, 7, 3],
};

export const HOLIDAY = "(?:Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)?|Independence Day|Halloween|Valentine['’]s Day|Boxing Day|Thanksgiving(?: Day)?|Election Day|Easter(?: Sunday)?|Good Friday|May Day|Bastille Day|Veterans['’]? Day|Labor Day|Memorial Day|Columbus Day|Presidents['’]? Day|President['’]s Day|Martin Luther King(?: Jr\\.)? Day|Mother['’]s Day|Father['’]s Day)";

export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', midday: 'MI', noon: 'MI',
};

/**
 * Nouns of events held on a set day (a "Saturday's summit" may lie ahead, as the clause's tense says); other
 * nouns after a possessive date name something that happened ("Tuesday's earthquake", "Wednesday's ruling").
 */
export const SCHEDULED_EVENT_NOUNS = [
  'summit', 'meeting', 'meetings', 'talks', 'vote', 'voting', 'ballot', 'election', 'elections', 'poll', 'polls', 'referendum',
  'primary', 'primaries', 'caucus', 'caucuses', 'runoff', 'run-off', 'debate', 'hearing', 'hearings', 'session', 'conference',
  'ceremony', 'inauguration', 'funeral', 'memorial', 'parade', 'march', 'rally', 'protest', 'strike', 'match', 'game', 'final',
  'semi-final', 'race', 'launch', 'deadline', 'sitting', 'trial', 'verdict', 'sentencing', 'budget', 'speech', 'address', 'visit',
  'concert', 'festival', 'opening', 'kick-off', 'fixture', 'showdown', 'meet', 'auction', 'release', 'announcement',
];
