/**
 * Event extraction: triggers in sentences (lexicon.ts), typed twice (ACLED and PLOVER), with their
 * arguments read off the earlier layers — actors and targets from entity mentions and demonyms, the
 * place from the places layer, the date from the times layer (else the publication date, marked
 * implied), deaths and injuries from role-typed quantities, weapon counts, the claimant from the
 * quantity's claimant or the quote that covers the sentence — and then merged within the article
 * (the many mentions of one strike become one event whose evidence lists them all).
 *
 * Rules, no parser: every step is a pass over the tokens of one sentence, so the cost is linear.
 */
import type { Article, Span } from '../core/article.js';
import type {
  Entity,
  EventArgument,
  EventFigure,
  EventRecord,
  Layers,
  Mention,
  Place,
  Quantity,
  Quote,
  Sentence,
  SpeakerRef,
  TimeExpr,
  Token,
} from '../core/layers.js';
import { isMappable } from '../places/mappable.js';
import { humanTime } from '../cli/timex-words.js';
import { dominantTown, leadEnd, sceneOrSetting, SETTING_KM, townEvidence } from './setting.js';
import { orgTowns } from '../places/org-towns.js';
import { followsReferenceWords } from './landmark.js';
import { narrowToStatedDay } from './narrow.js';
import { countryOfDemonym, countryOfName } from '../entities/countries.js';
import {
  ABSTRACT_OBJECTS,
  ACLED_TYPES,
  FIGURATIVE_BEFORE,
  INJURED_ROLES,
  KILLED_ROLES,
  NEGATION_CUES,
  NON_VIOLENT_AFTER,
  NON_VIOLENT_BEFORE,
  PLANNED_CUES,
  SHOW_SENSE_VERBS,
  SECURITY_TARGET,
  PROPERTY,
  ARMED,
  TROOPS,
  PERSON_NOUNS,
  VERBAL,
  VIOLENT,
  VIOLENT_CONTEXT,
  isWeaponUnit,
  triggerFor,
  triggerWords,
  weaponOf,
  type AcledType,
  type EventClass,
  type Trigger,
  type Weapon,
} from './lexicon.js';
import { capSingleEventTolls, countsAttackers, isAddress, isYearAsCount, isCumulative, isToll, lumped, roleByWords, speculative } from './figures.js';
import { singleDeath, singleInjury } from './deaths.js';
import { crimeArticle, disasterArticle, kindOf, politicalAgreement, politicalOrg } from './kind.js';
import { contextPlace, crossLinkParagraphs, earlierIncident, elsewhere, referenceRule } from './reference.js';
import { undatedArticleAnchor } from './anchor.js';
import { articleDomainScore, domainModel } from './domain.js';
import { AMBIGUOUS_TRIGGERS, eventSenseFeatures, senseModel, senseScore, tokensBySentence } from './sense.js';
import { ACCORDING, AREA_WORDS, AUTHORITIES, BACKGROUND_CUES, BASE_WORD, CAUSE_CLAUSE, CLAUSE_END, CONTEXT_HEADS, CROWD, DEATH_TRIGGER, DEATH_WORDS, DEMONSTRATIVE, DEMO_VIOLENCE, DEMO_WORD, EXCHANGE, HYPOTHETICAL_OPENERS, INJURY_WORD, INTERVENTION, INTERVENTION_NEEDS_AGENT, LOCATIVE, NOT_AIRCRAFT_AFTER, NOT_DEMO_VIOLENCE_AFTER, NOT_SECURITY_HEAD, NUMBER_WORD, PLACE_PREP, ROLE_AFTER, SCORE, SHOT_PLAY_AFTER, SKIP_BEFORE_NOUN, SPEECH, SPORT_SENSE, SPORT_WORDS, SUPERLATIVES, TAIL_CLAIM, TARGET_CUE, TOPIC_CUES, WEAPON_GOODS } from './extract-words.js';

// ---------------------------------------------------------------- per-sentence buckets

interface Tok extends Span {
  lower: string;
  text: string;
  pos: string;
}

interface SentenceView {
  index: number;
  span: Span;
  paragraph: number;
  toks: Tok[];
  mentions: Mention[];
  places: Place[];
  times: Array<{ t: TimeExpr; i: number }>;
  quantities: Array<{ q: Quantity; i: number }>;
}

function bucket<T extends Span>(items: readonly T[], sentences: readonly Sentence[], into: (s: number, item: T, i: number) => void): void {
  let s = 0;
  // Layers are almost always in text order already; the (stable) sort is needed only when not.
  let inOrder = true;
  for (let k = 1; k < items.length && inOrder; k++) if (items[k].start < items[k - 1].start) inOrder = false;
  if (inOrder) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      while (s < sentences.length && sentences[s].end <= item.start) s++;
      if (s >= sentences.length) break;
      if (item.start >= sentences[s].start) into(s, item, i);
    }
    return;
  }
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.start - b.item.start);
  for (const { item, i } of sorted) {
    while (s < sentences.length && sentences[s].end <= item.start) s++;
    if (s >= sentences.length) break;
    if (item.start >= sentences[s].start) into(s, item, i);
  }
}

function views(text: string, layers: Readonly<Layers>): SentenceView[] {
  const sentences = layers.sentences ?? [];
  const out: SentenceView[] = sentences.map((s, index) => ({
    index,
    span: { start: s.start, end: s.end },
    paragraph: s.paragraph,
    toks: [],
    mentions: [],
    places: [],
    times: [],
    quantities: [],
  }));
  const tokens: readonly Token[] = layers.tokens ?? [];
  for (const t of tokens) {
    const v = out[t.sentence];
    if (!v) continue;
    const surface = text.slice(t.start, t.end);
    v.toks.push({ start: t.start, end: t.end, text: surface, lower: surface.toLowerCase(), pos: t.pos });
  }
  bucket(layers.mentions ?? [], sentences, (s, m) => out[s].mentions.push(m));
  // Only mappable places are a scene: a guess below MAP_CONFIDENCE stays text (places/mappable.ts).
  bucket((layers.places ?? []).filter((p) => p.entity !== 'dateline' && isMappable(p)), sentences, (s, p) => out[s].places.push(p));
  bucket(layers.times ?? [], sentences, (s, t, i) => out[s].times.push({ t, i }));
  bucket(layers.quantities ?? [], sentences, (s, q, i) => out[s].quantities.push({ q, i }));
  return out;
}

// ---------------------------------------------------------------- raw mentions

interface RawEvent {
  cls: EventClass;
  /** Id of the rule that proposed it (rules.ts). */
  rule: string;
  /** Id of the rule that gave it a toll told without a number (deaths.ts). */
  tollRule?: string;
  trigger: Tok;
  tokIndex: number;
  sentence: SentenceView;
  status: 'asserted' | 'planned' | 'negated';
  actors: EventArgument[];
  targets: EventArgument[];
  place: Place | null;
  date: EventRecord['date'];
  figures: EventFigure[];
  weapons: Set<Weapon>;
  claimant: SpeakerRef | null;
  verbText: string;
  /** "the attack", "this strike", "the Israeli attacks": refers back to an event told before. */
  anaphoric: boolean;
  /** "this attack", "these strikes", "such attacks": refers back; its own place and date do not count. */
  demonstrative?: boolean;
  /** "yesterday’s attack", "the October 7 massacre": the date before the noun names the event. */
  named?: boolean;
  /** The words after the trigger name armed forces (an attack on them is a battle). */
  securityTarget: boolean;
  /** The sentence names an armed actor (forces, militants, police …). */
  armed: boolean;
  /** The sentence names troops or reinforcements. */
  troops: boolean;
  /** Fire both ways: "exchanged fire", "a shoot-out", "in both directions". */
  exchange?: boolean;
  /** "small arms": rifle fire, which ACLED codes as a clash when it is the weapon of a strike. */
  smallArms?: boolean;
  /** The perpetrators are a crowd (residents, villagers, a group of people): mob violence. */
  crowd?: boolean;
  /** The sentence tells a demonstration (a riot there is a violent demonstration). */
  demo?: boolean;
  /** What happened at a protest: the protesters' violence, lethal force against them, or an intervention. */
  protestTurn?: 'violent' | 'excessive' | 'intervention';
}

/** The perpetrators of the trigger are a crowd: the clause's subject, or the agent after "by". */
function crowdPerpetrator(toks: Tok[], i: number, noun: boolean): boolean {
  const passive = !noun && /^(was|were|been|being|is|are|got)$/.test(toks[i - 1]?.lower ?? '');
  const isCrowd = (k: number): boolean => {
    const w = toks[k].lower;
    if (CROWD.has(w)) return true;
    if (w === 'people' || w === 'persons' || w === 'individuals') return !noun && !passive ? true : toks.slice(Math.max(0, k - 5), k).some((t) => /^(group|groups|crowd|mob)$/.test(t.lower));
    return w === 'members' && /^(community|family|clan)$/.test(toks[k - 1]?.lower ?? '');
  };
  let sawCrowd = false;
  // "a man was beaten", "people were killed": a passive's subject is its victim.
  if (passive) return byCrowd();
  // A noun's perpetrators come after it ("an attack by villagers"); words before it are anything.
  for (let k = i - 1; k >= Math.max(0, noun ? i : i - 12); k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w) || w === 'after' || w === 'for' || w === 'who' || w === 'that' || w === 'when') break;
    if (ARMED.has(w) || w === 'unidentified' || w === 'unknown' || w === 'gunmen') return false;
    if (isCrowd(k)) sawCrowd = true;
  }
  return sawCrowd || byCrowd();
  function byCrowd(): boolean {
    for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
      if (toks[k].lower !== 'by') continue;
      for (let j = k + 1; j < Math.min(toks.length, k + 7); j++) {
        if (ARMED.has(toks[j].lower) || toks[j].lower === 'gunmen') return false;
        if (isCrowd(j)) return true;
      }
    }
    return false;
  }
}

/** What happened at a protest told in this sentence and the next two of its paragraph. */
function protestTurnOf(views: readonly SentenceView[], si: number): RawEvent['protestTurn'] {
  let turn: RawEvent['protestTurn'];
  // From the sentence before (the protest may be told after what happened to it) to two after.
  for (let s = Math.max(0, si - 1); s < Math.min(views.length, si + 3); s++) {
    const v = views[s];
    if (v.paragraph !== views[si].paragraph) continue;
    const toks = v.toks;
    const agents = toks.some((t) => AUTHORITIES.has(t.lower));
    for (let k = 0; k < toks.length; k++) {
      const w = toks[k].lower;
      const next = toks[k + 1]?.lower ?? '';
      if (!DEMO_VIOLENCE.has(w) && !INTERVENTION.has(w) && w !== 'tear' && w !== 'live' && w !== 'killed' && w !== 'shot') continue;
      if (toks.slice(Math.max(0, k - 7), k).some((t) => TOPIC_CUES.test(t.lower))) continue;
      // "guards threw tear gas": the authorities' intervention, not the protesters' violence.
      if (DEMO_VIOLENCE.has(w) && (next === 'tear' || next === 'teargas')) {
        turn = turn === 'excessive' ? turn : 'intervention';
        continue;
      }
      if (DEMO_VIOLENCE.has(w) && !NOT_DEMO_VIOLENCE_AFTER.has(next)) {
        // "set fire to", "set … on fire", "set ablaze": only "set" with fire words.
        if (w === 'set' && !toks.slice(k + 1, k + 7).some((t) => /^(fire|alight|ablaze|ablaze)$/.test(t.lower))) continue;
        if ((w === 'burning' || w === 'burned' || w === 'burnt') && !toks.slice(k - 3, k + 4).some((t) => /^(tires|tyres|tire|tyre|barricades?|vehicles?|cars?|buses|bus|trucks?|buildings?|offices?|shops?|stations?|houses?|objects|property)$/.test(t.lower))) continue;
        return 'violent';
      }
      if (w === 'tear' && next === 'gas') turn = turn === 'excessive' ? turn : 'intervention';
      if (w === 'live' && /^(ammunition|rounds|fire|bullets)$/.test(next)) turn = 'excessive';
      if ((w === 'killed' || w === 'shot') && toks.slice(Math.max(0, k - 6), k + 6).some((t) => /^(protesters?|demonstrators?|protestors?)$/.test(t.lower))) turn = 'excessive';
      // "police arrested …", "one woman was arrested": someone stepped in.
      const passive = /^(was|were|been|being)$/.test(toks[k - 1]?.lower ?? '') && !/^(he|she|who|which)$/.test(toks[k - 2]?.lower ?? '');
      if (INTERVENTION.has(w) && turn === undefined && (agents || passive || !INTERVENTION_NEEDS_AGENT.has(w))) turn = 'intervention';
    }
  }
  return turn;
}

/** Armed forces named after the trigger, up to the agent ("by X") or the clause end. */
function securityTargetAfter(toks: Tok[], i: number, noun = false): boolean {
  for (let k = i + 1; k < Math.min(toks.length, i + 12); k++) {
    const w = toks[k].lower;
    if ((w === 'by' && !noun) || w === ';' || w === '.' || SPEECH.has(w)) return false;
    // The target is named first: "a civilian vehicle passing near the base", "two houses, property of
    // police officers", "an attack attributed to ADF fighters".
    if (NOT_SECURITY_HEAD.has(w)) return false;
    if (SECURITY_TARGET.has(w)) return true;
  }
  return false;
}

/** "1 TMF fighter was shot", "a police patrol was attacked": the passive's subject is armed. */
function passiveArmed(view: SentenceView, i: number): boolean {
  const subject = passiveSubjectOf(view, i);
  return subject !== null && view.toks.some((t) => t.start >= subject.start && t.end <= subject.end && SECURITY_TARGET.has(t.lower));
}

/** "1 policeman", "two soldiers", "three militants": a toll of armed people. */
function armedUnit(unit: string | null): boolean {
  if (!unit) return false;
  return unit.toLowerCase().split(/\s+/).some((w) => SECURITY_TARGET.has(w));
}

const PERSON_WORD = new RegExp(`^(?:${PERSON_NOUNS}|people|persons|civilians|men|women|children|members|him|her|them)$`, 'i');

/** A person named right after a verb ("executed three men", "attacked a taxi driver"). */
function personObject(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < Math.min(toks.length, i + 6); k++) {
    const w = toks[k].lower;
    if (PERSON_WORD.test(w)) return true;
    if (!(toks[k].pos === 'DET' || toks[k].pos === 'NUM' || toks[k].pos === 'ADJ' || toks[k].pos === 'PROPN' || /^(an?|the|two|three|several|unknown|number|of|local|elderly|young|taxi|bike)$/.test(w))) return false;
  }
  return false;
}

/** "heavy machine guns", "grenade launchers": crew-served weapons, coded with shelling. */
function heavyGuns(toks: Tok[]): boolean {
  return toks.some((t, k) => /^(launchers?|machineguns?|mortars?|cannons?|guns)$/.test(t.lower) && (t.lower !== 'guns' || toks[k - 1]?.lower === 'machine'));
}

function contextualTrigger(toks: Tok[], i: number): Trigger | undefined {
  const w = toks[i].lower;
  if (!CONTEXT_HEADS.has(w)) return undefined;
  const prev = toks[i - 1]?.lower ?? '';
  const next1 = toks[i + 1]?.lower ?? '';
  const anyAfter = (n: number, re: RegExp | ReadonlySet<string>): boolean => wordIn(toks, i + 1, i + 1 + n, re);
  const anyBefore = (n: number, re: RegExp | ReadonlySet<string>): boolean => wordIn(toks, i - n, i, re);
  const passive = prev === 'was' || prev === 'were' || prev === 'been';
  switch (w) {
    case 'fire':
    case 'fires':
      if (/^(exchanged|exchanging|exchange|returned|returning|traded)$/.test(prev) || (prev === 'of' && /^(exchange|exchanges)$/.test(toks[i - 2]?.lower ?? ''))) return { cls: 'clash', noun: true };
      if (/^(opened|opening|open)$/.test(prev)) return { cls: securityTargetAfter(toks, i) ? 'clash' : 'killing', noun: false };
      return undefined;
    case 'fight':
      return /^(armed|fire|gun|heavy|fierce|physical)$/.test(prev) ? { cls: 'clash', noun: true } : undefined;
    // "pelted stones at police", "hurled Molotov cocktails at a vehicle": a riot.
    case 'threw':
    case 'throw':
    case 'throwing':
    case 'hurled':
    case 'hurling':
    case 'pelted':
    case 'pelting':
    case 'lobbed':
      return anyAfter(5, /^(stones?|rocks?|molotov|molotovs|acid|bottles|bricks|petrol|firebombs?|eggs)$/) ? { cls: 'riot', noun: false } : undefined;
    case 'stoned':
      return { cls: 'riot', noun: false };
    // A labour strike is a protest: "went on strike", "a general strike", "workers' strike action".
    case 'strike':
    case 'strikes':
      return /^(on|hunger|general|labour|labor|rail|teachers|workers|nationwide|sit-down|wildcat|transport|doctors|nurses)$/.test(prev) || next1 === 'action' || next1 === 'ballot'
        ? { cls: 'protest', noun: true }
        : undefined;
    // "was beaten up", "beat a man": a beating.
    case 'beat':
    case 'beaten':
    case 'beating':
    case 'thrashed':
      return next1 === 'up' || /^(was|were|been|being|got)$/.test(prev) || /^(him|her|them|a|an|two|three|several|the)$/.test(next1) ? { cls: 'killing', noun: false } : undefined;
    // "blocked the road", "barricaded the highway": a protest by obstruction.
    case 'blocked':
    case 'barricaded':
    case 'blockaded':
    case 'occupied':
      return !passive && anyAfter(6, /^(roads?|streets?|highways?|route|routes|entrance|bridge|traffic|access|junction|intersection|motorway|railway|avenue|rn\d+|br-\d+)$/)
        ? { cls: 'protest', noun: false }
        : undefined;
    case 'set':
      // "set fire to a house", "trucks were set on fire", "set alight" …
      if (anyAfter(4, /^(fire|alight|ablaze|afire)$/)) {
        if (anyBefore(7, PROPERTY) || anyAfter(9, PROPERTY)) return { cls: 'loot', noun: false };
        if (anyBefore(7, PERSON_WORD) || anyAfter(9, PERSON_WORD)) return { cls: 'killing', noun: false };
        return undefined;
      }
      // … or "set up a headquarters".
      return anyAfter(4, BASE_WORD) ? { cls: 'base', noun: false } : undefined;
    case 'established':
    case 'establish':
    case 'opened':
      return anyAfter(4, BASE_WORD) && !anyAfter(4, /^fortifications$/) ? { cls: 'base', noun: false } : undefined;
    // "destroyed 12 marijuana crops", "seized three boats", "recovered arms": property or weapons taken.
    case 'seized':
    case 'captured':
      // "captured 2 rebels", "seized three fighters": armed men taken in a fight.
      if (anyAfter(5, /^(rebels?|militants?|fighters?|soldiers?|operatives|insurgents|combatants|militiamen|jihadists|elements)$/)) return { cls: 'clash', noun: false };
      return w === 'captured' ? undefined : taken(toks, i, w, passive);
    case 'destroyed':
    case 'recovered':
    case 'confiscated':
    case 'burned':
    case 'burnt':
    case 'torched':
      return taken(toks, i, w, passive);
    // "defused five IEDs": weapons stopped.
    case 'defused':
    case 'defuse':
    case 'disarmed':
    case 'neutralized':
    case 'neutralised':
    case 'unearthed':
      return anyAfter(5, /^(ieds?|bombs?|devices?|explosives?|mines?|landmines?)$/) ? { cls: 'intercept', noun: false } : undefined;
    // "released 67 prisoners": a non-violent strategic development.
    case 'released':
    case 'freed':
    case 'handed':
      return anyAfter(6, /^(prisoners?|detainees|hostages?|captives|soldiers|inmates|abductees)$/) ? { cls: 'release', noun: false } : undefined;
    // "conducted a patrol", "a joint patrol", "imposed a curfew", "declared a state of emergency".
    case 'patrol':
    case 'patrols':
      return /^(a|joint|conducted|conduct|new|military)$/.test(prev) && !anyAfter(3, /^(was|were)$/) ? { cls: 'posture', noun: true } : undefined;
    case 'curfew':
    case 'curfews':
    case 'lockdown':
    case 'lockdowns':
    case 'ban':
    case 'state':
      return (w !== 'state' || toks[i + 2]?.lower === 'emergency') && anyBefore(5, /^(imposed|declared|enforcing|enforced|announced|extended|introduced|began|imposes|declares)$/)
        ? { cls: 'posture', noun: true }
        : undefined;
    // "observed 14 shots/bursts of fire involving small arms": fire recorded by monitors.
    case 'shots':
    case 'bursts':
      return toks[i - 1]?.pos === 'NUM' || prev === '/' || anyAfter(3, /^(involving|fire)$/) ? { cls: 'strike', noun: true } : undefined;
    // "gunmen killed an unknown number of civilians", "wounded a civilian": the verb tells the violence.
    case 'killed':
    case 'wounded':
    case 'injured':
      return !/^(was|were|been|being|is|are)$/.test(prev) && personObject(toks, i) ? { cls: 'killing', noun: false } : undefined;
    // "shoot-out" tokenised as three tokens.
    case 'shoot':
      return next1 === '-' && toks[i + 2]?.lower === 'out' ? { cls: 'clash', noun: true } : undefined;
    // "the body of a man was found", "human remains were found": a killing.
    case 'body':
    case 'bodies':
    case 'remains':
    case 'corpse':
    case 'corpses':
    case 'heads':
      return toks.some((t) => /^(found|discovered|recovered|dumped|located)$/.test(t.lower)) ? { cls: 'killing', noun: true } : undefined;
    case 'repulsed':
    case 'repelled':
    case 'thwarted':
    case 'foiled':
    case 'repulse':
    case 'repel':
      return anyAfter(5, /^(attacks?|assaults?|incursions?|offensive|advances?|infiltration|attackers|raid)$/) ? { cls: 'clash', noun: false } : undefined;
    case 'fired':
    case 'shot': {
      // "shot down a drone": weapons stopped.
      if (w === 'shot' && next1 === 'down') return { cls: 'intercept', noun: false };
      // "fired small arms / unspecified weapons at the positions of …": fire between armed forces;
      // "shells fired by …", "fired mortars at …": shelling (the launch trigger).
      if (w === 'fired' && (weaponWithin(toks, i + 1, i + 8) || weaponWithin(toks, i - 3, i))) return undefined;
      const next: Tok[] = [];
      for (let k = i + 1; k < Math.min(toks.length, i + 13); k++) {
        const t = toks[k];
        if (t.lower === 'by' || t.lower === '.' || t.lower === ';') break;
        next.push(t);
      }
      const atArmed = next.some((t) => SECURITY_TARGET.has(t.lower) || t.lower === 'positions');
      const smallArms = next.some((t, k) => /^(rifles?|pistols?|unspecified|kalashnikovs?|ak-47s?|bullets|gunfire)$/.test(t.lower) || (t.lower === 'arms' && next[k - 1]?.lower === 'small'));
      if (w === 'fired' && (atArmed || smallArms)) return { cls: atArmed ? (smallArms || !heavyGuns(next) ? 'clash' : 'strike') : 'killing', noun: false };
      // "fired 14.5mm and PK machine guns at villages": crew-served fire, coded with shelling.
      if (w === 'fired') return heavyGuns(next) ? { cls: 'strike', noun: false } : undefined;
      // "shot a man", "shot and killed", "was shot dead": a shooting.
      if (!/^(a|the|one|first|warning|his|her|their)$/.test(prev)) return { cls: securityTargetAfter(toks, i) ? 'clash' : 'killing', noun: false };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Some token in [from, to) is in the set or matches the pattern (no slice, no allocation). */
function wordIn(toks: Tok[], from: number, to: number, re: RegExp | ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k < Math.min(toks.length, to); k++) if (re instanceof RegExp ? re.test(toks[k].lower) : re.has(toks[k].lower)) return true;
  return false;
}

/** Weapons seized or recovered (disrupted weapons use); property destroyed or taken (looting). */
function taken(toks: Tok[], i: number, w: string, passive: boolean): Trigger | undefined {
  if ((w === 'seized' || w === 'recovered' || w === 'confiscated') && wordIn(toks, i + 1, i + 9, WEAPON_GOODS)) return { cls: 'intercept', noun: false };
  return wordIn(toks, i + 1, i + 9, PROPERTY) || (passive && wordIn(toks, i - 6, i, PROPERTY)) ? { cls: 'loot', noun: false } : undefined;
}

function clsNeedsViolentContext(trigger: Trigger): boolean {
  return Boolean(trigger.ambiguous);
}

/** A violent context word in the sentence (other than the token at `besides`, when given) or a toll. */
function hasViolentContext(toks: Tok[], quantities: SentenceView['quantities'], besides = -1): boolean {
  for (let k = 0; k < toks.length; k++) if (k !== besides && VIOLENT_CONTEXT.has(toks[k].lower)) return true;
  for (const { q } of quantities) if (q.role && (KILLED_ROLES.has(q.role) || INJURED_ROLES.has(q.role))) return true;
  return false;
}

function weaponWithin(toks: Tok[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(toks.length, to); i++) {
    const w = weaponOf(toks[i].lower);
    if (w && w !== 'firearm' && w !== 'aircraft') return true;
    if (w === 'aircraft' && /jets?|warplanes?|aircraft|helicopters?/.test(toks[i].lower)) return true;
  }
  return false;
}

/** Accepts or rejects an ambiguous trigger by the words around it. */
function accept(cls: EventClass, trigger: Trigger, toks: Tok[], i: number, view: SentenceView, priorViolent: boolean): boolean {
  const prev = toks[i - 1]?.lower ?? '';
  const next = toks[i + 1]?.lower ?? '';
  const nextNext = toks[i + 2]?.lower ?? '';
  if ((cls === 'strike' || cls === 'attack') && (NON_VIOLENT_BEFORE.has(prev) || NON_VIOLENT_AFTER.has(next))) return false;
  if (cls === 'strike' && prev === 'on' && trigger.noun) return false; // "went on strike"
  // "protested his innocence": a denial, not a demonstration.
  if (cls === 'protest' && !trigger.noun && /^(his|her|their|its)$/.test(next) && nextNext === 'innocence') return false;
  if (cls === 'protest' && !trigger.noun && SHOW_SENSE_VERBS[toks[i].lower]?.has(next)) return false;
  // "the March survey": capitalised inside a sentence, the word is the month.
  if (cls === 'protest' && toks[i].text === 'March' && i > 0) return false;
  switch (cls) {
    case 'launch':
      return weaponWithin(toks, i + 1, i + 8);
    case 'intercept':
      if (contextualTrigger(toks, i)?.cls === 'intercept') return true;
      return weaponWithin(toks, i + 1, i + 10) || (trigger.noun && weaponWithin(toks, i - 3, i + 4));
    case 'regain':
    case 'overtake':
      return view.places.some((p) => p.start >= toks[i].end && p.start - toks[i].end < 60) && hasViolentContext(toks, view.quantities);
    case 'killing':
      if (toks[i].lower === 'dead' || !triggerFor(toks[i].lower)) return true;
      // "executed three men", "stabbed a taxi driver": a person as the object.
      if (personObject(toks, i)) return true;
      if (toks[i].lower === 'gunned') return next === 'down';
      return hasViolentContext(toks, view.quantities) || toks[i].lower.startsWith('massacre') || toks[i].lower === 'assassination';
    case 'suicide':
      return /^(bomb|bomber|bombers|bombing|bombings|attack|attacks|blast|vest)$/.test(next);
    case 'loot':
      // "burned the main house", "three trucks were set on fire": property after, or before a passive.
      return wordIn(toks, i + 1, i + 8, PROPERTY) || (/^(was|were|been)$/.test(prev) && wordIn(toks, i - 6, i, PROPERTY));
    case 'posture':
      // "coalition reinforcements reached …", "established fortifications": forces' movements, not a
      // mention of reinforcements as a plan or a demand.
      return !/^(more|send|sending|requested|request|needs?|calls?|for)$/.test(prev);
    case 'grenade':
      // A grenade attack, not grenade launchers among the weapons of a fight.
      return !/^launchers?$/.test(next) && (/^(a|an|hand|threw|thrown|hurled|lobbed)$/.test(prev) || /^(attack|attacks|explosion|blast|exploded|was|were|hit)$/.test(next));
    case 'ied':
      // "defused five IEDs", "unearthed a landmine": a bomb that did not go off.
      if (wordIn(toks, i - 5, i, /^(defused|defuse|unearthed|found|recovered|discovered|disarmed|seized|detected|dismantled)$/)) return false;
      return toks[i].lower !== 'roadside' || /^(bomb|bombs|device|devices|explosive|blast)$/.test(next);
    case 'consult':
      if (toks[i].lower === 'arrived' || toks[i].lower === 'visit' || toks[i].lower === 'visited' || toks[i].lower === 'visits') {
        return view.places.some((p) => p.start > toks[i].start && p.start - toks[i].end < 40);
      }
      if (toks[i].lower === 'meet' || toks[i].lower === 'meets') return next === 'with' || view.mentions.some((m) => m.start >= toks[i].end && m.start - toks[i].end < 3);
      return true;
    default:
      break;
  }
  if (!clsNeedsViolentContext(trigger)) return true;
  // "armed men attacked a man", "assaulted a journalist": violence against a person.
  if (cls === 'attack' && !trigger.noun && personObject(toks, i)) return true;
  // Ambiguous words are violent with a violent context word in the sentence; "the strike", "the
  // attack" also when the article has already reported a violent event (anaphora).
  if (hasViolentContext(toks, view.quantities)) return true;
  return priorViolent && trigger.noun && (cls === 'strike' || cls === 'attack') && /^(the|this|that|these|those|such|’s|'s)$/.test(prev);
}

/**
 * How a noun trigger refers: "this attack", "these strikes", "such attacks" point back at an event
 * already told (demonstrative); "the attack", "its strike" usually do (definite); anything else
 * introduces an event.
 */
function anaphoraOf(toks: Tok[], i: number, trigger: Trigger): 'demonstrative' | 'definite' | null {
  if (!trigger.noun) return null;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = toks[k];
    if (DEMONSTRATIVE.has(t.lower)) return 'demonstrative';
    if (t.lower === 'the' || t.lower === 'its') return 'definite';
    if (t.pos === 'ADJ' || t.pos === 'PROPN' || SKIP_BEFORE_NOUN.has(t.lower) || demonymArg(t)) continue;
    return null;
  }
  return null;
}

/** The trigger sits in a clause that asks or supposes ("asked whether …", "if …", a question). */
function inHypothetical(toks: Tok[], i: number): boolean {
  if (toks[toks.length - 1]?.lower === '?') return true;
  for (let k = i - 1; k >= 0; k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w) || w === ',') return false;
    // "as if a massacre had been perpetrated": a likeness, not a report; "even if" concedes.
    if (HYPOTHETICAL_OPENERS.has(w) && toks[k - 1]?.lower !== 'even') return true;
  }
  return false;
}

/**
 * The token sits in a comparison ("the largest since Russia launched 705 munitions on Oct. 30",
 * "the deadliest of November"): it names a yardstick, neither a new event nor this event's date.
 */
function inComparison(toks: Tok[], i: number, sinceOnly: boolean): boolean {
  let since = false;
  for (let k = i - 1; k >= Math.max(0, i - 12); k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w)) return false;
    if (w === 'since') since = true;
    if (SUPERLATIVES.has(w) && w !== 'first' && w !== 'last' && w !== 'latest' && (since || (!sinceOnly && i - k <= 4))) return true;
    if ((w === 'first' || w === 'last') && since) return true;
  }
  return false;
}

/** "following Russian airstrikes", "in retaliation for U.S. strikes": an event told as a cause. */
function isBackground(toks: Tok[], i: number, trigger: Trigger): boolean {
  if (!trigger.noun) return false;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = toks[k].lower;
    if (BACKGROUND_CUES.has(w)) return true;
    if (w === 'for' && /^(retaliation|revenge|response)$/.test(toks[k - 1]?.lower ?? '')) return true;
    if (w === 'to' && toks[k - 1]?.lower === 'response') return true;
    const t = toks[k];
    if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NUM' || SKIP_BEFORE_NOUN.has(w) || demonymArg(t) || /^[A-Z]/.test(t.text)) continue;
    return false;
  }
  return false;
}

/**
 * A figurative or generic use: "fighting poverty", "the battle against cancer", "a legal battle",
 * "an attack on corruption" — the object is no party that can be hit.
 */
function isGenericUse(toks: Tok[], i: number, view: SentenceView): boolean {
  const cls = triggerFor(toks[i].lower)?.cls;
  if (cls !== 'clash' && cls !== 'attack' && cls !== 'strike') return false;
  if (cls === 'clash' && FIGURATIVE_BEFORE.has(toks[i - 1]?.lower ?? '')) return true;
  let k = i + 1;
  if (/^(against|with|on|over)$/.test(toks[k]?.lower ?? '')) k++;
  while (/^(the|a|an|global|rising|growing|organised|organized|organized|climate|world|extreme)$/.test(toks[k]?.lower ?? '')) k++;
  const obj = toks[k];
  return obj !== undefined && ABSTRACT_OBJECTS.has(obj.lower) && !mentionAt(view, obj);
}

/** "yesterday’s attack", "the October 7 massacre": a date written before the noun names the event. */
function namedByDate(view: SentenceView, i: number): EventRecord['date'] {
  const trig = view.toks[i];
  for (const { t, i: index } of view.times) {
    if (t.end > trig.start || trig.start - t.end > 30 || !t.range) continue;
    let k = i - 1;
    while (k >= 0 && view.toks[k].start >= t.end) k--;
    const between = view.toks.slice(k + 1, i);
    if (between.every((x) => x.lower === '’s' || x.lower === "'s" || x.pos === 'ADJ' || SKIP_BEFORE_NOUN.has(x.lower) || x.lower === 'th')) return dateFromTimex(t, index);
  }
  return null;
}

function statusOf(toks: Tok[], i: number, trigger: Trigger): RawEvent['status'] {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w) || w === ',') break;
    if (NEGATION_CUES.has(w) || w === 'n’t' || w.endsWith("n't") || w.endsWith('n’t')) return 'negated';
    if (w === 'to' && k === i - 1 && (!trigger.noun || toks[i].pos === 'VERB')) return 'planned';
    if (w !== 'to' && PLANNED_CUES.has(w)) return 'planned';
  }
  return 'asserted';
}

// ---------------------------------------------------------------- arguments

interface ArgContext {
  text: string;
  entities: NonNullable<Layers['entities']>;
}

function mentionArg(ctx: ArgContext, m: Mention): EventArgument {
  const entity = ctx.entities[m.entity];
  const arg: EventArgument = { start: m.start, end: m.end, text: ctx.text.slice(m.start, m.end) };
  if (entity) {
    arg.entity = entity.id;
    const bare = entity.name.replace(/^(the\s+)?(State|Republic|Kingdom|Islamic Republic|Federation) of\s+/i, '');
    arg.name = countryOfName(bare) ?? countryOfName(entity.name) ?? countryOfDemonym(entity.name) ?? entity.name;
  }
  return arg;
}

function demonymArg(tok: Tok): EventArgument | null {
  const base = tok.text.replace(/[’']s$/u, '');
  const country = countryOfDemonym(base) ?? countryOfName(base);
  return country ? { start: tok.start, end: tok.end, text: tok.text, name: country } : null;
}

function mentionAt(view: SentenceView, tok: Tok): Mention | undefined {
  for (const m of view.mentions) if (m.start <= tok.start && tok.end <= m.end) return m;
  return undefined;
}

function isPlaceMention(view: SentenceView, m: Mention): boolean {
  return view.places.some((p) => p.start <= m.start && m.end <= p.end && p.precision !== 'country');
}

function pushArg(list: EventArgument[], arg: EventArgument | null): void {
  if (!arg || NUMBER_WORD.test(arg.text)) return;
  if (list.some((a) => (a.start < arg.end && arg.start < a.end) || (a.name && a.name === arg.name))) return;
  list.push(arg);
}

/** Actors written before a noun trigger: "an Israeli strike", "Israel's attack", "U.S.-Russia meeting". */
function nounActors(ctx: ArgContext, view: SentenceView, i: number): EventArgument[] {
  const out: EventArgument[] = [];
  const toks = view.toks;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = toks[k];
    if (t.lower === '’s' || t.lower === "'s") continue;
    const m = mentionAt(view, t);
    if (m && !(m.kind === 'pronoun' && !ctx.entities[m.entity])) {
      if (!isPlaceMention(view, m)) pushArg(out, mentionArg(ctx, m));
      k = toks.findIndex((x) => x.start >= m.start);
      continue;
    }
    const d = demonymArg(t);
    if (d) {
      pushArg(out, d);
      continue;
    }
    if (SKIP_BEFORE_NOUN.has(t.lower) || t.pos === 'ADJ' || t.pos === 'NUM' || /^[A-Z]/.test(t.text)) continue;
    break;
  }
  return out.reverse();
}

/** The subject of a verb trigger: entity mentions and demonym-led nouns before it in its clause. */
function verbActors(ctx: ArgContext, view: SentenceView, i: number, many: boolean): EventArgument[] {
  const out: EventArgument[] = [];
  const toks = view.toks;
  let passive = false;
  for (let k = i - 1; k >= Math.max(0, i - 14); k--) {
    const t = toks[k];
    // A meeting's participants may be listed across dashes ("X and other officials — including Y — met").
    if (many && (t.lower === '—' || t.lower === '–')) continue;
    if (CLAUSE_END.has(t.lower) || t.lower === 'that' || t.lower === 'which' || t.lower === 'who' || SPEECH.has(t.lower)) break;
    if (k === i - 1 && (t.lower === 'was' || t.lower === 'were' || t.lower === 'been' || t.lower === 'be')) passive = true;
    const m = mentionAt(view, t);
    if (m) {
      if (!isPlaceMention(view, m)) pushArg(out, mentionArg(ctx, m));
      k = toks.findIndex((x) => x.start >= m.start);
      if (!many && out.length) break;
      continue;
    }
    const d = demonymArg(t);
    if (d) {
      pushArg(out, d);
      if (!many) break;
    }
    if (t.lower === ',' && out.length && !many) break;
  }
  if (passive) out.length = 0;
  // "by X" after a passive verb.
  for (let k = i + 1; k < Math.min(toks.length, i + 4); k++) {
    if (toks[k].lower !== 'by') continue;
    const next = toks[k + 1];
    if (!next) break;
    const m = mentionAt(view, next);
    pushArg(out, m ? mentionArg(ctx, m) : demonymArg(next));
    break;
  }
  return out.reverse();
}

function targetsAfter(ctx: ArgContext, view: SentenceView, i: number, isVerb: boolean, place: Place | null, actors: EventArgument[], withCues = true): EventArgument[] {
  const out: EventArgument[] = [];
  const toks = view.toks;
  let cued = isVerb;
  for (let k = i + 1; k < Math.min(toks.length, i + 16); k++) {
    const t = toks[k];
    if (t.lower === '.' || t.lower === ';' || t.lower === '“' || t.lower === '”' || t.lower === '"' || SPEECH.has(t.lower) || t.lower === 'according') break;
    // "attacked by Iran in retaliation for U.S. strikes on …", "after Israeli raids on …": what follows
    // is another event (the cause), whose parties are not this one's targets.
    if (CAUSE_CLAUSE.has(t.lower)) break;
    // "the border with Romania" locates; it names no target.
    if (TARGET_CUE.has(t.lower) || (t.lower === 'with' && withCues && !/^(border|borders|frontier|boundary)$/.test(toks[k - 1]?.lower ?? ''))) {
      cued = true;
      continue;
    }
    if (t.lower === ',') {
      cued = false;
      continue;
    }
    if (!cued) continue;
    const m = mentionAt(view, t);
    if (m) {
      const possessive = /^['’]s$/.test(toks[toks.findIndex((x) => x.start >= m.end)]?.lower ?? '');
      const inPlace = possessive || (place && m.start < place.end && place.start < m.end);
      const isActor = actors.some((a) => a.entity && a.entity === ctx.entities[m.entity]?.id);
      if (!inPlace && !isActor && !isPlaceMention(view, m)) pushArg(out, mentionArg(ctx, m));
      k = toks.findIndex((x) => x.start >= m.end) - 1;
      if (k < 0) break;
      continue;
    }
    const d = demonymArg(t);
    if (d && !actors.some((a) => a.name === d.name)) pushArg(out, d);
  }
  return out;
}

/** The word that governs a place at token k, past "the" and area words ("in northern Syria"). */
function governor(toks: Tok[], k: number): string {
  // "(Rafi LGA, Niger)": the country closing an ACLED-style location in brackets.
  for (let j = k - 1; j >= Math.max(0, k - 8); j--) {
    if (toks[j].lower === ')') break;
    if (toks[j].lower === '(') return '(';
  }
  let j = k - 1;
  while (j >= 0 && AREA_WORDS.has(toks[j].lower) && k - j < 4) j--;
  return j >= 0 ? toks[j].lower : '';
}

/** "X was attacked by Y": the span of X (from the clause start to the auxiliary). */
function passiveSubjectOf(view: SentenceView, i: number): Span | null {
  const toks = view.toks;
  const aux = toks[i - 1]?.lower;
  if (!(aux === 'was' || aux === 'were' || aux === 'been' || aux === 'is' || aux === 'are')) return null;
  let k = i - 2;
  while (k >= 0 && !CLAUSE_END.has(toks[k].lower) && toks[k].lower !== ',' && toks[k].lower !== 'that' && toks[k].lower !== 'which') k--;
  if (k + 1 > i - 2) return null;
  return { start: toks[k + 1].start, end: toks[i - 2].end };
}

function choosePlace(view: SentenceView, i: number, actors: EventArgument[], exclude: Span[], strict = false): Place | null {
  const trig = view.toks[i];
  const passiveSubject = passiveSubjectOf(view, i);
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const p of view.places) {
    if (actors.some((a) => a.start < p.end && p.start < a.end)) continue;
    // A place inside the attribution ("officials in Warsaw said") is where the source sits.
    if (exclude.some((x) => x.start < p.end && p.start < x.end)) continue;
    let score = p.precision === 'city' || p.precision === 'point' ? 3 : p.precision === 'region' ? 2.2 : p.precision === 'area' ? 1.5 : 1;
    const k = view.toks.findIndex((t) => t.start >= p.start);
    const before = k > 0 ? view.toks[k - 1].lower : '';
    const before2 = k > 1 ? view.toks[k - 2].lower : '';
    if (PLACE_PREP.has(before) || PLACE_PREP.has(before2)) score += 2;
    // "Ukraine's Interior Ministry": a possessive place is an affiliation, not the scene.
    let kEnd = k;
    while (kEnd < view.toks.length && view.toks[kEnd].end < p.end) kEnd++;
    const afterTok = view.toks[kEnd + 1];
    const after = afterTok?.lower ?? '';
    // "Russia’s Defense Ministry", "Russia launched": the place is an owner or an agent here.
    if (after === '’s' || after === "'s") continue;
    if (p.precision === 'country' && afterTok && (afterTok.pos === 'VERB' || afterTok.pos === 'AUX')) continue;
    // "U.S. strikes", "Russia attacks": a country right before an event noun is its actor.
    if (p.precision === 'country' && afterTok && triggerFor(after)?.noun) continue;
    // "White House press secretary", "Warsaw officials": a place naming who speaks or acts.
    if (ROLE_AFTER.has(after)) continue;
    // "talks with Russia", "a meeting between X and Y": participants, not the scene.
    if (before === 'with' || before === 'between') continue;
    // A country is the scene only with a locative word ("in Qatar", "across Ukraine"); "helping
    // the U.S.", "Iran and Israel" name parties.
    if (p.precision === 'country' && !LOCATIVE.has(governor(view.toks, k))) continue;
    // "Al Udeid Air Base was attacked", "Kyiv was struck": the passive's subject is the scene.
    if (passiveSubject && p.start >= passiveSubject.start && p.end <= passiveSubject.end) score += 3;
    // An anaphoric mention ("this attack") takes only a place attached to it ("the attack on Doha").
    if (strict && !(p.start > trig.end && p.start - trig.end <= 12 && PLACE_PREP.has(before))) continue;
    const gap = p.start >= trig.end ? p.start - trig.end : trig.start - p.end;
    score += p.start >= trig.end ? Math.max(0, 2 - gap / 40) : Math.max(0, 1 - gap / 60);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

function precisionOf(range: { from: string; to: string }): NonNullable<EventRecord['date']>['precision'] {
  if (range.from === range.to) return 'day';
  const [fy, fm] = range.from.split('-');
  const [ty, tm] = range.to.split('-');
  if (fy === ty && fm === tm && range.from.endsWith('-01')) return 'month';
  if (fy === ty && range.from.endsWith('-01-01') && range.to.endsWith('-12-31')) return 'year';
  return 'range';
}

function dateFromTimex(t: TimeExpr, index: number): EventRecord['date'] {
  if (!t.range) return null;
  const precision = precisionOf(t.range);
  return {
    value:
      precision === 'day'
        ? t.range.from
        : precision === 'month'
          ? t.range.from.slice(0, 7)
          : precision === 'year'
            ? t.range.from.slice(0, 4)
            : /X/.test(t.value) || !/^\d{4}/.test(t.value)
              ? `${t.range.from}/${t.range.to}`
              : t.value,
    precision,
    range: { ...t.range },
    how: 'stated',
    timex: index,
  };
}

/** Whether the time expression at token k (followed by afterTok) sits right beside a verb other than the trigger that tells no event. */
function datesOtherVerb(toks: readonly Tok[], k: number, afterTok: Tok | undefined, trig: Tok): boolean {
  let b = k - 1;
  if (toks[b]?.lower === 'on') b--;
  const before = toks[b];
  const other = (t: Tok | undefined) => t !== undefined && t.start !== trig.start && t.pos === 'VERB' && !triggerFor(t.lower) && INTEREST.get(t.lower) === undefined;
  return other(before) || other(afterTok);
}

/**
 * Whether the time expression at token k follows a non-violent event word (a vigil, protest, arrest,
 * meeting) and comes before the trigger at token i, nearer that word: "Protesters shut down a
 * highway on Saturday … where a man was shot dead", "held a vigil on Nov. 30 to honor the victims in
 * the shooting" date the protest and the vigil, not the shooting. A date after the trigger is left
 * to it ("shot a woman Thursday night while conducting an investigation").
 */
function ownedByOtherEvent(toks: readonly Tok[], k: number, i: number): boolean {
  if (k > i) return false;
  for (let j = 0; j < k; j++) {
    const other = triggerFor(toks[j].lower);
    if (other && !VIOLENT.has(other.cls) && k - j < i - k) return true;
  }
  return false;
}

/** The time expression that dates the event: nearest the trigger, not the date of a statement. */
/** People named after the event noun ("the shooting suspect", "crash victims"): the noun modifies them. */
const MODIFIED_PERSONS = new Set(['suspect', 'suspects', 'victim', 'victims', 'survivor', 'survivors', 'witness', 'witnesses', 'investigators']);

function chooseDate(view: SentenceView, i: number, quotes: readonly Quote[]): EventRecord['date'] {
  const trig = view.toks[i];
  // "On Thursday, officials identified the shooting suspect": the date is the sentence's verb's.
  if (MODIFIED_PERSONS.has(view.toks[i + 1]?.lower ?? '')) return null;
  let best: EventRecord['date'] = null;
  let bestGap = Infinity;
  for (const { t, i: index } of view.times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (!t.range) continue;
    if (quotes.some((q) => q.when && q.when.start <= t.start && t.end <= q.when.end)) continue;
    const k = view.toks.findIndex((x) => x.start >= t.start);
    let statement = false;
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (SPEECH.has(view.toks[j].lower)) statement = true;
    const afterTok = view.toks.find((x) => x.start >= t.end);
    const afterTime = afterTok?.lower ?? '';
    if (afterTime === '’s' || afterTime === "'s") statement = false;
    // "the October 7 massacre": a date naming another event dates that event, not this one.
    if (afterTok && afterTok.start !== trig.start && triggerFor(afterTime)?.noun) continue;
    if (statement) continue;
    // "the coroner on Monday identified the man killed …", "police arrested him Monday": a date
    // told right beside another verb dates that verb, unless the verb is itself an event word.
    if (k >= 0 && datesOtherVerb(view.toks, k, afterTok, trig)) continue;
    // "the largest of November", "the largest since … on Oct. 30": a yardstick's date.
    if (k >= 0 && inComparison(view.toks, k, false)) continue;
    // "held a vigil on Nov. 30 to honor the victims in the shooting": a date told between a
    // non-violent event word and this trigger, nearer that word, dates that event.
    if (k >= 0 && ownedByOtherEvent(view.toks, k, i)) continue;
    const gap = t.start >= trig.end ? t.start - trig.end : (trig.start - t.end) * 1.2;
    if (gap < bestGap) {
      bestGap = gap;
      best = dateFromTimex(t, index);
    }
  }
  return best;
}

function speakerFromQuote(quotes: readonly Quote[], span: Span, at = -1): SpeakerRef | null {
  // The quote that holds the trigger ("“… the October 7th massacre …,” the IDF said"), else the one
  // that covers the sentence, else an indirect one that overlaps it.
  for (const q of quotes) if (q.speaker && at >= q.start && at < q.end) return q.speaker;
  for (const q of quotes) if (q.speaker && q.start <= span.start && span.end <= q.end + 2) return q.speaker;
  for (const q of quotes) if (q.speaker && q.start < span.end && span.start < q.end && q.kind !== 'direct') return q.speaker;
  return null;
}

function speakerFromText(ctx: ArgContext, view: SentenceView): SpeakerRef | null {
  const sentence = ctx.text.slice(view.span.start, view.span.end);
  let m = TAIL_CLAIM.exec(sentence);
  let group = m?.[1];
  let offset = m ? m.index + m[0].indexOf(group ?? '') : -1;
  if (!m) {
    m = ACCORDING.exec(sentence);
    group = m?.[1];
    offset = m ? m.index + m[0].indexOf(group ?? '') : -1;
  }
  if (!m || group === undefined) return null;
  const start = view.span.start + offset;
  const end = start + group.trimEnd().length;
  const inside = view.mentions.find((x) => x.start >= start && x.end <= end && x.kind !== 'possessive');
  const entity = inside ? ctx.entities[inside.entity] : undefined;
  return {
    start,
    end,
    text: ctx.text.slice(start, end),
    entity: entity?.id ?? null,
    kind: entity ? (entity.type === 'PER' ? 'name' : 'organisation') : /\b(official|officials|source|sources)\b/i.test(group) ? 'anonymous' : 'nominal',
  };
}

// ---------------------------------------------------------------- figures

const PERSON_UNIT = new RegExp(`^(?:${PERSON_NOUNS}|people|persons|civilians|men|women|children|soldiers|policemen|officers|fighters|militants|personnel|members|residents|villagers|protesters|demonstrators|students|workers|farmers)$`, 'i');

/**
 * "1 fighter was shot and killed", "two soldiers were wounded": a count of people whose role the
 * quantities stage read otherwise ("shot" as "shot down") is a toll when a death or injury word
 * follows it in its clause.
 */
function tollAfter(view: SentenceView, q: Quantity): string | null {
  const toks = view.toks;
  let k = toks.findIndex((t) => t.start >= q.end);
  if (k < 0) return null;
  for (const end = Math.min(toks.length, k + 8); k < end; k++) {
    const w = toks[k].lower;
    if (w === '.' || w === ';' || w === ',') return null;
    if (/^(killed|dead|died|murdered|slain|assassinated|executed)$/.test(w)) return 'killed';
    if (/^(injured|wounded|hurt)$/.test(w)) return 'injured';
  }
  return null;
}

function figuresOf(view: SentenceView, text: string): EventFigure[] {
  const out: EventFigure[] = [];
  for (const { q, i } of view.quantities) {
    const role = q.role?.toLowerCase() ?? null;
    let kind: string | null = null;
    if (role && KILLED_ROLES.has(role)) kind = 'killed';
    else if (role && INJURED_ROLES.has(role)) kind = 'injured';
    else if (isWeaponUnit(q.unit)) kind = role ?? 'count';
    else if (q.unit && PERSON_UNIT.test(q.unit.split(/\s+/).pop() ?? '')) kind = tollAfter(view, q);
    if (!kind) continue;
    if (kind === 'killed' || kind === 'injured') {
      const refined = refineToll(view, q, kind, text);
      if (!refined) continue;
      kind = refined;
    }
    // "the largest since Russia launched 705 munitions": a yardstick's figure.
    const k = view.toks.findIndex((t) => t.start >= q.start);
    if (k > 0 && inComparison(view.toks, k, true)) continue;
    const fig: EventFigure = {
      start: q.start,
      end: q.end,
      kind,
      value: q.value,
      hedge: q.hedge,
      unit: q.unit,
      claimant: q.claimant?.text ?? null,
      quantity: i,
    };
    if (q.high !== undefined) fig.high = q.high;
    out.push(fig);
  }
  // "21 people – including 19 children – died": a count after "including" is part of the one before it.
  for (let j = out.length - 1; j > 0; j--) {
    const f = out[j];
    const head = out.slice(0, j).reverse().find((h) => h.kind === f.kind);
    if (head && (f.kind === 'killed' || f.kind === 'injured') && head.value > f.value && /^[\s,–—(-]*(?:including|among them|of whom|of them)\s*$/i.test(text.slice(head.end, f.start))) out.splice(j, 1);
  }
  // "Five members of Hamas and a member of … were killed": coordinated counts of one role add up
  // when the quantities stage has not composed them already — not across another incident's noun
  // ("the attack … that killed 10 and another shooting … that left 19 … dead").
  const merged: EventFigure[] = [];
  for (const f of out) {
    const last = merged[merged.length - 1];
    if (last && last.kind === f.kind && (f.kind === 'killed' || f.kind === 'injured') && /^[^.;]{0,80}\band\b[^.;]{0,80}$/.test(text.slice(last.end, f.start)) && !/\b(killed|injured|wounded|dead|died|shooting|attack|bombing|crash|left)\b/.test(text.slice(last.end, f.start))) {
      merged[merged.length - 1] = { ...last, end: f.end, value: last.value + f.value, high: undefined, hedge: last.hedge ?? f.hedge };
      continue;
    }
    merged.push(f);
  }
  // After the coordinated counts are added up: their sum is one event's toll too.
  capSingleEventTolls(merged);
  return merged;
}

/** The toll refiners of figures.ts, in order: address, a year, lumped outcomes, the outcome word's role, running totals. */
function refineToll(view: SentenceView, q: Quantity, kind: 'killed' | 'injured', text: string): string | null {
  if (isAddress(view.toks, q.start, q.end, q.unit) || countsAttackers(view.toks, q.start, q.end)) return null;
  if (isYearAsCount(text.slice(q.start, q.end))) return null;
  if (lumped(text, view.toks, q.end) || speculative(view.toks, q.start, q.end)) return null;
  const role = roleByWords(view.toks, q.start, q.end) ?? kind;
  return isCumulative(text.slice(view.span.start, view.span.end), view.toks) ? `cumulative_${role}` : role;
}

const WEAPON_WINDOW = 12;

/** The weapon words of the sentence, or of the words around the trigger when `around` is given. */
function weaponsOf(view: SentenceView, figures: EventFigure[], around?: number): Set<Weapon> {
  const out = new Set<Weapon>();
  const toks = view.toks;
  const from = around === undefined ? 0 : Math.max(0, around - WEAPON_WINDOW);
  const to = around === undefined ? toks.length : Math.min(toks.length, around + WEAPON_WINDOW + 1);
  for (let k = from; k < to; k++) {
    const w = weaponOf(toks[k].lower);
    if (w === 'aircraft' && toks[k].lower === 'air' && NOT_AIRCRAFT_AFTER.has(toks[k + 1]?.lower ?? '')) continue;
    // "tear gas shells", "gas canisters": riot control, not artillery.
    if (toks[k - 1]?.lower === 'gas' || toks[k - 1]?.lower === 'teargas') continue;
    // "heavy machine guns", "PK machine guns", "machineguns": crew-served, coded with artillery.
    if ((w === 'firearm' && (toks[k - 1]?.lower === 'heavy' || toks[k - 1]?.lower === 'machine')) || toks[k].lower.startsWith('machinegun')) {
      out.add('artillery');
      continue;
    }
    if (w) out.add(w);
  }
  for (const f of figures) {
    const w = f.unit ? weaponOf(f.unit.toLowerCase().split(/\s+/).pop() ?? '') : undefined;
    if (w) out.add(w);
  }
  return out;
}

// ---------------------------------------------------------------- typing

function acledFor(
  cls: EventClass,
  weapons: Set<Weapon>,
  actors: EventArgument[],
  securityTarget = false,
  armed = true,
  troops = false,
  exchange = false,
  crowd = false,
  turn: RawEvent['protestTurn'] = undefined,
  demo = false,
  smallArms = false,
): AcledType | null {
  // Violence by a crowd without heavy weapons is mob violence, whoever it hits.
  const remoteWeapon = weapons.has('aircraft') || weapons.has('drone') || weapons.has('missile') || weapons.has('artillery') || weapons.has('rocket');
  if (crowd && !remoteWeapon && (cls === 'attack' || cls === 'killing' || cls === 'clash' || cls === 'loot' || cls === 'strike')) return ACLED_TYPES.mob;
  const remote = (): AcledType => {
    if (weapons.has('aircraft') || (weapons.has('drone') && !weapons.has('missile') && !weapons.has('artillery') && !weapons.has('rocket'))) return ACLED_TYPES.airStrike;
    if (weapons.has('missile') || weapons.has('artillery') || weapons.has('rocket')) return ACLED_TYPES.shelling;
    // Unattributed explosions are coded as shelling; a bare "strike" as an air strike.
    if (weapons.has('explosive')) return ACLED_TYPES.shelling;
    return ACLED_TYPES.airStrike;
  };
  switch (cls) {
    case 'strike':
    case 'launch':
      // Artillery with small arms at armed positions is a fight (ACLED: armed clash).
      if ((securityTarget || exchange || smallArms) && (weapons.has('firearm') || exchange) && !weapons.has('aircraft') && !weapons.has('drone')) return ACLED_TYPES.clash;
      return remote();
    case 'attack':
      if (weapons.has('aircraft') || weapons.has('drone') || weapons.has('missile') || weapons.has('artillery') || weapons.has('rocket')) return remote();
      if (weapons.has('explosive')) return ACLED_TYPES.ied;
      // An attack on soldiers, police or a post is a battle; on anyone else, violence against civilians.
      return securityTarget || exchange ? ACLED_TYPES.clash : ACLED_TYPES.vacAttack;
    case 'intercept':
      return ACLED_TYPES.disrupted;
    case 'clash':
      // Fights between unarmed groups (villagers, farmers, rival families) are mob violence.
      return armed || exchange || weapons.has('artillery') || weapons.has('firearm') ? ACLED_TYPES.clash : ACLED_TYPES.mob;
    case 'mobilize':
      return troops ? ACLED_TYPES.changeGroup : null;
    case 'regain':
      return ACLED_TYPES.regain;
    case 'overtake':
      return ACLED_TYPES.overtake;
    case 'killing':
      // Killing soldiers, police or militants is fighting between armed groups (ACLED: battle).
      return securityTarget || exchange ? ACLED_TYPES.clash : ACLED_TYPES.vacAttack;
    case 'abduction':
      return ACLED_TYPES.abduction;
    case 'sexual':
      return ACLED_TYPES.sexual;
    case 'suicide':
      return ACLED_TYPES.suicide;
    case 'ied':
      return ACLED_TYPES.ied;
    case 'grenade':
      return ACLED_TYPES.grenade;
    case 'protest':
      return turn === 'violent' ? ACLED_TYPES.violentDemo : turn === 'excessive' ? ACLED_TYPES.excessive : turn === 'intervention' ? ACLED_TYPES.intervention : ACLED_TYPES.peaceful;
    case 'riot':
      // A demonstration turned violent, or a crowd's violence without one.
      return demo ? ACLED_TYPES.violentDemo : ACLED_TYPES.mob;
    case 'arrest':
      return ACLED_TYPES.arrests;
    case 'loot':
      return ACLED_TYPES.looting;
    case 'posture':
      return ACLED_TYPES.changeGroup;
    case 'base':
      return ACLED_TYPES.base;
    case 'release':
      return ACLED_TYPES.other;
    case 'agree':
      return actors.length >= 1 ? ACLED_TYPES.agreement : null;
    default:
      return null;
  }
}

function ploverFor(cls: EventClass, weapons: Set<Weapon>): { type: string; mode?: string } | null {
  const aerialMode = (): string =>
    weapons.has('aircraft') || weapons.has('drone') ? 'aerial' : weapons.has('missile') || weapons.has('artillery') || weapons.has('rocket') ? 'artillery' : weapons.has('explosive') ? 'explosives' : weapons.has('firearm') ? 'firearms' : 'aerial';
  switch (cls) {
    case 'strike':
    case 'launch':
    case 'attack':
      return { type: 'ASSAULT', mode: aerialMode() };
    case 'killing':
      return { type: 'ASSAULT', mode: weapons.has('firearm') ? 'firearms' : 'physical' };
    case 'suicide':
    case 'ied':
    case 'grenade':
      return { type: 'ASSAULT', mode: 'explosives' };
    case 'abduction':
      return { type: 'ASSAULT', mode: 'abduct' };
    case 'sexual':
      return { type: 'ASSAULT', mode: 'sexual' };
    case 'intercept':
      return { type: 'FIGHT', mode: 'air-defense' };
    case 'clash':
    case 'regain':
    case 'overtake':
      return { type: 'FIGHT', mode: weapons.has('artillery') ? 'artillery' : 'small-arms' };
    case 'protest':
      return { type: 'PROTEST', mode: 'demonstrate' };
    case 'riot':
    case 'loot':
      return { type: 'COERCE', mode: 'seize' };
    case 'posture':
    case 'base':
      return { type: 'MOBILIZE', mode: 'posture' };
    case 'release':
      return { type: 'CONCEDE', mode: 'release' };
    case 'arrest':
      return { type: 'COERCE', mode: 'arrest' };
    case 'consult':
      return { type: 'CONSULT', mode: 'meet' };
    case 'agree':
      return { type: 'AGREE' };
    case 'disapprove':
      return { type: 'DISAPPROVE', mode: 'criticize' };
    case 'accuse':
      return { type: 'ACCUSE' };
    case 'threaten':
      return { type: 'THREATEN' };
    case 'demand':
      return { type: 'DEMAND' };
    case 'request':
      return { type: 'REQUEST' };
    case 'support':
      return { type: 'SUPPORT' };
    case 'aid':
      return { type: 'AID' };
    case 'reject':
      return { type: 'REJECT' };
    case 'sanction':
      return { type: 'SANCTION' };
    case 'mobilize':
      return { type: 'MOBILIZE', mode: weapons.has('aircraft') ? 'air' : undefined };
    case 'investigate':
      return { type: 'INVESTIGATE' };
    case 'retreat':
      return { type: 'RETREAT' };
    default:
      return null;
  }
}

/** Families for within-article merging: mentions of one family may corefer. */
function familyOf(cls: EventClass): string {
  if (cls === 'strike' || cls === 'attack' || cls === 'suicide' || cls === 'ied' || cls === 'grenade' || cls === 'killing') return 'violence';
  if (cls === 'clash' || cls === 'regain' || cls === 'overtake') return 'battle';
  return cls;
}

const SPECIFICITY: Partial<Record<EventClass, number>> = { strike: 5, suicide: 6, ied: 6, grenade: 6, killing: 4, launch: 3, attack: 1 };

// ---------------------------------------------------------------- extraction

export interface ExtractOptions {
  /** Verbal events (DISAPPROVE, DEMAND, …) need a named actor; off to keep only material events. */
  verbal?: boolean;
  /** The learned sense check (sense.ts) vetoes conflict events told in another sense; off for training it. */
  sense?: boolean;
}

function implied(layers: Readonly<Layers>, article: Readonly<Article>): EventRecord['date'] {
  const p = layers.published?.[0];
  const value = p?.value ?? article.published;
  if (!value) return null;
  const day = value.slice(0, 10);
  const range = p?.range ?? (/^\d{4}-\d{2}-\d{2}$/.test(day) ? { from: day, to: day } : undefined);
  if (!range) return { value, precision: 'unknown', how: 'implied' };
  return { value: range.from === range.to ? range.from : value, precision: precisionOf(range), range: { ...range }, how: 'implied' };
}

export function extractRawEvents(article: Readonly<Article>, layers: Readonly<Layers>, options: ExtractOptions = {}): RawEvent[] {
  const text = article.text;
  const ctx: ArgContext = { text, entities: layers.entities ?? [] };
  const quotes = layers.quotes ?? [];
  const out: RawEvent[] = [];
  const sentenceViews = views(text, layers);
  // Whether an event of a violent class was found so far; whether each sentence holds a death word.
  let anyViolent = false;
  const deathWord: boolean[] = new Array<boolean>(sentenceViews.length).fill(false);
  for (let si = 0; si < sentenceViews.length; si++) {
    const view = sentenceViews[si];
    const toks = view.toks;
    const seenClass = new Map<EventClass, RawEvent>();
    // Events of this sentence are out[sentenceStart …]; sentence-wide flags are computed once, on the first event.
    const sentenceStart = out.length;
    let flags: SentenceFlags | null = null;
    for (let i = 0; i < toks.length; i++) {
      let lower = toks[i].lower;
      // One lookup rules out most tokens: no trigger, contextual head or special word can start here.
      const interest = INTEREST.get(lower);
      if (interest === undefined) continue;
      if (interest & DEATH) deathWord[si] = true;
      if (!(interest & CANDIDATE)) continue;
      // "air strike(s)", "drone strike(s)", "missile strike(s)": the noun is the trigger; the
      // modifier is a weapon word the typing reads.
      const prevLower = toks[i - 1]?.lower ?? '';
      let ruleId = 'trigger:lexicon';
      let trigger: Trigger | undefined;
      if (lower === 'dead' && /^(found|shot|discovered|beaten|hacked)$/.test(prevLower)) {
        trigger = { cls: 'killing', noun: false };
        ruleId = 'trigger:found-dead';
      } else if (lower === 'fire' && /^(artillery|mortar|rocket|tank|sniper|machine-gun|gun)$/.test(prevLower)) {
        trigger = { cls: prevLower === 'sniper' || prevLower === 'gun' || prevLower === 'machine-gun' ? 'clash' : 'strike', noun: true };
        ruleId = 'trigger:weapon-fire';
      } else if ((lower === 'arrived' || lower === 'deployed' || lower === 'sent') && wordIn(toks, i - 4, i, TROOPS)) {
        trigger = { cls: 'mobilize', noun: false };
        ruleId = 'trigger:troops-moved';
      } else {
        trigger = contextualTrigger(toks, i);
        if (trigger) ruleId = 'trigger:context';
        else trigger = triggerFor(lower);
      }
      if (!trigger) continue;
      // "the largest of March": a word inside a time expression is no trigger.
      if (view.times.some(({ t }) => t.start <= toks[i].start && toks[i].end <= t.end)) continue;
      const cls = trigger.cls;
      if (VERBAL.has(cls) && options.verbal === false) continue;
      if (!accept(cls, trigger, toks, i, view, anyViolent)) continue;
      // "shot wide", "a shot on goal", "beaten 7-5 6-3", "the Six Nations clash", "killed off the game":
      // in a sentence about sport these words tell play unless a violent context word is there too.
      if (
        SPORT_SENSE.has(toks[i].lower) &&
        ((flags ??= sentenceFlags(toks)).sport || (toks[i].lower === 'shot' && SHOT_PLAY_AFTER.has(toks[i + 1]?.lower ?? ''))) &&
        !hasViolentContext(toks, view.quantities, i)
      )
        continue;
      if (!trigger.noun && toks[i - 1] && (toks[i - 1].lower === '-' || text.charAt(toks[i].start - 1) === '-')) continue; // "U.S.-backed"
      let status = statusOf(toks, i, trigger);
      // "the largest since Russia launched 705 munitions on Oct. 30": a yardstick, not an event.
      if (inComparison(toks, i, true)) continue;
      // "asked whether Trump is upset … for these strikes", "if they attack": nothing is asserted.
      if (status === 'asserted' && inHypothetical(toks, i)) status = 'planned';
      if (VIOLENT.has(cls) && status !== 'asserted') continue;
      if (isGenericUse(toks, i, view)) continue;
      // "a strike on Doha killed 6 people": the toll verb of an event already told in the sentence.
      if (cls === 'killing' && (toks[i].lower === 'killed' || toks[i].lower === 'wounded' || toks[i].lower === 'injured') && violentOrRiotSince(out, sentenceStart)) continue;
      // "protested against the arrest of …", "demanded the release of activists who were detained":
      // the arrest is what a protest is about, told as background.
      // "arrested for participating in protests": the protest is the reason, told as background.
      if (cls === 'protest' && trigger.noun && toks.slice(Math.max(0, i - 4), i).some((t, k, a) => t.lower === 'for' && /^(participating|taking|organizing|organising|joining|holding|attending|staging|calling)$/.test(a[k + 1]?.lower ?? ''))) continue;
      if (cls === 'arrest' && wordIn(toks, i - 7, i, /^(against|over|release|protest|protests|protested|protesting|condemning|condemned|denouncing|denounced|demanding|demanded)$/)) continue;
      // "repulsed an attack", "thwarted the assault": the attack is part of the battle told by the verb.
      if ((cls === 'attack' || cls === 'strike') && trigger.noun && wordIn(toks, i - 4, i, /^(repulsed|repelled|thwarted|foiled)$/)) continue;
      const existing = seenClass.get(cls);
      if (existing) continue; // one event per class per sentence ("downed or suppressed")
      const many = cls === 'consult' || VERBAL.has(cls);
      let actors = trigger.noun ? nounActors(ctx, view, i) : verbActors(ctx, view, i, many);
      if (VERBAL.has(cls) && actors.length === 0) continue;
      const quoteSpeaker = speakerFromQuote(quotes, view.span, toks[i].start);
      const textSpeaker = speakerFromText(ctx, view);
      const anaphora = anaphoraOf(toks, i, trigger);
      const named = trigger.noun && VIOLENT.has(cls) ? namedByDate(view, i) : null;
      const anaphoric = anaphora !== null || isBackground(toks, i, trigger);
      const place = choosePlace(view, i, actors, [quoteSpeaker, textSpeaker].filter((x): x is SpeakerRef => x !== null), anaphoric || named !== null);
      // "clashed with X", "met with X" name a party; "struck …, with Qatari forces helping" does not.
      const targets = targetsAfter(ctx, view, i, !trigger.noun, place, actors, !(cls === 'strike' || cls === 'attack' || cls === 'launch'));
      // A strike's victims named with the killed count are its targets ("members of Hamas … were killed").
      // "… killing the 15-year-old, two days after a school shooting left four victims dead": a toll
      // told after another event noun in an "after"/"since" clause is that event's.
      const figures = VIOLENT.has(cls) || cls === 'intercept' || cls === 'riot' ? figuresOf(view, text).filter((f) => !(isToll(f.kind) && inBackgroundClause(toks, toks[i].start, f.start))) : [];
      if (VIOLENT.has(cls)) {
        for (const f of figures) {
          if (f.kind !== 'killed' && f.kind !== 'injured') continue;
          for (const m of view.mentions) {
            if (m.start >= f.start && m.end <= f.end + 40 && m.start < (toks[i]?.start ?? 0) && !isPlaceMention(view, m)) {
              const arg = mentionArg(ctx, m);
              if (!actors.some((a) => a.name === arg.name)) pushArg(targets, arg);
            }
          }
        }
      }
      actors = actors.filter((a) => !targets.some((t) => t.start === a.start));
      lower = toks[i].text;
      const raw: RawEvent = {
        cls,
        rule: ruleId,
        trigger: toks[i],
        tokIndex: i,
        sentence: view,
        status,
        actors,
        targets,
        place,
        date: named ?? chooseDate(view, i, quotes),
        figures,
        weapons: weaponsOf(view, figures, named || anaphora ? i : undefined),
        claimant: null,
        verbText: lower,
        anaphoric,
        ...(anaphora === 'demonstrative' ? { demonstrative: true } : {}),
        ...(named ? { named: true } : {}),
        securityTarget: securityTargetAfter(toks, i, trigger.noun && (cls === 'attack' || cls === 'strike')) || passiveArmed(view, i) || figures.some((f) => (f.kind === 'killed' || f.kind === 'injured') && armedUnit(f.unit)),
        // "in both directions", "small arms": fire between armed sides (ACLED codes it a clash).
        exchange: (flags ??= sentenceFlags(toks)).exchange,
        smallArms: flags.smallArms,
        armed: flags.armed,
        troops: flags.troops,
      };
      if (crowdPerpetrator(toks, i, trigger.noun) || (cls === 'riot' && /^(mob|lynching|lynched|scuffle|brawl)$/.test(toks[i].lower))) raw.crowd = true;
      // "a fight over a land dispute": a quarrel between neighbours, not a battle.
      if (!raw.armed && flags.dispute) raw.crowd = true;
      if (cls === 'riot' && (/^(riot|riots|rioting|unrest|rioters|rioted)$/.test(toks[i].lower) || flags.demoWord)) raw.demo = true;
      if (cls === 'protest' || cls === 'riot') {
        const turn = protestTurnOf(sentenceViews, si);
        if (turn) raw.protestTurn = turn;
      }
      raw.claimant = figures.find((f) => f.kind === 'killed' || f.kind === 'injured') ? claimantOfFigures(layers, figures) : null;
      raw.claimant ??= quoteSpeaker ?? textSpeaker;
      seenClass.set(cls, raw);
      out.push(raw);
      if (VIOLENT.has(cls)) anyViolent = true;
    }
    // Each figure of the sentence belongs to the nearest trigger that can carry it ("… killed in a
    // strike …; Russia launched 476 drones" gives the drones to "launched", the dead to "strike").
    const here = out.slice(sentenceStart);
    if (here.length > 1) {
      const all = new Map<number, EventFigure>();
      for (const r of here) for (const f of r.figures) all.set(f.quantity, f);
      for (const r of here) r.figures = [];
      for (const f of all.values()) {
        const human = isToll(f.kind);
        let best: RawEvent | null = null;
        for (const r of here) {
          if (human ? !(VIOLENT.has(r.cls) || r.cls === 'riot') : !(VIOLENT.has(r.cls) || r.cls === 'intercept' || r.cls === 'launch')) continue;
          if (!best || Math.abs(r.trigger.start - f.start) < Math.abs(best.trigger.start - f.start)) best = r;
        }
        if (best) best.figures.push(f);
      }
    }
  }
  // Deaths and injuries in a sentence without a violent trigger of their own ("Two were killed, one
  // from each side.") belong to the latest violent event of the paragraph, up to three sentences
  // back; with none, a stated death is itself a killing event.
  const assigned = new Set<number>();
  for (const r of out) for (const f of r.figures) assigned.add(f.quantity);
  // The events of each sentence, so that finding a host is a look at the last four sentences (linear).
  const bySentence = new Map<number, RawEvent[]>();
  const add = (r: RawEvent) => {
    const list = bySentence.get(r.sentence.index);
    if (list) list.push(r);
    else bySentence.set(r.sentence.index, [r]);
  };
  for (const r of out) add(r);
  const hostOf = (view: SentenceView, ok: (r: RawEvent) => boolean): RawEvent | undefined => {
    for (let si = view.index; si >= Math.max(0, view.index - 3); si--) {
      if (sentenceViews[si].paragraph !== view.paragraph) return undefined;
      const list = bySentence.get(si) ?? [];
      for (let k = list.length - 1; k >= 0; k--) if (ok(list[k])) return list[k];
    }
    return undefined;
  };
  for (const view of sentenceViews) {
    const loose = figuresOf(view, text).filter((f) => (f.kind === 'killed' || f.kind === 'injured') && !assigned.has(f.quantity));
    if (!loose.length) continue;
    const host = hostOf(view, (r) => VIOLENT.has(r.cls) || r.cls === 'riot');
    const claimant = claimantOfFigures(layers, loose) ?? speakerFromQuote(quotes, view.span) ?? speakerFromText(ctx, view);
    if (host) {
      for (const f of loose) {
        // "… shot a classmate on Friday, two days after a Georgia school shooting left four victims
        // dead": a toll told after another event noun in an "after"/"since" clause is that event's.
        if (host.sentence.index === view.index && inBackgroundClause(view.toks, host.trigger.start, f.start)) continue;
        host.figures.push({ ...f, claimant: f.claimant ?? claimant?.text ?? host.claimant?.text ?? null });
      }
    } else if (loose.some((f) => f.kind === 'killed')) {
      const i = view.toks.findIndex((t) => /^(killed|killing|died|dead|slain|murdered|deaths|perished|gunned)$/.test(t.lower));
      if (i < 0) continue;
      const r = deathEvent(ctx, view, i, loose, claimant, quotes, claimant ? [claimant] : [], loose.some((f) => armedUnit(f.unit)) || securityTargetAfter(view.toks, i), 'toll:stated-count');
      out.push(r);
      add(r);
    }
    for (const f of loose) assigned.add(f.quantity);
  }
  // One death stated without a number ("a man was killed", "gunmen assassinated a member of …",
  // "a man was found dead", "the victim died of his injuries"): a figure of one (deaths.ts), when the
  // sentence gives no count of its own; one injury likewise, given only to an event told just before.
  const violent = (r: RawEvent) => VIOLENT.has(r.cls);
  for (const view of sentenceViews) {
    // The patterns need one of these words; most sentences have none (a token test is far cheaper).
    if (!deathWord[view.index]) continue;
    // A count in an "after a shooting left four dead" clause is another event's: not this sentence's own.
    if (figuresOf(view, text).some((f) => (f.kind === 'killed' || f.kind === 'cumulative_killed') && !inBackgroundClause(view.toks, view.span.start - 1, f.start))) continue;
    const sentence = text.slice(view.span.start, view.span.end);
    const m = singleDeath(sentence);
    if (!m) continue;
    const start = view.span.start + m.index;
    const fig: EventFigure = { start, end: start + m.length, kind: 'killed', value: m.value, hedge: null, unit: m.unit, claimant: null, quantity: -1 };
    const host = hostOf(view, violent);
    if (host) {
      if (!host.figures.some((f) => f.kind === 'killed')) {
        host.figures.push(fig);
        host.tollRule = m.rule;
      }
      continue;
    }
    if (m.needsCue) continue;
    const i = view.toks.findIndex((t) => t.start >= start && DEATH_TRIGGER.has(t.lower));
    if (i < 0) continue;
    const claimant = speakerFromQuote(quotes, view.span) ?? speakerFromText(ctx, view);
    const security = SECURITY_TARGET.has(m.unit) || /\b(soldier|officer|policeman|fighter|militant|commander|member)\b/i.test(m.unit);
    const r = deathEvent(ctx, view, i, [fig], claimant, quotes, [], security, m.rule);
    out.push(r);
    add(r);
  }
  for (const view of sentenceViews) {
    if (!view.toks.some((t) => INJURY_WORD.has(t.lower))) continue;
    const host = hostOf(view, violent);
    if (!host || host.figures.some((f) => f.kind === 'killed' || f.kind === 'injured')) continue;
    if (figuresOf(view, text).some((f) => f.kind === 'injured')) continue;
    const sentence = text.slice(view.span.start, view.span.end);
    if (singleDeath(sentence)) continue;
    const m = singleInjury(sentence);
    if (!m) continue;
    const start = view.span.start + m.index;
    host.figures.push({ start, end: start + m.length, kind: 'injured', value: 1, hedge: null, unit: m.unit, claimant: null, quantity: -1 });
    host.tollRule = m.rule;
  }
  return out;
}

/** A killing told only by its toll ("Two were killed", "a man was found dead"), triggered at token i. */
function deathEvent(
  ctx: ArgContext,
  view: SentenceView,
  i: number,
  figures: EventFigure[],
  claimant: SpeakerRef | null,
  quotes: readonly Quote[],
  excludePlaces: Span[],
  securityTarget: boolean,
  rule: string,
): RawEvent {
  const actors = verbActors(ctx, view, i, true);
  return {
    cls: 'killing',
    rule,
    trigger: view.toks[i],
    tokIndex: i,
    sentence: view,
    status: 'asserted',
    actors,
    targets: [],
    place: choosePlace(view, i, actors, excludePlaces),
    date: chooseDate(view, i, quotes),
    figures,
    weapons: weaponsOf(view, figures),
    claimant,
    verbText: view.toks[i].text,
    anaphoric: false,
    armed: view.toks.some((t) => ARMED.has(t.lower)),
    troops: false,
    securityTarget,
  };
}

function claimantOfFigures(layers: Readonly<Layers>, figures: EventFigure[]): SpeakerRef | null {
  const qs = layers.quantities ?? [];
  for (const f of figures) {
    const c = qs[f.quantity]?.claimant;
    if (c) return c;
  }
  return null;
}

/** Token pre-filter: CANDIDATE words may start a trigger (lexicon, contextual heads, special pairs); DEATH words feed the one-death patterns. */
const CANDIDATE = 1;
const DEATH = 2;
const INTEREST = new Map<string, number>();
for (const w of [...triggerWords(), ...CONTEXT_HEADS, 'dead', 'fire', 'arrived', 'deployed', 'sent']) INTEREST.set(w, CANDIDATE);
for (const w of DEATH_WORDS) INTEREST.set(w, (INTEREST.get(w) ?? 0) | DEATH);

/** Sentence-wide facts every event of the sentence carries. */
interface SentenceFlags {
  exchange: boolean;
  smallArms: boolean;
  armed: boolean;
  troops: boolean;
  dispute: boolean;
  demoWord: boolean;
  /** A word of sport (goal, match, striker, tie-break, a score such as 2-0). */
  sport: boolean;
}

function sentenceFlags(toks: Tok[]): SentenceFlags {
  const f: SentenceFlags = { exchange: false, smallArms: false, armed: false, troops: false, dispute: false, demoWord: false, sport: false };
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].lower;
    if (EXCHANGE.has(w) || (w === 'shoot' && toks[k + 2]?.lower === 'out') || (w === 'directions' && toks[k - 1]?.lower === 'both')) f.exchange = true;
    if (w === 'arms' && toks[k - 1]?.lower === 'small') f.smallArms = true;
    if (ARMED.has(w)) f.armed = true;
    if (TROOPS.has(w)) f.troops = true;
    if (w === 'dispute' || w === 'disputes' || w === 'quarrel' || w === 'altercation') f.dispute = true;
    if (!f.demoWord && DEMO_WORD.test(w)) f.demoWord = true;
    // "The Game" (a band, a title) is a name, not a match.
    if ((SPORT_WORDS.has(w) && (toks[k].text === w || (w !== 'game' && w !== 'games'))) || (!f.sport && SCORE.test(w))) f.sport = true;
  }
  return f;
}

/** Whether an event from `from` on is violent or a riot. */
function violentOrRiotSince(out: readonly RawEvent[], from: number): boolean {
  for (let k = from; k < out.length; k++) if (VIOLENT.has(out[k].cls) || out[k].cls === 'riot') return true;
  return false;
}

// ---------------------------------------------------------------- within-article merge

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export { haversineKm };

function rangesOverlap(a: EventRecord['date'], b: EventRecord['date']): boolean {
  if (!a?.range || !b?.range) return true;
  return a.range.from <= b.range.to && b.range.from <= a.range.to;
}

function samePlace(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.name === b.name) return true;
  if (a.precision === 'country' || b.precision === 'country') return false;
  return haversineKm(a, b) <= 30;
}

function actorsCompatible(a: EventArgument[], b: EventArgument[]): boolean {
  const an = a.map((x) => x.name ?? x.text);
  const bn = b.map((x) => x.name ?? x.text);
  if (!an.length || !bn.length) return true;
  return an.some((x) => bn.includes(x));
}

interface Cluster {
  mentions: RawEvent[];
  /** Kept as mentions join, so that matching a mention against a cluster costs O(1) in its size. */
  place: Place | null;
  date: EventRecord['date'];
  actors: EventArgument[];
  /** Distinct `kind|value|claimant` of its figures. */
  figureKeys: Map<string, { kind: string; value: number; claimant: string | null }>;
}

function newCluster(r: RawEvent): Cluster {
  const c: Cluster = { mentions: [], place: null, date: null, actors: [], figureKeys: new Map() };
  joinCluster(c, r);
  return c;
}

function joinCluster(c: Cluster, r: RawEvent): void {
  c.mentions.push(r);
  if (!c.place && r.place && !r.demonstrative) c.place = r.place;
  if (!c.date && r.date && !r.demonstrative) c.date = r.date;
  for (const a of r.actors) if (!c.actors.some((o) => (o.name ?? o.text) === (a.name ?? a.text))) c.actors.push(a);
  for (const f of r.figures) c.figureKeys.set(`${f.kind}|${f.value}|${f.claimant}`, { kind: f.kind, value: f.value, claimant: f.claimant });
}

function dateRank(d: EventRecord['date']): number {
  if (!d) return 0;
  return { day: 5, month: 3, year: 2, range: 1, unknown: 0 }[d.precision] + (d.how === 'stated' ? 0.5 : 0);
}

function conservative(figures: EventFigure[], kind: string): { value: number; hedge: Quantity['hedge']; quantity: number } | undefined {
  let best: EventFigure | undefined;
  // A stated count outranks a death told without a number (deaths.ts, quantity -1): "killing three
  // people" and, of the gunman, "he was shot and killed" are not two reports of one toll.
  const counted = figures.some((f) => f.kind === kind && f.quantity >= 0);
  for (const f of figures) if (f.kind === kind && (!counted || f.quantity >= 0) && (!best || f.value < best.value)) best = f;
  return best ? { value: best.value, hedge: best.hedge, quantity: best.quantity } : undefined;
}

function argsUnion(lists: EventArgument[][]): EventArgument[] {
  const out: EventArgument[] = [];
  for (const list of lists) for (const a of list) if (!out.some((o) => (o.name ?? o.text) === (a.name ?? a.text))) out.push(a);
  return out;
}

const LABEL: Partial<Record<string, string>> = {
  'Air/drone strike': 'air/drone strike',
  'Shelling/artillery/missile attack': 'missile/artillery attack',
  'Disrupted weapons use': 'interception',
};

const KIND_LABEL: Record<string, string> = { crime: 'crime', accident: 'accident', disaster: 'disaster' };

function tollText(e: Omit<EventRecord, 'summary' | 'id'>): string {
  const toll: string[] = [];
  if (e.killed) toll.push(`${e.killed.hedge === 'at_least' || e.killed.hedge === 'more_than' ? 'at least ' : ''}${e.killed.value} killed`);
  if (e.injured) toll.push(`${e.injured.hedge === 'at_least' || e.injured.hedge === 'more_than' ? 'at least ' : ''}${e.injured.value} injured`);
  return toll.length ? `: ${toll.join(', ')}` : '';
}

/**
 * Who an event's figures are "according to", as a reader can take it: a pronoun claimant ("she") is
 * written as the entity it refers to, or left out when it refers to none; any other claimant as written.
 */
export function claimantWords(c: EventRecord['claimant'], entities: readonly Entity[] = []): string | null {
  if (!c) return null;
  if (c.kind !== 'pronoun') return c.text;
  return (c.entity && entities.find((x) => x.id === c.entity)?.name) || null;
}

function summarize(e: Omit<EventRecord, 'summary' | 'id'>, cls: EventClass, entities: readonly Entity[] = []): string {
  const names = (args: EventArgument[]): string => {
    const list = args.map((a) => a.name ?? a.text);
    return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  };
  const who = names(e.actors);
  const whom = names(e.targets);
  const where = e.place ? ` in ${e.place.name}` : '';
  const when = e.date ? ` ${/^\d{4}-\d{2}-\d{2}/.test(e.date.value) ? 'on' : 'in'} ${humanTime(e.date.value)}${e.date.how === 'implied' ? ' (reported)' : ''}` : '';
  const claimant = claimantWords(e.claimant, entities);
  const per = claimant ? `, according to ${claimant}` : '';
  let body: string;
  if (e.kind && e.kind !== 'conflict') {
    body = `${KIND_LABEL[e.kind]}${where}${when}${tollText(e)}`;
  } else if (e.acled && (VIOLENT.has(cls) || cls === 'intercept')) {
    const label = LABEL[e.acled.subEventType] ?? e.acled.subEventType.toLowerCase();
    if (cls === 'intercept') {
      const counts = (e.figures ?? []).filter((f) => !isToll(f.kind)).map((f) => `${f.value} ${f.unit ?? ''}`.trim());
      body = `${who ? `${who}: ` : ''}interception${counts.length ? ` of ${counts.join(' and ')}` : ''}${where}${when}`;
    } else {
      body = `${who ? `${who} ` : ''}${label}${whom ? ` against ${whom}` : ''}${where}${when}`;
      body += tollText(e);
    }
  } else if (cls === 'consult') {
    body = `${who || 'Officials'} ${e.status === 'planned' ? 'to meet' : 'met'}${whom ? ` ${whom}` : ''}${where}${when}`;
  } else {
    body = `${who || 'Unnamed actor'} ${e.trigger.text}${whom ? ` ${whom}` : ''}${where}${when}`;
  }
  body = body.charAt(0).toUpperCase() + body.slice(1);
  return `${body}${per}.`;
}

export function extractEvents(article: Readonly<Article>, layers: Readonly<Layers>, options: ExtractOptions = {}): EventRecord[] {
  const raws = extractRawEvents(article, layers, options);
  const clusters: Cluster[] = [];
  // Mentions of another incident in a background clause: an event of their own, a reference.
  const backgroundRaws = new Set<RawEvent>();
  for (const r of raws) {
    const i = r.sentence.toks.findIndex((t) => t.start === r.trigger.start);
    if (VIOLENT.has(r.cls) && i > 0 && backgroundMention(r.sentence.toks, i)) backgroundRaws.add(r);
  }
  for (const r of raws) {
    let joined = false;
    if (backgroundRaws.has(r)) {
      clusters.push(newCluster(r));
      continue;
    }
    // A bare anaphoric mention ("the strike", no place, date or actor of its own) refers to the
    // article's most-told compatible event; any other mention to the most recent compatible one.
    const bare = r.anaphoric && !r.place && r.date?.how !== 'stated' && r.actors.length === 0;
    // "this attack", "these strikes": refers back whatever place or date it is told with.
    const weak = r.demonstrative === true;
    // A mention that points back (bare, demonstrative, or a background cause with no place of its
    // own) joins the most-told compatible event, one that shares its actor first.
    const pointsBack = bare || weak || (r.anaphoric && !r.place);
    let target = -1;
    let best = -Infinity;
    for (let c = clusters.length - 1; c >= 0; c--) {
      const head = clusters[c].mentions[0];
      // A mention that points back or names no place refers to an event told before it (toll
      // sentences are read after the triggers: "Two people were killed" joins no event told only
      // paragraphs later).
      if ((pointsBack || !r.place) && !clusters[c].mentions.some((m) => m.trigger.start < r.trigger.start)) continue;
      // "Russia launched 500 drones … The attack was the largest": an attack noun that points back
      // may name a barrage.
      if (familyOf(head.cls) !== familyOf(r.cls) && !(pointsBack && head.cls === 'launch' && (r.cls === 'attack' || r.cls === 'strike'))) continue;
      const { place, date, actors } = clusters[c];
      // "yesterday’s attack", "the October 7 massacre": only an event told on that very day.
      if (r.named && !(head.named ? date?.value === r.date?.value : date?.precision === 'day' && r.date?.precision === 'day' && date.value === r.date.value)) continue;
      if (head.named && !r.named) continue;
      // A later mention at country level ("bombing inside Qatar") may refer back to an event told at
      // a finer place in that country; an anaphoric one ("the attacks in Qatar") either way round.
      const sameCountry = place !== null && r.place !== null && place.country === r.place.country;
      const contained =
        sameCountry && (r.anaphoric ? place.precision === 'country' || r.place!.precision === 'country' : r.place!.precision === 'country' && place.precision !== 'country');
      if (!weak && (!(samePlace(place, r.place) || contained) || !rangesOverlap(date, r.date))) continue;
      // "19 drones attacked Kharkiv" paragraphs after "U.S. strikes on Iranian facilities": a mention that
      // names its own place joins an unplaced event only when told near it (same paragraph or ≤3 sentences on).
      if (!pointsBack && r.place && !place) {
        const last = clusters[c].mentions[clusters[c].mentions.length - 1].sentence;
        if (r.sentence.paragraph !== last.paragraph && r.sentence.index - last.index > 3) continue;
      }
      if (!actorsCompatible(actors, r.actors)) continue;
      if (r.status !== head.status) continue;
      // Two mentions that each state their own, different figure of one kind are two reports
      // (or two events), not one anaphoric mention: "442 drones downed" vs "80 drones downed".
      const figs = clusters[c].figureKeys;
      if (r.figures.some((f) => [...figs.values()].some((g) => g.kind === f.kind && g.value !== f.value && g.claimant !== f.claimant))) continue;
      if (!pointsBack) {
        target = c;
        break;
      }
      const shared = r.actors.some((a) => actors.some((b) => (b.name ?? b.text) === (a.name ?? a.text)));
      const score = (shared ? 1000 : 0) + clusters[c].mentions.length;
      if (score > best) {
        best = score;
        target = c;
      }
    }
    if (target >= 0) {
      joinCluster(clusters[target], r);
      joined = true;
    }
    if (!joined) clusters.push(newCluster(r));
  }
  const fallback = implied(layers, article);
  const lead = leadEnd(layers.paragraphs, article.text);
  let crossLinks: Array<{ start: number; end: number }> | undefined;
  // Towns inside organisation names ("Tigard Police Department") weigh in as evidence of the setting.
  const towns = townEvidence(layers.places ?? [], lead, article.text, orgTowns(article.text, layers.entities ?? [], layers.mentions ?? [], layers.places ?? []));
  const setting = dominantTown(towns);
  const published = (layers.published?.[0]?.value ?? article.published ?? '').slice(0, 10) || null;
  let undatedAnchor: string | undefined;
  const entityType = new Map((layers.entities ?? []).map((e) => [e.id, e.type]));
  let bySentence: Token[][] | undefined;
  let articleDomain: number | undefined;
  const crimeText = raws.length > 0 && crimeArticle(wordsOf(layers, article.text));
  const disasterText = raws.length > 0 && disasterArticle(wordsOf(layers, article.text));
  const events: EventRecord[] = [];
  const classOf = new Map<string, EventClass>();
  const placesNamed = (layers.places ?? []).filter((p) => p.entity !== 'dateline' && isMappable(p));
  /** Events told with no place of their own (placed at the setting, or nowhere). */
  const placedBySetting = new Set<string>();
  // Arrests told with a protest (same paragraph, up to two sentences on) are its intervention,
  // not an event of their own (ACLED: protest with intervention).
  const protestSpots = clusters.filter((c) => c.mentions[0].cls === 'protest' || c.mentions[0].cls === 'riot').flatMap((c) => c.mentions.map((m) => m.sentence));
  const foldedIntoProtest = (c: Cluster) =>
    c.mentions.every((m) => m.cls === 'arrest' && protestSpots.some((p) => p.paragraph === m.sentence.paragraph && m.sentence.index >= p.index && m.sentence.index - p.index <= 2));
  // Weapons, drugs or goods seized in the course of a fight or attack told just before ("A shoot-out
  // broke out … The police seized a pistol") belong to that operation, not a looting of their own.
  const violentSpots = clusters.filter((c) => VIOLENT.has(c.mentions[0].cls) || c.mentions[0].cls === 'riot').flatMap((c) => c.mentions.map((m) => m.sentence));
  const seizure = (m: RawEvent) => (m.cls === 'loot' || m.cls === 'intercept') && /^(seized|recovered|confiscated|found)$/.test(m.trigger.lower);
  const foldedIntoFight = (c: Cluster) =>
    c.mentions.every((m) => seizure(m) && violentSpots.some((p) => p.paragraph === m.sentence.paragraph && m.sentence.index >= p.index && m.sentence.index - p.index <= 2));
  for (const c of clusters) {
    const ms = c.mentions;
    if (foldedIntoProtest(c) || foldedIntoFight(c)) continue;
    // A lone generic "attack" with no weapon, place or figures is too vague to keep.
    const clsOf = ms.reduce((best, m) => ((SPECIFICITY[m.cls] ?? 2) > (SPECIFICITY[best] ?? 2) ? m.cls : best), ms[0].cls);
    const weapons = new Set<Weapon>();
    for (const m of ms) for (const w of m.weapons) weapons.add(w);
    const actors = argsUnion(ms.map((m) => m.actors));
    // A claimant that belongs to an actor's side ("the Israel Defense Forces said", "Israeli military
    // officials said") is an associated actor of that side.
    for (const m of ms) {
      const c = m.claimant;
      if (!c || c.kind === 'pronoun' || c.kind === 'anonymous') continue;
      const entity = c.entity ? (layers.entities ?? []).find((e) => e.id === c.entity) : undefined;
      let name = entity?.name ?? c.text.replace(/^the\s+/i, '');
      // "the IDF": an acronym of an organisation named in the article ("Israel Defense Forces").
      if (/^[A-Z]{2,6}$/.test(name)) {
        const expanded = (layers.entities ?? []).find((e) => e.type === 'ORG' && e.name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') === name);
        if (expanded) name = expanded.name;
      }
      if (entity && entity.type !== 'ORG') continue;
      const words = name.split(/\s+/);
      const side = actors.find((a) => a.name && (name.includes(a.name) || words.some((w) => countryOfDemonym(w) === a.name)));
      if (side && name !== side.name && /\b(forces?|army|military|defen[cs]e|ministry|navy|air force|IDF|police|guard)\b/i.test(name)) {
        pushArg(actors, { start: c.start, end: c.end, text: c.text, ...(c.entity ? { entity: c.entity } : {}), name });
      }
    }
    const targets = argsUnion(ms.map((m) => m.targets)).filter((t) => !actors.some((a) => (a.name ?? a.text) === (t.name ?? t.text)));
    const turns = ms.map((m) => m.protestTurn);
    const turn = turns.includes('violent') ? 'violent' : turns.includes('excessive') ? 'excessive' : turns.includes('intervention') ? 'intervention' : undefined;
    const acled = acledFor(clsOf, weapons, actors, ms.some((m) => m.securityTarget), ms.some((m) => m.armed), ms.some((m) => m.troops), ms.some((m) => m.exchange), ms.some((m) => m.crowd), turn, ms.some((m) => m.demo), ms.some((m) => m.smallArms));
    const plover = ploverFor(clsOf, weapons);
    if (!acled && !plover) continue;
    if (clsOf === 'attack' && !acled && ms.every((m) => !m.place && !m.figures.length)) continue;
    // A demonstrative mention's own place and date count only when no other mention gives one.
    const own = ms.some((m) => !m.demonstrative) ? ms.filter((m) => !m.demonstrative) : ms;
    // An event named by a place we cannot map ("the Lockerbie bombing") happened there: no setting.
    const textOnly = ms.some((m) => (layers.places ?? []).some((p) => !isMappable(p) && p.end <= m.trigger.start && /^\s+$/.test(article.text.slice(p.end, m.trigger.start))));
    const ownPlace = own.map((m) => m.place).filter((p): p is Place => p !== null).sort((a, b) => rank(b) - rank(a))[0] ?? null;
    // A reference point ("north of New York City", "50 miles from Boston") gives way to the setting; in
    // a note with no setting it stays (ACLED's "20 km north of X" is within 161 km of X, nearer than the
    // province a note also names: dropping it lowered ACLED place Acc@161 81.7 → 81.6).
    const place = sceneOrSetting(ownPlace && setting && followsReferenceWords(article.text, ownPlace.start) ? null : ownPlace, textOnly ? null : setting, textOnly ? undefined : towns);
    const figures: EventFigure[] = [];
    const figureStarts = new Set<number>();
    // A toll told in a link to another story ("WILMINGTON CRIME: … he murdered a man") is that story's.
    crossLinks ??= crossLinkParagraphs(article.text, layers.paragraphs ?? []);
    const links = crossLinks;
    const inLink = (x: number) => links.some((p) => p.start <= x && x < p.end);
    const allLinked = ms.every((m) => inLink(m.trigger.start));
    // A toll told with no place of its own right after another incident told in another state or
    // country ("…a shooter opened fire at Apalachee High School in Barrow County, Georgia. Two teachers
    // and two students were killed in the attack.") is that incident's, not a local event's.
    const home = setting ?? ownPlace;
    const local = home !== null && (!ownPlace || haversineKm(ownPlace, home) <= SETTING_KM);
    const farContext = (m: RawEvent) => {
      if (!local || m.place || !home) return false;
      let before: RawEvent | undefined;
      for (const r of raws) if (r.trigger.start < m.trigger.start && r.sentence.index >= m.sentence.index - 1 && VIOLENT.has(r.cls) && !ms.includes(r)) before = r;
      return !!before?.place && elsewhere(before.place, home, haversineKm(before.place, home), true);
    };
    // "A student shot a classmate, two days after a school shooting left four dead": a mention in an
    // "after …" clause of another mention of the same sentence is another incident; its toll is not this one's.
    const background = (m: RawEvent) =>
      ms.some((o) => o !== m && o.sentence.index === m.sentence.index && o.trigger.start < m.trigger.start && inBackgroundClause(m.sentence.toks, o.trigger.start, m.trigger.end));
    for (const m of ms) for (const f of m.figures) if (!figureStarts.has(f.start) && (allLinked || !inLink(f.start)) && !(isToll(f.kind) && (farContext(m) || background(m)))) {
      figureStarts.add(f.start);
      figures.push(f);
    }
    let date = own.map((m) => m.date).reduce<EventRecord['date']>((best, d) => (dateRank(d) > dateRank(best) ? d : best), null);
    // No date in its own sentence: the nearest told before it in its paragraph, else the report's own.
    date ??= precedingDate(layers, ms[0].sentence.span.start, ms[0].sentence.paragraph) ?? (fallback ? { ...fallback } : null);
    date = narrowToStatedDay(date, layers.times ?? [], lead);
    const killedFigure = figures.find((f) => f.kind === 'killed');
    const claimant =
      (killedFigure ? ms.find((m) => m.figures.includes(killedFigure))?.claimant : null) ?? ms.find((m) => m.claimant)?.claimant ?? null;
    const first = ms[0];
    const mentions = ms.map((m) => ({ start: m.trigger.start, end: m.trigger.end, text: m.trigger.text }));
    const evidence: Span[] = [];
    const evidenceStarts = new Set<number>();
    for (const m of ms) if (!evidenceStarts.has(m.sentence.span.start)) {
      evidenceStarts.add(m.sentence.span.start);
      evidence.push({ ...m.sentence.span });
    }
    const quantityIdx = figures.filter((f) => !isToll(f.kind)).map((f) => f.quantity);
    const record: Omit<EventRecord, 'summary' | 'id'> = {
      start: first.sentence.span.start,
      end: first.sentence.span.end,
      trigger: { start: first.trigger.start, end: first.trigger.end, text: first.trigger.text },
      acled,
      plover,
      actors,
      targets,
      place,
      date,
      quantities: quantityIdx,
      claimant,
      confidence: confidenceOf(ms, acled !== null, place !== null, date?.how === 'stated'),
      status: first.status,
      mentions,
      evidence,
      figures,
    };
    const killed = conservative(figures, 'killed');
    const injured = conservative(figures, 'injured');
    if (killed) record.killed = killed;
    if (injured) record.injured = injured;
    const how = [...new Set(ms.flatMap((m) => (m.tollRule ? [m.rule, m.tollRule] : [m.rule])))];
    if (figures.some((f) => f.kind.startsWith('cumulative_'))) how.push('fig:cumulative');
    const kindWords = ms.flatMap((m) => m.sentence.toks.map((t) => t.lower));
    const { kind, rule } = kindOf({
      cls: clsOf,
      words: kindWords,
      weapons,
      orgActor: actors.some((a) => a.entity !== undefined && entityType.get(a.entity) === 'ORG' && politicalOrg(a.name ?? a.text)),
      crimeArticle: crimeText,
      disasterArticle: disasterText,
      trigger: first.trigger.lower,
      strikeWords: ms.filter((m) => m.cls === 'strike').map((m) => m.trigger.lower),
    });
    record.kind = kind;
    how.push(rule);
    // A deal between companies or clubs is no ACLED agreement.
    if (clsOf === 'agree' && !politicalAgreement(kindWords, actors.some((a) => a.name !== undefined && countryOfName(a.name) !== undefined), actors.some((a) => a.entity !== undefined && entityType.get(a.entity) === 'ORG' && politicalOrg(a.name ?? a.text)))) {
      record.acled = null;
      how.push('kind:not-political-agreement');
    }
    // ACLED and PLOVER code neither accidents nor natural disasters.
    if (kind === 'accident' || kind === 'disaster') {
      record.acled = null;
      record.plover = null;
    }
    // The sense check arbitrates words that have other senses; a told toll is evidence enough (a
    // missile can be thrown from the stands, an explosion be one of sales).
    const hard = killed !== undefined || injured !== undefined;
    const ambiguous = ms.every((m) => AMBIGUOUS_TRIGGERS.has(m.trigger.lower));
    // Protests are left to the rules: the held-out ACLED notes lost protests of workers to the model.
    const model = options.sense === false || hard || !ambiguous || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : senseModel();
    if (model) {
      bySentence ??= tokensBySentence(layers);
      let p = 0;
      for (const f of eventSenseFeatures(article.text, layers.sentences ?? [], bySentence, record)) p = Math.max(p, senseScore(model, f));
      how.push(`sense:${p.toFixed(2)}`);
      if (p < model.threshold) continue;
    }
    // The article-domain check: sport, business, tech or entertainment news makes no conflict event,
    // whatever the word, weapon or toll; protests are ACLED events in any section (a strike of workers is one).
    const domain = options.sense === false || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : domainModel();
    if (domain) {
      articleDomain ??= articleDomainScore(domain, article.text);
      how.push(`domain:${articleDomain.toFixed(2)}`);
      if (articleDomain < domain.threshold) continue;
    }
    const ref = referenceRule({ date, published: published ?? (undatedAnchor ??= undatedArticleAnchor(layers.times ?? []) ?? ''), named: ms.some((m) => m.named), figureKinds: figures.map((f) => f.kind) });
    if (ref) {
      record.reference = true;
      how.push(ref);
    } else if (allLinked) {
      record.reference = true;
      how.push('ref:cross-link');
    } else if (backgroundRaws.has(ms[0])) {
      record.reference = true;
      how.push('ref:background-clause');
    }
    record.how = how;
    classOf.set(`v${events.length}`, clsOf);
    if (!ownPlace) placedBySetting.add(`v${events.length}`);
    events.push({ id: `v${events.length}`, ...record, summary: summarize(record, clsOf, layers.entities) });
  }
  // In a local report, an event with only the report's own date ("Two people were killed, police
  // said.") is the incident told before it: it takes the day of the nearest event before it that
  // states one, at the setting (date:from-story).
  if (setting) {
    const dayOf = events.filter((e) => !e.reference && e.date?.how === 'stated' && e.date.precision === 'day' && (!e.place || haversineKm(e.place, setting) <= SETTING_KM));
    for (const e of events) {
      if (e.reference || e.date?.how !== 'implied' || (e.place && haversineKm(e.place, setting) > SETTING_KM)) continue;
      const before = dayOf.filter((d) => d.start < e.start).sort((a, b) => b.start - a.start)[0];
      if (!before?.date) continue;
      e.date = { ...before.date, how: 'implied' };
      e.how = [...(e.how ?? []), 'date:from-story'];
      // The summary was written with the report's own date; it reads the incident's day now.
      const cls = classOf.get(e.id);
      if (cls) e.summary = summarize(e, cls, layers.entities);
    }
  }
  // Another incident a local report recalls or compares (ref:elsewhere, reference.ts).
  const violentNews = events.filter((e) => !e.reference && e.kind !== undefined && e.kind !== 'conflict' && (e.status ?? 'asserted') === 'asserted');
  const most = Math.max(0, ...violentNews.map((e) => e.mentions?.length ?? 1));
  const main = violentNews.filter((e) => (e.mentions?.length ?? 1) === most);
  // Where the article names no setting, its one most-told incident's place stands for it.
  const home = setting ?? (main.length === 1 ? main[0].place : null);
  for (const e of violentNews) {
    if (!e.killed && !e.injured) continue;
    const lesser = (e.mentions?.length ?? 1) < most;
    const unplaced = placedBySetting.has(e.id);
    const near = unplaced ? contextPlace(placesNamed, layers.sentences ?? [], e.trigger.start) : e.place;
    const rule = !home || !lesser
      ? null
      : near && elsewhere(near, home, haversineKm(near, home), true)
        ? (unplaced ? 'ref:elsewhere-context' : 'ref:elsewhere')
        : main.length === 1 && earlierIncident(e.date, main[0].date)
          ? 'ref:earlier-incident'
          : null;
    if (rule) {
      e.reference = true;
      e.how = [...(e.how ?? []), rule];
    }
  }
  return events;
}

/**
 * Words that open a clause about another, earlier or compared, event ("two days after a shooting left
 * four dead", "in the wake of the midair collision that killed 67", "on the heels of", "echoed another
 * shooting"), and the incident nouns that such a clause names beside the event triggers.
 */
const BACKGROUND_CLAUSE = new Set(['after', 'following', 'since', 'like', 'than', 'wake', 'heels', 'echoed', 'echoes', 'recalled', 'recalls', 'another', 'anniversary']);
const INCIDENT_NOUNS = new Set(['crash', 'collision', 'wreck', 'blaze', 'explosion', 'rampage', 'disaster', 'stabbing', 'derailment']);

/**
 * Whether a figure at `figureStart`, told after the trigger at `triggerStart`, sits in a clause about
 * another event: a background word, then within five words an event noun, then the figure.
 */
function inBackgroundClause(toks: readonly Tok[], triggerStart: number, figureStart: number): boolean {
  for (let k = 0; k < toks.length && toks[k].start < figureStart; k++) {
    if (toks[k].start <= triggerStart || !BACKGROUND_CLAUSE.has(toks[k].lower)) continue;
    for (let j = k + 1; j <= k + 5 && j < toks.length && toks[j].start < figureStart; j++) {
      const t = triggerFor(toks[j].lower);
      if ((t?.noun && VIOLENT.has(t.cls)) || INCIDENT_NOUNS.has(toks[j].lower)) return true;
    }
  }
  return false;
}

/** A violent trigger or an incident noun ("crash", "collision"). */
function eventWord(lower: string): boolean {
  const t = triggerFor(lower);
  return (t !== undefined && VIOLENT.has(t.cls)) || INCIDENT_NOUNS.has(lower);
}

/**
 * Whether the trigger at token i names another incident in a background clause of its sentence:
 * an event word, then a background word ("after", "in the wake of", "echoed another"), then within
 * five words an event noun at or before the trigger ("The crash comes in the wake of the midair
 * collision … that killed 67", "Wednesday's attack echoed another horrific shooting"). A clause that
 * opens the sentence ("After a shooting left two dead, …") is left alone: it may be the news.
 */
function backgroundMention(toks: readonly Tok[], i: number): boolean {
  const first = toks.findIndex((t) => eventWord(t.lower));
  if (first < 0 || first >= i) return false;
  return inBackgroundClause(toks, toks[first].start, toks[i].end);
}

/** The calendar date told nearest before `at` in paragraph `paragraph` ("Saturday night … Officers found him …"). */
function precedingDate(layers: Readonly<Layers>, at: number, paragraph: number): EventRecord['date'] {
  const times = layers.times ?? [];
  const sentences = layers.sentences ?? [];
  let best = -1;
  let si = sentences.length - 1;
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i];
    if (t.end > at || !t.range || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    while (si > 0 && sentences[si].start > t.start) si--;
    if (sentences[si]?.paragraph !== paragraph) break;
    best = i;
    break;
  }
  return best >= 0 ? dateFromTimex(times[best], best) : null;
}

/** The article's words, lower-cased, one pass over the tokens layer. */
function* wordsOf(layers: Readonly<Layers>, text: string): Generator<string> {
  for (const t of layers.tokens ?? []) yield text.slice(t.start, t.end).toLowerCase();
}

function rank(p: Place): number {
  return (p.precision === 'city' || p.precision === 'point' ? 3 : p.precision === 'region' ? 2 : p.precision === 'area' ? 1.5 : 1) + p.confidence;
}

function confidenceOf(ms: RawEvent[], typed: boolean, placed: boolean, dated: boolean): number {
  let c = 0.35 + Math.min(0.2, 0.05 * ms.length);
  if (typed) c += 0.15;
  if (placed) c += 0.1;
  if (dated) c += 0.1;
  if (ms.some((m) => m.actors.length)) c += 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}
