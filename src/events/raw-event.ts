/**
 * One event mention as the candidates find it in a sentence, before the mentions of one event are
 * merged within the article (extract.ts).
 */
import type { EventArgument, EventFigure, EventRecord, Place, SpeakerRef } from '../core/layers.js';
import type { EventClass, Weapon } from './lexicon.js';
import type { SentenceView, Tok } from './sentence-view.js';

export interface RawEvent {
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
