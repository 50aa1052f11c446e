/**
 * Who the sides of a violent event are, for its ACLED type: armed forces as the target, a crowd as
 * the perpetrators, what happened at a protest (the protesters' violence, lethal force, an intervention).
 */
import { passiveSubjectOf } from './arguments.js';
import { AUTHORITIES, CLAUSE_END, CROWD, DEMO_VIOLENCE, INTERVENTION, INTERVENTION_NEEDS_AGENT, NOT_DEMO_VIOLENCE_AFTER, NOT_SECURITY_HEAD, SPEECH, TOPIC_CUES } from './extract-words.js';
import { ARMED, SECURITY_TARGET } from './lexicon.js';
import type { RawEvent } from './raw-event.js';
import type { SentenceView, Tok } from './sentence-view.js';

/** The perpetrators of the trigger are a crowd: the clause's subject, or the agent after "by". */
export function crowdPerpetrator(toks: Tok[], i: number, noun: boolean): boolean {
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
export function protestTurnOf(views: readonly SentenceView[], si: number): RawEvent['protestTurn'] {
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
export function securityTargetAfter(toks: Tok[], i: number, noun = false): boolean {
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
export function passiveArmed(view: SentenceView, i: number): boolean {
  const subject = passiveSubjectOf(view, i);
  return subject !== null && view.toks.some((t) => t.start >= subject.start && t.end <= subject.end && SECURITY_TARGET.has(t.lower));
}

/** "1 policeman", "two soldiers", "three militants": a toll of armed people. */
export function armedUnit(unit: string | null): boolean {
  if (!unit) return false;
  return unit.toLowerCase().split(/\s+/).some((w) => SECURITY_TARGET.has(w));
}
