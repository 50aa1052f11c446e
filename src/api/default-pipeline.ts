/**
 * The default analysis pipeline, in order. Each stage lives in its own folder (see ARCHITECTURE.md);
 * add a component by importing it here at its place in the order. `assemblePipeline` checks
 * that every stage's requirements are assigned earlier.
 */
import { assemblePipeline, type Component, type Pipeline } from '../core/pipeline.js';
import { entities } from '../entities/component.js';
import { events } from '../events/component.js';
import { places } from '../places/component.js';
import { quantities } from '../quantities/quantities.js';
import { quotes } from '../quotes/quotes.js';
import { segment } from '../segment/segment.js';
import { time } from '../time/time.js';

export const DEFAULT_COMPONENTS: readonly Component[] = [
  segment,
  entities,
  time,
  quotes,
  quantities,
  places,
  events,
];

let cached: Pipeline | null = null;

export function defaultPipeline(): Pipeline {
  cached ??= assemblePipeline(DEFAULT_COMPONENTS);
  return cached;
}
