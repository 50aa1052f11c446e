/**
 * The `events` stage: ACLED- and PLOVER-typed events with their actors, targets, place, date,
 * deaths, injuries, weapon counts, claimant and evidence (extract.ts). Runs after places.
 *
 * Places the gazetteer lacks and the places stage put near another place (`near`) are not offered
 * as an event's scene: on the tuning rows of ACLED's notes (0–999) they added placed events but no
 * correct ones (placed 65.7% → 71.5%, within 161 km of the placed 84.8% → 77.6%).
 */
import type { Component } from '../core/pipeline.js';
import { extractEvents } from './extract.js';
import { senseVeto } from './sense-veto.js';
import { speechCueVeto } from './speech-cue.js';
import { fictionVeto } from './fiction.js';

export const events: Component = {
  name: 'events',
  version: '1.5.3',
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'published', 'times', 'quotes', 'quantities', 'places'],
  assigns: ['events'],
  run(article, layers) {
    // extract.ts takes only mappable places as a scene (places/mappable.ts); it sees the others as text.
    // The learned sense check then arbitrates every conflict event (sense-veto.ts); a quote's speech verb
    // ("protested", "shot back") is no event (speech-cue.ts), nor a film's or novel's plot (fiction.ts).
    return { events: fictionVeto(article.text, layers, speechCueVeto(layers, senseVeto(article, layers, extractEvents(article, layers)))) };
  },
};
