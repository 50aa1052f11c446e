/**
 * What the system said about one event, in the flat form stored in the hand-checked sample and compared
 * on re-scoring. The evidence is the one sentence that carries the trigger (never more of the article).
 */
import type { EventRecord } from '../core/layers.js';

export interface SystemSaid {
  trigger: string;
  kind: string;
  acled: string | null;
  plover: string | null;
  status: string;
  reference: boolean;
  place: string | null;
  date: string | null;
  killed: number | null;
  injured: number | null;
}

export function evidenceText(text: string, e: EventRecord): string {
  const span = e.evidence?.find((s) => s.start <= e.trigger.start && e.trigger.end <= s.end) ?? e.evidence?.[0] ?? e;
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

export function systemSaid(e: EventRecord): SystemSaid {
  const d = e.date;
  return {
    trigger: e.trigger.text,
    kind: e.kind ?? 'conflict',
    acled: e.acled ? `${e.acled.eventType} / ${e.acled.subEventType}` : null,
    plover: e.plover ? [e.plover.type, e.plover.mode].filter(Boolean).join(' / ') : null,
    status: e.status ?? 'asserted',
    reference: e.reference ?? false,
    place: e.place ? `${e.place.name}, ${e.place.country ?? '?'} (${e.place.precision}, ${e.place.confidence.toFixed(2)})` : null,
    date: d ? `${d.range ? `${d.range.from}/${d.range.to}` : d.value} ${d.precision}${d.how ? ` ${d.how}` : ''}` : null,
    killed: e.killed?.value ?? null,
    injured: e.injured?.value ?? null,
  };
}

/** The fields a verdict judges, and which parts of what the system said each one depends on. */
export const VERDICT_FIELDS = {
  real: ['trigger', 'status', 'reference', 'kind'],
  typed: ['acled', 'plover', 'kind'],
  placed: ['place'],
  dated: ['date'],
  counted: ['killed', 'injured'],
} as const satisfies Record<string, ReadonlyArray<keyof SystemSaid>>;

export type VerdictField = keyof typeof VERDICT_FIELDS;
