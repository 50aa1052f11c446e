/**
 * The acceptance of ambiguous triggers by the words around them (a person as the object, a weapon, a
 * violent context word, an article that told violence before); triggers read with their neighbours
 * are contextual-trigger.ts.
 */
import { contextualTrigger, personObject, weaponWithin } from './contextual-trigger.js';
import { type EventClass, INJURED_ROLES, LABOUR_WORDS, KILLED_ROLES, NON_VIOLENT_AFTER, NON_VIOLENT_BEFORE, PROPERTY, SHOW_SENSE_VERBS, type Trigger, VIOLENT_CONTEXT, triggerFor } from './lexicon.js';
import { type SentenceView, type Tok, wordIn } from './sentence-view.js';

/** Ambiguous triggers that may not count as their own violent context in a sentence of LABOUR_WORDS. */
const SELF_CONTEXT: ReadonlySet<string> = new Set(['strike', 'strikes']);

export function clsNeedsViolentContext(trigger: Trigger): boolean {
  return Boolean(trigger.ambiguous);
}

/** A violent context word in the sentence (other than the token at `besides`, when given) or a toll. */
export function hasViolentContext(toks: Tok[], quantities: SentenceView['quantities'], besides = -1): boolean {
  for (let k = 0; k < toks.length; k++) if (k !== besides && VIOLENT_CONTEXT.has(toks[k].lower)) return true;
  for (const { q } of quantities) if (q.role && (KILLED_ROLES.has(q.role) || INJURED_ROLES.has(q.role))) return true;
  return false;
}

/** Accepts or rejects an ambiguous trigger by the words around it. */
export function accept(cls: EventClass, trigger: Trigger, toks: Tok[], i: number, view: SentenceView, priorViolent: boolean): boolean {
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
  // "strike"/"strikes" is itself a violent context word ("U.S. strikes on Iranian facilities"), but not
  // in a sentence of labour relations: "until both strikes are settled", "labor unions have called for
  // protests and strikes" are labour strikes.
  const self = SELF_CONTEXT.has(toks[i].lower) && toks.some((t) => LABOUR_WORDS.has(t.lower));
  if (hasViolentContext(toks, view.quantities, self ? i : -1)) return true;
  return priorViolent && trigger.noun && (cls === 'strike' || cls === 'attack') && /^(the|this|that|these|those|such|’s|'s)$/.test(prev);
}
