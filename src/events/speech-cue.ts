/**
 * Speech verbs are no events: a conflict trigger that is the cue of a quote ("Wass protested, 'That is
 * completely untrue.'", "'Read the note!' Mandel shot back", "he fired back at critics") reports what
 * someone said, not a protest or an attack. The quotes stage found the cue; an ACLED-typed conflict
 * event every mention of which is a quote's cue is dropped (rule id `speech-cue`, counted by the
 * nonconflict eval). An event with one mention outside a cue keeps it ("protesters marched … 'We want
 * justice,' one protester shouted" keeps the march).
 */
import type { EventRecord, Layers } from '../core/layers.js';

type Span = { start: number; end: number };

function inside(t: Span, cues: readonly Span[]): boolean {
  return cues.some((c) => c.start <= t.start && t.end <= c.end);
}

/** The events less the conflict events told only by a quote's speech verb. */
export function speechCueVeto(layers: Readonly<Layers>, events: EventRecord[]): EventRecord[] {
  const cues = (layers.quotes ?? []).flatMap((q) => (q.cue ? [q.cue] : []));
  if (!cues.length) return events;
  return events.filter((e) => {
    if (!e.acled || (e.kind ?? 'conflict') !== 'conflict') return true;
    const triggers = e.mentions?.length ? e.mentions : [e.trigger];
    return !triggers.every((t) => inside(t, cues));
  });
}
