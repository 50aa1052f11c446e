/** Word lists for reading casualty figures (figures.ts): data, not control flow. */

/** Outcome words that say what happened to the people counted next to them. */
export const KILLED_WORDS = new Set(['killed', 'killing', 'dead', 'died', 'dies', 'die', 'murdered', 'slain', 'fatalities', 'deaths', 'perished', 'executed', 'assassinated', 'gunned']);
/** Nouns of killing whose "of" governs the count of the dead ("the killing of five people", "the deaths of two"). */
export const KILLING_NOUNS = new Set(['killing', 'killings', 'deaths', 'murder', 'murders', 'slaying', 'slayings', 'massacre']);
export const INJURED_WORDS = new Set(['injured', 'injuring', 'wounded', 'wounding', 'hurt', 'injuries', 'hospitalised', 'hospitalized', 'stabbed', 'shot']);

/** Words that, told with a toll, make it a running or period total rather than one event's count. */
export const CUMULATIVE_CUES = new Set(['so far', 'to date', 'in total', 'a total of', 'altogether', 'overall', 'cumulative', 'combined', 'since the start', 'since the beginning', 'since the outbreak']);
/** Period words that make a toll a statistic ("each year", "annually"). */
export const PERIOD_CUES = new Set(['each year', 'every year', 'a year', 'per year', 'annually', 'a day', 'per day', 'each day', 'a week', 'per week', 'this year', 'last year', 'that year', 'since records began']);
/** Plural generic nouns after "killed in": many events counted together ("killed in crashes"). */
export const GENERIC_PLURAL_EVENTS = new Set(['crashes', 'accidents', 'collisions', 'shootings', 'attacks', 'incidents', 'fires', 'floods', 'storms', 'earthquakes', 'conflicts', 'wars', 'clashes', 'bombings', 'strikes', 'wrecks', 'homicides', 'killings', 'violence']);
/** Nouns of a period of rule: a toll "under Gen Pinochet's regime" counts the years of that rule, not one event. */
export const RULE_PERIODS = new Set(['regime', 'rule', 'dictatorship', 'reign', 'junta']);
/** Other outcomes a toll may be lumped with ("killed, injured or made homeless"): then it counts no one outcome. */
export const OTHER_OUTCOMES = new Set(['injured', 'wounded', 'hurt', 'homeless', 'displaced', 'affected', 'missing', 'evacuated', 'left']);
/** Units that make a number an address or a name, not a count ("the 2600 block", "Route 9"). */
export const ADDRESS_UNITS = new Set(['block', 'blocks', 'street', 'avenue', 'road', 'route', 'highway', 'interstate', 'lane', 'drive', 'boulevard', 'floor', 'unit', 'apartment', 'suite']);
/** Words that make a toll a fear or a guess ("may have died", "feared dead", "up to 50,000"): not a count. */
export const SPECULATIVE = new Set(['may', 'might', 'could', 'feared', 'fear', 'fears', 'possibly', 'perhaps', 'would', 'believed', 'thought']);
/** Nouns of the people who attack: a count of them told as the subject of an active verb is not a toll ("two assailants shot and killed …"). */
export const PERPETRATORS = new Set(['assailants', 'attackers', 'gunmen', 'shooters', 'suspects', 'robbers', 'militants', 'terrorists', 'hijackers', 'snipers', 'assassins', 'killers', 'perpetrators', 'intruders']);
