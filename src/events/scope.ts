import type { EventRecord } from '../core/layers.js';

/**
 * ACLED's scope: political violence, protest and strategic developments told as news. Crime, accidents
 * and disasters are events of their own kinds, and a background mention of an earlier event is a
 * reference, not news: neither enters ACLED or PLOVER export, ACLED-typed event lists or conflict
 * fatality totals. Layers stored before `kind` existed count as conflict.
 */
export function inAcledScope(e: Pick<EventRecord, 'kind' | 'reference'>): boolean {
  return (e.kind ?? 'conflict') === 'conflict' && e.reference !== true;
}
