/**
 * Whether an event reports casualties: a death or injury toll, or a count the learned toll attribution
 * withheld (`toll:learned-drop`, toll-model.ts: the text told a number of dead the model did not take
 * for this event's own — unknown, not none — so the event still told of casualties). The ranking of an
 * article's main event (main-choice.ts) and the local report's recalled incidents (local-report.ts) read
 * it, so that withholding a doubtful number does not also demote the incident it was told with.
 */
import type { EventRecord } from '../core/layers.js';

export const TOLL_WITHHELD = 'toll:learned-drop';
/** The same for an injured figure (its own flag: a withheld injured count is no withheld death toll). */
export const INJURED_WITHHELD = 'toll:learned-drop-injured';

export function reportsCasualties(e: Pick<EventRecord, 'killed' | 'injured' | 'how'>): boolean {
  return !!(e.killed || e.injured) || (e.how?.some((h) => h === TOLL_WITHHELD || h === INJURED_WITHHELD) ?? false);
}
