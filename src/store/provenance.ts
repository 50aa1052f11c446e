/**
 * Layer provenance shared by the stores: an article's layers were made by a set of components (name +
 * version), stored once per distinct set (almost every article of a database shares one) and referred
 * to by a small integer on the article row.
 */
import type { ComponentVersion } from '../core/pipeline.js';
import type { StaleQuery } from './store.js';

/** The components of the pipeline when provenance began to be recorded (schema 6): what older layers were made by, at an unknown version. */
export const PRE_PROVENANCE: readonly ComponentVersion[] = ['segment', 'entities', 'time', 'quotes', 'quantities', 'places', 'events'].map((name) => ({ name, version: 'unknown' }));

/** The stored form of a set: a JSON list of [name, version] pairs in pipeline order (equal sets, equal strings). */
export function encodeComponents(components: readonly ComponentVersion[]): string {
  return JSON.stringify(components.map((c) => [c.name, c.version]));
}

export function decodeComponents(text: string): ComponentVersion[] {
  return (JSON.parse(text) as Array<[string, string]>).map(([name, version]) => ({ name, version }));
}

/** Whether layers made by `stored` differ from what `current` would make (for one component, or for any). */
export function isStale(stored: readonly ComponentVersion[] | null, current: readonly ComponentVersion[], query: StaleQuery = {}): boolean {
  if (!stored) return true;
  if (query.component !== undefined) {
    const now = current.find((c) => c.name === query.component);
    const then = stored.find((c) => c.name === query.component);
    return now?.version !== then?.version;
  }
  return encodeComponents(stored) !== encodeComponents(current);
}
