/**
 * A place told as a reference point is not where an event happened: "in the Orthodox community north
 * of New York City", "a pileup … south of Springfield", "about 50 miles south of Boston", "30 km from
 * Kyiv". choosePlace skips it; the event then takes another place of its clause, the article's setting,
 * or none (an unplaced event is better than one placed 50 km off).
 */
const DIRECTION = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'north-east', 'north-west', 'south-east', 'south-west', 'northwest', 'upstate', 'downstream', 'upstream',
]);
const DISTANCE_UNIT = new Set(['mile', 'miles', 'km', 'kilometers', 'kilometres', 'kilometer', 'kilometre', 'mi']);

/** Whether the place starting at token `k` is a reference point ("north of X", "20 miles from X"). */
export function isReferencePoint(toks: ReadonlyArray<{ lower: string }>, k: number): boolean {
  const prep = toks[k - 1]?.lower;
  if (prep === 'of') return DIRECTION.has(toks[k - 2]?.lower ?? '');
  if (prep === 'from') return DISTANCE_UNIT.has(toks[k - 2]?.lower ?? '') || (DIRECTION.has(toks[k - 2]?.lower ?? '') && DISTANCE_UNIT.has(toks[k - 3]?.lower ?? ''));
  return false;
}

const BEFORE_REFERENCE =
  /\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|upstate)\s+of|(?:miles?|mi|km|kilomet(?:er|re)s?)\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+)?(?:of|from))\s+(?:the\s+)?$/i;

/** The same test on raw text: whether the place at `start` follows "north of", "20 miles from", …. */
export function followsReferenceWords(text: string, start: number): boolean {
  return BEFORE_REFERENCE.test(text.slice(Math.max(0, start - 48), start));
}
