/**
 * ACLED and PLOVER typing of a merged event from its class, weapons and sides; the class families and
 * specificity the within-article merge reads.
 */
import type { EventArgument } from '../core/layers.js';
import { ACLED_TYPES, type AcledType, type EventClass, type Weapon } from './lexicon.js';
import type { RawEvent } from './raw-event.js';

export function acledFor(
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

export function ploverFor(cls: EventClass, weapons: Set<Weapon>): { type: string; mode?: string } | null {
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
export function familyOf(cls: EventClass): string {
  if (cls === 'strike' || cls === 'attack' || cls === 'suicide' || cls === 'ied' || cls === 'grenade' || cls === 'killing') return 'violence';
  if (cls === 'clash' || cls === 'regain' || cls === 'overtake') return 'battle';
  return cls;
}

export const SPECIFICITY: Partial<Record<EventClass, number>> = { strike: 5, suicide: 6, ied: 6, grenade: 6, killing: 4, launch: 3, attack: 1 };
