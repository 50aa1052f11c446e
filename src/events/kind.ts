/**
 * The kind of an event (EventRecord.kind): political violence, protest or a strategic development
 * (`conflict`, ACLED's scope) or a casualty event of its own kind (`crime`, `accident`, `disaster`)
 * that never enters ACLED export or conflict totals. Ordered rules, first match wins; each returns the
 * id recorded in the event's `how`.
 *
 * 1. `kind:disaster` — a natural hazard word in the event's sentences and no sign of an attack;
 *    `kind:disaster-cause` — any other class but a protest or riot told with a hazard word and no
 *    attack, armed group or remote weapon (an emergency declared over a storm, roads blocked by mudslides).
 * 2. `kind:accident` — a crash, fall, drowning or fire word (or a vehicle hitting someone) and no
 *    sign of an attack. A "strike" whose subject is a car is a collision.
 * 3. `kind:conflict-class` — a class that is political or military by itself (air strikes, shelling,
 *    protests, arrests, troop movements, agreements …), or remote weapons and explosives.
 * 4. `kind:conflict-actor` — an armed group, state forces or a political target or setting named in
 *    the event's sentences, or an organisation among its actors.
 * 5. `kind:crime` — a killing, assault, shooting, stabbing, abduction or robbery told with the words of
 *    crime reporting (police, suspect, homicide, victim, hospital …) and none of the above.
 * 6. `kind:no-violent-agent` — a death told by a word that says only that someone died ("died",
 *    "deaths", "dead"; not a body found) with no weapon, attack, armed group, political or crime word
 *    in its sentences (nor an attack, armed group or crime word in the sentences next to them) and no
 *    organisation among its actors: the cause is not violence the text states ("two people died
 *    in the tragedy", "48 people have died of the virus", "the premature deaths of two guitarists from
 *    drug overdoses"). It is no event: extract.ts drops it, so its toll never reaches
 *    ACLED export or conflict totals (a toll needs a violent agent).
 * 7. `kind:conflict-default` — anything else (the terse style of conflict monitors' notes:
 *    "unidentified gunmen shot dead a civilian in …").
 */
import type { EventKind } from '../core/layers.js';
import {
  ACCIDENT_STRONG,
  CIVIL_ORG,
  ACCIDENT_WORDS,
  ARMED_GROUP_WORDS,
  ATTACK_WORDS,
  CONFLICT_ONLY_CLASSES,
  CRIME_WORDS,
  DISASTER_WORDS,
  GOVERNMENT_WORDS,
  POLITICAL_WORDS,
  VEHICLES,
} from './kind-words.js';

export interface KindInput {
  /** The event's class (lexicon.ts EventClass). */
  cls: string;
  /** Lower-cased tokens of the event's evidence sentences. */
  words: readonly string[];
  /** Weapons read for the event. */
  weapons: ReadonlySet<string>;
  /** Whether an organisation entity other than a civil service (CIVIL_ORG) is among its actors. */
  orgActor: boolean;
  /** Whether the article is about a natural disaster (DISASTER_ARTICLE_MIN of its words are hazard words). */
  disasterArticle?: boolean;
  /** Whether the article tells crime (CRIME_WORDS, at least two distinct) and names no armed group or political setting. */
  crimeArticle: boolean;
  /** The trigger word, lower-cased. */
  trigger: string;
  /** The trigger words of its mentions of the strike class ("struck", "airstrike", …), lower-cased. */
  strikeWords: readonly string[];
  /**
   * The lower-cased words of the sentences next to the event's (before and after), read lazily: a death's
   * agent is often told there ("At least 14 people died. Outnumbered, the soldiers …").
   */
  nearWords?: () => readonly string[];
  /** Whether the event was proposed as a body found (`trigger:found-dead`). */
  foundDead?: boolean;
  /** Whether the event was proposed as a lead's crash, fire or crowd crush (`trigger:lead-accident`). */
  leadAccident?: boolean;
}

const AIR_RAID = new Set(['airstrike', 'airstrikes', 'warplanes', 'jets', 'bombed', 'bombing', 'raid', 'raids']);
const HAZARD_VERBS = new Set(['strike', 'strikes', 'struck', 'hit', 'hits']);
/** Classes a hazard word does not explain: people protest and riot over a flood's handling. */
const HAZARD_FREE_CLASSES: ReadonlySet<string> = new Set(['protest', 'riot']);
/** Hazard words an article needs to be about a disaster. */
export const DISASTER_ARTICLE_MIN = 3;
const REMOTE = new Set(['aircraft', 'drone', 'missile', 'artillery', 'rocket', 'explosive']);
/** Triggers that say only that people died (their cause is read from the other words). */
/**
 * Triggers that say only that someone died, not that anyone killed them. Not "killed" (it names a
 * killer: "prison guards killed one prisoner") nor a body found ("a man was found dead … the body had
 * the hands tied"): monitors code a body found with signs of violence as violence against civilians,
 * and those signs sit in the next sentence (ACLED tuning rows 0–999: 13 such notes lost otherwise).
 */
const DEATH_ONLY: ReadonlySet<string> = new Set(['died', 'dead', 'death', 'deaths']);
/** The rule id of a death no violence is told for (extract.ts drops such an event). */
export const NO_VIOLENT_AGENT = 'kind:no-violent-agent';
const TOLL_TRIGGERS = new Set(['killed', 'killing', 'died', 'dead', 'death', 'deaths', 'destroyed', 'struck', 'hit', 'injured', 'wounded', 'body', 'bodies', 'remains', 'slain']);

function any(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** An attack word other than the trigger's own toll reading ("opened fire", "shot", "bomb", …). */
function attackSign(input: KindInput): boolean {
  const { words } = input;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === 'fire' && /^(opened|open|opening|returned|exchanged)$/.test(words[k - 1] ?? '')) return true;
    if (w === 'shot' && words[k + 1] === 'down') continue;
    if (ATTACK_WORDS.has(w) && w !== 'opened' && w !== 'attack') return true;
    if (w === 'attack' && words[k - 1] !== 'heart') return true;
  }
  return false;
}

/** An attack, armed group or crime word in the sentences next to the event's. */
function violentNear(input: KindInput): boolean {
  const near = input.nearWords?.() ?? [];
  return attackSign({ ...input, words: near }) || any(near, ARMED_GROUP_WORDS) || any(near, CRIME_WORDS);
}

/** "killed in a house fire", "fire officials said": a fire no one set or opened. */
function fireAccident(words: readonly string[]): boolean {
  let fire = false;
  for (let k = 0; k < words.length; k++) {
    if (words[k] !== 'fire' && words[k] !== 'fires') continue;
    if (/^(opened|open|opening|returned|exchanged|set|sniper|gun|artillery|mortar|rocket|under|cease)$/.test(words[k - 1] ?? '') || words[k + 1] === 'on' || words[k + 1] === 'at') return false;
    // "set on fire", "set a house on fire": arson.
    if (words.slice(Math.max(0, k - 4), k).includes('set')) return false;
    fire = true;
  }
  return fire && !words.includes('arson');
}

/** "hit by a lorry", "struck by a car", "a car struck …", "the driver lost control". */
function vehicleHit(words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if ((w === 'hit' || w === 'struck' || w === 'run' || w === 'knocked' || w === 'mown') && (words[k + 1] === 'by' || words[k + 1] === 'over' || words[k + 1] === 'down')) {
      for (let j = k + 2; j < Math.min(words.length, k + 6); j++) if (VEHICLES.has(words[j])) return true;
    }
    if (VEHICLES.has(w) && /^(struck|hit|ploughed|plowed|slammed|crashed|overturned|veered)$/.test(words[k + 1] ?? '')) return true;
    if (w === 'lost' && words[k + 1] === 'control') return true;
  }
  return false;
}

/** The event's kind and the id of the rule that decided it. */
export function kindOf(input: KindInput): { kind: EventKind; rule: string } {
  const { cls, words } = input;
  const tollOnly = TOLL_TRIGGERS.has(input.trigger) || cls === 'killing' || cls === 'attack' || cls === 'loot';
  const hazard = any(words, DISASTER_WORDS);
  // Armed groups told with a death make it violence ("militia members fire"), unless a hazard is told with it.
  const attacked = attackSign(input) || (!hazard && !input.disasterArticle && any(words, ARMED_GROUP_WORDS));
  const remote = [...input.weapons].some((w) => REMOTE.has(w) && w !== 'aircraft') || (input.weapons.has('aircraft') && any(words, AIR_RAID));
  // "before the next disaster strikes": a hazard's strike.
  const hazardStrike = cls === 'strike' && input.strikeWords.every((w) => HAZARD_VERBS.has(w));
  if ((tollOnly || hazardStrike) && !attacked && !remote && (hazard || (input.disasterArticle === true && TOLL_TRIGGERS.has(input.trigger)))) return { kind: 'disaster', rule: hazard ? 'kind:disaster' : 'kind:disaster-article' };
  // "declared a state of emergency after tornadoes", "winds uprooted trees and blocked roads": a measure
  // or a damage a natural hazard caused, when no attack, armed group or remote weapon is told with it.
  if (hazard && !attacked && !remote && !any(words, ARMED_GROUP_WORDS) && !HAZARD_FREE_CLASSES.has(cls)) return { kind: 'disaster', rule: 'kind:disaster-cause' };
  // A crash, fire or crush the lead tells without a violent word stays an accident unless an attack is told with it.
  if (input.leadAccident && !attacked && !remote && !any(words, ARMED_GROUP_WORDS)) return { kind: 'accident', rule: 'kind:lead-accident' };
  if (tollOnly && !attacked && !remote && (any(words, ACCIDENT_STRONG) || vehicleHit(words) || fireAccident(words) || (any(words, ACCIDENT_WORDS) && /^(fell|falling|plunged)$/.test(input.trigger)))) {
    return { kind: 'accident', rule: 'kind:accident' };
  }
  // "struck him with a metal bar": a blow, not an air strike.
  if ((CONFLICT_ONLY_CLASSES.has(cls) && !(cls === 'strike' && input.strikeWords.every((w) => w === 'struck' || w === 'hit'))) || remote) return { kind: 'conflict', rule: 'kind:conflict-class' };
  if (input.orgActor || any(words, ARMED_GROUP_WORDS) || any(words, POLITICAL_WORDS)) return { kind: 'conflict', rule: 'kind:conflict-actor' };
  if (any(words, CRIME_WORDS)) return { kind: 'crime', rule: 'kind:crime' };
  if (input.crimeArticle) return { kind: 'crime', rule: 'kind:crime-article' };
  if (DEATH_ONLY.has(input.trigger) && !input.foundDead && input.weapons.size === 0 && !attacked && !violentNear(input)) return { kind: 'conflict', rule: NO_VIOLENT_AGENT };
  return { kind: 'conflict', rule: 'kind:conflict-default' };
}

/** Whether an article reads as crime reporting: two distinct crime words and no armed group or political word. */
export function crimeArticle(words: Iterable<string>): boolean {
  const crime = new Set<string>();
  for (const w of words) {
    if (ARMED_GROUP_WORDS.has(w) || POLITICAL_WORDS.has(w)) return false;
    if (CRIME_WORDS.has(w)) crime.add(w);
  }
  return crime.size >= 2;
}

/** An organisation name that makes an actor political (not the police, a hospital, a county). */
export function politicalOrg(name: string): boolean {
  return !CIVIL_ORG.test(name);
}

/**
 * An agreement is an ACLED strategic development only between political or armed parties: "agreed a
 * new deal with adidas", "has signed Roma defender Candela" are business and sport.
 */
export function politicalAgreement(words: readonly string[], countryActor: boolean, orgActor: boolean): boolean {
  return countryActor || orgActor || any(words, ARMED_GROUP_WORDS) || any(words, POLITICAL_WORDS) || any(words, GOVERNMENT_WORDS);
}

/** Whether an article is about a natural disaster: DISASTER_ARTICLE_MIN of its words are hazard words. */
export function disasterArticle(words: Iterable<string>): boolean {
  let n = 0;
  for (const w of words) if (DISASTER_WORDS.has(w) && ++n >= DISASTER_ARTICLE_MIN) return true;
  return false;
}
