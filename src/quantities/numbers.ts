/**
 * Number words and numerals → values. "476", "2,766", "1.5 million", "five hundred", "a hundred",
 * "twenty-one", "nine-story" (9, as a compound modifier), "hundreds" (vague plural).
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
};

const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Vague plurals: "hundreds of", "dozens of" — a lower bound. */
export const VAGUE: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9, tens: 20 };

export function isNumberWord(lower: string): boolean {
  return lower in UNITS || lower in SCALES || isHyphenNumber(lower);
}

export function isScaleWord(lower: string): boolean {
  return lower in SCALES;
}

function isHyphenNumber(lower: string): boolean {
  const m = /^([a-z]+)-([a-z]+)$/.exec(lower);
  return !!m && m[1] in UNITS && UNITS[m[1]] >= 20 && m[2] in UNITS && UNITS[m[2]] < 10;
}

/** Value of one number word or numeral token; null when it is not one. */
export function tokenValue(text: string): number | null {
  const lower = text.toLowerCase();
  if (lower in UNITS) return UNITS[lower];
  if (lower in SCALES) return SCALES[lower];
  if (isHyphenNumber(lower)) {
    const [a, b] = lower.split('-');
    return UNITS[a] + UNITS[b];
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return null;
}

/**
 * A compound modifier that starts with a number: "nine-story", "five-hour", "15-year-old", "10-mile".
 * Returns the number and the rest ("story"), or null.
 */
export function compoundModifier(text: string): { value: number; rest: string } | null {
  const m = /^(\d+(?:\.\d+)?|[A-Za-z]+)-([A-Za-z][A-Za-z-]*)$/.exec(text);
  if (!m) return null;
  const v = tokenValue(m[1]);
  if (v === null) return null;
  return { value: v, rest: m[2].toLowerCase() };
}

export function isYearLike(text: string): boolean {
  return /^(?:1[5-9]\d\d|20\d\d)$/.test(text);
}
