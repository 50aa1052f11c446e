/**
 * The ids recorded in an event's `how`, in the order the stages run: the candidate that proposed a
 * mention, the toll rules that gave it a figure told without a number, the refiners that decided its
 * kind, whether it is background, and the sense checks' scores (`sense:0.83` from extract.ts's word-list check, `sense-all:0.83` from sense-veto.ts; not listed).
 */
export const RULES: Readonly<Record<string, string>> = {
  'trigger:lexicon': 'a trigger word of the lexicon (lexicon.ts)',
  'trigger:context': 'a trigger read with its neighbours ("opened fire", "set on fire", "shot dead")',
  'trigger:lead-accident': 'a crash, fire or crowd crush told in the lead of a report with no violent event there (lead-accident.ts)',
  'trigger:found-dead': '"found/shot/beaten dead"',
  'trigger:weapon-fire': '"artillery/sniper/gun fire"',
  'trigger:troops-moved': 'troops "arrived/deployed/sent"',
  'toll:stated-count': 'a killing told only by a stated count ("Two were killed")',
  'toll:pair-dead': '"a woman and her son were found dead" (two)',
  'toll:single-dead': '"a man was shot dead", "the victim was pronounced dead" (one)',
  'toll:single-object': '"gunmen killed a farmer" (one)',
  'toll:body-found': '"the body of a man was found" (one)',
  'toll:victim-died': '"the victim died", "both victims died"',
  'toll:single-died': '"a man has died after he was stabbed" (needs a cue or an event before it)',
  'toll:pronoun-dead': '"he was pronounced dead", "she died of her injuries" (needs a cue or an event before it)',
  'toll:learned-drop': 'the learned toll attribution withheld a killed figure told with the event (toll-model.ts): unknown, not none',
  'toll:learned-drop-injured': 'the learned toll attribution withheld an injured figure told with the event (toll-model.ts)',
  'toll:single-injured': '"a woman was injured", "a man was shot in the leg" (one injured, given to an event told just before)',
  'fig:cumulative': 'a running total or statistic was told with it, or a toll above SINGLE_EVENT_MAX (never its toll)',
  'kind:disaster': 'a natural hazard in its sentence, no attack',
  'kind:lead-accident': 'a lead crash, fire or crowd crush with no attack, armed group or remote weapon told with it: an accident',
  'kind:disaster-cause': 'another class told with a natural hazard and no attack, armed group or remote weapon: its cause',
  'kind:disaster-article': 'a bare toll in an article about a natural disaster, no attack',
  'kind:accident': 'a crash, fall, drowning, fire or vehicle hit, no attack',
  'kind:conflict-class': 'a class that is political or military by itself, or a remote weapon',
  'kind:conflict-actor': 'an armed group, state forces, a political organisation, target or setting',
  'kind:crime': 'violence told with the words of crime reporting, no political actor',
  'kind:crime-article': 'violence in an article of crime reporting, no political actor',
  'kind:conflict-default': 'violence with no sign either way (the style of monitors\u2019 notes)',
  'kind:not-political-agreement': 'an agreement between companies or clubs: no ACLED type',
  'ref:named': 'a date-named earlier event ("the October 7 attack")',
  'ref:dated-before': 'dated more than REFERENCE_DAYS before the article',
  'ref:cumulative': 'told only with running totals',
  'date:learned': 'the main incident\u2019s day chosen by the learned model over the rules\u2019 (main-choice.ts)',
  'date:learned-unsure': 'the learned model doubts the main incident\u2019s stated day: kept, confidence lowered',
  'place:learned': 'the main incident\u2019s town chosen by the learned model over the rules\u2019 (main-choice.ts)',
  'date:from-story': 'a local report\u2019s event with only the report\u2019s date takes the day of the incident told before it',
  'ref:elsewhere': 'a lesser event in another state or country, far from a local article\u2019s setting',
  'ref:cross-link': 'told only in a link to another story ("RELATED:", "BACKGROUND:")',
};

/** Whether a `how` entry is a known rule id (or a sense score). */
export function knownRule(id: string): boolean {
  return id in RULES || /^(sense|sense-all|domain):\d\.\d\d$/.test(id);
}
