/**
 * A day told as the modifier of an incident noun, a feature of the learned main-event choice's day
 * candidates (main-choice-features.ts): "Saturday's attack", "Monday night's shooting", "the Jan. 8
 * missile attack", "Thursday's killing". A follow-up or a statement a day or more later names its
 * incident by its day this way ("Zarif warned Thursday … Saturday's attack"), while the statement's own
 * day stands beside a verb of saying.
 *
 * - `dayNounTitle`: some mention of the day modifies an incident noun that shares its stem with an
 *   incident word of the headline (the report's own incident rather than one recalled: "the Jan. 6
 *   attack" in a report of a Saturday shooting). A feature for any incident noun (`dayNoun`) was tried
 *   too and left out: dev CV 78.7 either way, nested CV 75.5 with it against 76.7 without.
 */
import { stem } from './main-choice-day-context.js';

const NOUN = /^(shooting|shootings|attack|attacks|strike|strikes|bombing|bombings|blast|explosion|killing|killings|stabbing|stabbings|crash|collision|fire|blaze|rampage|massacre|ambush|raid|assault|violence|clashes|riot|riots|standoff|derailment|stampede|crush|incident)$/i;
/** Up to three modifiers between the day and its noun ("Saturday's racist attack", "the Jan. 8 Iranian missile attack"). */
const POSSESSIVE = /^(?:\s+(?:night|morning|evening|afternoon))?['’]s?((?:\s+[\p{L}-]+){1,4})/u;
const STOP = /^(on|in|at|of|by|with|for|to|from|the|a|an|that|which|who|and|or|but|was|were|is|are|has|had|have|will|after|before)$/i;
const ATTRIBUTIVE = /^((?:\s+[\p{L}-]+){1,3})/u;

/** Features of a day told at the spans `ts` of `text`, given the headline's incident stems. */
export function dayNounFeatures(text: string, ts: ReadonlyArray<{ start: number; end: number }>, titleStems: ReadonlySet<string>): string[] {
  let titled = false;
  for (const t of ts) {
    const after = text.slice(t.end, t.end + 60);
    let m = POSSESSIVE.exec(after);
    if (!m && /\bthe\s+$/i.test(text.slice(Math.max(0, t.start - 5), t.start))) m = ATTRIBUTIVE.exec(after);
    if (!m) continue;
    // The noun is the first incident noun among the modifiers and the head ("Saturday's drone attack").
    const words = m[1].trim().split(/\s+/);
    // Only the noun phrase the day modifies: "Thursday's meeting on the attack" is a meeting's day.
    const stop = words.findIndex((w) => STOP.test(w));
    const hit = (stop < 0 ? words : words.slice(0, stop)).find((w) => NOUN.test(w));
    if (!hit) continue;
    if (titleStems.has(stem(hit))) titled = true;
  }
  return titled ? ['dayNounTitle'] : [];
}
