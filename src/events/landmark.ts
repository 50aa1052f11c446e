/**
 * A place told as a reference point is not where an event happened: "in the Orthodox community north
 * of New York City", "a pileup … south of Springfield", "about 50 miles south of Boston", "30 km from
 * Kyiv". An event placed at one takes the article's setting instead; with no setting it keeps it (on
 * ACLED's notes "20 km north of X" is within 161 km of X and nearer than the province the note also
 * names: skipping such places there lowered place Acc@161 81.7 → 81.6). No town told so is evidence
 * of the setting (setting.ts).
 */
const BEFORE_REFERENCE =
  /\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|upstate)\s+of|(?:miles?|mi|km|kilomet(?:er|re)s?)\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+)?(?:of|from))\s+(?:the\s+)?$/i;

/** Whether the place at `start` follows "north of", "20 miles from", "12 km south-east of". */
export function followsReferenceWords(text: string, start: number): boolean {
  return BEFORE_REFERENCE.test(text.slice(Math.max(0, start - 48), start));
}
