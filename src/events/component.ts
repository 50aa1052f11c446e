/**
 * The `events` stage: ACLED- and PLOVER-typed events with their actors, targets, place, date,
 * deaths, injuries, weapon counts, claimant and evidence (extract.ts). Runs after places.
 */
import type { Component } from '../core/pipeline.js';
import { extractEvents } from './extract.js';

export const events: Component = {
  name: 'events',
  version: '1.0.0',
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'published', 'times', 'quotes', 'quantities', 'places'],
  assigns: ['events'],
  run(article, layers) {
    return { events: extractEvents(article, layers) };
  },
};
