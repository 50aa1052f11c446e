/**
 * One death (or one injury) told without a number: "a man was shot dead", "the victim, 23, was
 * pronounced dead", "a 19-year-old has died after he was stabbed", "a woman and her son were found
 * dead" (two). Patterns over one sentence; each has an id recorded in the event's `how`.
 *
 * A pattern whose predicate alone does not say the death was violent ("died", "died in hospital")
 * needs a cue in its sentence (an attack, accident or disaster word, "injuries", "the scene") or an
 * event told just before it; otherwise an obituary's "the singer died" would be a killing.
 */
import { PERSON_NOUNS } from './lexicon.js';

/** People a local report names by role, beyond the lexicon's list. */
const MORE_PERSONS = 'captain|deputy|trooper|sergeant|detective|agent|executive|professor|researcher|lawmaker|congregant|classmate|cyclist|pedestrian|motorist|clerk|customer|neighbour|neighbor|bystander|toddler|baby|infant|grandmother|grandfather|pensioner|homeowner|tenant|patron|owner|employee|resident|guard|boyfriend|girlfriend|partner|friend|roommate|rider';
const PERSON = `${PERSON_NOUNS}|${MORE_PERSONS}`;
/** Up to seven modifiers: "a 23-year-old delivery", "an off-duty", "a retired St. Louis Metropolitan Police Department". */
const MODS = `(?:[\\p{L}\\d'’.-]+\\s+){0,7}?`;
const DEAD = 'killed|gunned down|shot dead|shot to death|shot and killed|stabbed to death|beaten to death|hacked to death|burned to death|bludgeoned to death|strangled|murdered|assassinated|found dead|beheaded|lynched|executed|pronounced dead|fatally (?:shot|stabbed|wounded|injured|struck|hit|beaten)|found with fatal (?:gunshot |stab )?(?:wounds|injuries)';

/** An age used as a noun ("killing the 15-year-old just two days after …"): one person, when no noun follows. */
const AGE_NOUN = `\\d{1,3}-year-old(?=\\s*[,.;:)]|\\s*$|\\s+(?:just|on|in|at|and|as|after|before|while|who|outside|inside|near|during|with|when|late|early)\\b)`;

export interface SingleToll {
  kind: 'killed' | 'injured';
  /** Offset in the sentence and length of the match. */
  index: number;
  length: number;
  value: number;
  unit: string;
  /** The predicate alone does not make it violent: needs a cue or an event before it. */
  needsCue: boolean;
  rule: string;
}

const PATTERNS: Array<{ re: RegExp; rule: string; value: number | 'both'; needsCue: boolean; unitGroup: number }> = [
  // "A woman and her teenage son were found dead": two.
  {
    re: new RegExp(`\\b(?:an?|the)\\s+${MODS}(${PERSON})\\s+and\\s+(?:an?|the|his|her|their)\\s+${MODS}(?:${PERSON})\\s+(?:were|have been|had been)\\s+(?:reportedly\\s+)?(?:${DEAD})`, 'iu'),
    rule: 'toll:pair-dead',
    value: 2,
    needsCue: false,
    unitGroup: 1,
  },
  {
    re: new RegExp(`\\b(?:an?|one|the)\\s+${MODS}(${PERSON})\\b[^.;]{0,60}?\\b(?:was|has been|had been|is)\\s+(?:reportedly\\s+|later\\s+|then\\s+)?(?:${DEAD})`, 'iu'),
    rule: 'toll:single-dead',
    value: 1,
    needsCue: false,
    unitGroup: 1,
  },
  {
    re: new RegExp(`\\b(?:killed|killing|assassinated|murdered|executed|beheaded|shot dead|stabbed to death|shot and killed)\\s+(?:an?|one|the)\\s+(?:[\\p{L}\\d'’.()-]+\\s+){0,4}?(${PERSON}|${AGE_NOUN})\\b`, 'iu'),
    rule: 'toll:single-object',
    value: 1,
    needsCue: false,
    unitGroup: 1,
  },
  // "The body of a 32-year-old man was found in a canal".
  {
    re: new RegExp(`\\bbody\\s+of\\s+(?:an?|one)\\s+${MODS}(${PERSON})\\b[^.;]{0,40}?\\b(?:was|has been)\\s+(?:found|discovered|recovered|pulled)`, 'iu'),
    rule: 'toll:body-found',
    value: 1,
    needsCue: false,
    unitGroup: 1,
  },
  // A named victim: "Abe was shot dead", "David Dorn, 77, was shot and killed", "Judge Salas' son was
  // killed" (a name, or a name's kin, and an optional appositive; "No one"/"Nobody" are no name).
  {
    re: new RegExp(`(?:^|[^\\p{L}])(?!(?:No|Nobody|None|Noone|Neither|Nor|Everyone|Everybody|Anyone|Anybody|It|This|That|Which|Who)\\b)((?:\\p{Lu}[\\p{L}'’.-]+\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)(?:['’]s?\\s+${MODS}(?:${PERSON}))?(?:,\\s+[^,.;]{1,60},)?\\s+(?:was|has been|had been)\\s+(?:reportedly\\s+|later\\s+|then\\s+)?(?:${DEAD})\\b`, 'u'),
    rule: 'toll:named-dead',
    value: 1,
    needsCue: false,
    unitGroup: 0,
  },
  // "The woman killed in Saturday's shooting", "the man shot dead by police".
  {
    re: new RegExp(`\\b(?:an?|the)\\s+${MODS}(${PERSON})\\s+(?:who\\s+was\\s+)?(?:killed|shot dead|slain|fatally shot|shot and killed|stabbed to death)\\s+(?:in|at|on|during|by|while|when|outside|inside|near)\\b`, 'iu'),
    rule: 'toll:reduced-relative',
    value: 1,
    needsCue: false,
    unitGroup: 1,
  },
  // "officers fatally shot him", "shot and killed her".
  {
    re: /\b(?:fatally\s+(?:shot|stabbed|struck)|shot\s+and\s+killed|shot\s+dead|stabbed\s+to\s+death|killed)\s+(him|her)\b/iu,
    rule: 'toll:pronoun-object',
    value: 1,
    needsCue: false,
    unitGroup: 1,
  },
  // A named victim who died of the attack: "Brooks, 27, died after he was shot twice", "Abe has died after being shot".
  {
    re: new RegExp(`(?:^|[^\\p{L}])((?:\\p{Lu}[\\p{L}'’.-]+\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)(?:,\\s+[^,.;]{1,60},)?\\s+(?:has\\s+|had\\s+|later\\s+)?died\\s+(?:\\w+\\s+){0,6}?after\\s+(?:being|he\\s+was|she\\s+was)\\s+(?:shot|stabbed|struck|attacked|beaten|hit)\\b`, 'u'),
    rule: 'toll:named-died',
    value: 1,
    needsCue: false,
    unitGroup: 0,
  },
  // "The victim died", "Both victims died", "the nurse later died".
  {
    re: new RegExp(`\\b(the|both)\\s+(victims?|${PERSON}|men|women)\\s+(?:later\\s+|subsequently\\s+)?(?:died|succumbed)\\b`, 'iu'),
    rule: 'toll:victim-died',
    value: 'both',
    needsCue: false,
    unitGroup: 2,
  },
  // "A 19-year-old man has died after he was stabbed", "A man who was shot … has died".
  {
    re: new RegExp(`\\b(?:an?|one)\\s+${MODS}(${PERSON})\\b[^.;]{0,70}?\\b(?:has died|had died|died|later died|succumbed)\\b`, 'iu'),
    rule: 'toll:single-died',
    value: 1,
    needsCue: true,
    unitGroup: 1,
  },
  // "He was pronounced dead at the scene", "She died of her injuries".
  {
    re: /\b(he|she)\s+(?:was\s+(?:later\s+)?pronounced\s+dead|(?:later\s+)?died\s+(?:at\s+the\s+scene|of\s+(?:his|her)\s+(?:injuries|wounds)|from\s+(?:his|her)\s+(?:injuries|wounds)))/iu,
    rule: 'toll:pronoun-dead',
    value: 1,
    needsCue: true,
    unitGroup: 1,
  },
];

const INJURED = new RegExp(
  `\\b(?:an?|one|the)\\s+${MODS}(${PERSON})\\b[^.;]{0,50}?\\b(?:was|has been|had been)\\s+(?:shot and\\s+)?(?:critically\\s+|seriously\\s+|badly\\s+|slightly\\s+)?(?:injured|wounded|hurt|shot in the \\w+|stabbed(?! to death))`,
  'iu',
);

/** Words that make a death told by "died" violent, accidental or a disaster's. */
export const DEATH_CUES = /\b(shot|shooting|gunfire|gunshots?|stabbed|stabbing|beaten|attack(?:ed)?|injuries|wounds|scene|crash(?:ed)?|collision|hit by|struck|fire|blaze|fell|falling|drowned|explosion|blast|flood(?:s|ing)?|earthquake|storm|tornado|violence|assault(?:ed)?|robbery|homicide|murder)\b/i;

/** The first single death of the sentence, or null. */
export function singleDeath(sentence: string): SingleToll | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(sentence);
    if (!m) continue;
    const value = p.value === 'both' ? (/^both$/i.test(m[1] ?? '') ? 2 : 1) : p.value;
    return { kind: 'killed', index: m.index, length: m[0].length, value, unit: (p.unitGroup > 0 ? (m[p.unitGroup] ?? 'person') : 'person').toLowerCase(), needsCue: p.needsCue && !DEATH_CUES.test(sentence), rule: p.rule };
  }
  return null;
}

/** One person injured told without a number: "a woman was injured", "a man was shot in the leg". */
export function singleInjury(sentence: string): SingleToll | null {
  const m = INJURED.exec(sentence);
  if (!m) return null;
  return { kind: 'injured', index: m.index, length: m[0].length, value: 1, unit: m[1].toLowerCase(), needsCue: false, rule: 'toll:single-injured' };
}
