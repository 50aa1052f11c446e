/**
 * The word lists and patterns the event rules of extract.ts read: data, not control flow.
 */
import { PERSON_NOUNS } from './lexicon.js';

/** Unorganised crowds: their violence is mob violence (ACLED Riots), not an armed group's. */
export const CROWD = new Set(['residents', 'locals', 'villagers', 'mob', 'crowd', 'crowds', 'youths', 'traders', 'citizens', 'neighbours', 'neighbors', 'relatives', 'inhabitants', 'passers-by', 'passersby', 'onlookers', 'vigilantes', 'shopkeepers', 'motorists', 'parishioners']);
/** Words of a demonstration: a riot told with them is a violent demonstration. */
export const DEMO_WORD = /^(demonstrat\w*|protest\w*|demand\w*|denounc\w*|blocked|blocking|barricad\w*|march\w*|rally|rallies|strikers?)$/;
/** Protesters' violence ("burned tyres", "pelted stones", "clashed with police"). */
export const DEMO_VIOLENCE = new Set(['threw', 'throw', 'throwing', 'hurled', 'hurling', 'pelted', 'pelting', 'stoned', 'stone-pelting', 'vandalized', 'vandalised', 'smashed', 'ransacked', 'torched', 'looted', 'clashed', 'rioters', 'rioting', 'molotov', 'alight', 'ablaze', 'arson', 'burning', 'burned', 'burnt', 'set']);
export const NOT_DEMO_VIOLENCE_AFTER = new Set(['effigy', 'effigies', 'flag', 'flags', 'candles', 'candle', 'copies', 'photos', 'pictures', 'portraits', 'posters']);
/** Authorities stepping in at a protest. */
export const INTERVENTION = new Set(['dispersed', 'disperse', 'dispersing', 'teargas', 'tear-gas', 'intervened', 'arrested', 'detained', 'batons', 'baton', 'baton-charged', 'lathi-charged', 'lathicharged', 'cannon', 'cannons', 'evicted', 'cordoned', 'kettled', 'beat', 'beaten', 'arrests', 'detentions']);
/** Interventions that need the authorities named in the sentence ("police arrested …"). */
export const INTERVENTION_NEEDS_AGENT = new Set(['intervened', 'arrested', 'detained', 'beat', 'beaten', 'arrests', 'detentions', 'evicted']);
export const AUTHORITIES = new Set(['police', 'policemen', 'officers', 'security', 'forces', 'authorities', 'gendarmes', 'gendarmerie', 'army', 'soldiers', 'troops', 'guards', 'military', 'riot']);
/** Words that make what follows the topic or an accusation, not something that happened there. */
export const TOPIC_CUES = /^(against|over|release|accused|accusing|alleged|allegedly|condemning|condemned|denouncing|denounced|demanding|demanded)$/;
/** Words that make fire mutual (a battle) rather than one-sided. */
export const EXCHANGE = new Set(['exchanged', 'exchanging', 'shoot-out', 'shootout', 'firefight', 'gunbattle', 'crossfire', 'retaliated']);
export const NOT_SECURITY_HEAD = new Set(['civilian', 'civilians', 'vehicle', 'vehicles', 'house', 'houses', 'home', 'homes', 'residents', 'villagers', 'passengers', 'who', 'which', 'passing', 'carrying', 'attributed', 'claimed', 'blamed', 'property', 'children', 'women']);
/**
 * Triggers that need their neighbours: "exchanged fire", "opened fire on soldiers", "fired small arms
 * at the positions of …", "repulsed the attack", "thwarted an incursion".
 */
export const CONTEXT_HEADS = new Set(
  (
    'fire fires fight shoot strike strikes beat beaten beating thrashed blocked barricaded blockaded occupied set destroyed seized recovered ' +
    'confiscated burned burnt torched defused defuse disarmed neutralized neutralised unearthed shot established establish opened released ' +
    'freed handed patrol patrols curfew curfews lockdown lockdowns ban state body bodies remains corpse corpses heads repulsed repelled ' +
    'thwarted foiled repulse repel fired threw throw throwing hurled hurling pelted pelting lobbed stoned shots bursts captured killed ' +
    'wounded injured'
  ).split(' '),
);
export const BASE_WORD = /^(base|bases|headquarters|hq|camp|outpost|outposts)$/;
export const WEAPON_GOODS = /^(arms|weapons|ammunition|ammunitions|explosives|rifles?|guns|grenades|rounds|bullets|detonators)$/;
export const CLAUSE_END = new Set([';', '.', '!', '?', '“', '”', '"', '—', '–']);
export const SPEECH = new Set(['said', 'says', 'told', 'added', 'announced', 'stated', 'reported', 'confirmed', 'claimed', 'wrote', 'posted', 'statement']);
export const PLACE_PREP = new Set(['on', 'in', 'inside', 'within', 'from', 'at', 'near', 'of', 'across', 'over', 'into', 'outside', 'around', 'targeting', 'against', 'to']);
export const TARGET_CUE = new Set(['targeting', 'against', 'on', 'at']);
export const SKIP_BEFORE_NOUN = new Set([
  'a', 'an', 'the', 'massive', 'deadly', 'overnight', 'major', 'large', 'new', 'fresh', 'latest', 'joint', 'combined', 'apparent',
  'suspected', 'alleged', 'air', 'drone', 'missile', 'rocket', 'artillery', 'precision', 'surgical', 'retaliatory', 'cowardly',
  'high-stakes', 'five-hour', 'direct', 'face-to-face', 'bilateral', 'first', 'second', 'tuesday', 'monday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'its', 'his', 'her', 'their', '-', 'and', 'ballistic', 'long-range', 'heavy',
]);
export const DEMONSTRATIVE = new Set(['this', 'that', 'these', 'those', 'such']);
/** Words that open a clause which asks or supposes rather than reports ("asked whether …", "if …"). */
export const HYPOTHETICAL_OPENERS = new Set(['whether', 'if', 'unless', 'suppose', 'supposing', 'lest']);
/** Superlatives that open a comparison ("the largest since …", "the deadliest of the year"). */
export const SUPERLATIVES = new Set([
  'largest', 'biggest', 'deadliest', 'worst', 'heaviest', 'greatest', 'highest', 'strongest', 'longest', 'bloodiest', 'most',
  'fiercest', 'first', 'last', 'latest', 'lowest', 'smallest', 'costliest', 'broadest', 'widest', 'intense',
]);
/** Words that make the next event noun a background cause ("following Russian airstrikes …"). */
export const BACKGROUND_CUES = new Set(['following', 'amid', 'despite']);
export const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|\d[\d,.]*)$/i;
/** Targets: mentions and demonyms after the trigger, after a target cue or as a verb's object. */
export const CAUSE_CLAUSE = new Set(['retaliation', 'response', 'revenge', 'reprisal', 'reprisals', 'after', 'following', 'amid', 'because', 'since', 'despite', 'while', 'when', 'before']);
export const ROLE_AFTER = new Set(['press', 'secretary', 'spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'ministry', 'embassy', 'government', 'authorities', 'police', 'officers', 'leaders', 'president', 'prime', 'minister', 'mayor', 'governor', 'command']);
export const LOCATIVE = new Set(['in', 'inside', 'within', 'across', 'into', 'over', 'on', 'at', 'near', 'of', 'throughout', 'outside', 'around', 'targeting', 'against', 'hit', 'struck', 'attacked', 'shelled', 'bombed', '(']);
export const AREA_WORDS = new Set(['the', 'northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'northeast', 'northwest', 'southeast', 'southwest', 'rural', 'occupied']);
/** "…, Ukraine's Interior Ministry said." / "according to X" when no quote covers the sentence. */
export const TAIL_CLAIM = /,\s+(?:according to\s+)?([^,;“”"]{2,90}?)\s+(?:said|says|reported|added|announced|confirmed|claimed)\b[^,;]*\.?\s*$/u;
export const ACCORDING = /according to\s+([^,.;“”"]{2,90})/u;
/** "Air Base", "air force", "air defense": institutions, not aircraft in action. */
export const NOT_AIRCRAFT_AFTER = new Set(['base', 'bases', 'defense', 'defence', 'defenses', 'defences', 'port', 'space', 'traffic', 'quality', 'conditioning', 'pollution', 'date']);
/** The words of which SINGLE_DEATH_SUBJECT and SINGLE_DEATH_OBJECT need at least one. */
export const DEATH_WORDS = new Set(['killed', 'gunned', 'killing', 'dead', 'death', 'murdered', 'assassinated', 'beheaded', 'lynched', 'executed', 'died', 'succumbed', 'fatally', 'fatal', 'body', 'strangled']);
/** Words that only sport reports use this way: with one in the sentence, SPORT_SENSE words tell play. */
export const SPORT_WORDS = new Set(
  (
    'goal goals goalkeeper keeper striker strikers midfielder midfield winger penalty penalties referee header crossbar scored scorer ' +
    'scoring match matches tournament championship championships league cup semi-final quarter-final seed seeded tie-break season ' +
    'olympic olympics medal medallist athletics athlete athletes sprinter rugby football tennis cricket premiership squad fixture ' +
    'fixtures innings wicket game games title titles champion champions pitch put'
  ).split(' '),
);
/** Violent words with a sense in sport ("a low shot", "beat the keeper", "a bruising battle", "hit back"). */
export const SPORT_SENSE = new Set(
  (
    'shot shots attack attacks attacked attacking strike strikes struck fire fired firing killed beat beaten beating thrashed ' +
    'battle battles clash clashes clashed fought fight fighting rallied rally rallies hit targeted strikers shootout shoot-out demonstrated'
  ).split(' '),
);
/** "shot wide", "shot wildly", "shot narrowly past": a shot at goal. */
export const SHOT_PLAY_AFTER = new Set(['wide', 'wildly', 'narrowly', 'high', 'home', 'straight']);
export const SCORE = /^\d{1,2}-\d{1,2}$/;
/** Words that can carry a death told without a number (its event's trigger). */
export const DEATH_TRIGGER = new Set(['killed', 'dead', 'died', 'murdered', 'assassinated', 'executed', 'beheaded', 'lynched', 'stabbed', 'death', 'shot', 'pronounced', 'fatally', 'body', 'strangled']);
/** Words without which a sentence tells no single injury. */
export const INJURY_WORD = new Set(['injured', 'wounded', 'hurt', 'shot', 'stabbed']);
/**
 * Words that open a clause about another, earlier or compared, event ("two days after a shooting left
 * four dead", "in the wake of the midair collision that killed 67", "on the heels of", "echoed another
 * shooting"), and the incident nouns that such a clause names beside the event triggers.
 */
export const BACKGROUND_CLAUSE = new Set(['after', 'following', 'since', 'like', 'than', 'wake', 'heels', 'echoed', 'echoes', 'recalled', 'recalls', 'another', 'anniversary']);
export const INCIDENT_NOUNS = new Set(['crash', 'collision', 'wreck', 'blaze', 'explosion', 'rampage', 'disaster', 'stabbing', 'derailment']);
/** People named after the event noun ("the shooting suspect", "crash victims"): the noun modifies them. */
export const MODIFIED_PERSONS = new Set(['suspect', 'suspects', 'victim', 'victims', 'survivor', 'survivors', 'witness', 'witnesses', 'investigators']);
/** The last word of a count's unit that counts people (a toll when a death or injury word follows it). */
export const PERSON_UNIT = new RegExp(`^(?:${PERSON_NOUNS}|people|persons|civilians|men|women|children|soldiers|policemen|officers|fighters|militants|personnel|members|residents|villagers|protesters|demonstrators|students|workers|farmers)$`, 'i');
/** A person named as a verb's object ("executed three men", "attacked a taxi driver"). */
export const PERSON_WORD = new RegExp(`^(?:${PERSON_NOUNS}|people|persons|civilians|men|women|children|members|him|her|them)$`, 'i');
