/**
 * Whether a toll told in a later sentence than its would-be host event may be that event's: its own
 * sentence must tell violence ("Two were killed", "the attack left five dead", "three soldiers
 * died") or name the host's trigger. A count in a sentence about a disaster, a disease or an accident
 * ("16 personnel are confirmed dead" after the quake, "five patients died from lack of supplies",
 * "died in the floods") is not a violent event's toll: precision first, it is left out.
 */
import { ACCIDENT_STRONG, ARMED_GROUP_WORDS, ATTACK_WORDS, DISASTER_WORDS } from './kind-words.js';
import type { RawEvent } from './raw-event.js';
import type { SentenceView } from './sentence-view.js';

/** Diseases and want: a death told with one is no violent event's. */
export const DISEASE_WORDS: ReadonlySet<string> = new Set(
  `disease diseases illness virus viruses outbreak outbreaks epidemic epidemics pandemic cholera malaria measles ebola
  covid covid-19 coronavirus flu influenza infection infections infected cancer starvation starved malnutrition hunger
  famine dehydration patients overdose overdoses`.trim().split(/\s+/),
);

/** Verbs and nouns that tell a killing or wounding by an agent (not "died", "dead", "injured", "hurt"). */
export const AGENT_HARM: ReadonlySet<string> = new Set(
  `killed killing killings slain murdered assassinated executed beheaded lynched massacred massacre gunned stabbed shot
  wounded wounding clash clashes clashed fighting violence unrest riot riots rioting`.trim().split(/\s+/),
);

/**
 * True when a toll of `view` may join `host`, an event told in an earlier sentence. A word of attack,
 * armed force or the host's own trigger always tells violence; a hazard, disease or accident word
 * (without one) never does. In an article about a natural disaster (`disasterArticle`) a bare "dead"
 * or "died" does not either: the toll must name an agent of harm ("killed", "shot", "clashes").
 */
export function tollSentenceTellsViolence(view: SentenceView, host: RawEvent, disasterArticle: () => boolean): boolean {
  if (host.sentence.index === view.index) return true;
  const trigger = host.trigger.lower;
  let harm = false;
  let hazard = false;
  for (const t of view.toks) {
    const w = t.lower;
    if (w === trigger || ATTACK_WORDS.has(w) || ARMED_GROUP_WORDS.has(w)) return true;
    if (DISASTER_WORDS.has(w) || DISEASE_WORDS.has(w) || ACCIDENT_STRONG.has(w)) hazard = true;
    else if (AGENT_HARM.has(w)) harm = true;
  }
  if (hazard) return false;
  return harm || !disasterArticle();
}

/**
 * "five patients died from lack of the supplies", "48 people have died of the virus": a death told in
 * a sentence of disease or want, with no agent of harm, is no killing event of its own (kind.ts would
 * drop it alone, but merged into a violent event its toll would count).
 */
export function diseaseDeath(view: SentenceView): boolean {
  let disease = false;
  for (const t of view.toks) {
    const w = t.lower;
    if (ATTACK_WORDS.has(w) || ARMED_GROUP_WORDS.has(w) || AGENT_HARM.has(w)) return false;
    if (DISEASE_WORDS.has(w)) disease = true;
  }
  return disease;
}
