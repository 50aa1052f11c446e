/**
 * Triggers read with their neighbours: "exchanged fire", "opened fire on soldiers", "set on fire",
 * "shot dead", "seized weapons" (disrupted weapons use), "burned houses" (looting), crew-served weapons.
 */
import { BASE_WORD, CONTEXT_HEADS, PERSON_WORD, WEAPON_GOODS } from './extract-words.js';
import { PROPERTY, SECURITY_TARGET, type Trigger, weaponOf } from './lexicon.js';
import { securityTargetAfter } from './participants.js';
import { type Tok, wordIn } from './sentence-view.js';

export function contextualTrigger(toks: Tok[], i: number): Trigger | undefined {
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

/** Weapons seized or recovered (disrupted weapons use); property destroyed or taken (looting). */
export function taken(toks: Tok[], i: number, w: string, passive: boolean): Trigger | undefined {
  if ((w === 'seized' || w === 'recovered' || w === 'confiscated') && wordIn(toks, i + 1, i + 9, WEAPON_GOODS)) return { cls: 'intercept', noun: false };
  return wordIn(toks, i + 1, i + 9, PROPERTY) || (passive && wordIn(toks, i - 6, i, PROPERTY)) ? { cls: 'loot', noun: false } : undefined;
}

/** "heavy machine guns", "grenade launchers": crew-served weapons, coded with shelling. */
export function heavyGuns(toks: Tok[]): boolean {
  return toks.some((t, k) => /^(launchers?|machineguns?|mortars?|cannons?|guns)$/.test(t.lower) && (t.lower !== 'guns' || toks[k - 1]?.lower === 'machine'));
}

/** A person named right after a verb ("executed three men", "attacked a taxi driver"). */
export function personObject(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < Math.min(toks.length, i + 6); k++) {
    const w = toks[k].lower;
    if (PERSON_WORD.test(w)) return true;
    if (!(toks[k].pos === 'DET' || toks[k].pos === 'NUM' || toks[k].pos === 'ADJ' || toks[k].pos === 'PROPN' || /^(an?|the|two|three|several|unknown|number|of|local|elderly|young|taxi|bike)$/.test(w))) return false;
  }
  return false;
}

export function weaponWithin(toks: Tok[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(toks.length, to); i++) {
    const w = weaponOf(toks[i].lower);
    if (w && w !== 'firearm' && w !== 'aircraft') return true;
    if (w === 'aircraft' && /jets?|warplanes?|aircraft|helicopters?/.test(toks[i].lower)) return true;
  }
  return false;
}
