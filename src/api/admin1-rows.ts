/**
 * Merged events as the API and CLI list them: each with the name of its place's first-level division
 * (`admin1`: "Nineveh" for Mosul; null when unknown), so a reader and the events table need no second
 * lookup. Named from the code the place carries (places/admin1.ts); a place stored without a code is not
 * looked up in the gazetteer here (seconds to load once, for a list page).
 */
import type { MergedEvent } from '../core/merged-event.js';
import { admin1OfPlace } from '../places/admin1.js';

export type MergedEventRow = MergedEvent & { admin1: string | null };

export function withAdmin1(items: readonly MergedEvent[]): MergedEventRow[] {
  return items.map((m) => ({ ...m, admin1: admin1OfPlace(m.event.place, { townLookup: false }) }));
}
