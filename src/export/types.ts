/** The exports take merged events (src/core/merged-event.ts); this name is kept for code written against it. */
export type { EventSource, MergedEvent as ExportEvent } from '../core/merged-event.js';
export { singleSourceEvents, sourceOf } from '../core/merged-event.js';
